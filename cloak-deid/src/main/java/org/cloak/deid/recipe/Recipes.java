package org.cloak.deid.recipe;

import java.time.Clock;
import java.time.LocalDate;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;

/** The entry from a recipe to the engine: compiles it with the project's secret and the run's clock. */
public final class Recipes {
    private Recipes() {}

    /**
     * Compiles {@code recipe}; the processing date is the clock's date.
     *
     * @param recordValues keep original values in the audit events, for an encrypted audit only
     * @throws RecipeException or {@link org.cloak.deid.pseudo.PseudonymException} for a setting that cannot work
     */
    public static Deidentification.Preparation prepare(Recipe recipe, Secret secret, Clock clock,
            boolean recordValues) {
        return prepare(recipe, secret, LocalDate.now(clock), recordValues);
    }

    /** As {@link #prepare(Recipe, Secret, Clock, boolean)} with the processing date given. */
    public static Deidentification.Preparation prepare(Recipe recipe, Secret secret, LocalDate processingDate,
                                                       boolean recordValues) {
        return new Deidentification.Preparation(RecipeCompiler.compile(recipe, secret, processingDate, recordValues),
                PseudonymPlanner.builder(recipe.patientId(), recipe.dates(), secret));
    }
}
