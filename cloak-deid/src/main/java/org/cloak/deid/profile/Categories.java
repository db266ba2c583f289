package org.cloak.deid.profile;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * Named groups of attributes a recipe can act on at once ("device: keep"), each derived from the
 * standard's tables rather than listed by hand (docs/profiles.md gives the derivations):
 * device, institution and dates-and-times follow the Table E.1-1 option columns; patient,
 * clinical-trial and healthcare-provider follow groups, VRs and keywords of E.1-1 rows.
 */
public final class Categories {
    public static final String PATIENT = "patient";
    public static final String CLINICAL_TRIAL = "clinical-trial";
    public static final String HEALTHCARE_PROVIDER = "healthcare-provider";
    public static final String INSTITUTION = "institution";
    public static final String DATES_AND_TIMES = "dates-and-times";
    public static final String DEVICE = "device";

    private static final int PATIENT_GROUP = 0x0010;
    private static final int CLINICAL_TRIAL_GROUP = 0x0012;

    private Categories() {}

    private static final class Holder {
        static final Map<String, Set<Integer>> TAGS = derive();
    }

    /** The category names. */
    public static Set<String> names() { return Holder.TAGS.keySet(); }

    /** The standard tags of a category. */
    public static Set<Integer> tags(String category) {
        Set<Integer> tags = Holder.TAGS.get(category);
        if (tags == null) {
            throw new IllegalArgumentException("unknown category '" + category + "'; known: " + names());
        }
        return tags;
    }

    /** A selector for the category's tags. */
    public static Selector.InCategory selector(String category) {
        return new Selector.InCategory(category, tags(category));
    }

    private static Map<String, Set<Integer>> derive() {
        List<Ps315Table.Row> rows = Ps315Table.standard().rows().stream()
                .filter(r -> !r.isAllPrivate() && !r.isPattern()).toList();
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        out.put(PATIENT, select(rows, r -> Tags.group(r.tagValue()) == PATIENT_GROUP
                || !r.code(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS).isEmpty()));
        out.put(CLINICAL_TRIAL, select(rows, r -> Tags.group(r.tagValue()) == CLINICAL_TRIAL_GROUP
                || r.keyword().startsWith("ClinicalTrial")));
        out.put(HEALTHCARE_PROVIDER, healthcareProviders(rows));
        out.put(INSTITUTION, select(rows, r -> !r.code(ProfileOption.RETAIN_INSTITUTION_IDENTITY).isEmpty()));
        Set<Integer> dates = new HashSet<>(select(rows, r -> !r.code(ProfileOption.RETAIN_LONG_FULL_DATES).isEmpty()));
        for (DictionaryRows.Entry e : DictionaryRows.entries()) {
            if (!e.isPattern() && (e.hasVr(Vr.DA) || e.hasVr(Vr.DT) || e.hasVr(Vr.TM))) {
                dates.add(Integer.parseUnsignedInt(e.tag(), 16));
            }
        }
        out.put(DATES_AND_TIMES, Set.copyOf(dates));
        out.put(DEVICE, select(rows, r -> !r.code(ProfileOption.RETAIN_DEVICE_IDENTITY).isEmpty()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Person names outside the patient group (physicians, operators, observers, reviewers...)
     * and every row whose keyword starts with the same role: "OperatorsName" gives
     * OperatorIdentificationSequence, "ReferringPhysicianName" gives ReferringPhysicianAddress.
     */
    private static Set<Integer> healthcareProviders(List<Ps315Table.Row> rows) {
        Set<String> roles = new HashSet<>();
        for (Ps315Table.Row r : rows) {
            if (Tags.group(r.tagValue()) != PATIENT_GROUP && r.vr() == Vr.PN) {
                roles.add(role(r.keyword()));
            }
        }
        return select(rows, r -> Tags.group(r.tagValue()) != PATIENT_GROUP
                && (r.vr() == Vr.PN || roles.stream().anyMatch(role -> r.keyword().startsWith(role))));
    }

    /** The role a person-name keyword names: NameOfPhysiciansReadingStudy -> PhysiciansReadingStudy. */
    static String role(String keyword) {
        String k = keyword.replaceFirst("^NamesOf|^NameOf", "");
        for (String suffix : new String[] {"sName", "Names", "Name"}) {
            if (k.endsWith(suffix) && k.length() > suffix.length()) {
                return k.substring(0, k.length() - suffix.length());
            }
        }
        return k;
    }

    private static Set<Integer> select(List<Ps315Table.Row> rows, Predicate<Ps315Table.Row> p) {
        Set<Integer> out = new HashSet<>();
        for (Ps315Table.Row r : rows) {
            if (p.test(r)) {
                out.add(r.tagValue());
            }
        }
        return Set.copyOf(out);
    }
}
