package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Derive;
import org.cloak.deid.profile.Categories;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Selector;

/**
 * Reads the recipe's {@code attributes:} list: one override per item, each with one selector
 * ({@code select}, {@code private} or {@code category}), an action with its argument, and an
 * optional {@code when} condition. Every scalar is parsed here, once, into the rule model, so
 * {@link RecipeCompiler} only assembles typed rules.
 */
final class AttributesSection {
    private static final Set<String> KEYS = Set.of("select", "private-creator", "private", "category", "action",
            "value", "length", "max-years", "date", "from", "when");
    private static final List<String> ARGUMENT_KEYS = List.of("value", "length", "max-years", "date", "from");
    private static final Set<String> PRIVATE_KEYS = Set.of("creator", "tag");

    private AttributesSection() {}

    static List<Recipe.OverrideRule> read(List<YamlNode> items, DateConfig dates) throws RecipeException {
        List<Recipe.OverrideRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rules.add(override(Fields.of(items.get(i), "attributes[" + i + "]", KEYS), dates));
        }
        return List.copyOf(rules);
    }

    private static Recipe.OverrideRule override(Fields f, DateConfig dates) throws RecipeException {
        Selector selector = selector(f);
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
        Action a = "derive".equals(action) ? derive(f) : RuleSyntax.action(f.name("action", null),
                argKey.isEmpty() ? null : f.text(argKey, null), dates, f.valueLine("action"));
        Condition condition = f.has("when") ? WhenSection.read(f.node("when"), f.path("when")) : Condition.ALWAYS;
        return new Recipe.OverrideRule(selector, condition, a, f.line());
    }

    private static Action derive(Fields f) throws RecipeException {
        if (!f.has("from")) {
            throw new RecipeException(f.valueLine("action"), "action derive needs 'from'");
        }
        return new Derive(ValueSection.read(f.node("from"), f.path("from")));
    }

    private static String argumentHint(String argKey) {
        return argKey.isEmpty() ? " (it takes no argument)" : " (it reads '" + argKey + "')";
    }

    private static Selector selector(Fields f) throws RecipeException {
        int count = (f.has("select") ? 1 : 0) + (f.has("private") ? 1 : 0) + (f.has("category") ? 1 : 0);
        if (count != 1) {
            throw new RecipeException(f.line(), f.where() + " needs exactly one of 'select', 'private' or 'category'");
        }
        if (f.has("category")) {
            f.reject("private-creator", "goes with 'select' only");
            return Categories.selector(RuleSyntax.category(f.name("category", null), f.valueLine("category")));
        }
        if (f.has("private")) {
            f.reject("private-creator", "goes with 'select' only; write private: {creator: ..., tag: ...}");
            Fields p = Fields.of(f.node("private"), f.path("private"), PRIVATE_KEYS);
            if (!p.has("creator")) {
                throw new RecipeException(p.line(), p.where() + " needs 'creator'");
            }
            String creator = p.text("creator", null);
            if (!p.has("tag")) {
                return RuleSyntax.privateBlock(creator, f.line());
            }
            return RuleSyntax.privateTag(creator, p.text("tag", null).trim(), p.valueLine("tag"));
        }
        String select = f.text("select", null).trim();
        if (!f.has("private-creator")) {
            return RuleSyntax.selector(select, f.line());
        }
        return RuleSyntax.privateTag(f.text("private-creator", null), select, f.valueLine("select"));
    }
}
