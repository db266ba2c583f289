package org.cloak.deid.verify;

/**
 * Hides values in reports: the first character stays, so a reviewer can tell a name from a
 * date, the rest become asterisks. Reports hold clear values only when asked (--show-values).
 */
public final class Masking {
    private static final int MAX_STARS = 11;

    private Masking() {}

    public static String mask(String value) {
        if (value == null || value.length() <= 1) {
            return value == null ? "" : value.isEmpty() ? "" : "*";
        }
        int first = value.offsetByCodePoints(0, 1);
        int rest = value.codePointCount(first, value.length());
        return value.substring(0, first) + "*".repeat(Math.min(rest, MAX_STARS));
    }
}
