package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.action.FormatPattern;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.recipe.YamlNode.MapNode;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/**
 * Reads the expression of a {@code derive} action: a scalar is literal text, taken as written;
 * a map names one function with its parameters, e.g.
 * {@code {concat: [{attribute: PatientID}, "-", {substring: {attribute: StudyDate}, begin: 0, end: 4}]}}.
 */
final class ValueSection {
    /** Function name to the keys its map may hold (the name itself included). */
    private static final Map<String, Set<String>> FUNCTIONS = Map.ofEntries(
            Map.entry("attribute", Set.of("attribute")),
            Map.entry("concat", Set.of("concat")),
            Map.entry("format", Set.of("format", "args")),
            Map.entry("substring", Set.of("substring", "begin", "end")),
            Map.entry("replace", Set.of("replace", "regex", "with")),
            Map.entry("lowercase", Set.of("lowercase")),
            Map.entry("uppercase", Set.of("uppercase")),
            Map.entry("lookup", Set.of("lookup", "table", "default")),
            Map.entry("hash", Set.of("hash", "length")),
            Map.entry("add-days", Set.of("add-days", "days")),
            Map.entry("increment", Set.of("increment", "by")));
    private static final int MAX_DAYS = 36600;

    private ValueSection() {}

    static ValueExpr read(YamlNode node, String where) throws RecipeException {
        if (node instanceof Scalar s) {
            if (s.type() == ScalarType.NULL) {
                throw new RecipeException(s.line(), where + " needs a value: a text or a function such as"
                        + " {attribute: NAME}");
            }
            return new ValueExpr.Literal(s.text());
        }
        MapNode map = Fields.asMap(node, where);
        List<String> names = map.entries().keySet().stream().filter(FUNCTIONS::containsKey).toList();
        if (names.size() != 1) {
            throw new RecipeException(map.line(), where + " needs exactly one of "
                    + FUNCTIONS.keySet().stream().sorted().toList());
        }
        String name = names.get(0);
        Fields f = Fields.of(node, where, FUNCTIONS.get(name));
        return function(name, f);
    }

    private static ValueExpr function(String name, Fields f) throws RecipeException {
        return switch (name) {
            case "attribute" -> new ValueExpr.Read(PathSyntax.attribute(f.text(name, null), f.valueLine(name)));
            case "concat" -> new ValueExpr.Concat(list(f, name));
            case "format" -> format(f);
            case "substring" -> substring(f);
            case "replace" -> replace(f);
            case "lowercase", "uppercase" -> new ValueExpr.ChangeCase(of(f, name), name.equals("uppercase"));
            case "lookup" -> new ValueExpr.Lookup(of(f, name), table(f), f.text("default", null));
            case "hash" -> new ValueExpr.HashOf(of(f, name),
                    f.integer("length", RuleSyntax.DEFAULT_HASH_LENGTH, 1, 64));
            case "add-days" -> new ValueExpr.AddDays(of(f, name), required(f, "days", -MAX_DAYS, MAX_DAYS));
            default -> new ValueExpr.Increment(of(f, name), f.integer("by", 1, -1_000_000, 1_000_000));
        };
    }

    private static ValueExpr of(Fields f, String key) throws RecipeException {
        return read(f.node(key), f.path(key));
    }

    private static List<ValueExpr> list(Fields f, String key) throws RecipeException {
        List<ValueExpr> out = new ArrayList<>();
        List<YamlNode> items = f.list(key);
        for (int i = 0; i < items.size(); i++) {
            out.add(read(items.get(i), f.path(key) + "[" + i + "]"));
        }
        return out;
    }

    private static ValueExpr format(Fields f) throws RecipeException {
        List<ValueExpr> args = list(f, "args");
        try {
            return new ValueExpr.Format(FormatPattern.of(f.text("format", null), args.size()), args);
        } catch (IllegalArgumentException e) {
            throw new RecipeException(f.valueLine("format"), f.path("format") + ": " + e.getMessage(), e);
        }
    }

    private static ValueExpr substring(Fields f) throws RecipeException {
        int begin = f.integer("begin", 0, 0, 1 << 16);
        int end = f.integer("end", -1, -1, 1 << 16);
        if (end >= 0 && end < begin) {
            throw new RecipeException(f.valueLine("end"), f.path("end") + " must not be less than begin");
        }
        return new ValueExpr.Substring(of(f, "substring"), begin, end);
    }

    private static ValueExpr replace(Fields f) throws RecipeException {
        if (!f.has("regex") || !f.has("with")) {
            throw new RecipeException(f.line(), f.where() + " needs 'regex' and 'with'");
        }
        String regex = f.text("regex", null);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RecipeException(f.valueLine("regex"), "not a valid regular expression: " + e.getDescription(), e);
        }
        return new ValueExpr.Replace(of(f, "replace"), regex, f.text("with", null));
    }

    private static Map<String, String> table(Fields f) throws RecipeException {
        if (!f.has("table")) {
            throw new RecipeException(f.line(), f.where() + " needs 'table'");
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (YamlNode.Entry e : Fields.asMap(f.node("table"), f.path("table")).entries().values()) {
            if (!(e.value() instanceof Scalar s) || s.type() == ScalarType.NULL) {
                throw new RecipeException(e.value().line(), f.path("table") + " maps original values to new texts");
            }
            table.put(e.key().trim(), s.text());
        }
        return table;
    }

    private static int required(Fields f, String key, int min, int max) throws RecipeException {
        if (!f.has(key)) {
            throw new RecipeException(f.line(), f.where() + " needs '" + key + "'");
        }
        return f.integer(key, 0, min, max);
    }
}
