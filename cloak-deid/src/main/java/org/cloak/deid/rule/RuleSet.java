package org.cloak.deid.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.data.DataSet;

/**
 * Ordered rules; for an attribute the last rule that matches (and whose condition holds) wins,
 * so overrides are simply appended. Rules on single tags are indexed for speed.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final Map<Integer, int[]> byTag = new HashMap<>();
    private final int[] general;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<Integer, List<Integer>> exact = new HashMap<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < this.rules.size(); i++) {
            if (this.rules.get(i).selector() instanceof Selector.TagIs t) {
                exact.computeIfAbsent(t.tag(), k -> new ArrayList<>()).add(i);
            } else {
                other.add(i);
            }
        }
        exact.forEach((tag, idx) -> byTag.put(tag, idx.stream().mapToInt(Integer::intValue).toArray()));
        general = other.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<Rule> rules() { return Collections.unmodifiableList(rules); }

    /** A rule set with {@code more} appended (so they take precedence). */
    public RuleSet plus(List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new RuleSet(all);
    }

    /**
     * The rule that decides an attribute, or null when none matches (the attribute is kept).
     *
     * @param creator private creator of a private element, else null
     * @param original the top-level data set with original values, for conditions
     */
    public Rule resolve(int tag, String creator, DataSet original) {
        int best = -1;
        int[] exact = byTag.get(tag);
        if (exact != null) {
            for (int i = exact.length - 1; i >= 0; i--) {
                if (holds(exact[i], original)) {
                    best = exact[i];
                    break;
                }
            }
        }
        for (int i = general.length - 1; i >= 0 && general[i] > best; i--) {
            Rule r = rules.get(general[i]);
            if (r.selector().matches(tag, creator) && r.condition().test(original)) {
                best = general[i];
                break;
            }
        }
        return best < 0 ? null : rules.get(best);
    }

    private boolean holds(int index, DataSet original) {
        return rules.get(index).condition().test(original);
    }
}
