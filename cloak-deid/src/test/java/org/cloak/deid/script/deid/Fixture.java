package org.cloak.deid.script.deid;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.dict.Tag;

/** A CT header with obviously fake PHI at the top level, in sequences and in a private block. */
final class Fixture {
    private Fixture() {}

    static DataSet ct() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.5");
        ds.setString(Tag.StudyInstanceUID, Vr.UI, "1.2.3.4");
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, "1.2.3.4.6");
        ds.setString(Tag.StudyDate, Vr.DA, "20200228");
        ds.setString(Tag.StudyTime, Vr.TM, "101010");
        ds.setString(Tag.AcquisitionDateTime, Vr.DT, "20200101123000.123456+0100");
        ds.setString(Tag.AccessionNumber, Vr.SH, "ACC-1");
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.Manufacturer, Vr.LO, "ACME");
        ds.setString(Tag.InstitutionName, Vr.LO, "FAKE HOSPITAL");
        ds.setString(Tag.ReferringPhysicianName, Vr.PN, "DOC^FAKE");
        ds.setString(Tag.OperatorsName, Vr.PN, "OP^ONE");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19700101");
        ds.setString(Tag.PatientSex, Vr.CS, "F");
        Sequence refs = new Sequence();
        DataSet ref = ds.newItem();
        ref.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, "1.2.3.9");
        ref.setString(Tag.PatientID, Vr.LO, "PID-0001");
        refs.add(ref);
        ds.put(Tag.ReferencedImageSequence, Vr.SQ, refs);
        Sequence others = new Sequence();
        DataSet other = ds.newItem();
        other.setString(Tag.PatientID, Vr.LO, "OLD-1");
        others.add(other);
        ds.put(Tag.OtherPatientIDsSequence, Vr.SQ, others);
        ds.setString(0x00290010, Vr.LO, "SIEMENS CSA HEADER");
        ds.setString(0x00291008, Vr.CS, "IMAGE NUM 4");
        ds.setString(0x00291009, Vr.LO, "kept");
        ds.setInts(Tag.Rows, Vr.US, 512);
        return ds;
    }

    static DataSet item(DataSet ds, int sequence) {
        return ds.getSequence(sequence).get(0);
    }
}
