package org.cloak.pipeline.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomInput;

/**
 * Tells DICOM files from other files (reports, thumbnails, DICOMDIR companions, .DS_Store...)
 * by their first bytes, so that other files are skipped instead of quarantined. It does not
 * parse: a file that looks like DICOM but is broken is read by {@code DicomReader}, which
 * reports why, and goes to the quarantine.
 *
 * <p>DICOM is: the Part 10 preamble and "DICM" prefix (PS3.10 7.1); "DICM" without preamble, as
 * some writers leave it; or a raw data set (no preamble, no file meta), recognised like the
 * reader's own guess (PS3.5 Annex A): a first tag in an early even group (0002 to 0010) in
 * either byte order, followed by a VR code of the dictionary (explicit VR) or a 32-bit length
 * that fits in the file (implicit VR).
 */
public final class DicomSniffer {
    private static final int HEAD = DicomInput.HEAD;

    private DicomSniffer() {}

    /** What the first bytes of a file say, and its size (read on the same open, to save a system call). */
    public record Sniff(boolean dicom, long size) {}

    /** Whether {@code file} looks like DICOM. */
    public static boolean isDicom(Path file) throws IOException {
        return sniff(file).dicom();
    }

    /** Whether an opened input looks like DICOM, from the bytes its opening read: no read of its own. */
    public static boolean isDicom(DicomInput in) throws IOException {
        byte[] head = in.head();
        return looksLikeDicom(head, head.length, in.size());
    }

    /** Whether a whole file held in memory looks like DICOM. */
    public static boolean isDicom(byte[] file) {
        return looksLikeDicom(file, Math.min(file.length, HEAD), file.length);
    }

    /** Reads the first bytes of {@code file} and decides. */
    public static Sniff sniff(Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(HEAD);
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill what the file has, up to the prefix
            }
        }
        return new Sniff(looksLikeDicom(head.array(), head.position(), size), size);
    }

    /** The decision on the first {@code n} bytes of a file of {@code size} bytes. */
    static boolean looksLikeDicom(byte[] b, int n, long size) {
        if (n >= HEAD && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            return true;
        }
        if (n >= 4 && b[0] == 'D' && b[1] == 'I' && b[2] == 'C' && b[3] == 'M') {
            return true;
        }
        if (n < 8) {
            return false;
        }
        return rawDataSet(b, size, true) || rawDataSet(b, size, false);
    }

    private static boolean rawDataSet(byte[] b, long size, boolean le) {
        int group = u16(b, 0, le);
        if (group < 0x0002 || group > 0x0010 || (group & 1) != 0) {
            return false;
        }
        if (Vr.fromCode(((b[4] & 0xFF) << 8) | (b[5] & 0xFF)) != null) {
            return true;
        }
        long length = le
                ? (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24
                : (b[7] & 0xFFL) | (b[6] & 0xFFL) << 8 | (b[5] & 0xFFL) << 16 | (b[4] & 0xFFL) << 24;
        return le && (length <= size - 8 || length == 0xFFFFFFFFL);
    }

    private static int u16(byte[] b, int at, boolean le) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return le ? x | y << 8 : x << 8 | y;
    }

    /**
     * Whether a parsed file is a DICOMDIR (a media directory, PS3.10 7.2): it names other files
     * and holds no image, so a run lists it as skipped instead of "de-identifying" it.
     */
    public static boolean isDicomdir(DicomFile f) {
        return Uid.MediaStorageDirectoryStorage.equals(f.fileMeta().getString(Tag.MediaStorageSOPClassUID))
                || f.dataset().contains(Tag.DirectoryRecordSequence);
    }
}
