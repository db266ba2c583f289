package org.cloak.dicom.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;

/** Small valid data sets built with the codec's own API. */
final class Samples {
    static final int PRIVATE_CREATOR = Tags.of(0x0009, 0x0010);
    static final int PRIVATE_NAME = Tags.of(0x0009, 0x1001);
    static final int PRIVATE_BLOB = Tags.of(0x0009, 0x1002);

    private Samples() {}

    /**
     * A 64x64 16-bit CT-like image with a few text attributes, a sequence of undefined length
     * (undefined-length item holding a nested sequence of defined length), a sequence of defined
     * length, and a private block.
     */
    static DataSet small(boolean bigEndian) {
        DataSet ds = new DataSet(bigEndian);
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, Vr.UI, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "2.25.123456789");
        ds.setString(Tag.StudyDate, Vr.DA, "20000101");
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");

        DataSet ref = ds.newItem();
        ref.setUndefinedLength(false);
        ref.setString(Tag.ReferencedSOPClassUID, Vr.UI, "1.2.840.10008.3.1.2.1.4");
        ref.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, "2.25.42");
        ds.put(Tag.ReferencedPatientSequence, Vr.SQ, sequence(false, ref));

        DataSet code = ds.newItem();
        code.setUndefinedLength(false);
        code.setString(Tag.CodeValue, Vr.SH, "FAKE-1");
        code.setString(Tag.CodingSchemeDesignator, Vr.SH, "99CLOAK");
        code.setString(Tag.CodeMeaning, Vr.LO, "Fake protocol");
        DataSet req = ds.newItem();
        req.setString(Tag.ScheduledProcedureStepDescription, Vr.LO, "FAKE STEP");
        req.put(Tag.ScheduledProtocolCodeSequence, Vr.SQ, sequence(false, code));
        req.setString(Tag.RequestedProcedureID, Vr.SH, "RP-1");
        ds.put(Tag.RequestAttributesSequence, Vr.SQ, sequence(true, req));

        ds.setString(PRIVATE_CREATOR, Vr.LO, "ACME 1.0");
        ds.setString(PRIVATE_NAME, Vr.LO, "DOE^JANE");
        ds.put(PRIVATE_BLOB, Vr.UN, new Bytes(new byte[] {1, 2, 3, 4, 5, 6}));

        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, Vr.US, 64);
        ds.setInts(Tag.Columns, Vr.US, 64);
        ds.setInts(Tag.BitsAllocated, Vr.US, 16);
        ds.setInts(Tag.BitsStored, Vr.US, 12);
        ds.setInts(Tag.HighBit, Vr.US, 11);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        ds.put(Tag.PixelData, Vr.OW, new Bytes(pixels(64, 64, ds.order())));
        return ds;
    }

    static Sequence sequence(boolean undefinedLength, DataSet... items) {
        Sequence s = new Sequence(undefinedLength);
        for (DataSet item : items) {
            s.add(item);
        }
        return s;
    }

    /** A 16-bit gradient with a little structure, in the data set's byte order. */
    static byte[] pixels(int rows, int columns, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(rows * columns * 2).order(order);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                b.putShort((short) ((x * 37 + y * 101) & 0x0FFF));
            }
        }
        return b.array();
    }

    static byte[] part10(DataSet ds, TransferSyntax ts) throws java.io.IOException {
        return DicomWriter.toBytes(new DicomFile(new DataSet(), ds, ts, "sample", false));
    }
}
