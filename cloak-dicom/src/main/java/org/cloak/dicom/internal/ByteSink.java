package org.cloak.dicom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Buffered writes to a channel, and file-to-channel copies of bulk values that bypass the heap
 * ({@link FileChannel#transferTo}). The buffer is borrowed from the thread and handed back by
 * {@link #close()}, so writing many small files does not allocate one per file; only the bytes
 * written since it was borrowed are ever flushed. Source channels are kept open until
 * {@link #close()}. Not thread-safe.
 */
public final class ByteSink implements AutoCloseable {
    private static final int SIZE = 64 * 1024;
    /** The buffer of a thread's last closed sink, lent to its next one (null while lent). */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final WritableByteChannel out;
    private final Map<Path, Source> sources = new HashMap<>(4);
    private byte[] buf;
    private int pos;
    private long written;

    /** A file that bulk values are copied from, and its size, taken once. */
    private record Source(FileChannel channel, long size) {}

    public ByteSink(WritableByteChannel out) {
        this.out = out;
        byte[] b = SPARE.get();
        SPARE.set(null);
        this.buf = b != null ? b : new byte[SIZE];
    }

    public long written() { return written + pos; }

    public void u16(int v, boolean le) throws IOException {
        room(2);
        put16(v, le);
    }

    public void i32(int v, boolean le) throws IOException {
        room(4);
        put32(v, le);
    }

    /** Two 16-bit values then one 32-bit value, e.g. a tag and a length. */
    public void u16u16i32(int a, int b, int c, boolean le) throws IOException {
        room(8);
        put16(a, le);
        put16(b, le);
        put32(c, le);
    }

    public void u8(int v) throws IOException {
        room(1);
        buf[pos++] = (byte) v;
    }

    public void bytes(byte[] b) throws IOException {
        bytes(b, 0, b.length);
    }

    public void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length) {
            flush();
            drain(ByteBuffer.wrap(b, off, len));
            written += len;
            return;
        }
        room(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Writes the remaining bytes of {@code b}. */
    public void bytes(ByteBuffer b) throws IOException {
        int len = b.remaining();
        if (len > buf.length) {
            flush();
            drain(b);
            written += len;
            return;
        }
        room(len);
        b.get(buf, pos, len);
        pos += len;
    }

    /** Copies {@code length} bytes at {@code offset} of a file without passing them through the heap. */
    public void copyFrom(Path path, long offset, long length) throws IOException {
        flush();
        Source src = sources.get(path);
        if (src == null) {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            try {
                src = new Source(ch, ch.size());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            sources.put(path, src);
        }
        if (offset + length > src.size()) {
            throw new IOException(path + " changed since it was read: a value at offset " + offset + " is gone");
        }
        long done = 0;
        while (done < length) {
            long n = src.channel().transferTo(offset + done, length - done, out);
            if (n <= 0) {
                throw new IOException("could not copy from " + path + " at offset " + (offset + done));
            }
            done += n;
        }
        written += length;
    }

    public void flush() throws IOException {
        if (pos > 0) {
            drain(ByteBuffer.wrap(buf, 0, pos));
            written += pos;
            pos = 0;
        }
    }

    private void put16(int v, boolean le) {
        byte[] b = buf;
        int p = pos;
        if (le) {
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >>> 8);
        } else {
            b[p] = (byte) (v >>> 8);
            b[p + 1] = (byte) v;
        }
        pos = p + 2;
    }

    private void put32(int v, boolean le) {
        byte[] b = buf;
        int p = pos;
        if (le) {
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >>> 8);
            b[p + 2] = (byte) (v >>> 16);
            b[p + 3] = (byte) (v >>> 24);
        } else {
            b[p] = (byte) (v >>> 24);
            b[p + 1] = (byte) (v >>> 16);
            b[p + 2] = (byte) (v >>> 8);
            b[p + 3] = (byte) v;
        }
        pos = p + 4;
    }

    private void drain(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private void room(int n) throws IOException {
        if (buf.length - pos < n) {
            flush();
        }
    }

    /**
     * Flushes, closes the source files and hands the buffer back to the thread; the target
     * channel stays open (its owner closes it).
     */
    @Override
    public void close() throws IOException {
        if (buf == null) {
            return;
        }
        IOException first = null;
        try {
            flush();
        } catch (IOException e) {
            first = e;
        }
        for (Source s : sources.values()) {
            try {
                s.channel().close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        sources.clear();
        pos = 0;
        SPARE.set(buf);
        buf = null;
        if (first != null) {
            throw first;
        }
    }
}
