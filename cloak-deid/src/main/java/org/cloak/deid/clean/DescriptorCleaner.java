package org.cloak.deid.clean;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * Removes a patient's known identifying values from free text: each name component and common
 * orderings, IDs, accession number, birth date in common formats, institution and physician
 * names. Matching ignores case; longer values go first so that a full name is removed before
 * its parts.
 */
public final class DescriptorCleaner {
    private static final int[] NAME_TAGS = {Tag.PatientName, Tag.OtherPatientNames, Tag.PatientBirthName,
        Tag.PatientMotherBirthName, Tag.ReferringPhysicianName, Tag.PerformingPhysicianName,
        Tag.NameOfPhysiciansReadingStudy, Tag.OperatorsName, Tag.RequestingPhysician};
    private static final int[] ID_TAGS = {Tag.PatientID, Tag.OtherPatientIDs, Tag.AccessionNumber,
        Tag.IssuerOfPatientID, Tag.MedicalRecordLocator, Tag.StudyID};
    private static final int[] PLACE_TAGS = {Tag.InstitutionName, Tag.InstitutionAddress,
        Tag.InstitutionalDepartmentName, Tag.PatientAddress, Tag.StationName};
    private static final int MIN_LENGTH = 3;

    private final DataSet original;
    private Pattern pattern;
    private boolean compiled;

    private DescriptorCleaner(DataSet original) {
        this.original = original;
    }

    /**
     * A cleaner for the identifying values found in a data set's top level. The pattern is
     * compiled on the first {@link #clean} call: most data sets have nothing to clean.
     */
    public static DescriptorCleaner forDataSet(DataSet original) {
        return new DescriptorCleaner(original);
    }

    /** The identifying values a cleaner (and the verifier) looks for. */
    public static List<String> knownValues(DataSet ds) {
        Set<String> values = new LinkedHashSet<>();
        for (int tag : NAME_TAGS) {
            for (String name : ds.getStrings(tag)) {
                values.addAll(nameForms(name));
            }
        }
        for (int tag : ID_TAGS) {
            addAll(values, ds.getStrings(tag));
        }
        for (int tag : PLACE_TAGS) {
            addAll(values, ds.getStrings(tag));
        }
        String birth = ds.getString(Tag.PatientBirthDate);
        if (birth != null) {
            values.addAll(dateForms(birth));
        }
        values.removeIf(v -> v.length() < MIN_LENGTH);
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** A person name's components and orderings: "DOE^JANE" gives DOE, JANE, JANE DOE, DOE JANE, DOE, JANE... */
    public static List<String> nameForms(String pn) {
        List<String> out = new ArrayList<>();
        for (String group : pn.split("=")) {
            String[] c = group.split("\\^");
            List<String> parts = new ArrayList<>();
            for (String p : c) {
                if (!p.isBlank()) {
                    parts.add(p.trim());
                }
            }
            if (parts.size() >= 2) {
                String family = parts.get(0);
                String given = parts.get(1);
                out.add(given + " " + family);
                out.add(family + " " + given);
                out.add(family + ", " + given);
                out.add(family + "^" + given);
            }
            out.addAll(parts);
            for (String p : parts) {
                for (String word : p.split("[\\s-]+")) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** A date as YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY (and DD/MM/YYYY). */
    public static List<String> dateForms(String da) {
        List<String> out = new ArrayList<>();
        try {
            LocalDate d = LocalDate.parse(da.trim().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            for (String f : new String[] {"yyyyMMdd", "yyyy-MM-dd", "MM/dd/yyyy", "dd.MM.yyyy", "dd/MM/yyyy",
                    "yyyy.MM.dd"}) {
                out.add(DateTimeFormatter.ofPattern(f).format(d));
            }
        } catch (RuntimeException e) {
            out.add(da.trim());
        }
        return out;
    }

    private static void addAll(Set<String> values, String[] strings) {
        for (String s : strings) {
            if (!s.isBlank()) {
                values.add(s.trim());
            }
        }
    }

    private static Pattern compile(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            boolean wordLike = Character.isLetterOrDigit(v.charAt(0))
                    && Character.isLetterOrDigit(v.charAt(v.length() - 1));
            sb.append(wordLike ? "(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])" : Pattern.quote(v));
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The text with every known value removed and the whitespace left behind tidied. */
    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!compiled) {
            pattern = compile(knownValues(original));
            compiled = true;
        }
        if (pattern == null) {
            return text;
        }
        String out = pattern.matcher(text).replaceAll("");
        return out.equals(text) ? text : out.replaceAll("[ \\t]{2,}", " ").trim();
    }
}
