package org.cloak.deid.verify;

import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Hash;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.ProcessingDate;
import org.cloak.deid.action.Pseudonym;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ReplaceUid;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.verify.AttributePath.Located;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/**
 * "Changed as meant, and nothing else changed": the engine is run again on the original with the
 * same recipe, secret and patient plan, and its result is compared with the output attribute by
 * attribute at every depth. Each difference is explained by the rule that decides the attribute
 * in the original: a rule that meant a change but left the original value, a change no rule
 * makes, a value other than the rule gives, an attribute missing or extra, pixel data changed.
 * Attributes set to the processing date are accepted with any date (the run may have been on
 * another day); without the run's secret, values that depend on it (UIDs, hashed IDs, shifted
 * dates) are accepted when they differ from the original.
 */
public final class ReplayCheck {
    private final Deidentifier engine;
    private final RuleLookup rules;
    private final boolean secretKnown;

    public ReplayCheck(Deidentifier engine, RuleLookup rules, boolean secretKnown) {
        this.engine = engine;
        this.rules = rules;
        this.secretKnown = secretKnown;
    }

    public void check(String file, DataSet original, DataSet actual, PatientPlan plan, FindingSink sink) {
        DeidResult r = engine.deidentify(original, plan);
        if (!(r.outcome() instanceof Outcome.Cleaned cleaned)) {
            sink.add(FindingKind.NOT_CHECKED, file, "", "", "", "the engine does not write this input: "
                    + heldReason(r.outcome()), "");
            return;
        }
        for (Difference d : AttributeDiff.diff(cleaned.dataset(), actual)) {
            classify(file, d, original, sink);
        }
    }

    private void classify(String file, Difference d, DataSet original, FindingSink sink) {
        int tag = d.path().tag();
        Located orig = d.path().locate(original);
        Located side = d.after() != null ? d.after() : d.before();
        Rule rule = rules.resolve(tag, orig != null ? orig.owner() : side.owner(), original);
        String ruleText = orig == null && rule == null ? "(not in the original)" : RuleLookup.describe(rule);
        Action action = rule == null ? null : rule.action();
        String value = d.after() == null ? "" : ValueText.of(d.after().owner(), d.after().element());
        boolean unchanged = d.after() != null && orig != null && ValueEquality.same(orig, d.after());
        FindingKind kind = switch (d.change()) {
            case REMOVED -> FindingKind.MISSING_ATTRIBUTE;
            case ADDED -> {
                if (Tags.isPrivate(tag) && action instanceof Remove) {
                    yield null; // reported by HeaderFlags as PRIVATE_NOT_REMOVED
                }
                yield unchanged ? notApplied(action) : FindingKind.UNEXPECTED_ATTRIBUTE;
            }
            case CHANGED -> changed(tag, action, unchanged);
        };
        if (kind != null) {
            String detail = kind == FindingKind.MISSING_ATTRIBUTE ? "the engine's result has it" : kind.meaning();
            sink.add(kind, file, d.path().toString(), d.keyword(), ruleText, detail, value);
        }
    }

    private FindingKind changed(int tag, Action action, boolean unchanged) {
        if (PhiScanner.isSamples(tag)) {
            return FindingKind.PIXEL_DATA_CHANGED;
        }
        if (unchanged) {
            return notApplied(action);
        }
        if (action instanceof ProcessingDate) {
            return null;
        }
        if (!secretKnown && dependsOnSecret(action)) {
            return null;
        }
        return action == null || action instanceof Keep ? FindingKind.UNEXPECTED_CHANGE : FindingKind.NOT_AS_MEANT;
    }

    private static FindingKind notApplied(Action action) {
        if (action instanceof ShiftDate) {
            return FindingKind.DATE_NOT_SHIFTED;
        }
        return action instanceof ReplaceUid ? FindingKind.UID_NOT_REPLACED : FindingKind.NOT_APPLIED;
    }

    private static boolean dependsOnSecret(Action a) {
        return a instanceof ReplaceUid || a instanceof Hash || a instanceof Pseudonym || a instanceof ShiftDate;
    }

    private static String heldReason(Outcome o) {
        return o instanceof Outcome.Quarantined q ? q.reason() : ((Outcome.NeedsReview) o).reason();
    }
}
