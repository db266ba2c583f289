package org.cloak.pipeline.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ReplaceUid;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.PlanSource;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/** A small hand-built engine for pipeline tests that do not depend on a profile's contents. */
final class TestEngines {
    static final Secret SECRET = new Secret("0123456789abcdef0123456789abcdef".getBytes());
    static final PlanSource FIXED_PLAN = (ds, origin) -> new PatientPlan("P001", "P001", 0, null, d -> d);

    private TestEngines() {}

    /** Removes the names and private blocks, replaces every UID. */
    static Deidentifier engine() {
        List<Rule> rules = List.of(
                new Rule(new Selector.TagIs(Tag.PatientName), new Remove(), "test"),
                new Rule(new Selector.TagIs(Tag.ReferringPhysicianName), new Remove(), "test"),
                new Rule(new Selector.AllPrivate(), new Remove(), "test"),
                new Rule(new Selector.StandardVr(Set.of(Vr.UI)), new ReplaceUid(), "test"));
        DeidConfig config = new DeidConfig(new RuleSet(rules),
                new DeidConfig.MethodDescription("Cloak pipeline test", List.of(
                        new DeidConfig.MethodCode("113100", "DCM", "Basic Application Confidentiality Profile"))),
                Longitudinal.UNMODIFIED, false, new UidHasher(SECRET), SECRET, LocalDate.of(2026, 1, 2), false);
        return new Deidentifier(config);
    }

    /** {@link #engine()} with the fixed plan. */
    static Deidentification deid() {
        return deid(FIXED_PLAN);
    }

    static Deidentification deid(PlanSource plans) {
        return Deidentification.of(engine(), plans);
    }
}
