package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cloak.deid.DeidConfig.MethodCode;
import org.cloak.deid.DeidConfig.MethodDescription;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.rule.Rule;
import org.cloak.dicom.io.Version;

/**
 * The named profiles and what each compiles to: rules, the method written into (0012,0063)
 * and (0012,0064), and the value of (0028,0303). See docs/profiles.md.
 *
 * <pre>{@code
 * List<Rule> rules = Profiles.rules("dicom-basic", EnumSet.of(ProfileOption.RETAIN_UIDS));
 * MethodDescription method = Profiles.method("dicom-basic", EnumSet.of(ProfileOption.RETAIN_UIDS));
 * }</pre>
 */
public final class Profiles {
    public static final String ORIGINAL = "original";
    public static final String ANONYMIZE = "anonymize";
    public static final String ANONYMIZE_FULL = "anonymize-full";
    public static final String DICOM_BASIC = "dicom-basic";
    public static final String HIPAA = "hipaa";


    private static final Set<String> NAMES = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of(ORIGINAL, ANONYMIZE, ANONYMIZE_FULL, DICOM_BASIC, HIPAA)));

    private Profiles() {}

    /** The profile names, in the order the documentation lists them. */
    public static Set<String> names() { return NAMES; }

    /**
     * The ordered rules of a profile with its options; for an attribute the last matching rule
     * wins. Fails for an unknown profile, for options on a profile that has none, and for
     * option sets the standard or Safe Harbor does not allow.
     */
    public static List<Rule> rules(String profile, Set<ProfileOption> options) {
        Set<ProfileOption> opts = check(profile, options);
        return switch (profile) {
            case ORIGINAL -> List.of();
            case ANONYMIZE -> NidbLists.anonymize();
            case ANONYMIZE_FULL -> NidbLists.anonymizeFull();
            case DICOM_BASIC -> List.copyOf(BasicProfile.rules(opts));
            default -> {
                List<Rule> out = new ArrayList<>(HipaaRules.before());
                out.addAll(BasicProfile.rules(opts));
                out.addAll(HipaaRules.after());
                yield List.copyOf(out);
            }
        };
    }

    /**
     * "Cloak VERSION PROFILE +option..." and the CID 7050 codes: 113100 and one per option for
     * dicom-basic and hipaa (hipaa adds 113107, its dates being aggregated to the year); none for
     * original, anonymize and anonymize-full, which do not conform to the Basic Profile.
     */
    public static MethodDescription method(String profile, Set<ProfileOption> options) {
        Set<ProfileOption> opts = check(profile, options);
        StringBuilder text = new StringBuilder("Cloak ").append(Version.VERSION).append(' ').append(profile);
        for (ProfileOption o : opts) {
            text.append(" +").append(o.cliName());
        }
        List<MethodCode> codes = new ArrayList<>();
        if (profile.equals(DICOM_BASIC) || profile.equals(HIPAA)) {
            codes.add(MethodCodes.basicProfile());
            Set<ProfileOption> coded = EnumSet.noneOf(ProfileOption.class);
            coded.addAll(opts);
            if (profile.equals(HIPAA)) {
                coded.add(ProfileOption.RETAIN_LONG_MODIFIED_DATES);
            }
            for (ProfileOption o : coded) {
                codes.add(o.methodCode());
            }
        }
        return new MethodDescription(text.toString(), List.copyOf(codes));
    }

    /** Longitudinal Temporal Information Modified (0028,0303) for the profile's own date handling. */
    public static Longitudinal longitudinal(String profile, Set<ProfileOption> options) {
        Set<ProfileOption> opts = check(profile, options);
        return switch (profile) {
            case ORIGINAL, ANONYMIZE -> Longitudinal.UNMODIFIED;
            case ANONYMIZE_FULL -> Longitudinal.REMOVED;
            case HIPAA -> Longitudinal.MODIFIED;
            default -> {
                if (opts.contains(ProfileOption.RETAIN_LONG_FULL_DATES)) {
                    yield Longitudinal.UNMODIFIED;
                }
                yield opts.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES) ? Longitudinal.MODIFIED
                        : Longitudinal.REMOVED;
            }
        };
    }

    private static Set<ProfileOption> check(String profile, Set<ProfileOption> options) {
        Objects.requireNonNull(profile, "profile");
        if (!NAMES.contains(profile)) {
            throw new IllegalArgumentException("unknown profile '" + profile + "'; known: " + names());
        }
        Set<ProfileOption> opts = EnumSet.noneOf(ProfileOption.class);
        opts.addAll(Objects.requireNonNull(options, "options"));
        boolean basic = profile.equals(DICOM_BASIC) || profile.equals(HIPAA);
        if (!basic && !opts.isEmpty()) {
            throw new IllegalArgumentException("profile " + profile + " takes no options; PS3.15 options apply to "
                    + DICOM_BASIC + " and " + HIPAA);
        }
        if (opts.contains(ProfileOption.RETAIN_LONG_FULL_DATES)
                && opts.contains(ProfileOption.RETAIN_LONG_MODIFIED_DATES)) {
            throw new IllegalArgumentException("retain-long-full-dates and retain-long-modified-dates are mutually"
                    + " exclusive (PS3.15 E.3.6)");
        }
        if (profile.equals(HIPAA)) {
            for (ProfileOption o : EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES, ProfileOption.RETAIN_UIDS)) {
                if (opts.contains(o)) {
                    throw new IllegalArgumentException("option " + o.cliName() + " keeps what HIPAA Safe Harbor"
                            + " removes (full dates, original UIDs); use " + DICOM_BASIC + " with it instead");
                }
            }
        }
        return opts;
    }
}
