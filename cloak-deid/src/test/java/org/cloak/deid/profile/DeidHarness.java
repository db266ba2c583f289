package org.cloak.deid.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.rule.RuleSet;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Vr;

/** Runs the engine with a named profile, as the compiler would, for the profile tests. */
final class DeidHarness {
    /** Days the plan shifts dates by (Retain Longitudinal Temporal Information with Modified Dates). */
    static final int OFFSET_DAYS = -100;
    static final PatientPlan PLAN = new PatientPlan("PID-NEW", "NEW^NAME", OFFSET_DAYS, null, d -> d);
    private static final Secret SECRET = Secret.random();
    private static final Map<String, Deidentifier> ENGINES = new ConcurrentHashMap<>();

    private DeidHarness() {}

    static Deidentifier engine(String profile, Set<ProfileOption> options) {
        Set<ProfileOption> opts = options.isEmpty() ? EnumSet.noneOf(ProfileOption.class) : EnumSet.copyOf(options);
        return ENGINES.computeIfAbsent(profile + opts, k -> new Deidentifier(new DeidConfig(
                new RuleSet(Profiles.rules(profile, opts)), Profiles.method(profile, opts),
                Profiles.longitudinal(profile, opts), false, new UidHasher(SECRET), SECRET,
                LocalDate.of(2024, 1, 2), false)));
    }

    /** The de-identified data set; fails when the engine quarantined it. */
    static DataSet run(String profile, Set<ProfileOption> options, DataSet original) {
        DeidResult result = engine(profile, options).deidentify(original, PLAN);
        assertThat(result.outcome()).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) result.outcome()).dataset();
    }

    static Element text(int tag, Vr vr, String value) {
        return new Element(tag, vr, new Bytes(DataSet.pad(value.getBytes(StandardCharsets.ISO_8859_1), vr)));
    }

    /** An element's text with padding removed, or null when absent. */
    static String textOf(Element e) {
        if (e == null) {
            return null;
        }
        String s = new String(((Bytes) e.value()).data(), StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }
}
