package org.cloak.deid.script.ctp;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * CTP's lookup table reads (AnonymizerFunctions.lookup): the value of {@code keyType/key} (both
 * trimmed), a value {@code @keyType/key} read again (at most ten times); and the base dates of
 * {@code @dateinterval}, written M/d/yyyy.
 */
final class Lookups {
    private static final int MAX_INDIRECTS = 10;
    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ENGLISH);

    private Lookups() {}

    /** The replacement, or null where the table has none (CTP then takes the miss action or quarantines). */
    static String find(Map<String, String> table, String keyType, String key) {
        if (table.isEmpty() || key == null) {
            return null;
        }
        String value = table.get(keyType.trim() + "/" + key.trim());
        if (value == null) {
            return null;
        }
        value = value.trim();
        int left = MAX_INDIRECTS;
        while (value.startsWith("@") && value.contains("/") && left > 0) {
            value = table.get(value.substring(1).trim());
            if (value == null) {
                return null;
            }
            value = value.trim();
            left--;
        }
        return left <= 0 ? null : value;
    }

    /** A base date of the lookup table (M/d/yyyy), or null. */
    static LocalDate baseDate(String text) {
        try {
            return LocalDate.parse(text.trim(), BASE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
