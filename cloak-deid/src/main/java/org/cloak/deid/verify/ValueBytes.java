package org.cloak.deid.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Value;

/**
 * The bytes of a value, held in memory or left in its file, read in chunks so that pixel data
 * of any size is compared and scanned without entering the heap whole.
 */
final class ValueBytes {
    static final int CHUNK = 1 << 20;
    /** Two buffers per worker thread, reused for every value: comparing a corpus allocates nothing per file. */
    private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[][] {
        new byte[CHUNK], new byte[CHUNK]});

    private ValueBytes() {}

    /** Receives consecutive chunks of a value; {@code n} bytes of {@code buf} are valid. */
    interface ChunkConsumer {
        void accept(byte[] buf, int n);
    }

    /** Feeds the value's bytes to {@code sink} in order. */
    static void stream(Value v, ChunkConsumer sink) {
        if (v instanceof Bytes b) {
            sink.accept(b.data(), b.data().length);
            return;
        }
        BulkRef r = (BulkRef) v;
        try (BulkRef.Cursor c = r.cursor()) {
            byte[] buf = BUFFERS.get()[0];
            for (long at = 0; at < r.length(); ) {
                int n = (int) Math.min(buf.length, r.length() - at);
                c.read(buf, 0, at, n);
                sink.accept(buf, n);
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two in-memory or bulk values hold the same bytes (a trailing padding byte aside). */
    static boolean same(Value a, Value b, int padding) {
        if (a instanceof BulkRef x && b instanceof BulkRef y && x.equals(y)) {
            return true;
        }
        long la = a.length();
        long lb = b.length();
        if (la != lb && Math.abs(la - lb) != 1) {
            return false;
        }
        long common = Math.min(la, lb);
        if (a instanceof Bytes x && b instanceof Bytes y) {
            return Arrays.equals(x.data(), 0, (int) common, y.data(), 0, (int) common) && padOk(x, y, common, padding);
        }
        try (Reader ra = new Reader(a); Reader rb = new Reader(b)) {
            byte[] ba = BUFFERS.get()[0];
            byte[] bb = BUFFERS.get()[1];
            long done = 0;
            while (done < common) {
                int n = (int) Math.min(CHUNK, common - done);
                ra.read(ba, done, n);
                rb.read(bb, done, n);
                if (Arrays.mismatch(ba, 0, n, bb, 0, n) >= 0) {
                    return false;
                }
                done += n;
            }
            if (la != lb) {
                byte[] one = new byte[1];
                (la > lb ? ra : rb).read(one, common, 1);
                return (one[0] & 0xFF) == padding;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean padOk(Bytes x, Bytes y, long common, int padding) {
        byte[] longer = x.data().length > y.data().length ? x.data() : y.data();
        return longer.length == common || (longer[(int) common] & 0xFF) == padding;
    }

    /** Positional reads over a value. */
    private static final class Reader implements AutoCloseable {
        private final Value v;
        private final BulkRef.Cursor cursor;

        Reader(Value v) throws IOException {
            this.v = v;
            this.cursor = v instanceof BulkRef r ? r.cursor() : null;
        }

        void read(byte[] into, long at, int n) throws IOException {
            if (v instanceof Bytes b) {
                System.arraycopy(b.data(), (int) at, into, 0, n);
            } else {
                cursor.read(into, 0, at, n);
            }
        }

        @Override
        public void close() throws IOException {
            if (cursor != null) {
                cursor.close();
            }
        }
    }
}
