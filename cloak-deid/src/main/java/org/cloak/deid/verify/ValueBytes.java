package org.cloak.deid.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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
        try (FileChannel ch = FileChannel.open(r.path(), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(BUFFERS.get()[0]);
            long pos = r.offset();
            long end = r.offset() + r.length();
            while (pos < end) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(r.path() + " is shorter than its bulk value");
                }
                sink.accept(buf.array(), n);
                pos += n;
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
        private final FileChannel ch;

        Reader(Value v) throws IOException {
            this.v = v;
            this.ch = v instanceof BulkRef r ? FileChannel.open(r.path(), StandardOpenOption.READ) : null;
        }

        void read(byte[] into, long at, int n) throws IOException {
            if (v instanceof Bytes b) {
                System.arraycopy(b.data(), (int) at, into, 0, n);
                return;
            }
            ByteBuffer buf = ByteBuffer.wrap(into, 0, n);
            long pos = ((BulkRef) v).offset() + at;
            while (buf.hasRemaining()) {
                int k = ch.read(buf, pos);
                if (k < 0) {
                    throw new IOException(((BulkRef) v).path() + " is shorter than its bulk value");
                }
                pos += k;
            }
        }

        @Override
        public void close() throws IOException {
            if (ch != null) {
                ch.close();
            }
        }
    }
}
