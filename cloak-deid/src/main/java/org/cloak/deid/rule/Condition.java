package org.cloak.deid.rule;

import java.util.regex.Pattern;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/** A test on the original values of the data set being de-identified. */
public sealed interface Condition {
    Condition ALWAYS = new Always();

    boolean test(DataSet original);

    String describe();

    record Always() implements Condition {
        @Override
        public boolean test(DataSet ds) { return true; }

        @Override
        public String describe() { return "always"; }
    }

    /** How an attribute's value is compared. */
    enum Op { PRESENT, ABSENT, EQUALS, CONTAINS, MATCHES }

    /** A comparison on a top-level attribute's whole text value (case-insensitive for EQUALS/CONTAINS). */
    record Attribute(int tag, Op op, String operand, Pattern pattern) implements Condition {
        public static Attribute of(int tag, Op op, String operand) {
            return new Attribute(tag, op, operand, op == Op.MATCHES ? Pattern.compile(operand) : null);
        }

        @Override
        public boolean test(DataSet ds) {
            String v = ds.getText(tag);
            return switch (op) {
                case PRESENT -> ds.contains(tag);
                case ABSENT -> !ds.contains(tag);
                case EQUALS -> v != null && v.trim().equalsIgnoreCase(operand.trim());
                case CONTAINS -> v != null && v.toLowerCase().contains(operand.toLowerCase());
                case MATCHES -> v != null && pattern.matcher(v.trim()).matches();
            };
        }

        @Override
        public String describe() {
            return Tags.toString(tag) + " " + op.name().toLowerCase() + (operand == null ? "" : " \"" + operand + "\"");
        }
    }
}
