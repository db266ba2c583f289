package org.cloak.deid.script;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.dicom.dict.Tags;

/**
 * Collects a script's rules into passes. The rule model reads the original values, while a
 * script's statements run one after another and read what earlier ones wrote; so when a
 * statement reads an attribute that a rule of the current pass may write, the pass is closed and
 * the statement starts the next one, which reads the previous pass's result. Most scripts need
 * one pass.
 */
public final class StageBuilder {
    private final List<DeidConfig.Stage> done = new ArrayList<>();
    private List<Rule> rules = new ArrayList<>();
    private List<DeidConfig.Gate> gates = new ArrayList<>();

    /** Whether a rule of the current pass may write the attribute. */
    public boolean writes(ElementKey key) {
        int tag = key.creator() == null ? key.tag() : Tags.of(Tags.group(key.tag()), 0x1000 | (key.tag() & 0xFF));
        for (Rule r : rules) {
            if (r.selector().matches(tag, key.creator())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a rule of the current pass may write an attribute the selector picks; selectors that
     * name no single attribute on either side are taken to overlap.
     */
    public boolean overlaps(Selector s) {
        ElementKey mine = RuleSet.target(unwrap(s));
        for (Rule r : rules) {
            ElementKey theirs = RuleSet.target(unwrap(r.selector()));
            if (mine != null) {
                if (writesKey(r.selector(), mine)) {
                    return true;
                }
            } else if (theirs == null || writesKey(s, theirs)) {
                return true;
            }
        }
        return false;
    }

    private static Selector unwrap(Selector s) {
        return s instanceof org.cloak.deid.rule.TagPath p && p.levels().isEmpty() ? p.element() : s;
    }

    private static boolean writesKey(Selector s, ElementKey key) {
        int tag = key.creator() == null ? key.tag() : Tags.of(Tags.group(key.tag()), 0x1000 | (key.tag() & 0xFF));
        return s.matches(tag, key.creator());
    }

    /** Whether the current pass has anything in it. */
    public boolean isEmpty() { return rules.isEmpty() && gates.isEmpty(); }

    /** Closes the current pass (when it has anything); what follows starts the next one. */
    public void split() {
        if (isEmpty()) {
            return;
        }
        done.add(new DeidConfig.Stage(gates, new RuleSet(rules)));
        rules = new ArrayList<>();
        gates = new ArrayList<>();
    }

    public void add(Rule r) { rules.add(r); }

    public void gate(DeidConfig.Gate g) { gates.add(g); }

    /** The passes; a script with no statements gives one empty pass. */
    public List<DeidConfig.Stage> build() {
        split();
        if (done.isEmpty()) {
            done.add(new DeidConfig.Stage(List.of(), new RuleSet(List.of())));
        }
        return List.copyOf(done);
    }
}
