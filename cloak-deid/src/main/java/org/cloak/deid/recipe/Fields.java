package org.cloak.deid.recipe;

import java.util.List;
import java.util.Set;
import org.cloak.deid.recipe.YamlNode.Entry;
import org.cloak.deid.recipe.YamlNode.ListNode;
import org.cloak.deid.recipe.YamlNode.MapNode;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/**
 * Strict, typed access to one YAML map of the recipe: keys outside {@code allowed} are
 * rejected on construction, and each getter checks the value's type, naming the line.
 */
final class Fields {
    private final MapNode map;
    private final String where;

    private Fields(MapNode map, String where) {
        this.map = map;
        this.where = where;
    }

    /**
     * @param where how messages name this map, e.g. "patient-id"; "" for the recipe itself
     * @param allowed the keys this map may hold
     */
    static Fields of(YamlNode node, String where, Set<String> allowed) throws RecipeException {
        MapNode m = asMap(node, where);
        for (Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw new RecipeException(e.keyLine(), "unknown key '" + e.key() + "'"
                        + (where.isEmpty() ? "" : " in " + where)
                        + Suggest.hint(e.key(), allowed) + "; allowed: " + sorted(allowed));
            }
        }
        return new Fields(m, where);
    }

    static MapNode asMap(YamlNode node, String where) throws RecipeException {
        if (node instanceof MapNode m) {
            return m;
        }
        throw new RecipeException(node.line(), (where.isEmpty() ? "the recipe" : where)
                + " must be a map (key: value), found "
                + node.kind());
    }

    int line() { return map.line(); }

    /** How messages name this map. */
    String where() { return where; }

    boolean has(String key) { return map.entries().containsKey(key); }

    /** Line of the key, or of the map when the key is absent. */
    int keyLine(String key) {
        Entry e = map.entries().get(key);
        return e == null ? map.line() : e.keyLine();
    }

    /** Line of the key's value, or of the map when the key is absent. */
    int valueLine(String key) {
        Entry e = map.entries().get(key);
        return e == null ? map.line() : e.value().line();
    }

    YamlNode node(String key) {
        Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    Iterable<Entry> entries() { return map.entries().values(); }

    /** A name from a vocabulary (profile, mode...): must be written as text. */
    String name(String key, String def) throws RecipeException {
        YamlNode n = node(key);
        if (n == null) {
            return def;
        }
        if (n instanceof Scalar s && s.type() == ScalarType.STRING) {
            return s.text().trim();
        }
        throw wrongType(key, n, "a text");
    }

    /** Free text (a set value, a prefix): any scalar, taken exactly as written. */
    String text(String key, String def) throws RecipeException {
        YamlNode n = node(key);
        if (n == null) {
            return def;
        }
        if (n instanceof Scalar s && s.type() != ScalarType.NULL) {
            return s.text();
        }
        throw wrongType(key, n, "a text");
    }

    int integer(String key, int def, int min, int max) throws RecipeException {
        YamlNode n = node(key);
        if (n == null) {
            return def;
        }
        if (!(n instanceof Scalar s) || s.type() != ScalarType.INTEGER) {
            throw wrongType(key, n, "a whole number");
        }
        int v = parseInt(s);
        if (v < min || v > max) {
            throw new RecipeException(n.line(), path(key) + " must be between " + min + " and " + max);
        }
        return v;
    }

    boolean bool(String key, boolean def) throws RecipeException {
        YamlNode n = node(key);
        if (n == null) {
            return def;
        }
        if (n instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
            return switch (s.text().toLowerCase()) {
                case "true", "yes", "on", "y" -> true;
                default -> false;
            };
        }
        throw wrongType(key, n, "true or false");
    }

    /** A list value; a missing key gives an empty list. */
    List<YamlNode> list(String key) throws RecipeException {
        YamlNode n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof ListNode l) {
            return l.items();
        }
        throw wrongType(key, n, "a list");
    }

    /** Fails when {@code key} is present: it does not apply in this context. */
    void reject(String key, String why) throws RecipeException {
        if (has(key)) {
            throw new RecipeException(keyLine(key), "'" + key + "' " + why);
        }
    }

    RecipeException wrongType(String key, YamlNode n, String expected) {
        return new RecipeException(n.line(), path(key) + " must be " + expected + ", found " + n.kind());
    }

    /** How messages name a key: "patient-id.width", or just "profile" at the top. */
    String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    static int parseInt(Scalar s) throws RecipeException {
        try {
            return Integer.parseInt(s.text().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new RecipeException(s.line(), "'" + s.text() + "' is not a whole number in decimal", e);
        }
    }

    static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
