package org.cloak.deid.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.data.DataSet;

/**
 * Ordered rules; for an attribute the last rule that matches (and whose condition holds) wins,
 * so overrides are simply appended. Rules on single tags are indexed for speed: for each such
 * tag the index holds, last first, every rule that can match it when it has no private creator,
 * so the engine tests conditions only.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final Rule[] byIndex;
    /** Per single-tag rule's tag, the indices of its own rules (last first). */
    private final TagIndex exact;
    /** Per single-tag rule's tag, the indices of every rule matching it without a creator (last first). */
    private final TagIndex standard;
    private final int[] general;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.byIndex = this.rules.toArray(Rule[]::new);
        Map<Integer, List<Integer>> own = new HashMap<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i].selector() instanceof Selector.TagIs t) {
                own.computeIfAbsent(t.tag(), k -> new ArrayList<>()).add(i);
            } else {
                other.add(i);
            }
        }
        general = other.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, int[]> ownIndices = new HashMap<>();
        Map<Integer, int[]> allIndices = new HashMap<>();
        own.forEach((tag, idx) -> {
            ownIndices.put(tag, lastFirst(idx));
            List<Integer> all = new ArrayList<>(idx);
            for (int g : general) {
                if (byIndex[g].selector().matches(tag, null)) {
                    all.add(g);
                }
            }
            Collections.sort(all);
            allIndices.put(tag, lastFirst(all));
        });
        exact = new TagIndex(ownIndices);
        standard = new TagIndex(allIndices);
    }

    private static int[] lastFirst(List<Integer> ascending) {
        int[] out = new int[ascending.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascending.get(out.length - 1 - i);
        }
        return out;
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
        if (creator == null) {
            int[] candidates = standard.get(tag);
            if (candidates != null) {
                for (int i : candidates) {
                    if (byIndex[i].condition().test(original)) {
                        return byIndex[i];
                    }
                }
                return null;
            }
        }
        int best = -1;
        int[] own = exact.get(tag);
        if (own != null) {
            for (int i : own) {
                if (byIndex[i].condition().test(original)) {
                    best = i;
                    break;
                }
            }
        }
        for (int i = general.length - 1; i >= 0 && general[i] > best; i--) {
            Rule r = byIndex[general[i]];
            if (r.selector().matches(tag, creator) && r.condition().test(original)) {
                best = general[i];
                break;
            }
        }
        return best < 0 ? null : byIndex[best];
    }
}
