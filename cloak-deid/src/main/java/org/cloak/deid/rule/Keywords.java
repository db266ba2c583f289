package org.cloak.deid.rule;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.dict.Tag;

/** Every keyword of the dictionary with its tag, read once from the generated {@link Tag} constants. */
public final class Keywords {
    private static final class All {
        static final Map<String, Integer> TAGS = load();
        static final List<String> NAMES = List.copyOf(TAGS.keySet());
    }

    private Keywords() {}

    /** Keyword to tag, in dictionary order; a repeating group's keyword gives its lowest tag. */
    public static Map<String, Integer> tags() { return All.TAGS; }

    /** The keywords, for suggestions. */
    public static List<String> names() { return All.NAMES; }

    private static Map<String, Integer> load() {
        Map<String, Integer> tags = new LinkedHashMap<>();
        try {
            for (Field f : Tag.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    tags.put(f.getName(), f.getInt(null));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Could not read the dictionary's keywords", e);
        }
        return Collections.unmodifiableMap(tags);
    }
}
