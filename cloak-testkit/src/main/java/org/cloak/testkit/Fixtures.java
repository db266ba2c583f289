package org.cloak.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/**
 * Synthetic data sets with obviously fake identifying data, for codec and engine tests.
 *
 * <p>{@code Fixtures.ct().patientName("DOE^JANE").patientId("PID-0001").build()} is a complete
 * CT Image IOD (verified with dciodvfy by the tests): UIDs under 2.25 derived from the
 * patient, study, series and instance numbers (so the same inputs give the same UIDs), 16-bit
 * pixel data, PHI in nested sequences (Referenced Patient Sequence, Request Attributes
 * Sequence with a nested code sequence) and in a private block reserved by {@value #PRIVATE_CREATOR}.
 */
public final class Fixtures {
    /** Creator of the private block the fixtures carry, in group {@value #PRIVATE_GROUP_HEX}. */
    public static final String PRIVATE_CREATOR = "ACME 1.0";
    public static final String PRIVATE_GROUP_HEX = "0009";
    /** (0009,0010): reserves block 0x10 of group 0009 for {@link #PRIVATE_CREATOR}. */
    public static final int PRIVATE_CREATOR_TAG = Tags.of(0x0009, 0x0010);
    /** (0009,1001) LO: a patient name hidden in the private block. */
    public static final int PRIVATE_PATIENT_NAME = Tags.of(0x0009, 0x1001);
    /** (0009,1002) DS: an innocuous private number. */
    public static final int PRIVATE_DOSE = Tags.of(0x0009, 0x1002);

    private Fixtures() {}

    public static CtBuilder ct() {
        return new CtBuilder();
    }

    /** A deterministic 2.25 UID (PS3.5 B.2) derived from a name, so fixtures are reproducible. */
    public static String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        BigInteger hi = BigInteger.valueOf(u.getMostSignificantBits())
                .and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        BigInteger lo = BigInteger.valueOf(u.getLeastSignificantBits())
                .and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        return "2.25." + hi.shiftLeft(64).or(lo);
    }

    /** Writes a data set as a Part 10 file in Explicit VR Little Endian with Cloak's writer. */
    public static Path write(DataSet ds, Path file) throws IOException {
        return write(ds, file, TransferSyntax.EXPLICIT_LE);
    }

    /**
     * Writes a data set as a Part 10 file with Cloak's writer. The fixtures are built little
     * endian, so Explicit VR Big Endian is refused rather than written with wrong binary values.
     */
    public static Path write(DataSet ds, Path file, TransferSyntax ts) throws IOException {
        if (ts.bigEndian() != ds.isBigEndian()) {
            throw new IllegalArgumentException("data set byte order does not match " + ts.uid());
        }
        DicomWriter.write(new DicomFile(new DataSet(), ds, ts, file.toString(), false), file);
        return file;
    }

    /** Builder of a minimal but complete CT image. */
    public static final class CtBuilder {
        private String patientName = "DOE^JANE";
        private String patientId = "PID-0001";
        private String birthDate = "19700101";
        private String sex = "O";
        private String accession = "ACC-0001";
        private String studyDate = "20000101";
        private String studyTime = "120000";
        private String referringPhysician = "WHO^DR^FAKE";
        private String institution = "FAKE GENERAL HOSPITAL";
        private int study = 1;
        private int series = 1;
        private int instance = 1;
        private String studyUid;
        private String seriesUid;
        private String sopInstanceUid;
        private String frameOfReferenceUid;
        private int rows = 64;
        private int columns = 64;
        private boolean sequences = true;
        private boolean privateBlock = true;

        private CtBuilder() {}

        public CtBuilder patientName(String v) { patientName = v; return this; }

        public CtBuilder patientId(String v) { patientId = v; return this; }

        public CtBuilder birthDate(String v) { birthDate = v; return this; }

        public CtBuilder sex(String v) { sex = v; return this; }

        public CtBuilder accessionNumber(String v) { accession = v; return this; }

        public CtBuilder studyDate(String v) { studyDate = v; return this; }

        public CtBuilder studyTime(String v) { studyTime = v; return this; }

        public CtBuilder referringPhysician(String v) { referringPhysician = v; return this; }

        public CtBuilder institution(String v) { institution = v; return this; }

        /** Study number, used for the derived Study Instance UID and the Study ID. */
        public CtBuilder study(int n) { study = n; return this; }

        /** Series number (0020,0011), also used for the derived Series Instance UID. */
        public CtBuilder series(int n) { series = n; return this; }

        /** Instance number (0020,0013), also used for the derived SOP Instance UID. */
        public CtBuilder instance(int n) { instance = n; return this; }

        public CtBuilder studyUid(String v) { studyUid = v; return this; }

        public CtBuilder seriesUid(String v) { seriesUid = v; return this; }

        public CtBuilder sopInstanceUid(String v) { sopInstanceUid = v; return this; }

        public CtBuilder frameOfReferenceUid(String v) { frameOfReferenceUid = v; return this; }

        public CtBuilder rows(int v) { rows = v; return this; }

        public CtBuilder columns(int v) { columns = v; return this; }

        /** Leaves out the PHI-bearing sequences (Referenced Patient, Request Attributes). */
        public CtBuilder withoutSequences() { sequences = false; return this; }

        /** Leaves out the {@value Fixtures#PRIVATE_CREATOR} private block. */
        public CtBuilder withoutPrivateBlock() { privateBlock = false; return this; }

        public DataSet build() {
            String stUid = studyUid != null ? studyUid : uid("study/" + patientId + "/" + study);
            String seUid = seriesUid != null ? seriesUid : uid("series/" + stUid + "/" + series);
            String sopUid = sopInstanceUid != null ? sopInstanceUid : uid("instance/" + seUid + "/" + instance);
            String forUid = frameOfReferenceUid != null ? frameOfReferenceUid : uid("for/" + stUid);

            DataSet ds = new DataSet();
            ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
            ds.setString(Tag.ImageType, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            ds.setString(Tag.SOPClassUID, Vr.UI, Uid.CTImageStorage);
            ds.setString(Tag.SOPInstanceUID, Vr.UI, sopUid);
            ds.setString(Tag.StudyDate, Vr.DA, studyDate);
            ds.setString(Tag.ContentDate, Vr.DA, studyDate);
            ds.setString(Tag.StudyTime, Vr.TM, studyTime);
            ds.setString(Tag.ContentTime, Vr.TM, studyTime);
            ds.setString(Tag.AccessionNumber, Vr.SH, accession);
            ds.setString(Tag.Modality, Vr.CS, "CT");
            ds.setString(Tag.Manufacturer, Vr.LO, "CLOAK TESTKIT");
            ds.setString(Tag.InstitutionName, Vr.LO, institution);
            ds.setString(Tag.ReferringPhysicianName, Vr.PN, referringPhysician);
            ds.setString(Tag.StudyDescription, Vr.LO, "FAKE STUDY " + study);
            ds.setString(Tag.SeriesDescription, Vr.LO, "FAKE SERIES " + series);
            if (sequences) {
                DataSet ref = ds.newItem();
                ref.setString(Tag.ReferencedSOPClassUID, Vr.UI, Uid.DetachedPatientManagementMeta);
                ref.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, uid("patient/" + patientId));
                ds.put(Tag.ReferencedPatientSequence, Vr.SQ, sequenceOf(ref));
            }
            ds.setString(Tag.PatientName, Vr.PN, patientName);
            ds.setString(Tag.PatientID, Vr.LO, patientId);
            ds.setString(Tag.PatientBirthDate, Vr.DA, birthDate);
            ds.setString(Tag.PatientSex, Vr.CS, sex);
            ds.setString(Tag.BodyPartExamined, Vr.CS, "HEAD");
            ds.setString(Tag.SliceThickness, Vr.DS, "1");
            ds.setString(Tag.KVP, Vr.DS, "120");
            ds.setString(Tag.PatientPosition, Vr.CS, "HFS");
            ds.setString(Tag.StudyInstanceUID, Vr.UI, stUid);
            ds.setString(Tag.SeriesInstanceUID, Vr.UI, seUid);
            ds.setString(Tag.StudyID, Vr.SH, "S" + study);
            ds.setString(Tag.SeriesNumber, Vr.IS, Integer.toString(series));
            ds.setString(Tag.AcquisitionNumber, Vr.IS, "1");
            ds.setString(Tag.InstanceNumber, Vr.IS, Integer.toString(instance));
            ds.setString(Tag.ImagePositionPatient, Vr.DS, "-16", "-16", Integer.toString(instance));
            ds.setString(Tag.ImageOrientationPatient, Vr.DS, "1", "0", "0", "0", "1", "0");
            ds.setString(Tag.FrameOfReferenceUID, Vr.UI, forUid);
            ds.setString(Tag.PositionReferenceIndicator, Vr.LO, "");
            ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
            ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
            ds.setInts(Tag.Rows, Vr.US, rows);
            ds.setInts(Tag.Columns, Vr.US, columns);
            ds.setString(Tag.PixelSpacing, Vr.DS, "0.5", "0.5");
            ds.setInts(Tag.BitsAllocated, Vr.US, 16);
            ds.setInts(Tag.BitsStored, Vr.US, 12);
            ds.setInts(Tag.HighBit, Vr.US, 11);
            ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
            ds.setString(Tag.WindowCenter, Vr.DS, "40");
            ds.setString(Tag.WindowWidth, Vr.DS, "400");
            ds.setString(Tag.RescaleIntercept, Vr.DS, "-1024");
            ds.setString(Tag.RescaleSlope, Vr.DS, "1");
            if (sequences) {
                DataSet code = ds.newItem();
                code.setString(Tag.CodeValue, Vr.SH, "FAKE-1");
                code.setString(Tag.CodingSchemeDesignator, Vr.SH, "99CLOAK");
                code.setString(Tag.CodeMeaning, Vr.LO, "Fake protocol for " + patientName);
                DataSet req = ds.newItem();
                req.setString(Tag.ScheduledProcedureStepDescription, Vr.LO, "FAKE STEP");
                req.put(Tag.ScheduledProtocolCodeSequence, Vr.SQ, sequenceOf(code));
                req.setString(Tag.ScheduledProcedureStepID, Vr.SH, "SPS-" + patientId);
                req.setString(Tag.RequestedProcedureID, Vr.SH, "RP-" + accession);
                ds.put(Tag.RequestAttributesSequence, Vr.SQ, sequenceOf(req));
            }
            if (privateBlock) {
                ds.setString(PRIVATE_CREATOR_TAG, Vr.LO, PRIVATE_CREATOR);
                ds.setString(PRIVATE_PATIENT_NAME, Vr.LO, patientName);
                ds.setString(PRIVATE_DOSE, Vr.DS, "12.5");
            }
            ds.put(Tag.PixelData, Vr.OW, new Bytes(phantom(rows, columns)));
            return ds;
        }

        private static Sequence sequenceOf(DataSet... items) {
            Sequence s = new Sequence();
            for (DataSet item : items) {
                s.add(item);
            }
            return s;
        }
    }

    /**
     * 16-bit little-endian pixels of a disc phantom (12 bits stored, air 0, water 1024, a
     * denser insert), so an image viewer shows something recognisable.
     */
    public static byte[] phantom(int rows, int columns) {
        ByteBuffer b = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
        double cy = rows / 2.0;
        double cx = columns / 2.0;
        double r = Math.min(rows, columns) * 0.42;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double di = Math.hypot(x + 0.5 - cx * 1.3, y + 0.5 - cy);
                int v = d > r ? 0 : di < r * 0.2 ? 2000 : 1024 + ((x + y) & 7);
                b.putShort((short) v);
            }
        }
        return b.array();
    }
}
