package org.cloak.deid.rule;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/** Small data sets with sequences, for rules that look into items. */
final class Trees {
    private Trees() {}

    /**
     * PatientName at the top, in both items of RequestAttributesSequence (each with its
     * ScheduledProcedureStepID SPS-0 / SPS-1 and description), and two levels down in item 1's
     * ReferencedStudySequence.
     */
    static DataSet requests() {
        DataSet ds = new DataSet();
        ds.setString(Tag.Modality, Vr.CS, "MR");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.ScheduledProcedureStepID, Vr.SH, "TOP");
        Sequence requests = new Sequence();
        for (int i = 0; i < 2; i++) {
            DataSet item = ds.newItem();
            item.setString(Tag.ScheduledProcedureStepID, Vr.SH, "SPS-" + i);
            item.setString(Tag.ScheduledProcedureStepDescription, Vr.LO, i == 0 ? "Brain routine" : "Knee");
            item.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
            requests.add(item);
        }
        DataSet deep = requests.get(1).newItem();
        deep.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        Sequence studies = new Sequence();
        studies.add(deep);
        requests.get(1).put(Tag.ReferencedStudySequence, Vr.SQ, studies);
        ds.put(Tag.RequestAttributesSequence, Vr.SQ, requests);
        return ds;
    }

    static DataSet item(DataSet ds, int index) {
        return ds.getSequence(Tag.RequestAttributesSequence).get(index);
    }

    static DataSet deep(DataSet ds) {
        return item(ds, 1).getSequence(Tag.ReferencedStudySequence).get(0);
    }
}
