package org.cloak.dicom.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/**
 * Assembles DICOM bytes by hand, for inputs that Cloak's own writer would never produce
 * (wrong lengths, misplaced delimiters, implicit elements inside explicit data sets...).
 */
final class Raw {
    static final long UNDEFINED = 0xFFFFFFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean le;

    private Raw(boolean le) {
        this.le = le;
    }

    static Raw le() { return new Raw(true); }

    static Raw be() { return new Raw(false); }

    Raw u16(int v) {
        if (le) {
            out.write(v);
            out.write(v >>> 8);
        } else {
            out.write(v >>> 8);
            out.write(v);
        }
        return this;
    }

    Raw u32(long v) {
        int i = (int) v;
        if (le) {
            u16(i & 0xFFFF).u16(i >>> 16);
        } else {
            u16(i >>> 16).u16(i & 0xFFFF);
        }
        return this;
    }

    Raw tag(int tag) { return u16(Tags.group(tag)).u16(Tags.element(tag)); }

    Raw bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Raw ascii(String s) { return bytes(s.getBytes(StandardCharsets.ISO_8859_1)); }

    /** Explicit VR header; the length form (16 or 32 bits) follows the VR as PS3.5 7.1.2 says. */
    Raw explicitHeader(int tag, String vr, long len) {
        tag(tag).ascii(vr);
        boolean longForm = switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
        return longForm ? u16(0).u32(len) : u16((int) len);
    }

    Raw explicit(int tag, String vr, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        return explicitHeader(tag, vr, v.length).bytes(v);
    }

    Raw implicitHeader(int tag, long len) { return tag(tag).u32(len); }

    Raw implicit(int tag, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        return implicitHeader(tag, v.length).bytes(v);
    }

    Raw item(long len) { return tag(Tags.ITEM).u32(len); }

    Raw itemDelimiter() { return tag(Tags.ITEM_DELIMITATION).u32(0); }

    Raw sequenceDelimiter() { return tag(Tags.SEQUENCE_DELIMITATION).u32(0); }

    int size() { return out.size(); }

    byte[] toBytes() { return out.toByteArray(); }

    /** Preamble and file meta as Cloak writes them for {@code ts}, followed by a hand-made body. */
    static byte[] part10(TransferSyntax ts, byte[] body) throws java.io.IOException {
        byte[] head = DicomWriter.toBytes(new DicomFile(new DataSet(), new DataSet(), ts, "raw", false));
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Raw deflate (no zlib header), as the Deflated Explicit VR Little Endian syntax requires. */
    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!d.finished()) {
                out.write(chunk, 0, d.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
