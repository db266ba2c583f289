package org.cloak.deid.action;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printf-like pattern ({@link java.util.Formatter} syntax, e.g. {@code %s-%04d}) whose
 * arguments are attribute values given as text: an argument of {@code %d}, {@code %x} or
 * {@code %o} is read as a whole number and one of {@code %e}, {@code %f} or {@code %g} as a
 * decimal, so a value that is not such a number leaves the result without a value. Formatting
 * ignores the locale.
 */
public final class FormatPattern {
    private static final Pattern SPECIFIER =
            Pattern.compile("%(\\d+\\$)?([-#+ 0,(<]*)?(\\d+)?(\\.\\d+)?([tT])?([a-zA-Z%])");

    private final String pattern;
    /** Per argument position, the conversion that reads it ('s' where only text is needed). */
    private final char[] kinds;

    private FormatPattern(String pattern, char[] kinds) {
        this.pattern = pattern;
        this.kinds = kinds;
    }

    /**
     * @param args how many arguments it will be given
     * @throws IllegalArgumentException when the pattern is not valid for that many arguments
     */
    public static FormatPattern of(String pattern, int args) {
        List<Character> kinds = new ArrayList<>();
        Matcher m = SPECIFIER.matcher(pattern);
        int next = 0;
        while (m.find()) {
            char conversion = m.group(6).charAt(0);
            if (conversion == '%' || conversion == 'n') {
                continue;
            }
            String index = m.group(1);
            int position = index != null ? Integer.parseInt(index.substring(0, index.length() - 1)) - 1 : next++;
            while (kinds.size() <= position) {
                kinds.add('s');
            }
            kinds.set(position, Character.toLowerCase(conversion));
        }
        while (kinds.size() < args) {
            kinds.add('s');
        }
        char[] k = new char[kinds.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds.get(i);
        }
        if (k.length > args) {
            throw new IllegalArgumentException("the format pattern reads " + k.length + " values, given " + args);
        }
        FormatPattern p = new FormatPattern(pattern, k);
        String[] sample = new String[args];
        Arrays.fill(sample, "0");
        try {
            p.format(sample);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException("not a format pattern: " + e.getClass().getSimpleName(), e);
        }
        return p;
    }

    public String pattern() { return pattern; }

    /** The pattern filled with the values, or null when a number conversion meets a value that is not one. */
    String format(String[] values) {
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            char kind = i < kinds.length ? kinds[i] : 's';
            args[i] = argument(kind, values[i].trim(), values[i]);
            if (args[i] == null) {
                return null;
            }
        }
        return String.format(Locale.ROOT, pattern, args);
    }

    private static Object argument(char kind, String trimmed, String raw) {
        try {
            return switch (kind) {
                case 'd', 'x', 'o' -> new BigInteger(trimmed);
                case 'e', 'f', 'g' -> new BigDecimal(trimmed);
                default -> raw;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof FormatPattern f && f.pattern.equals(pattern); }

    @Override
    public int hashCode() { return pattern.hashCode(); }

    @Override
    public String toString() { return pattern; }
}
