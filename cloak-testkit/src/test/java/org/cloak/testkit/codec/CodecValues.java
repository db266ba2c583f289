package org.cloak.testkit.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;

/** Helpers to get at the bytes of codec values in tests. */
final class CodecValues {
    private CodecValues() {}

    /** The bytes of an in-memory or bulk value. */
    static byte[] bytes(Value v) {
        if (v instanceof Bytes b) {
            return b.data();
        }
        if (v instanceof BulkRef r) {
            try {
                return r.readAll(Integer.MAX_VALUE - 8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("not a byte value: " + v);
    }

    /** Each item of encapsulated pixel data (Basic Offset Table first). */
    static List<byte[]> fragments(Fragments f) {
        List<byte[]> out = new ArrayList<>();
        for (Value v : f.items()) {
            out.add(bytes(v));
        }
        return out;
    }

    /**
     * Binary values as dcmdump prints them: OB/UN bytes and OW words in hex, OF/OD/OL/OV as
     * numbers; null for VRs this does not cover.
     */
    static List<String> dcmdumpStyleBinary(String vr, byte[] data, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        List<String> out = new ArrayList<>();
        switch (vr) {
            case "OB", "UN", "??" -> {
                for (byte x : data) {
                    out.add(String.format("%02x", x & 0xFF));
                }
            }
            case "OW" -> {
                while (b.remaining() >= 2) {
                    out.add(String.format("%04x", b.getShort() & 0xFFFF));
                }
            }
            case "OF" -> {
                while (b.remaining() >= 4) {
                    out.add(Float.toString(b.getFloat()));
                }
            }
            case "OD" -> {
                while (b.remaining() >= 8) {
                    out.add(Double.toString(b.getDouble()));
                }
            }
            case "OL" -> {
                while (b.remaining() >= 4) {
                    out.add(Integer.toUnsignedString(b.getInt()));
                }
            }
            case "OV" -> {
                while (b.remaining() >= 8) {
                    out.add(Long.toUnsignedString(b.getLong()));
                }
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    /** Values equal as numbers when both parse (dcmdump prints floats with fewer digits), else as text. */
    static boolean sameValue(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            double x = Double.parseDouble(a.trim());
            double y = Double.parseDouble(b.trim());
            return x == y || Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
