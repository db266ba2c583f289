package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * Marks every output as de-identified (PS3.15 E.1.1, PS3.3 C.7.1.1) and names the time point.
 * What does not depend on the file (values, audit events) is prepared once per configuration.
 */
final class Markers {
    private static final int LO_MAX = 64;
    private static final String ORIGIN = "PS3.15 E.1.1";
    private static final AuditEvent CODES_ADDED = new AuditEvent(Tags.toString(Tag.DeidentificationMethodCodeSequence),
            "DeidentificationMethodCodeSequence", AuditEvent.Change.ADDED, "mark", ORIGIN, null, null);

    private final DeidConfig config;
    private final boolean none;
    private final String[] method;
    private final Marker identityRemoved = new Marker(Tag.PatientIdentityRemoved);
    private final Marker methodText = new Marker(Tag.DeidentificationMethod);
    private final Marker longitudinal = new Marker(Tag.LongitudinalTemporalInformationModified);
    private final Marker timepoint = new Marker(Tag.ClinicalTrialTimePointID);

    Markers(DeidConfig config) {
        this.config = config;
        this.none = config.rules().rules().isEmpty();
        this.method = split(config.method().text());
    }

    void apply(DataSet out, PatientPlan plan, List<AuditEvent> events) {
        apply(out, plan, events, List.of());
    }

    /** @param added codes of what other steps did (Clean Pixel Data), written after the profile's */
    void apply(DataSet out, PatientPlan plan, List<AuditEvent> events, List<DeidConfig.MethodCode> added) {
        if (none) {
            return; // the original profile changes nothing, so it claims nothing either
        }
        identityRemoved.set(out, Vr.CS, events, "YES");
        methodText.set(out, Vr.LO, events, method);
        if (!config.method().codes().isEmpty() || !added.isEmpty()) {
            putCodes(out, events, added);
        }
        longitudinal.set(out, Vr.CS, events, config.longitudinal().name());
        if (plan.timepoint() != null) {
            timepoint.set(out, Vr.LO, events, plan.timepoint());
        }
    }

    /** (0012,0064) is Type 1C: present only with at least one item, so profiles without codes leave it out. */
    private void putCodes(DataSet out, List<AuditEvent> events, List<DeidConfig.MethodCode> added) {
        Sequence codes = new Sequence();
        List<DeidConfig.MethodCode> all = new ArrayList<>(config.method().codes());
        added.stream().filter(c -> !all.contains(c)).forEach(all::add);
        for (DeidConfig.MethodCode c : all) {
            DataSet item = out.newItem();
            item.setString(Tag.CodeValue, Vr.SH, c.value());
            item.setString(Tag.CodingSchemeDesignator, Vr.SH, c.scheme());
            item.setString(Tag.CodeMeaning, Vr.LO, c.meaning());
            codes.add(item);
        }
        out.put(Tag.DeidentificationMethodCodeSequence, Vr.SQ, codes);
        events.add(CODES_ADDED);
    }

    /** LO holds 64 characters per value; a longer description becomes several values. */
    private static String[] split(String text) {
        List<String> parts = new ArrayList<>();
        for (String word : text.replace("\\", "/").split(" ")) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).length() + 1 + word.length() <= LO_MAX) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + word);
            } else {
                parts.add(word.length() > LO_MAX ? word.substring(0, LO_MAX) : word);
            }
        }
        return parts.toArray(String[]::new);
    }

    /** One marker attribute with its two possible audit events (the events are immutable). */
    private static final class Marker {
        private final int tag;
        private final AuditEvent added;
        private final AuditEvent modified;

        Marker(int tag) {
            this.tag = tag;
            String path = Tags.toString(tag);
            String keyword = DataSet.keywordOf(tag);
            added = new AuditEvent(path, keyword, AuditEvent.Change.ADDED, "mark", ORIGIN, null, null);
            modified = new AuditEvent(path, keyword, AuditEvent.Change.MODIFIED, "mark", ORIGIN, null, null);
        }

        void set(DataSet out, Vr vr, List<AuditEvent> events, String... values) {
            AuditEvent event = out.contains(tag) ? modified : added;
            out.setString(tag, vr, values);
            events.add(event);
        }
    }
}
