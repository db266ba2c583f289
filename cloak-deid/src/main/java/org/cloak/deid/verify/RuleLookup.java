package org.cloak.deid.verify;

import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/**
 * The rule that decides an attribute, as the engine resolves it: the last matching rule whose
 * condition holds on the original top level; private elements without a creator go.
 */
public final class RuleLookup {
    private final RuleSet rules;

    public RuleLookup(RuleSet rules) {
        this.rules = rules;
    }

    /** @param top the original's top level (conditions are tested on it), or the output's when there is none */
    public Rule resolve(int tag, DataSet owner, DataSet top) {
        if (Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag)) {
            String creator = owner.privateCreatorOf(tag);
            if (creator == null) {
                return new Rule(null, new Remove(), "private element without a private creator");
            }
            return rules.resolve(tag, creator, top);
        }
        return rules.resolve(tag, null, top);
    }

    public static String describe(Rule r) {
        if (r == null) {
            return "K (no rule: kept)";
        }
        return r.action().code() + " (" + r.origin() + ")";
    }
}
