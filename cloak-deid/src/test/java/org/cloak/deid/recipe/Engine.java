package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.dicom.data.DataSet;

/** Compiles a recipe and runs the engine over one data set, as {@code cloak run} would. */
final class Engine {
    static final Secret SECRET = new Secret("recipe-tests-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII));
    static final LocalDate TODAY = LocalDate.of(2026, 1, 2);
    /** A plan as the planner would make it: new ID P001, dates 10 days earlier, time point M06 at 2000-07-01. */
    static final PatientPlan PLAN = new PatientPlan("P001", "P001", -10, "M06", d -> LocalDate.of(2000, 7, 1));

    private Engine() {}

    static DeidConfig compile(Recipe r) {
        return RecipeCompiler.compile(r, SECRET, TODAY, false);
    }

    static DataSet run(Recipe r, DataSet in) {
        return run(r, in, PLAN);
    }

    static DataSet run(Recipe r, DataSet in, PatientPlan plan) {
        DeidResult result = new Deidentifier(compile(r)).deidentify(in, plan);
        assertThat(result.outcome()).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) result.outcome()).dataset();
    }
}
