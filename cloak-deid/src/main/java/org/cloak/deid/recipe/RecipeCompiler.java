package org.cloak.deid.recipe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.FixedDate;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.ProcessingDate;
import org.cloak.deid.action.Pseudonym;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.SetValue;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.action.Timepoint;
import org.cloak.deid.action.YearOnly;
import org.cloak.deid.profile.Categories;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.profile.Ps315Table;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.RuleSetBuilder;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * Turns a {@link Recipe} into the engine's rule model. Rules are appended to a
 * {@link RuleSetBuilder} in this order, the last matching one winning: the profile with its
 * options; categories; the date mode on every
 * standard DA/DT/TM attribute; the profile's rule again for the dates PS3.15 keeps out of its
 * longitudinal options, or PatientBirthDate's own rule; the patient ID strategy on
 * PatientID and PatientName; private creators to keep; the attribute overrides in file order.
 */
public final class RecipeCompiler {
    static final Selector DATES = new Selector.StandardVr(Set.of(Vr.DA, Vr.DT));
    static final Selector TIMES = new Selector.StandardVr(Set.of(Vr.TM));
    static final Selector DATES_AND_TIMES = new Selector.StandardVr(Set.of(Vr.DA, Vr.DT, Vr.TM));
    /** What the birth-date rule covers. */
    private static final List<Integer> BIRTH = List.of(Tag.PatientBirthDate, Tag.PatientBirthTime);

    /** Dates and times of Table E.1-1 outside both Retain Longitudinal options, in tag order. */
    private static final class NotLongitudinal {
        static final List<Integer> TAGS = Ps315Table.standard().rows().stream()
                .filter(r -> !r.isAllPrivate() && !r.isPattern())
                .filter(r -> r.vr() == Vr.DA || r.vr() == Vr.DT || r.vr() == Vr.TM)
                .filter(r -> r.code(ProfileOption.RETAIN_LONG_FULL_DATES).isEmpty()
                        && r.code(ProfileOption.RETAIN_LONG_MODIFIED_DATES).isEmpty())
                .map(Ps315Table.Row::tagValue).sorted(Integer::compareUnsigned).toList();
    }

    private RecipeCompiler() {}

    /**
     * @param secret key of every pseudonym (UIDs, hashes)
     * @param processingDate the date of this run, for the processing-date action
     * @param recordValues put old and new values in audit events (PHI: encrypted sinks only)
     * @throws IllegalArgumentException when a category's action or the date settings did not come
     *     through {@link RecipeReader} and are not valid
     */
    public static DeidConfig compile(Recipe recipe, Secret secret, LocalDate processingDate, boolean recordValues) {
        List<Rule> profile = Profiles.rules(recipe.profile(), recipe.options());
        RuleSetBuilder builder = RuleSet.builder().addAll(profile);
        try {
            for (Map.Entry<String, String> c : recipe.categories().entrySet()) {
                builder.origin("recipe: categories." + c.getKey()).select(Categories.selector(c.getKey()))
                        .then(RuleSyntax.action(c.getValue(), null, recipe.dates(), 0));
            }
            builder.addAll(dateRules(recipe.dates()));
            builder.addAll(notLongitudinalRules(recipe.dates(), profile));
            builder.addAll(idRules(recipe, profile));
        } catch (RecipeException e) {
            throw new IllegalArgumentException("recipe " + e.getMessage(), e);
        }
        builder.origin("recipe: keep-private-creators");
        for (String creator : recipe.keepPrivateCreators()) {
            builder.select(new Selector.PrivateCreatorBlock(creator)).then(new Keep());
        }
        for (Recipe.OverrideRule o : recipe.overrides()) {
            builder.add(o.rule());
        }
        RuleSet set = builder.build();
        List<Rule> rules = set.rules();
        if (!recipe.scripts().isEmpty()) {
            return ScriptChain.compile(recipe, rules, secret, processingDate, recordValues);
        }
        return new DeidConfig(set, method(recipe, rules.size() > profile.size()),
                longitudinal(recipe, rules.subList(profile.size(), rules.size())), recipe.allowBurnedIn(),
                new UidHasher(secret), secret, processingDate, recordValues);
    }

    private static List<Rule> dateRules(DateConfig d) throws RecipeException {
        String origin = "recipe: dates " + d.mode().label();
        Action a = switch (d.mode()) {
            case KEEP -> new Keep();
            case REMOVE -> new Remove();
            case SHIFT -> new ShiftDate(d.zeroTimes());
            case TIMEPOINT -> new Timepoint();
            case YEAR_ONLY -> new YearOnly();
            case FIXED -> new FixedDate(RuleSyntax.date(d.fixedDate(), 0));
            case PROCESSING_DATE -> new ProcessingDate();
            case PROFILE -> null;
        };
        if (a == null) {
            return List.of();
        }
        if (a instanceof ShiftDate && !d.zeroTimes()) { // times of day stay, as DT keeps its time
            return List.of(new Rule(DATES, a, origin), new Rule(TIMES, new Keep(), origin));
        }
        return List.of(new Rule(DATES_AND_TIMES, a, origin));
    }

    /**
     * The dates PS3.15 keeps out of its longitudinal options (Table E.1-1 rows of VR DA, DT or
     * TM with no code in either Retain Longitudinal column: PatientBirthDate, PatientBirthTime,
     * GPSTimeStamp) do not follow the date mode: the profile's action is applied again after
     * it, or for the birth date and time, the recipe's birth-date rule.
     */
    private static List<Rule> notLongitudinalRules(DateConfig d, List<Rule> profile) throws RecipeException {
        List<Rule> rules = new ArrayList<>();
        boolean ownBirthRule = d.birthDate() != DateConfig.BirthDate.PROFILE;
        if (d.mode() != DateConfig.Mode.PROFILE) {
            for (int tag : NotLongitudinal.TAGS) {
                if (!(ownBirthRule && BIRTH.contains(tag))) {
                    rules.add(profileRule(profile, tag));
                }
            }
        }
        if (ownBirthRule) {
            Action a = switch (d.birthDate()) {
                case KEEP -> new Keep();
                case REMOVE -> new Remove();
                case EMPTY -> new Empty();
                case YEAR_ONLY -> new YearOnly();
                case SHIFT -> new ShiftDate(d.zeroTimes());
                case PROFILE -> throw new IllegalStateException("no birth-date rule of its own");
            };
            for (int tag : BIRTH) {
                rules.add(new Rule(new Selector.TagIs(tag), a, "recipe: dates birth-date"));
            }
        }
        return rules;
    }

    /** The profile's unconditional rule for a tag, re-targeted at that tag, or keep when the profile has none. */
    private static Rule profileRule(List<Rule> profile, int tag) {
        for (int i = profile.size() - 1; i >= 0; i--) {
            Rule r = profile.get(i);
            if (r.condition() instanceof Condition.Always && r.selector().matches(tag, null)) {
                return new Rule(new Selector.TagIs(tag), r.action(), r.origin());
            }
        }
        return new Rule(new Selector.TagIs(tag), new Keep(), "profile: not listed, kept");
    }

    /**
     * PatientID and PatientName from the ID strategy. A strategy the recipe did not choose
     * applies only where the profile itself changes PatientID, so original and anonymize
     * keep their exact lists.
     */
    private static List<Rule> idRules(Recipe r, List<Rule> profile) {
        PatientIdConfig ids = r.patientId();
        if (ids.strategy() == PatientIdConfig.Strategy.NONE || !r.patientIdGiven() && !changes(profile,
                Tag.PatientID)) {
            return List.of();
        }
        String origin = "recipe: patient-id";
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(new Selector.TagIs(Tag.PatientID), new Pseudonym(Pseudonym.Kind.PATIENT_ID), origin));
        Selector name = new Selector.TagIs(Tag.PatientName);
        switch (ids.patientName().kind()) {
            case KEEP -> { } // left to the profile
            case ID -> rules.add(new Rule(name, new Pseudonym(Pseudonym.Kind.PATIENT_NAME), origin));
            case EMPTY -> rules.add(new Rule(name, new Empty(), origin));
            case TEXT -> rules.add(new Rule(name, new SetValue(ids.patientName().text()), origin));
        }
        return rules;
    }

    /** Whether the last unconditional rule for a standard tag does anything but keep it. */
    static boolean changes(List<Rule> rules, int tag) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.condition() instanceof Condition.Always && r.selector().matches(tag, null)) {
                return !(r.action() instanceof Keep);
            }
        }
        return false;
    }

    private static DeidConfig.MethodDescription method(Recipe r, boolean hasRecipeRules) {
        DeidConfig.MethodDescription base = Profiles.method(r.profile(), r.options());
        if (!hasRecipeRules) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        if (r.dates().mode() != DateConfig.Mode.PROFILE) {
            parts.add("dates " + r.dates().mode().label());
        }
        if (r.dates().birthDate() != DateConfig.BirthDate.PROFILE) {
            parts.add("birth date " + r.dates().birthDate().label());
        }
        if (r.patientIdGiven()) {
            parts.add("patient IDs " + r.patientId().strategy().label());
        }
        r.categories().forEach((c, a) -> parts.add(c + " " + a));
        if (!r.keepPrivateCreators().isEmpty()) {
            parts.add(r.keepPrivateCreators().size() + " private creators kept");
        }
        if (!r.overrides().isEmpty()) {
            parts.add(r.overrides().size() + " recipe overrides");
        }
        String text = parts.isEmpty() ? base.text() : base.text() + "; " + String.join("; ", parts);
        return new DeidConfig.MethodDescription(text, base.codes());
    }

    /**
     * (0028,0303): from the date mode, else from the profile; a profile that leaves dates alone
     * reports MODIFIED once a recipe rule changes a date (an override on StudyDate, say).
     */
    private static Longitudinal longitudinal(Recipe r, List<Rule> recipeRules) {
        switch (r.dates().mode()) {
            case KEEP:
                return Longitudinal.UNMODIFIED;
            case REMOVE:
                return Longitudinal.REMOVED;
            case PROFILE:
                break;
            default:
                return Longitudinal.MODIFIED;
        }
        Longitudinal fromProfile = Profiles.longitudinal(r.profile(), r.options());
        if (fromProfile != Longitudinal.UNMODIFIED) {
            return fromProfile;
        }
        for (Rule rule : recipeRules) {
            if (!(rule.action() instanceof Keep) && touchesDates(rule.selector())) {
                return Longitudinal.MODIFIED;
            }
        }
        return fromProfile;
    }

    static boolean touchesDates(Selector s) {
        if (s instanceof Selector.TagIs t) {
            return DATES.matches(t.tag(), null);
        }
        if (s instanceof Selector.InCategory c) {
            return c.tags().stream().anyMatch(t -> DATES.matches(t, null));
        }
        return s instanceof Selector.StandardVr v && (v.vrs().contains(Vr.DA) || v.vrs().contains(Vr.DT));
    }
}
