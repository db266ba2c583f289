package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Vr;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/** Marks every output as de-identified (PS3.15 E.1.1, PS3.3 C.7.1.1) and names the time point. */
final class Markers {
    private static final int LO_MAX = 64;

    private Markers() {}

    static void apply(DataSet out, DeidConfig config, PatientPlan plan, List<AuditEvent> events) {
        if (config.rules().rules().isEmpty()) {
            return; // the original profile changes nothing, so it claims nothing either
        }
        set(out, Tag.PatientIdentityRemoved, Vr.CS, events, "YES");
        set(out, Tag.DeidentificationMethod, Vr.LO, events, split(config.method().text()));
        if (!config.method().codes().isEmpty()) {
            putCodes(out, config, events);
        }
        set(out, Tag.LongitudinalTemporalInformationModified, Vr.CS, events, config.longitudinal());
        if (plan.timepoint() != null) {
            set(out, Tag.ClinicalTrialTimePointID, Vr.LO, events, plan.timepoint());
        }
    }

    /** (0012,0064) is Type 1C: present only with at least one item, so profiles without codes leave it out. */
    private static void putCodes(DataSet out, DeidConfig config, List<AuditEvent> events) {
        Sequence codes = new Sequence();
        for (DeidConfig.MethodCode c : config.method().codes()) {
            DataSet item = out.newItem();
            item.setString(Tag.CodeValue, Vr.SH, c.value());
            item.setString(Tag.CodingSchemeDesignator, Vr.SH, c.scheme());
            item.setString(Tag.CodeMeaning, Vr.LO, c.meaning());
            codes.add(item);
        }
        out.put(Tag.DeidentificationMethodCodeSequence, Vr.SQ, codes);
        events.add(new AuditEvent(Tags.toString(Tag.DeidentificationMethodCodeSequence),
                "DeidentificationMethodCodeSequence", AuditEvent.Change.ADDED, "mark", "PS3.15 E.1.1", null, null));
    }

    private static void set(DataSet out, int tag, Vr vr, List<AuditEvent> events, String... values) {
        AuditEvent.Change change = out.contains(tag) ? AuditEvent.Change.MODIFIED : AuditEvent.Change.ADDED;
        out.setString(tag, vr, values);
        events.add(new AuditEvent(Tags.toString(tag), DataSet.keywordOf(tag), change, "mark", "PS3.15 E.1.1", null, null));
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
}
