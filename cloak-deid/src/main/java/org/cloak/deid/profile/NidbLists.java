package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.action.Empty;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;

/**
 * The attribute lists of NiDB's "anonymize" and "anonymize-full" levels, as NiDB
 * documents them. They are not from the standard, so they are listed here. Cloak empties each attribute
 * (Z) at every depth and touches nothing else; NiDB wrote placeholder values instead.
 */
final class NidbLists {
    static final List<Integer> ANONYMIZE = List.of(Tag.ReferringPhysicianName, Tag.PerformingPhysicianName,
            Tag.OperatorsName, Tag.PatientName, Tag.PatientBirthDate);
    static final List<Integer> ANONYMIZE_FULL_EXTRA = List.of(Tag.InstitutionName, Tag.InstitutionAddress,
            Tag.StationName, Tag.StudyDescription, Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate,
            Tag.StudyTime, Tag.SeriesTime, Tag.AcquisitionTime, Tag.ContentTime, Tag.PatientID, Tag.PatientWeight);

    private NidbLists() {}

    static List<Rule> anonymize() { return empty(ANONYMIZE, "NiDB anonymize"); }

    static List<Rule> anonymizeFull() {
        List<Integer> tags = new ArrayList<>(ANONYMIZE);
        tags.addAll(ANONYMIZE_FULL_EXTRA);
        return empty(tags, "NiDB anonymize-full");
    }

    private static List<Rule> empty(List<Integer> tags, String origin) {
        List<Rule> out = new ArrayList<>(tags.size());
        for (int tag : tags) {
            out.add(new Rule(new Selector.TagIs(tag), new Empty(), origin));
        }
        return out;
    }
}
