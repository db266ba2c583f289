package org.cloak.deid.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * Ordered rules; for an attribute the last rule that matches (and whose condition holds) wins,
 * so overrides are simply appended ({@link RuleSetBuilder} states the order it builds). Rules on
 * single tags (a tag, or a path ending in one) are indexed for speed: for each such tag the index
 * holds, last first, every rule
 * that can match it when it has no private creator, so the engine tests conditions, and the
 * selectors that need the VR or the location, only.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final Rule[] byIndex;
    /** Per rule, whether its selector needs the VR or the location besides the tag. */
    private final boolean[] contextual;
    /** Per single-tag rule's tag, the indices of its own rules (last first). */
    private final TagIndex exact;
    /** Per single-tag rule's tag, the indices of every rule matching it without a creator (last first). */
    private final TagIndex standard;
    private final int[] general;
    /** The rules that may add an absent attribute, in order (most rule sets have none). */
    private final List<Rule> creating;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.byIndex = this.rules.toArray(Rule[]::new);
        this.contextual = new boolean[byIndex.length];
        Map<Integer, List<Integer>> own = new HashMap<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            contextual[i] = byIndex[i].selector().contextual();
            Integer single = singleTag(byIndex[i].selector());
            if (single != null) {
                own.computeIfAbsent(single, k -> new ArrayList<>()).add(i);
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
        List<Rule> create = new ArrayList<>();
        for (Rule r : this.rules) {
            if (r.action() instanceof org.cloak.deid.action.Create && target(r.selector()) != null) {
                create.add(r);
            }
        }
        creating = List.copyOf(create);
    }

    /**
     * The one attribute a selector names, where it names one: a tag, a private element by
     * creator, or a path to one of those whose levels name their sequences (an index or any
     * item); else null. Only such a selector's create rule can add an absent attribute.
     */
    public static ElementKey target(Selector s) {
        if (s instanceof Selector.TagIs t) {
            return Tags.isPrivate(t.tag()) || Tags.isGroupLength(t.tag()) ? null : ElementKey.of(t.tag());
        }
        if (s instanceof Selector.PrivateTag p) {
            return ElementKey.privateOf(p.group(), p.creator(), p.offset());
        }
        if (s instanceof TagPath path && path.levels().stream().allMatch(l -> l instanceof TagPath.Item)) {
            return target(path.element());
        }
        return null;
    }

    /** The rules whose action may add an absent attribute ({@link #target} names it), in order. */
    public List<Rule> creating() { return creating; }

    /**
     * The one tag a selector can match, for the index: a tag, or a path (a script's statement on
     * one attribute at some depth) ending in a tag; null for patterns and wider selectors.
     */
    private static Integer singleTag(Selector s) {
        if (s instanceof Selector.TagIs t) {
            return t.tag();
        }
        if (s instanceof TagPath p && p.element() instanceof Selector.TagIs t) {
            return t.tag();
        }
        return null;
    }

    /** A builder whose rules are appended in order, the last matching one winning. */
    public static RuleSetBuilder builder() { return new RuleSetBuilder(); }

    private static int[] lastFirst(List<Integer> ascending) {
        int[] out = new int[ascending.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascending.get(out.length - 1 - i);
        }
        return out;
    }

    public List<Rule> rules() { return Collections.unmodifiableList(rules); }

    /**
     * The rule that decides a top-level attribute, or null when none matches (the attribute is
     * kept); the VR is the dictionary's.
     *
     * @param creator private creator of a private element, else null
     * @param original the top-level data set with original values, for conditions
     */
    public Rule resolve(int tag, String creator, DataSet original) {
        return resolve(tag, creator, null, Scope.top(original));
    }

    /**
     * The rule that decides an attribute, or null when none matches (the attribute is kept).
     *
     * @param creator private creator of a private element, else null
     * @param vr the element's VR, or null when only the dictionary's is known
     * @param scope where the attribute sits, with the original data for conditions
     */
    public Rule resolve(int tag, String creator, Vr vr, Scope scope) {
        if (creator == null) {
            int[] candidates = standard.get(tag);
            if (candidates != null) {
                for (int i : candidates) {
                    if (holds(i, tag, null, vr, scope)) {
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
                if (holds(i, tag, creator, vr, scope)) {
                    best = i;
                    break;
                }
            }
        }
        for (int i = general.length - 1; i >= 0 && general[i] > best; i--) {
            int g = general[i];
            if (byIndex[g].selector().matches(tag, creator) && holds(g, tag, creator, vr, scope)) {
                best = g;
                break;
            }
        }
        return best < 0 ? null : byIndex[best];
    }

    /** Whether rule {@code i}, already known to match the tag, matches in context and its condition holds. */
    private boolean holds(int i, int tag, String creator, Vr vr, Scope scope) {
        Rule r = byIndex[i];
        return (!contextual[i] || r.selector().matches(tag, creator, vr, scope)) && r.condition().test(scope);
    }
}
