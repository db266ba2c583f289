package org.cloak.deid.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cloak.deid.rule.path.AttributeRef;

/**
 * A value built from other attributes' original values and literals, for {@link Derive}. An
 * expression has no value (null) when an attribute it reads is absent or a value does not parse
 * as what a function needs; {@link Concat} and {@link Format} read such a part as "".
 */
public sealed interface ValueExpr {

    /** The value, or null when there is none. */
    String evaluate(ActionContext ctx);

    /** As a recipe would write it, e.g. {@code concat(PatientID, "-", StudyDate)}. */
    String describe();

    /** A fixed text. */
    record Literal(String text) implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) { return text; }

        @Override
        public String describe() { return "\"" + text + "\""; }
    }

    /** Another attribute's original value, as text (its first element where several match). */
    record Read(AttributeRef attribute) implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) { return attribute.text(ctx.scope()); }

        @Override
        public String describe() { return attribute.describe(); }
    }

    /** The parts one after another. */
    record Concat(List<ValueExpr> parts) implements ValueExpr {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public String evaluate(ActionContext ctx) {
            StringBuilder sb = new StringBuilder();
            for (ValueExpr p : parts) {
                String v = p.evaluate(ctx);
                sb.append(v == null ? "" : v);
            }
            return sb.toString();
        }

        @Override
        public String describe() { return call("concat", parts); }
    }

    /** A printf-like pattern ({@link FormatPattern}) filled with the arguments. */
    record Format(FormatPattern pattern, List<ValueExpr> args) implements ValueExpr {
        public Format {
            args = List.copyOf(args);
        }

        @Override
        public String evaluate(ActionContext ctx) {
            String[] values = new String[args.size()];
            for (int i = 0; i < values.length; i++) {
                String v = args.get(i).evaluate(ctx);
                values[i] = v == null ? "" : v;
            }
            return pattern.format(values);
        }

        @Override
        public String describe() {
            return "format(\"" + pattern.pattern() + "\"" + (args.isEmpty() ? "" : ", " + list(args)) + ")";
        }
    }

    /** Characters {@code begin} to {@code end} (exclusive, -1 for the end) of the trimmed value, cut to its length. */
    record Substring(ValueExpr of, int begin, int end) implements ValueExpr {
        public Substring {
            if (begin < 0 || end < -1 || end >= 0 && end < begin) {
                throw new IllegalArgumentException("substring needs 0 <= begin <= end, or end -1");
            }
        }

        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            if (v == null) {
                return null;
            }
            String t = v.trim();
            int to = end < 0 ? t.length() : Math.min(end, t.length());
            return begin >= to ? "" : t.substring(begin, to);
        }

        @Override
        public String describe() { return "substring(" + of.describe() + ", " + begin + ", " + end + ")"; }
    }

    /** Every match of a Java regular expression replaced ({@code $1} names a group). */
    record Replace(ValueExpr of, String regex, String replacement) implements ValueExpr {
        public Replace {
            Pattern.compile(regex);
        }

        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            return v == null ? null : Pattern.compile(regex).matcher(v).replaceAll(replacement);
        }

        @Override
        public String describe() {
            return "replace(" + of.describe() + ", \"" + regex + "\", \"" + replacement + "\")";
        }
    }

    /** The value in upper or lower case. */
    record ChangeCase(ValueExpr of, boolean upper) implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            if (v == null) {
                return null;
            }
            return upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT);
        }

        @Override
        public String describe() { return (upper ? "uppercase(" : "lowercase(") + of.describe() + ")"; }
    }

    /**
     * The new value a table gives for the trimmed original value; {@code fallback} where the table
     * has none, or no value when the fallback is null.
     */
    record Lookup(ValueExpr of, Map<String, String> table, String fallback) implements ValueExpr {
        public Lookup {
            table = Map.copyOf(table);
        }

        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            String found = v == null ? null : table.get(v.trim());
            return found != null ? found : fallback;
        }

        @Override
        public String describe() {
            return "lookup(" + of.describe() + ", " + table.size() + " entries"
                    + (fallback == null ? "" : ", default \"" + fallback + "\"") + ")";
        }
    }

    /** A keyed hash of the trimmed value, {@code length} characters, as the hash action makes. */
    record HashOf(ValueExpr of, int length) implements ValueExpr {
        public HashOf {
            if (length < 1 || length > 64) {
                throw new IllegalArgumentException("a hash has 1 to 64 characters");
            }
        }

        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            return v == null || v.isBlank() ? null : ctx.hash(v.trim(), length);
        }

        @Override
        public String describe() { return "hash(" + of.describe() + ", " + length + ")"; }
    }

    /** A date (the first eight characters, YYYYMMDD) moved by a number of days. */
    record AddDays(ValueExpr of, int days) implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            if (v == null || v.trim().length() < 8) {
                return null;
            }
            try {
                return DateValues.DA.format(LocalDate.parse(v.trim().substring(0, 8), DateValues.DA).plusDays(days));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String describe() { return "add-days(" + of.describe() + ", " + days + ")"; }
    }

    /** A whole number plus {@code by}. */
    record Increment(ValueExpr of, long by) implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) {
            String v = of.evaluate(ctx);
            if (v == null) {
                return null;
            }
            try {
                return Long.toString(Math.addExact(Long.parseLong(v.trim()), by));
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        @Override
        public String describe() { return "increment(" + of.describe() + ", " + by + ")"; }
    }

    /** The value of the attribute being decided, as text (its whole value, every value with its backslashes). */
    record Self() implements ValueExpr {
        @Override
        public String evaluate(ActionContext ctx) {
            org.cloak.dicom.data.Element e = ctx.current();
            return e == null ? null : ctx.text(e);
        }

        @Override
        public String describe() { return "this"; }
    }

    /**
     * A function a script importer supplies, with the script language's own algorithm (DicomEdit's
     * {@code hashUID}, CTP's {@code @hash}...), over its arguments' values (null where one has
     * none).
     */
    record Call(String name, List<ValueExpr> args, Function function) implements ValueExpr {
        /** The function itself; returns null for no value. */
        @FunctionalInterface
        public interface Function {
            String apply(List<String> values, ActionContext ctx);
        }

        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String evaluate(ActionContext ctx) {
            List<String> values = new java.util.ArrayList<>(args.size());
            for (ValueExpr a : args) {
                values.add(a.evaluate(ctx));
            }
            return function.apply(values, ctx);
        }

        @Override
        public String describe() { return call(name, args); }

        @Override
        public boolean equals(Object o) { return o instanceof Call c && c.name.equals(name) && c.args.equals(args); }

        @Override
        public int hashCode() { return name.hashCode() * 31 + args.hashCode(); }
    }

    private static String call(String name, List<ValueExpr> args) { return name + "(" + list(args) + ")"; }

    private static String list(List<ValueExpr> args) {
        return args.stream().map(ValueExpr::describe).collect(Collectors.joining(", "));
    }
}
