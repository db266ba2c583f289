package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/**
 * Reads the recipe's {@code attributes:} list: one override per item, each with one selector
 * ({@code select}, {@code private} or {@code category}), an action with its argument, and an
 * optional {@code when} condition. Every item is checked against the vocabulary here, so
 * {@link RecipeCompiler} never meets a bad one.
 */
final class AttributesSection {
    private static final Set<String> KEYS = Set.of("select", "private-creator", "private", "category", "action",
            "value", "length", "max-years", "date", "when");
    private static final List<String> ARGUMENT_KEYS = List.of("value", "length", "max-years", "date");
    private static final Set<String> PRIVATE_KEYS = Set.of("creator", "tag");
    private static final Set<String> WHEN_KEYS = Set.of("attribute", "equals", "contains", "matches", "present", "absent");

    private AttributesSection() {}

    static List<Recipe.OverrideRule> read(List<YamlNode> items, DateConfig dates) throws RecipeException {
        List<Recipe.OverrideRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.add(override(Fields.of(items.get(i), "attributes[" + i + "]", KEYS), dates));
        }
        return List.copyOf(rules);
    }

    private static Recipe.OverrideRule override(Fields f, DateConfig dates) throws RecipeException {
        String selector = selector(f);
        RuleSyntax.selector(selector, f.line());
        if (!f.has("action")) {
            throw new RecipeException(f.line(), f.where() + " needs 'action'");
        }
        String action = RuleSyntax.canonicalAction(f.name("action", null));
        String argKey = action == null ? "" : RuleSyntax.ACTIONS.get(action);
        for (String k : ARGUMENT_KEYS) {
            if (f.has(k) && !k.equals(argKey)) {
                throw new RecipeException(f.keyLine(k), "'" + k + "' does not go with action "
                        + (action == null ? f.name("action", null) : action) + argumentHint(argKey));
            }
        }
        String argument = argKey.isEmpty() ? null : f.text(argKey, null);
        RuleSyntax.action(f.name("action", null), argument, dates, f.valueLine("action"));
        String condition = f.has("when") ? condition(f.node("when"), f.path("when")) : null;
        return new Recipe.OverrideRule(selector, action, argument, condition, f.line());
    }

    private static String argumentHint(String argKey) {
        return argKey.isEmpty() ? " (it takes no argument)" : " (it reads '" + argKey + "')";
    }

    /** The selector in {@link Recipe.OverrideRule}'s text form. */
    private static String selector(Fields f) throws RecipeException {
        int count = (f.has("select") ? 1 : 0) + (f.has("private") ? 1 : 0) + (f.has("category") ? 1 : 0);
        if (count != 1) {
            throw new RecipeException(f.line(), f.where() + " needs exactly one of 'select', 'private' or 'category'");
        }
        if (f.has("category")) {
            f.reject("private-creator", "goes with 'select' only");
            return "category:" + RuleSyntax.category(f.name("category", null), f.valueLine("category"));
        }
        if (f.has("private")) {
            f.reject("private-creator", "goes with 'select' only; write private: {creator: ..., tag: ...}");
            Fields p = Fields.of(f.node("private"), f.path("private"), PRIVATE_KEYS);
            if (!p.has("creator")) {
                throw new RecipeException(p.line(), p.where() + " needs 'creator'");
            }
            String creator = p.text("creator", null);
            if (!p.has("tag")) {
                return "private:" + creator;
            }
            String tag = p.text("tag", null).trim();
            RuleSyntax.privateTag(creator, tag, p.valueLine("tag"));
            return "private:" + creator + ":" + tag;
        }
        String select = f.text("select", null).trim();
        if (!f.has("private-creator")) {
            return select;
        }
        String creator = f.text("private-creator", null);
        RuleSyntax.privateTag(creator, select, f.valueLine("select"));
        return "private:" + creator + ":" + select;
    }

    /** The condition in text form: "ATTRIBUTE OPERATOR [VALUE]". */
    private static String condition(YamlNode node, String where) throws RecipeException {
        Fields w = Fields.of(node, where, WHEN_KEYS);
        if (!w.has("attribute")) {
            throw new RecipeException(w.line(), w.where() + " needs 'attribute'");
        }
        List<String> ops = RuleSyntax.OPERATORS.stream().filter(w::has).toList();
        if (ops.size() != 1) {
            throw new RecipeException(w.line(), w.where() + " needs exactly one of " + RuleSyntax.OPERATORS);
        }
        String op = ops.get(0);
        String attribute = w.text("attribute", null).trim();
        RuleSyntax.attributeTag(attribute, w.valueLine("attribute"));
        String text;
        if (op.equals("present") || op.equals("absent")) {
            boolean yes = w.bool(op, true);
            text = attribute + " " + (yes == op.equals("present") ? "present" : "absent");
        } else {
            if (!(w.node(op) instanceof Scalar s) || s.type() == ScalarType.NULL || s.text().isBlank()) {
                throw new RecipeException(w.valueLine(op), w.path(op) + " needs a value (for an empty one use absent)");
            }
            text = attribute + " " + op + " " + w.text(op, null).trim();
        }
        RuleSyntax.condition(text, w.valueLine(op));
        return text;
    }
}
