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
 * ({@link FileChannel#transferTo}). Source channels are kept open until {@link #close()}.
 */
public final class ByteSink implements AutoCloseable {
    private final WritableByteChannel out;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private final Map<Path, FileChannel> sources = new HashMap<>();
    private long written;

    public ByteSink(WritableByteChannel out) {
        this.out = out;
    }

    public long written() { return written + buf.position(); }

    public void u16(int v, boolean le) throws IOException {
        room(2);
        if (le) {
            buf.put((byte) v).put((byte) (v >>> 8));
        } else {
            buf.put((byte) (v >>> 8)).put((byte) v);
        }
    }

    public void i32(int v, boolean le) throws IOException {
        room(4);
        if (le) {
            buf.put((byte) v).put((byte) (v >>> 8)).put((byte) (v >>> 16)).put((byte) (v >>> 24));
        } else {
            buf.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
        }
    }

    public void u8(int v) throws IOException {
        room(1);
        buf.put((byte) v);
    }

    public void bytes(byte[] b) throws IOException {
        bytes(b, 0, b.length);
    }

    public void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.capacity()) {
            flush();
            drain(ByteBuffer.wrap(b, off, len));
            written += len;
            return;
        }
        room(len);
        buf.put(b, off, len);
    }

    /** Copies {@code length} bytes at {@code offset} of a file without passing them through the heap. */
    public void copyFrom(Path path, long offset, long length) throws IOException {
        flush();
        FileChannel src = sources.get(path);
        if (src == null) {
            src = FileChannel.open(path, StandardOpenOption.READ);
            sources.put(path, src);
        }
        if (offset + length > src.size()) {
            throw new IOException(path + " changed since it was read: a value at offset " + offset + " is gone");
        }
        long done = 0;
        while (done < length) {
            long n = src.transferTo(offset + done, length - done, out);
            if (n <= 0) {
                throw new IOException("could not copy from " + path + " at offset " + (offset + done));
            }
            done += n;
        }
        written += length;
    }

    public void flush() throws IOException {
        buf.flip();
        written += buf.remaining();
        drain(buf);
        buf.clear();
    }

    private void drain(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private void room(int n) throws IOException {
        if (buf.remaining() < n) {
            flush();
        }
    }

    /** Flushes and closes the source files; the target channel stays open (its owner closes it). */
    @Override
    public void close() throws IOException {
        IOException first = null;
        try {
            flush();
        } catch (IOException e) {
            first = e;
        }
        for (FileChannel ch : sources.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        sources.clear();
        if (first != null) {
            throw first;
        }
    }
}
