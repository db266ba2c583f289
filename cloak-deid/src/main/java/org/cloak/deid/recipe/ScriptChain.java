package org.cloak.deid.recipe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.action.Keep;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.script.CompiledScript;

/**
 * The engine configuration of a recipe with scripts: every script's passes in order, the last
 * pass holding the base profile's rules (the recipe's own, e.g. dicom-basic) under the script's.
 * So the last script decides whatever its rules match, the base decides the rest, and what an
 * earlier pass already decided is kept as that pass left it.
 */
final class ScriptChain {
    private static final String ORIGINAL = "original";

    private ScriptChain() {}

    static DeidConfig compile(Recipe recipe, List<Rule> baseRules, Secret secret, LocalDate processingDate,
                              boolean recordValues) {
        List<DeidConfig.Stage> stages = new ArrayList<>();
        for (CompiledScript s : recipe.scripts()) {
            stages.addAll(s.stages());
        }
        DeidConfig.Stage last = stages.remove(stages.size() - 1);
        List<Rule> lastRules = new ArrayList<>();
        boolean base = !baseRules.isEmpty();
        if (base) {
            lastRules.addAll(baseRules);
            for (DeidConfig.Stage earlier : stages) {
                for (Rule r : earlier.rules().rules()) {
                    lastRules.add(new Rule(r.selector(), new Keep(), "as " + r.origin() + " left it"));
                }
            }
        }
        lastRules.addAll(last.rules().rules());
        RuleSet set = new RuleSet(lastRules);
        stages.add(new DeidConfig.Stage(last.gates(), set));
        return new DeidConfig(set, method(recipe, base), longitudinal(recipe, base), recipe.allowBurnedIn(),
                new UidHasher(secret), secret, processingDate, recordValues, stages);
    }

    private static DeidConfig.MethodDescription method(Recipe recipe, boolean base) {
        List<String> names = new ArrayList<>();
        recipe.scripts().forEach(s -> names.add(s.format().word() + " " + s.name()));
        String scripts = String.join(", ", names);
        if (!base || ORIGINAL.equals(recipe.profile())) {
            DeidConfig.MethodDescription m = Profiles.method(ORIGINAL, recipe.options());
            String cloak = m.text().substring(0, m.text().lastIndexOf(' '));
            return new DeidConfig.MethodDescription(cloak + " script " + scripts, List.of());
        }
        DeidConfig.MethodDescription m = Profiles.method(recipe.profile(), recipe.options());
        return new DeidConfig.MethodDescription(m.text() + " base; script " + scripts, m.codes());
    }

    private static Longitudinal longitudinal(Recipe recipe, boolean base) {
        if (base && !ORIGINAL.equals(recipe.profile())) {
            return Profiles.longitudinal(recipe.profile(), recipe.options());
        }
        for (CompiledScript s : recipe.scripts()) {
            for (DeidConfig.Stage st : s.stages()) {
                for (Rule r : st.rules().rules()) {
                    if (!(r.action() instanceof Keep) && (RecipeCompiler.touchesDates(r.selector())
                            || r.selector() instanceof org.cloak.deid.rule.TagPath p
                            && RecipeCompiler.touchesDates(p.element()))) {
                        return Longitudinal.MODIFIED;
                    }
                }
            }
        }
        return Longitudinal.UNMODIFIED;
    }

}
