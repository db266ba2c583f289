package org.cloak.pixel.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * A file's own identifiers as OCR might read them in its pixels: every component of the
 * patient's, referring and performing physicians' names (in any order: words are matched
 * one by one), the patient ID and other IDs, the accession number, the study, series,
 * acquisition and birth dates in common formats, and the institution's name words. Words are
 * compared in upper case with everything but letters and digits removed, letters OCR takes for
 * digits folded together, and one character of difference allowed in identifiers of 6 or more.
 */
public final class Identifiers {
    private static final int[] NAMES = {Tag.PatientName, Tag.ReferringPhysicianName, Tag.PerformingPhysicianName,
        Tag.OperatorsName, Tag.OtherPatientNames};
    private static final int[] IDS = {Tag.PatientID, Tag.AccessionNumber, Tag.OtherPatientIDs, Tag.StudyID};
    private static final int[] DATES = {Tag.PatientBirthDate, Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate,
        Tag.ContentDate};
    private static final List<String> DATE_FORMATS = List.of("yyyyMMdd", "yyyy-MM-dd", "dd/MM/yyyy",
            "MM/dd/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "dd-MMM-yyyy", "ddMMMyyyy", "MMM dd yyyy", "dd/MM/yy",
            "MM/dd/yy", "yyyy/MM/dd");
    private static final int MIN_PART = 3;

    private final Set<String> tokens;

    private Identifiers(Set<String> tokens) {
        this.tokens = Set.copyOf(tokens);
    }

    /** The identifiers of an original header. */
    public static Identifiers of(DataSet ds) {
        Set<String> t = new HashSet<>();
        for (int tag : NAMES) {
            for (String v : ds.getStrings(tag)) {
                for (String part : v.split("[\\^= ,]+")) {
                    add(t, part);
                }
            }
        }
        for (int tag : IDS) {
            for (String v : ds.getStrings(tag)) {
                add(t, v);
            }
        }
        for (String v : ds.getStrings(Tag.InstitutionName)) {
            for (String part : v.split("\\s+")) {
                add(t, part);
            }
        }
        for (int tag : DATES) {
            String v = ds.getString(tag);
            if (v == null || v.trim().length() < 8) {
                continue;
            }
            try {
                LocalDate d = LocalDate.parse(v.trim().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
                for (String f : DATE_FORMATS) {
                    add(t, d.format(DateTimeFormatter.ofPattern(f, Locale.ENGLISH)));
                }
            } catch (DateTimeParseException e) {
                // not a date: nothing to look for
            }
        }
        return new Identifiers(t);
    }

    /** Whether any identifier is known (an empty header gives nothing to match). */
    public boolean isEmpty() { return tokens.isEmpty(); }

    /** Whether an OCR word is, or holds, one of the identifiers. */
    public boolean matches(String word) {
        String w = normalize(word);
        if (w.length() < 2) {
            return false;
        }
        if (tokens.contains(w)) {
            return true;
        }
        String ws = shape(w);
        for (String t : tokens) {
            String ts = shape(t);
            if (ws.equals(ts) || (t.length() >= 4 && ws.contains(ts))
                    || (t.length() >= 6 && Math.abs(t.length() - w.length()) <= 1 && withinOneEdit(ws, ts))) {
                return true;
            }
        }
        return false;
    }

    /** Letters OCR confuses with digits read as the digit (O and 0, I and 1...). */
    private static String shape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'Q', 'D' -> '0';
                case 'I', 'L', 'T' -> '1';
                case 'S' -> '5';
                case 'B' -> '8';
                case 'Z' -> '2';
                case 'G' -> '6';
                default -> c;
            });
        }
        return b.toString();
    }

    /** At most one character inserted, removed or replaced. */
    private static boolean withinOneEdit(String a, String b) {
        if (a.length() > b.length()) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + Math.min(1, a.length() - i)).equals(b.substring(i + Math.min(1, b.length() - i)));
        }
        return a.substring(i).equals(b.substring(i + 1));
    }

    /** Upper case, letters and digits only. */
    public static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.toUpperCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static void add(Set<String> t, String v) {
        String n = normalize(v);
        if (n.length() >= MIN_PART || (n.length() >= 2 && n.chars().allMatch(Character::isDigit))) {
            t.add(n);
        }
    }
}
