package org.cloak.deid.recipe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.action.Action;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.script.CompiledScript;

/**
 * A project's de-identification settings, as read from a YAML recipe or assembled from command
 * line flags. {@link RecipeCompiler} turns it into the engine's rule model.
 *
 * @param profile original, anonymize, anonymize-full, dicom-basic or hipaa
 * @param options PS3.15 options switched on
 * @param categories category name -> action name applied to all its attributes (e.g. device: keep)
 * @param patientId how PatientID (and PatientName) are pseudonymized
 * @param dates how dates are treated
 * @param overrides per-attribute rules, applied after everything else
 * @param keepPrivateCreators private blocks kept whole, by creator
 * @param allowBurnedIn write images that may carry burned-in text
 * @param patientIdGiven whether {@code patientId} was chosen explicitly (a recipe's patient-id
 *     section); a default strategy replaces PatientID only where the profile itself changes it,
 *     so {@code original} and {@code anonymize} keep their exact lists unless asked
 * @param pixels the {@code pixels} section: region rules and OCR (none: pixel data untouched)
 * @param scripts DicomEdit, CTP or deid scripts run in order, each pass over the previous one's
 *     result; with scripts, the rest of the recipe is the base profile, which decides what the last
 *     script's rules do not match ({@code original}: nothing more happens than the scripts say)
 */
public record Recipe(String profile, Set<ProfileOption> options, Map<String, String> categories,
                     PatientIdConfig patientId, DateConfig dates, List<OverrideRule> overrides,
                     List<String> keepPrivateCreators, boolean allowBurnedIn, boolean patientIdGiven,
                     PixelPolicy pixels, List<CompiledScript> scripts) {

    public Recipe {
        scripts = List.copyOf(scripts);
    }

    /** A recipe without scripts. */
    public Recipe(String profile, Set<ProfileOption> options, Map<String, String> categories,
                  PatientIdConfig patientId, DateConfig dates, List<OverrideRule> overrides,
                  List<String> keepPrivateCreators, boolean allowBurnedIn, boolean patientIdGiven,
                  PixelPolicy pixels) {
        this(profile, options, categories, patientId, dates, overrides, keepPrivateCreators, allowBurnedIn,
                patientIdGiven, pixels, List.of());
    }

    /**
     * Scripts run alone ({@code base} null or {@code original}: only what they say happens, plus
     * the markers), or over a base profile that decides everything their last rules do not match.
     */
    public static Recipe ofScripts(List<CompiledScript> scripts, String base) {
        return new Recipe(base == null ? "original" : base, Set.of(), Map.of(), PatientIdConfig.defaults(),
                DateConfig.defaults(), List.of(), List.of(), false, false, PixelPolicy.none(), scripts);
    }

    /** This recipe with scripts added after its own; the recipe's other settings are their base. */
    public Recipe withScripts(List<CompiledScript> more) {
        List<CompiledScript> all = new java.util.ArrayList<>(scripts);
        all.addAll(more);
        return new Recipe(profile, options, categories, patientId, dates, overrides, keepPrivateCreators,
                allowBurnedIn, patientIdGiven, pixels, all);
    }

    /** A recipe without a pixels section. */
    public Recipe(String profile, Set<ProfileOption> options, Map<String, String> categories,
                  PatientIdConfig patientId, DateConfig dates, List<OverrideRule> overrides,
                  List<String> keepPrivateCreators, boolean allowBurnedIn, boolean patientIdGiven) {
        this(profile, options, categories, patientId, dates, overrides, keepPrivateCreators, allowBurnedIn,
                patientIdGiven, PixelPolicy.none());
    }

    /** A recipe whose patient ID settings are the defaults unless they differ from them. */
    public Recipe(String profile, Set<ProfileOption> options, Map<String, String> categories,
                  PatientIdConfig patientId, DateConfig dates, List<OverrideRule> overrides,
                  List<String> keepPrivateCreators, boolean allowBurnedIn) {
        this(profile, options, categories, patientId, dates, overrides, keepPrivateCreators, allowBurnedIn,
                !PatientIdConfig.defaults().equals(patientId));
    }

    public static Recipe defaults() {
        return new Recipe("dicom-basic", Set.of(), Map.of(), PatientIdConfig.defaults(), DateConfig.defaults(),
                List.of(), List.of(), false, false);
    }

    /**
     * A per-attribute rule from the recipe's {@code attributes} list, already typed: the reader
     * parsed every scalar of it once.
     *
     * @param line the recipe line, for the rule's origin (0 when not from a recipe file)
     */
    public record OverrideRule(Selector selector, Condition condition, Action action, int line) {
        /** The rule it compiles into; its origin names the recipe line. */
        public Rule rule() {
            return new Rule(selector, condition, action, line > 0 ? "recipe line " + line : "command line");
        }
    }
}
