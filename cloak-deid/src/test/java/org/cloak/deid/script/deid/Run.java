package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.data.DataSet;

/** Compiles a deid recipe and runs the engine with it alone over one data set. */
final class Run {
    static final Secret SECRET = new Secret("deid-recipe-tests-0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final PatientPlan PLAN = new PatientPlan("P001", "P001", -10, null, d -> d);

    private Run() {}

    static CompiledScript compile(String... lines) throws ScriptException {
        return compile(ScriptInputs.none(), lines);
    }

    static CompiledScript compile(ScriptInputs in, String... lines) throws ScriptException {
        return DeidRecipes.compile("test.dicom", "FORMAT dicom\n\n" + String.join("\n", lines) + "\n", in);
    }

    static ScriptInputs vars(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new ScriptInputs(m, Map.of(), Map.of(), false, false, false);
    }

    static ScriptInputs switches(boolean removePrivate, boolean stripSequences, boolean keyed) {
        return new ScriptInputs(Map.of(), Map.of(), Map.of(), removePrivate, stripSequences, keyed);
    }

    static DeidResult result(CompiledScript s, DataSet in) {
        Recipe r = Recipe.ofScripts(List.of(s), null);
        return new Deidentifier(RecipeCompiler.compile(r, SECRET, LocalDate.of(2026, 1, 2), false))
                .deidentify(in, PLAN);
    }

    static DataSet run(CompiledScript s, DataSet in) {
        DeidResult r = result(s, in);
        assertThat(r.outcome()).as(r.outcome().toString()).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) r.outcome()).dataset();
    }
}
