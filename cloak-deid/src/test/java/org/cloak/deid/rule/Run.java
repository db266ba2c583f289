package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.dicom.data.DataSet;

/** Runs a rule set through the engine, the way a recipe's rules run, and returns the output. */
public final class Run {
    static final Secret SECRET = new Secret("rule-tests-0123456789abcdefghijkl".getBytes());
    static final PatientPlan PLAN = new PatientPlan("P001", "P001", -10, null, d -> d);

    private Run() {}

    /** The de-identified copy of {@code in} under {@code rules} alone. */
    public static DataSet of(RuleSet rules, DataSet in) {
        DeidConfig config = new DeidConfig(rules, new DeidConfig.MethodDescription("Cloak test", List.of()),
                Longitudinal.UNMODIFIED, true, new UidHasher(SECRET), SECRET, LocalDate.of(2026, 1, 2), false);
        Outcome o = new Deidentifier(config).deidentify(in, PLAN).outcome();
        assertThat(o).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) o).dataset();
    }
}
