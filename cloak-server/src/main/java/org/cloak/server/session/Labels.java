package org.cloak.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * Subject and session labels, and where they go in the DICOM (the documented mapping, as
 * XNAT's): PatientName and PatientID carry the subject label, StudyID the session label. Labels
 * are folder names too, so they are restricted to letters, digits, '_' and '-': a subject label
 * up to 64 characters (LO), a session label up to 16 (SH).
 */
public final class Labels {
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");

    private Labels() {}

    public static boolean validSubject(String s) {
        return s != null && SUBJECT.matcher(s).matches();
    }

    public static boolean validSession(String s) {
        return s != null && SESSION.matcher(s).matches();
    }

    public static String checkSubject(String s) {
        if (!validSubject(s)) {
            throw new IllegalArgumentException("a subject label is 1 to 64 letters, digits, '_' or '-'");
        }
        return s;
    }

    public static String checkSession(String s) {
        if (!validSession(s)) {
            throw new IllegalArgumentException("a session label is 1 to 16 letters, digits, '_' or '-'");
        }
        return s;
    }

    /** The default subject label: the de-identified PatientID when it is a valid label, else a hash of it. */
    public static String subjectFrom(DataSet deidentified) {
        String id = deidentified.getString(Tag.PatientID);
        if (id != null) {
            id = id.strip();
        }
        if (validSubject(id)) {
            return id;
        }
        return "S" + hash(id == null ? "" : id).substring(0, 12);
    }

    /** The default session label: a short hash of the de-identified StudyInstanceUID. */
    public static String sessionFrom(String studyUid) {
        return "E" + hash(studyUid).substring(0, 10);
    }

    /** Writes the labels into a (de-identified) data set. */
    public static void apply(DataSet ds, String subject, String session) {
        ds.setString(Tag.PatientName, Vr.PN, subject);
        ds.setString(Tag.PatientID, Vr.LO, subject);
        ds.setString(Tag.StudyID, Vr.SH, session);
    }

    /** SHA-256 of a text, hex: names and labels derived from values carry only this. */
    public static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
