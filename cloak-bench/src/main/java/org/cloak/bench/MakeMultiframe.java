package org.cloak.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/**
 * Writes one multi-frame 512x512 16-bit image whose pixel data is {@code sizeGB} GiB (2 GiB is
 * 4096 frames, a value length of 2^31 bytes). The pixels go to a raw file first and into the
 * DICOM file as a {@link BulkRef}, so the writer copies them file to file, never through the heap.
 *
 * <p>Usage: {@code MakeMultiframe out-file [sizeGB]} (default 2).
 */
public final class MakeMultiframe {
    private static final int FRAME = MakeCtCorpus.SIZE * MakeCtCorpus.SIZE * 2;

    private MakeMultiframe() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MakeMultiframe out-file [sizeGB]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        double gib = args.length == 2 ? Double.parseDouble(args[1]) : 2;
        long frames = Math.max(1, Math.round(gib * (1L << 30) / FRAME));
        long length = frames * FRAME;
        if (length > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("pixel data of " + length + " bytes does not fit a 32-bit value length");
        }
        long start = System.nanoTime();
        Path raw = out.resolveSibling(out.getFileName() + ".raw");
        short[] body = MakeCtCorpus.phantom();
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer frame = ByteBuffer.allocate(FRAME).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < frames; f++) {
                // cheap: one frame of noise per 64, shifted copies in between
                if (f % 64 == 0) {
                    frame.clear();
                    frame.put(MakeCtCorpus.slice(body, f + 1));
                }
                frame.clear();
                frame.position((f % 64) * 2);
                while (frame.hasRemaining()) {
                    ch.write(frame);
                }
                frame.clear();
                frame.limit((f % 64) * 2);
                while (frame.hasRemaining()) {
                    ch.write(frame);
                }
            }
        }
        try {
            DataSet ds = MakeCtCorpus.header(1, 1);
            ds.setString(Tag.SOPClassUID, Vr.UI, Uid.MultiFrameGrayscaleWordSecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, Vr.UI, "2.25.1234567890123456789.7." + frames);
            ds.setString(Tag.NumberOfFrames, Vr.IS, Long.toString(frames));
            ByteBuffer at = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            at.putShort((short) (Tag.FrameTime >>> 16)).putShort((short) Tag.FrameTime); // group, then element
            ds.put(Tag.FrameIncrementPointer, Vr.AT, new Bytes(at.array()));
            ds.setString(Tag.FrameTime, Vr.DS, "100");
            ds.setString(Tag.ConversionType, Vr.CS, "WSD");
            ds.setString(Tag.PatientOrientation, Vr.CS, "L", "P");
            ds.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
            ds.setString(Tag.PresentationLUTShape, Vr.CS, "IDENTITY");
            ds.setString(Tag.RescaleType, Vr.LO, "US");
            ds.put(Tag.PixelData, Vr.OW, new BulkRef(raw, 0, length));
            DicomWriter.write(new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, out.toString(), false), out);
        } finally {
            Files.deleteIfExists(raw);
        }
        System.out.printf("wrote %s: %d frames, pixel data %d bytes, file %d bytes, in %.1f s%n", out, frames, length,
                Files.size(out), (System.nanoTime() - start) / 1e9);
    }
}
