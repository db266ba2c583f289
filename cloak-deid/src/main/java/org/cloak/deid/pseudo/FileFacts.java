package org.cloak.deid.pseudo;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * What pseudonymization reads from one input file: its original PatientID, study, study date
 * and where it lies under its input folder.
 *
 * @param patientId original PatientID, "" when absent
 * @param studyUid StudyInstanceUID, "" when absent
 * @param date StudyDate, else SeriesDate, AcquisitionDate or ContentDate; null when none parses
 * @param topFolder key of the top folder: the input root joined with the first folder of the
 *     relative path, or the input root itself for a file lying directly in it
 * @param folders folder names of the relative path, top first; for a file lying directly in the
 *     input root, the root's own name
 */
record FileFacts(String patientId, String studyUid, LocalDate date, String topFolder, List<String> folders)
        implements Serializable {
    /**
     * Prefix of the identity of a file without PatientID: its study. A backslash cannot occur
     * in a PatientID (LO), so no real ID collides with it.
     */
    static final String NO_ID_PREFIX = "\\study:";
    private static final int[] DATE_TAGS = {Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate};

    static FileFacts of(DataSet header, Origin origin) {
        List<String> folders = new ArrayList<>(origin.folders());
        String root = origin.root();
        String top;
        if (!folders.isEmpty()) {
            top = root.isEmpty() ? folders.get(0) : root + (root.endsWith("/") ? "" : "/") + folders.get(0);
        } else {
            top = root;
            if (origin.rootName() != null) {
                folders.add(origin.rootName());
            }
        }
        return new FileFacts(orEmpty(header.getString(Tag.PatientID)), orEmpty(header.getString(Tag.StudyInstanceUID)),
                studyDate(header), top, List.copyOf(folders));
    }

    /**
     * Whom the file belongs to for pseudonymization: the original PatientID, or, when that is
     * empty or missing, the file's own study, so that unrelated files without an ID (an SR, an RT
     * plan, a DICOMDIR of another patient) are never merged into one patient.
     */
    String patientKey() {
        return !patientId.isEmpty() ? patientId : NO_ID_PREFIX + studyUid;
    }

    /** The same file without its date: what identifies the patient and study it belongs to. */
    FileFacts identity() {
        return date == null ? this : new FileFacts(patientId, studyUid, null, topFolder, folders);
    }

    /** The folder at {@code depth} (0 = top), or null when the path is not that deep. */
    String folderAt(int depth) {
        return depth >= 0 && depth < folders.size() ? folders.get(depth) : null;
    }

    private static LocalDate studyDate(DataSet header) {
        for (int tag : DATE_TAGS) {
            String v = header.getString(tag);
            if (v != null && v.length() >= 8) {
                LocalDate d = basicIsoDate(v);
                if (d != null) {
                    return d;
                }
                // an unparseable date says nothing about when the study was; try the next one
            }
        }
        return null;
    }

    /**
     * The date in the first eight characters (YYYYMMDD, ASCII digits, a real calendar day), or
     * null: what {@code DateTimeFormatter.BASIC_ISO_DATE} accepts there, without its cost per file.
     */
    static LocalDate basicIsoDate(String v) {
        int n = 0;
        for (int i = 0; i < 8; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        try {
            return LocalDate.of(n / 10000, n / 100 % 100, n % 100);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }
}
