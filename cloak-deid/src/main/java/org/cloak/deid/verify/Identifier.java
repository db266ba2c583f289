package org.cloak.deid.verify;

import java.util.Comparator;
import java.util.List;

/**
 * One form of an identifying value to look for in the outputs.
 *
 * @param kind what sort of value it is; dates match inside longer digit runs on their right (DT)
 * @param source where it came from, e.g. the original attribute's keyword "PatientName"
 * @param value the form searched, e.g. "JANE DOE" for PatientName DOE^JANE
 */
public record Identifier(Kind kind, String source, String value) {

    public enum Kind { NAME, ID, ACCESSION, INSTITUTION, BIRTH_DATE, DATE, TEXT }

    /** Sources in the order a value found under several of them is attributed (StudyDate before ContentDate). */
    private static final List<String> SOURCES = List.of("PatientName", "PatientID", "AccessionNumber",
            "PatientBirthDate",
            "StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate");

    /** Kind, then the source's rank, then the source's name and the value: deterministic whatever the input order. */
    static final Comparator<Identifier> PRECEDENCE = Comparator.comparing(Identifier::kind)
            .thenComparingInt(i -> SOURCES.contains(i.source()) ? SOURCES.indexOf(i.source()) : SOURCES.size())
            .thenComparing(Identifier::source).thenComparing(Identifier::value);

    /** One word of a name (a family or given name alone), as opposed to a whole name in some order. */
    boolean isNameComponent() {
        return kind == Kind.NAME && value.chars().noneMatch(c -> c == ' ' || c == '^' || c == ',' || c == '=');
    }

    boolean isDate() { return kind == Kind.BIRTH_DATE || kind == Kind.DATE; }

    /** Letters or digits at both ends: matched as a whole word, so "ANN" does not hit "ANNOTATION". */
    boolean wordLike() {
        return !value.isEmpty() && Character.isLetterOrDigit(value.codePointAt(0))
                && Character.isLetterOrDigit(value.codePointBefore(value.length()));
    }
}
