package org.cloak.pixel.value;

import java.io.IOException;
import java.io.OutputStream;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Value;

/**
 * Reads parts of a value held in memory or left in its file, so that one frame or one fragment
 * is read without the rest of the pixel data.
 */
public final class ValueBytes {
    private static final int CHUNK = 64 * 1024;

    private ValueBytes() {}

    /** {@code len} bytes of the value from {@code pos}; the range must lie inside the value. */
    public static byte[] read(Value v, long pos, int len) throws IOException {
        checkRange(v, pos, len);
        byte[] out = new byte[len];
        if (v instanceof Bytes b) {
            System.arraycopy(b.data(), (int) pos, out, 0, len);
            return out;
        }
        try (BulkRef.Cursor c = ((BulkRef) v).cursor()) {
            c.read(out, 0, pos, len);
        }
        return out;
    }

    /** The whole value; for fragments and small values. */
    public static byte[] readAll(Value v) throws IOException {
        if (v.length() > Integer.MAX_VALUE - 8) {
            throw new IOException("a value of " + v.length() + " bytes does not fit in memory");
        }
        return read(v, 0, (int) v.length());
    }

    /** Copies {@code len} bytes of the value from {@code pos} to {@code out}, a chunk at a time. */
    public static void copy(Value v, long pos, long len, OutputStream out) throws IOException {
        checkRange(v, pos, len);
        if (v instanceof Bytes b) {
            out.write(b.data(), (int) pos, (int) len);
            return;
        }
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(CHUNK, len - done);
            out.write(read(v, pos + done, n));
            done += n;
        }
    }

    private static void checkRange(Value v, long pos, long len) {
        if (!(v instanceof Bytes) && !(v instanceof BulkRef)) {
            throw new IllegalArgumentException("not a byte value: " + v.getClass().getSimpleName());
        }
        if (pos < 0 || len < 0 || pos + len > v.length()) {
            throw new IllegalArgumentException("bytes " + pos + ".." + (pos + len) + " are outside a value of "
                    + v.length());
        }
    }
}
