package org.cloak.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
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
 * Writes a synthetic CT series with Cloak's writer: 512x512 16-bit slices, a header of 89
 * attributes with obviously fake PHI (nested sequences and a private block included), Explicit VR
 * Little Endian.
 *
 * <p>Usage: {@code MakeCtCorpus out-dir count}.
 */
public final class MakeCtCorpus {
    static final int SIZE = 512;
    private static final String ROOT = "2.25.1234567890123456789";

    private MakeCtCorpus() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MakeCtCorpus out-dir count");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Files.createDirectories(out);
        short[] body = phantom();
        long start = System.nanoTime();
        IntStream.rangeClosed(1, count).parallel().forEach(i -> {
            try {
                DataSet ds = header(i, count);
                ds.put(Tag.PixelData, Vr.OW, new Bytes(slice(body, i)));
                Path file = out.resolve(String.format("CT%06d.dcm", i));
                DicomFile f = new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, file.toString(), false);
                DicomWriter.write(f, file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.printf("wrote %d slices to %s in %.1f s%n", count, out, (System.nanoTime() - start) / 1e9);
    }

    /** The header of slice {@code i} of a series of {@code n}. */
    static DataSet header(int i, int n) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, Vr.DA, "20240115");
        ds.setString(Tag.InstanceCreationTime, Vr.TM, "101530");
        ds.setString(Tag.SOPClassUID, Vr.UI, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, ROOT + ".3." + i);
        ds.setString(Tag.StudyDate, Vr.DA, "20240115");
        ds.setString(Tag.SeriesDate, Vr.DA, "20240115");
        ds.setString(Tag.AcquisitionDate, Vr.DA, "20240115");
        ds.setString(Tag.ContentDate, Vr.DA, "20240115");
        ds.setString(Tag.StudyTime, Vr.TM, "100000");
        ds.setString(Tag.SeriesTime, Vr.TM, "101000");
        ds.setString(Tag.AcquisitionTime, Vr.TM, String.format("1012%02d.%03d", i / 1000 % 60, i % 1000));
        ds.setString(Tag.ContentTime, Vr.TM, "101500");
        ds.setString(Tag.AccessionNumber, Vr.SH, "FAKEACC0001");
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.Manufacturer, Vr.LO, "CLOAK BENCH");
        ds.setString(Tag.InstitutionName, Vr.LO, "FAKE GENERAL HOSPITAL");
        ds.setString(Tag.InstitutionAddress, Vr.ST, "1 FAKE STREET, NOWHERE");
        ds.setString(Tag.ReferringPhysicianName, Vr.PN, "WHO^DOCTOR^FAKE");
        ds.setString(Tag.StationName, Vr.SH, "FAKECT01");
        ds.setString(Tag.StudyDescription, Vr.LO, "CT CHEST ABDOMEN PELVIS");
        ds.put(Tag.ProcedureCodeSequence, Vr.SQ, sequence(code(ds, "FAKE-CAP", "99CLOAK", "CT chest abdomen pelvis")));
        ds.setString(Tag.SeriesDescription, Vr.LO, "AXIAL 1.0 SOFT TISSUE");
        ds.setString(Tag.PerformingPhysicianName, Vr.PN, "DOE^JOHN^DR");
        ds.setString(Tag.OperatorsName, Vr.PN, "ROE^RICHARD");
        ds.setString(Tag.ManufacturerModelName, Vr.LO, "SYNTHETIC 64");
        DataSet study = ds.newItem();
        study.setString(Tag.ReferencedSOPClassUID, Vr.UI, Uid.DetachedStudyManagement);
        study.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, ROOT + ".9");
        ds.put(Tag.ReferencedStudySequence, Vr.SQ, sequence(study));
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE^Q");
        ds.setString(Tag.PatientID, Vr.LO, "FAKE-PID-000123");
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19600229");
        ds.setString(Tag.PatientSex, Vr.CS, "F");
        ds.setString(Tag.OtherPatientIDs, Vr.LO, "FAKE-MRN-98765");
        ds.setString(Tag.PatientAge, Vr.AS, "063Y");
        ds.setString(Tag.PatientSize, Vr.DS, "1.65");
        ds.setString(Tag.PatientWeight, Vr.DS, "61.5");
        ds.setString(Tag.PatientAddress, Vr.LO, "2 IMAGINARY ROAD, NOWHERE");
        ds.setString(Tag.AdditionalPatientHistory, Vr.LT, "Fake history for a fake patient.");
        ds.setString(Tag.PatientComments, Vr.LT, "Synthetic data, no real person.");
        ds.setString(Tag.BodyPartExamined, Vr.CS, "CHEST");
        ds.setString(Tag.ScanOptions, Vr.CS, "HELICAL MODE");
        ds.setString(Tag.SliceThickness, Vr.DS, "1");
        ds.setString(Tag.KVP, Vr.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, Vr.DS, "500");
        ds.setString(Tag.DeviceSerialNumber, Vr.LO, "FAKE-SN-0001");
        ds.setString(Tag.SoftwareVersions, Vr.LO, "BENCH 1.0");
        ds.setString(Tag.ProtocolName, Vr.LO, "CAP ROUTINE");
        ds.setString(Tag.ReconstructionDiameter, Vr.DS, "360");
        ds.setString(Tag.DistanceSourceToDetector, Vr.DS, "1040");
        ds.setString(Tag.GantryDetectorTilt, Vr.DS, "0");
        ds.setString(Tag.TableHeight, Vr.DS, "160");
        ds.setString(Tag.RotationDirection, Vr.CS, "CW");
        ds.setString(Tag.ExposureTime, Vr.IS, "500");
        ds.setString(Tag.XRayTubeCurrent, Vr.IS, "250");
        ds.setString(Tag.Exposure, Vr.IS, "125");
        ds.setString(Tag.FilterType, Vr.SH, "BODY");
        ds.setString(Tag.ConvolutionKernel, Vr.SH, "B30f");
        ds.setString(Tag.PatientPosition, Vr.CS, "FFS");
        ds.setString(Tag.StudyInstanceUID, Vr.UI, ROOT + ".1");
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, ROOT + ".2");
        ds.setString(Tag.StudyID, Vr.SH, "FAKE-S1");
        ds.setString(Tag.SeriesNumber, Vr.IS, "2");
        ds.setString(Tag.AcquisitionNumber, Vr.IS, "1");
        ds.setString(Tag.InstanceNumber, Vr.IS, Integer.toString(i));
        double z = -0.5 * n + i;
        ds.setString(Tag.ImagePositionPatient, Vr.DS, "-180", "-180", Double.toString(z));
        ds.setString(Tag.ImageOrientationPatient, Vr.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, Vr.UI, ROOT + ".4");
        ds.setString(Tag.PositionReferenceIndicator, Vr.LO, "");
        ds.setString(Tag.SliceLocation, Vr.DS, Double.toString(z));
        ds.setString(Tag.ImageComments, Vr.LT, "Synthetic slice " + i + " for DOE^JANE");
        CtImage.pixelModule(ds, SIZE, SIZE, "0.703125");
        DataSet req = ds.newItem();
        req.setString(Tag.RequestedProcedureDescription, Vr.LO, "CT CAP for DOE^JANE");
        req.setString(Tag.RequestedProcedureID, Vr.SH, "FAKE-RP-1");
        ds.put(Tag.RequestAttributesSequence, Vr.SQ, sequence(req));
        ds.setString(Tags.of(0x0019, 0x0010), Vr.LO, "FAKE_PRIVATE 1.0");
        ds.setString(Tags.of(0x0019, 0x1001), Vr.LO, "DOE^JANE");
        ds.setString(Tags.of(0x0019, 0x1002), Vr.DS, "12.5");
        ds.put(Tags.of(0x0019, 0x1003), Vr.OB, new Bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        return ds;
    }

    private static DataSet code(DataSet parent, String value, String scheme, String meaning) {
        DataSet c = parent.newItem();
        c.setString(Tag.CodeValue, Vr.SH, value);
        c.setString(Tag.CodingSchemeDesignator, Vr.SH, scheme);
        c.setString(Tag.CodeMeaning, Vr.LO, meaning);
        return c;
    }

    private static Sequence sequence(DataSet... items) {
        Sequence s = new Sequence();
        for (DataSet item : items) {
            s.add(item);
        }
        return s;
    }

    /** A body cross-section in stored values (air 0, soft tissue ~1064, bone ~2000), computed once. */
    static short[] phantom() {
        short[] p = new short[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double dx = (x - SIZE / 2.0) / (SIZE * 0.45);
                double dy = (y - SIZE / 2.0) / (SIZE * 0.32);
                double r = dx * dx + dy * dy;
                int v = r > 1 ? 0 : r > 0.85 ? 1000 : 1064;
                double sx = (x - SIZE / 2.0) / 30.0;
                double sy = (y - SIZE * 0.66) / 30.0;
                if (sx * sx + sy * sy < 1) {
                    v = 2000; // spine
                }
                p[y * SIZE + x] = (short) v;
            }
        }
        return p;
    }

    /** The phantom with per-slice noise (xorshift: cheap, different for every slice). */
    static byte[] slice(short[] body, int i) {
        ByteBuffer b = ByteBuffer.allocate(body.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        int s = 0x9E3779B9 * i | 1;
        for (short v : body) {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            b.putShort(v == 0 ? 0 : (short) (v + (s & 31) - 16));
        }
        return b.array();
    }
}
