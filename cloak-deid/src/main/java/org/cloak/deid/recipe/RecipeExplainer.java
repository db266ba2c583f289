package org.cloak.deid.recipe;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.FixedDate;
import org.cloak.deid.action.Hash;
import org.cloak.deid.action.RoundAge;
import org.cloak.deid.action.SetValue;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Tags;

/**
 * Shows what a recipe does: compiles it and prints the deciding rule for every attribute its
 * rules name, one line each, e.g. {@code (0010,0010) PatientName  -> new-name  [recipe: patient-id]}.
 * Single tags (from the profile's table, categories and overrides) come first in tag order,
 * each with the rule that wins for it once every later rule is taken into account; then tag
 * patterns, VR-wide rules, private selectors and selectors that depend on where an attribute
 * is (paths, the encoded VR) with their last rule. A conditional rule that comes after the
 * winner is listed too, with its condition.
 */
public final class RecipeExplainer {
    /** Explaining needs no real secret: no value is pseudonymized. */
    private static final Secret NO_SECRET = new Secret(new byte[32]);

    private RecipeExplainer() {}

    public static List<String> explain(Recipe recipe) {
        List<Rule> rules = RecipeCompiler.compile(recipe, NO_SECRET, LocalDate.EPOCH, false).rules().rules();
        List<String> lines = new ArrayList<>();
        TreeSet<Integer> tags = new TreeSet<>(Integer::compareUnsigned);
        Map<Selector, List<Rule>> general = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.selector() instanceof Selector.TagIs t) {
                tags.add(t.tag());
            } else if (r.selector() instanceof Selector.InCategory c) {
                tags.addAll(c.tags());
            } else {
                general.computeIfAbsent(r.selector(), k -> new ArrayList<>()).add(r);
            }
        }
        for (int tag : tags) {
            String name = Tags.toString(tag) + " " + keyword(tag);
            Predicate<Rule> onTag = rule -> !rule.selector().contextual() && rule.selector().matches(tag, null);
            for (Rule r : deciding(rules, onTag)) {
                lines.add(line(name, r));
            }
        }
        List<Selector> others = new ArrayList<>(general.keySet());
        others.sort(Comparator.comparingInt(RecipeExplainer::rank).thenComparing(RecipeExplainer::describe));
        for (Selector s : others) {
            for (Rule r : deciding(general.get(s), rule -> true)) {
                lines.add(line(describe(s), r));
            }
        }
        return lines;
    }

    /** The last unconditional rule that applies, then any conditional ones after it. */
    private static List<Rule> deciding(List<Rule> rules, Predicate<Rule> applies) {
        List<Rule> out = new ArrayList<>();
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (applies.test(r)) {
                out.add(0, r);
                if (r.condition() instanceof Condition.Always) {
                    break;
                }
            }
        }
        return out;
    }

    private static String line(String what, Rule r) {
        String when = r.condition() instanceof Condition.Always ? "" : "  when " + r.condition().describe();
        return what + "  -> " + action(r.action()) + when + "  [" + r.origin() + "]";
    }

    /** The action with its argument, as a recipe would write it. */
    static String action(Action a) {
        if (a instanceof SetValue s) {
            return "set \"" + s.value() + "\"";
        }
        if (a instanceof Hash h) {
            return "hash " + h.length();
        }
        if (a instanceof RoundAge r) {
            return "round-age " + r.maxYears();
        }
        if (a instanceof FixedDate f) {
            return "fixed-date " + f.date().format(DateTimeFormatter.BASIC_ISO_DATE);
        }
        if (a instanceof Derive d) {
            return "derive " + d.value().describe();
        }
        if (a instanceof ShiftDate s && s.zeroTime()) {
            return "shift-date zero-times";
        }
        return a.code();
    }

    private static String keyword(int tag) {
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? "(private creator)" : "(private, any creator)";
        }
        return ElementDictionary.standard().keywordOf(tag);
    }

    private static String describe(Selector s) {
        if (s instanceof Selector.TagPattern p) {
            ElementEntry e = ElementDictionary.standard().lookup(p.value());
            boolean named = e != null && e.tagPattern().equalsIgnoreCase(p.pattern());
            return p.describe() + (named ? " " + e.keyword() : "");
        }
        if (s instanceof Selector.StandardVr v) {
            return "(every standard " + String.join("/", v.vrs().stream().map(Enum::name).sorted().toList()) + ")";
        }
        return s.describe();
    }

    /** Patterns, then VR-wide rules, then private selectors. */
    private static int rank(Selector s) {
        if (s instanceof Selector.TagPattern) {
            return 0;
        }
        if (s instanceof Selector.StandardVr) {
            return 1;
        }
        if (s instanceof Selector.PrivateTag) {
            return 2;
        }
        return s instanceof Selector.PrivateCreatorBlock ? 3 : 4;
    }
}
