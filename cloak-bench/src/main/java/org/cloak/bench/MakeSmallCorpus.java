package org.cloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/**
 * Writes COUNT small CT images (64x64, 16-bit) with a full header of obviously fake PHI (about
 * 60 attributes, nested sequences, a private block), 100 files per folder, one patient per
 * folder: the many-small-files case of bench/run.sh. Run with:
 * {@code java -cp cloak-bench/target/cloak-bench.jar org.cloak.bench.MakeSmallCorpus OUT COUNT}.
 */
public final class MakeSmallCorpus {
    private static final String ROOT = "2.25.987654321987654321";
    private static final int SIZE = 64;
    private static final int PER_FOLDER = 100;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        byte[] pixels = pixels();
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                int patient = i / PER_FOLDER;
                Path folder = out.resolve(String.format("P%04d", patient));
                Files.createDirectories(folder);
                DataSet ds = header(i, patient);
                ds.put(Tag.PixelData, Vr.OW, new Bytes(pixels));
                Path f = folder.resolve(String.format("IM%06d.dcm", i));
                DicomWriter.write(new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, f.toString(), false), f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.printf("wrote %d files to %s%n", count, out);
    }

    private static DataSet header(int i, int patient) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, Vr.DA, "20240115");
        ds.setString(Tag.SOPClassUID, Vr.UI, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, ROOT + ".3." + i);
        ds.setString(Tag.StudyDate, Vr.DA, "20240115");
        ds.setString(Tag.SeriesDate, Vr.DA, "20240115");
        ds.setString(Tag.AcquisitionDate, Vr.DA, "20240115");
        ds.setString(Tag.ContentDate, Vr.DA, "20240115");
        ds.setString(Tag.StudyTime, Vr.TM, "100000");
        ds.setString(Tag.SeriesTime, Vr.TM, "101000");
        ds.setString(Tag.AcquisitionTime, Vr.TM, "101200");
        ds.setString(Tag.ContentTime, Vr.TM, "101500");
        ds.setString(Tag.AccessionNumber, Vr.SH, "FAKEACC" + patient);
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.Manufacturer, Vr.LO, "CLOAK BENCH");
        ds.setString(Tag.InstitutionName, Vr.LO, "FAKE GENERAL HOSPITAL");
        ds.setString(Tag.InstitutionAddress, Vr.ST, "1 FAKE STREET, NOWHERE");
        ds.setString(Tag.ReferringPhysicianName, Vr.PN, "WHO^DOCTOR^FAKE");
        ds.setString(Tag.StationName, Vr.SH, "FAKECT01");
        ds.setString(Tag.StudyDescription, Vr.LO, "CT HEAD");
        ds.setString(Tag.SeriesDescription, Vr.LO, "AXIAL 5.0");
        ds.setString(Tag.PerformingPhysicianName, Vr.PN, "DOE^JOHN^DR");
        ds.setString(Tag.OperatorsName, Vr.PN, "ROE^RICHARD");
        ds.setString(Tag.ManufacturerModelName, Vr.LO, "SYNTHETIC 64");
        DataSet ref = ds.newItem();
        ref.setString(Tag.ReferencedSOPClassUID, Vr.UI, Uid.DetachedStudyManagement);
        ref.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, ROOT + ".9." + patient);
        Sequence study = new Sequence();
        study.add(ref);
        ds.put(Tag.ReferencedStudySequence, Vr.SQ, study);
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE^" + patient);
        ds.setString(Tag.PatientID, Vr.LO, "FAKE-PID-" + patient);
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19600229");
        ds.setString(Tag.PatientSex, Vr.CS, "F");
        ds.setString(Tag.PatientAge, Vr.AS, "063Y");
        ds.setString(Tag.PatientWeight, Vr.DS, "61.5");
        ds.setString(Tag.PatientAddress, Vr.LO, "2 IMAGINARY ROAD, NOWHERE");
        ds.setString(Tag.PatientComments, Vr.LT, "Synthetic data, no real person.");
        ds.setString(Tag.BodyPartExamined, Vr.CS, "HEAD");
        ds.setString(Tag.SliceThickness, Vr.DS, "5");
        ds.setString(Tag.KVP, Vr.DS, "120");
        ds.setString(Tag.DeviceSerialNumber, Vr.LO, "FAKE-SN-0001");
        ds.setString(Tag.SoftwareVersions, Vr.LO, "BENCH 1.0");
        ds.setString(Tag.ProtocolName, Vr.LO, "HEAD ROUTINE");
        ds.setString(Tag.PatientPosition, Vr.CS, "HFS");
        ds.setString(Tag.StudyInstanceUID, Vr.UI, ROOT + ".1." + patient);
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, ROOT + ".2." + patient);
        ds.setString(Tag.StudyID, Vr.SH, "S" + patient);
        ds.setString(Tag.SeriesNumber, Vr.IS, "1");
        ds.setString(Tag.AcquisitionNumber, Vr.IS, "1");
        ds.setString(Tag.InstanceNumber, Vr.IS, Integer.toString(i % PER_FOLDER + 1));
        ds.setString(Tag.ImagePositionPatient, Vr.DS, "-16", "-16", Integer.toString(i % PER_FOLDER));
        ds.setString(Tag.ImageOrientationPatient, Vr.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, Vr.UI, ROOT + ".4." + patient);
        ds.setString(Tag.PositionReferenceIndicator, Vr.LO, "");
        ds.setString(Tag.ImageComments, Vr.LT, "Synthetic image for DOE^JANE");
        CtImage.pixelModule(ds, SIZE, SIZE, "0.5");
        ds.setString(0x00090010, Vr.LO, "ACME 1.0");
        ds.setString(0x00091001, Vr.LO, "DOE^JANE^" + patient);
        ds.setString(0x00091002, Vr.DS, "12.5");
        return ds;
    }

    private static byte[] pixels() {
        ByteBuffer b = ByteBuffer.allocate(SIZE * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x + 0.5 - SIZE / 2.0, y + 0.5 - SIZE / 2.0);
                b.putShort((short) (d > SIZE * 0.42 ? 0 : 1024 + ((x + y) & 7)));
            }
        }
        return b.array();
    }
}
