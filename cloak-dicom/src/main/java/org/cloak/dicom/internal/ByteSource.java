package org.cloak.dicom.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file or a byte array, keeping the absolute position so that bulk values can be skipped
 * by seeking and referenced by offset. A file is either held whole in memory ({@link #ofFile}) or
 * read through a window ({@link #window}) borrowed from the thread and handed back by
 * {@link #close()}. Values are read straight from the array, not through a {@code ByteBuffer}:
 * a header is thousands of two- and four-byte reads. Not thread-safe.
 */
public final class ByteSource implements AutoCloseable {
    private static final int WINDOW = 64 * 1024;
    private static final int FILL = 16 * 1024;
    /** The window of a thread's last closed source, lent to its next one (null while lent). */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final FileChannel channel;
    private final long size;
    private final boolean file;
    private byte[] buf;
    /** Offset in the data of {@code buf[0]}. */
    private long bufStart;
    private int pos;
    private int limit;

    private ByteSource(FileChannel channel, long size, boolean file, byte[] buf, long bufStart, int pos, int limit) {
        this.channel = channel;
        this.size = size;
        this.file = file;
        this.buf = buf;
        this.bufStart = bufStart;
        this.pos = pos;
        this.limit = limit;
    }

    /**
     * Reads a file of {@code size} bytes through a window, starting with one read of its first
     * {@code firstFill} bytes (fewer if the file is shorter, or shrank since its size was taken:
     * the parser then meets the end of data where it is). The channel is the caller's;
     * {@link #close()} only hands the window back.
     */
    public static ByteSource window(FileChannel channel, long size, int firstFill) throws IOException {
        byte[] w = SPARE.get();
        SPARE.set(null);
        if (w == null) {
            w = new byte[WINDOW];
        }
        ByteSource s = new ByteSource(channel, size, true, w, 0, 0, 0);
        ByteBuffer b = ByteBuffer.wrap(w, 0, (int) Math.min(size, Math.min(firstFill, WINDOW)));
        while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
            // a short read is retried; the end of the file ends the fill
        }
        s.limit = b.position();
        return s;
    }

    /**
     * A whole file held in {@code data} (its first {@code length} bytes): read like a file, so
     * bulk values are referenced by offset, but never read again.
     */
    public static ByteSource ofFile(byte[] data, int length) {
        return new ByteSource(null, length, true, data, 0, 0, length);
    }

    /** Bytes in memory that are not a file: values are always copied out. */
    public static ByteSource of(byte[] data, int offset, int length) {
        return new ByteSource(null, offset + length, false, data, 0, offset, offset + length);
    }

    /** Whether the data is a file, whose values can be referenced by offset. */
    public boolean isFile() { return file; }

    /** The whole file when it is held in memory (indexed by offset in the file), else null. */
    public byte[] wholeFile() { return file && channel == null ? buf : null; }

    public long size() { return size; }

    public long position() { return bufStart + pos; }

    public long remaining() { return size - position(); }

    public void seek(long p) {
        if (p >= bufStart && p <= bufStart + limit) {
            pos = (int) (p - bufStart);
        } else if (channel == null) {
            throw new IllegalArgumentException("seek outside the data: " + p);
        } else {
            bufStart = p;
            pos = 0;
            limit = 0;
        }
    }

    public void skip(long n) throws EOFException {
        if (n > remaining()) {
            throw new EOFException();
        }
        seek(position() + n);
    }

    public int u8() throws IOException {
        if (limit - pos < 1) {
            ensure(1, FILL);
        }
        return buf[pos++] & 0xFF;
    }

    public int u16(boolean le) throws IOException {
        if (limit - pos < 2) {
            ensure(2, FILL);
        }
        int v = u16(buf, pos, le);
        pos += 2;
        return v;
    }

    public int i32(boolean le) throws IOException {
        if (limit - pos < 4) {
            ensure(4, FILL);
        }
        int v = i32(buf, pos, le);
        pos += 4;
        return v;
    }

    /** The next tag (group and element, each in the byte order given), not consumed. */
    public int peekTag(boolean le) throws IOException {
        if (limit - pos < 4) {
            ensure(4, FILL);
        }
        return u16(buf, pos, le) << 16 | u16(buf, pos + 2, le);
    }

    /** Reads exactly {@code len} bytes. */
    public byte[] bytes(int len) throws IOException {
        if (len > remaining()) {
            throw new EOFException();
        }
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            if (pos == limit) {
                ensure(1, FILL);
            }
            int n = Math.min(limit - pos, len - done);
            System.arraycopy(buf, pos, out, done, n);
            pos += n;
            done += n;
        }
        return out;
    }

    /** Looks at the next bytes (at most a window's worth) without consuming them; returns fewer at the end of data. */
    public byte[] peek(int len) throws IOException {
        if (len > WINDOW) {
            throw new IllegalArgumentException("cannot peek at " + len + " bytes");
        }
        int n = (int) Math.min(len, remaining());
        if (limit - pos < n) {
            ensure(n, FILL);
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        return out;
    }

    /** Makes {@code n} bytes available at the position, reading at least {@code fill} if the file has them. */
    private void ensure(int n, int fill) throws IOException {
        if (limit - pos >= n) {
            return;
        }
        if (channel == null || remaining() < n) {
            throw new EOFException();
        }
        int kept = limit - pos;
        System.arraycopy(buf, pos, buf, 0, kept);
        bufStart += pos;
        pos = 0;
        limit = kept;
        // Fill a little at a time: a header is a few KiB, and what is read past it (pixel data,
        // soon skipped) is copied twice for nothing (heap arrays go through a direct buffer).
        int want = (int) Math.min(Math.min(buf.length, Math.max(n, fill)), size - bufStart);
        ByteBuffer b = ByteBuffer.wrap(buf, kept, want - kept);
        while (limit < n) {
            int r = channel.read(b, bufStart + limit);
            if (r < 0) {
                throw new EOFException();
            }
            limit += r;
        }
    }

    /** Hands the window back to the thread; the channel is the caller's to close. */
    @Override
    public void close() {
        if (channel != null && buf != null) {
            SPARE.set(buf);
            buf = null;
        }
    }

    private static int u16(byte[] b, int at, boolean le) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return le ? x | y << 8 : x << 8 | y;
    }

    private static int i32(byte[] b, int at, boolean le) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        int z = b[at + 2] & 0xFF;
        int w = b[at + 3] & 0xFF;
        return le ? x | y << 8 | z << 16 | w << 24 : x << 24 | y << 16 | z << 8 | w;
    }
}
