package org.cloak.dicom.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file or a byte array through a window buffer, keeping the absolute position so that
 * bulk values can be skipped by seeking and referenced by offset. Not thread-safe.
 */
public final class ByteSource implements AutoCloseable {
    private static final int WINDOW = 64 * 1024;
    private static final int FILL = 16 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buf;
    private long bufStart;

    private ByteSource(FileChannel channel, long size, ByteBuffer buf) {
        this.channel = channel;
        this.size = size;
        this.buf = buf;
    }

    public static ByteSource of(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(WINDOW);
        b.limit(0);
        return new ByteSource(channel, channel.size(), b);
    }

    public static ByteSource of(byte[] data, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, offset + length).slice();
        b.position(offset);
        return new ByteSource(null, offset + length, b);
    }

    public boolean isFile() { return channel != null; }

    public long size() { return size; }

    public long position() { return bufStart + buf.position(); }

    public long remaining() { return size - position(); }

    public void seek(long pos) {
        if (pos >= bufStart && pos <= bufStart + buf.limit()) {
            buf.position((int) (pos - bufStart));
        } else if (channel == null) {
            throw new IllegalArgumentException("seek outside the data: " + pos);
        } else {
            bufStart = pos;
            buf.clear().limit(0);
        }
    }

    public void skip(long n) throws EOFException {
        if (n > remaining()) {
            throw new EOFException();
        }
        seek(position() + n);
    }

    public int u8() throws IOException {
        ensure(1);
        return buf.get() & 0xFF;
    }

    public int u16(boolean le) throws IOException {
        ensure(2);
        int a = buf.get() & 0xFF;
        int b = buf.get() & 0xFF;
        return le ? a | (b << 8) : (a << 8) | b;
    }

    public int i32(boolean le) throws IOException {
        ensure(4);
        int a = buf.get() & 0xFF;
        int b = buf.get() & 0xFF;
        int c = buf.get() & 0xFF;
        int d = buf.get() & 0xFF;
        return le ? a | (b << 8) | (c << 16) | (d << 24) : (a << 24) | (b << 16) | (c << 8) | d;
    }

    /** Reads exactly {@code len} bytes. */
    public byte[] bytes(int len) throws IOException {
        if (len > remaining()) {
            throw new EOFException();
        }
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            if (!buf.hasRemaining()) {
                ensure(1);
            }
            int n = Math.min(buf.remaining(), len - done);
            buf.get(out, done, n);
            done += n;
        }
        return out;
    }

    /** Looks at the next bytes without consuming them; returns fewer at the end of data. */
    public byte[] peek(int len) throws IOException {
        int n = (int) Math.min(len, remaining());
        if (n > 0) {
            ensure(n);
        }
        byte[] out = new byte[n];
        buf.get(buf.position(), out, 0, n);
        return out;
    }

    private void ensure(int n) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        if (channel == null || remaining() < n) {
            throw new EOFException();
        }
        long pos = position();
        buf.compact();
        bufStart = pos;
        // Fill a little at a time: a header is a few KiB, and what is read past it (pixel data,
        // soon skipped) is copied twice for nothing (heap buffers go through a direct one).
        buf.limit(Math.min(buf.capacity(), buf.position() + Math.max(n, FILL)));
        while (buf.position() < n) {
            int r = channel.read(buf, bufStart + buf.position());
            if (r < 0) {
                buf.flip();
                throw new EOFException();
            }
        }
        buf.flip();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
