package org.cloak.deid.pseudo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The recipe word of a setting's enum constant: {@code YEAR_ONLY} is written {@code year-only}. */
final class Labels {
    private Labels() {}

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant whose word is {@code word} (any case), or null. */
    static <E extends Enum<E>> E parse(Class<E> type, String word) {
        if (word == null) {
            return null;
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(w)) {
                return e;
            }
        }
        return null;
    }

    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labels::of).toList();
    }
}
