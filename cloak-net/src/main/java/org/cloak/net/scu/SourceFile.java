package org.cloak.net.scu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomParseException;
import org.cloak.dicom.io.DicomReader;

/**
 * What a C-STORE needs to know about a file before sending it: its SOP class and instance,
 * its transfer syntax, and where its data set starts (after preamble and file meta), so the
 * data set can be sent as the file's own bytes.
 *
 * @param index         position of the file in the list given to {@link StoreScu#send}
 * @param dataSetOffset byte offset of the data set in the file
 */
record SourceFile(int index, Path path, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
        long dataSetOffset) {
    private static final int META_LIMIT = 64 * 1024;
    private static final int VALUE_LIMIT = 256;

    /**
     * Reads the file meta (PS3.10 7.1); a file without meta, or whose meta lacks a UID, is read
     * by the codec to find it.
     *
     * @throws DicomParseException when the file is not DICOM
     * @throws IOException naming the damage when a file with file meta has a data set that does not parse
     */
    static SourceFile read(int index, Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), META_LIMIT)).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
            head.flip();
            int start = 0;
            if (head.limit() >= 132 && head.get(128) == 'D' && head.get(129) == 'I' && head.get(130) == 'C'
                    && head.get(131) == 'M') {
                start = 132;
            }
            Meta meta = meta(head, start);
            // the whole data set is parsed (large values skipped, their lengths checked): a file cut
            // short would make the peer abort the association after its bytes were streamed
            DicomFile f;
            try {
                f = DicomReader.read(path);
            } catch (DicomParseException e) {
                if (meta.sopClass != null && meta.sopInstance != null && meta.ts != null) {
                    throw new IOException("the data set is damaged: " + e.problem()
                            + (e.offset() > 0 ? " (at offset " + e.offset() + ")" : ""), e);
                }
                throw e;
            }
            if (meta.sopClass != null && meta.sopInstance != null && meta.ts != null) {
                return new SourceFile(index, path, meta.sopClass, meta.sopInstance, meta.ts, meta.end);
            }
            String sopClass = meta.sopClass != null ? meta.sopClass : f.dataset().getString(Tag.SOPClassUID);
            String sopInstance = meta.sopInstance != null ? meta.sopInstance
                    : f.dataset().getString(Tag.SOPInstanceUID);
            if (sopClass == null || sopInstance == null) {
                throw new DicomParseException(path.toString(), 0, -1, "no SOP Class UID or SOP Instance UID");
            }
            return new SourceFile(index, path, sopClass, sopInstance, f.transferSyntax().uid(), meta.end);
        }
    }

    private static final class Meta {
        String sopClass;
        String sopInstance;
        String ts;
        long end;
    }

    /** Walks the group 0002 elements (always Explicit VR Little Endian) from {@code start}. */
    private static Meta meta(ByteBuffer b, int start) {
        Meta m = new Meta();
        int pos = start;
        while (pos + 8 <= b.limit() && b.getShort(pos) == 0x0002) {
            int tag = (b.getShort(pos) & 0xFFFF) << 16 | (b.getShort(pos + 2) & 0xFFFF);
            Vr vr = Vr.fromCode(((b.get(pos + 4) & 0xFF) << 8) | (b.get(pos + 5) & 0xFF));
            if (vr == null) {
                break;
            }
            long len;
            int header;
            if (vr.hasLongLength()) {
                if (pos + 12 > b.limit()) {
                    break;
                }
                len = b.getInt(pos + 8) & 0xFFFFFFFFL;
                header = 12;
            } else {
                len = b.getShort(pos + 6) & 0xFFFF;
                header = 8;
            }
            if (pos + header + len > b.limit()) {
                break;
            }
            if (len <= VALUE_LIMIT) {
                String v = text(b, pos + header, (int) len);
                if (tag == Tag.MediaStorageSOPClassUID) {
                    m.sopClass = v;
                } else if (tag == Tag.MediaStorageSOPInstanceUID) {
                    m.sopInstance = v;
                } else if (tag == Tag.TransferSyntaxUID) {
                    m.ts = v;
                }
            }
            pos += header + (int) len;
        }
        m.end = pos;
        return m;
    }

    private static String text(ByteBuffer b, int off, int len) {
        byte[] d = new byte[len];
        b.get(off, d);
        int end = len;
        while (end > 0 && (d[end - 1] == 0 || d[end - 1] == ' ')) {
            end--;
        }
        String s = new String(d, 0, end, StandardCharsets.US_ASCII).trim();
        return s.isEmpty() ? null : s;
    }
}
