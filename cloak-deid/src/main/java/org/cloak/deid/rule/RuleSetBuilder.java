package org.cloak.deid.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cloak.deid.action.Action;

/**
 * Builds a {@link RuleSet} rule by rule. Precedence is the order of the calls: with the default
 * {@link Precedence#LAST_MATCH_WINS}, a rule added later wins over an earlier one for the same
 * attribute, so overrides are appended after what they override (profile, then recipe). A
 * script language whose first matching statement decides builds with
 * {@link Precedence#FIRST_MATCH_WINS}. A rule whose condition does not hold is as if absent:
 * the next rule in precedence decides.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder()
 *         .addAll(Profiles.rules("dicom-basic", Set.of()))
 *         .origin("site policy")
 *         .select(new Selector.TagIs(Tag.PatientComments)).then(new Remove())
 *         .select(Selector.TagPattern.parse("(0029,xx10)"))
 *             .when(Condition.on(Tag.Modality, Condition.Op.EQUALS, "MR")).then(new Keep())
 *         .build();
 * }</pre>
 */
public final class RuleSetBuilder {
    /** Which of several matching rules decides an attribute. */
    public enum Precedence {
        /** The rule added last (the default; profiles, options and recipes build this way). */
        LAST_MATCH_WINS,
        /** The rule added first. */
        FIRST_MATCH_WINS
    }

    private final List<Rule> rules = new ArrayList<>();
    private Precedence precedence = Precedence.LAST_MATCH_WINS;
    private String origin;

    RuleSetBuilder() {}

    /** Sets which matching rule decides, for every rule of the set. */
    public RuleSetBuilder precedence(Precedence p) {
        this.precedence = p;
        return this;
    }

    /** Where the rules selected from now on come from, e.g. "recipe line 12"; audit events name it. */
    public RuleSetBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** Starts a rule on the attributes {@code selector} picks; {@link Draft#then} ends it. */
    public Draft select(Selector selector) {
        if (origin == null) {
            throw new IllegalStateException("a rule needs an origin: call origin(...) before select(...)");
        }
        return new Draft(selector, origin);
    }

    /** Appends a finished rule. */
    public RuleSetBuilder add(Rule rule) {
        rules.add(rule);
        return this;
    }

    /** Appends finished rules in their order. */
    public RuleSetBuilder addAll(List<Rule> more) {
        rules.addAll(more);
        return this;
    }

    /** The rules so far, in the order they were added. */
    public List<Rule> rules() { return Collections.unmodifiableList(rules); }

    /** The rule set; its list is in last-match-wins order whatever the precedence. */
    public RuleSet build() {
        List<Rule> ordered = new ArrayList<>(rules);
        if (precedence == Precedence.FIRST_MATCH_WINS) {
            Collections.reverse(ordered);
        }
        return new RuleSet(ordered);
    }

    /** A rule being written: a selector, then optional conditions, then its action. */
    public final class Draft {
        private final Selector selector;
        private final String origin;
        private final List<Condition> conditions = new ArrayList<>(1);

        private Draft(Selector selector, String origin) {
            this.selector = selector;
            this.origin = origin;
        }

        /** The rule applies only when {@code condition} holds; several calls must all hold. */
        public Draft when(Condition condition) {
            conditions.add(condition);
            return this;
        }

        /** Ends the rule with its action and appends it. */
        public RuleSetBuilder then(Action action) {
            Condition c = switch (conditions.size()) {
                case 0 -> Condition.ALWAYS;
                case 1 -> conditions.get(0);
                default -> new Condition.All(conditions);
            };
            return add(new Rule(selector, c, action, origin));
        }
    }
}
