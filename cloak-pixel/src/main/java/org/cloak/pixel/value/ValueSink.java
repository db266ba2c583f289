package org.cloak.pixel.value;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Value;

/**
 * Where rewritten pixel data goes: memory for small images, or a file that the new value then
 * refers to ({@link BulkRef}), so that rewriting a large multi-frame image holds one frame at a
 * time. Written once, in order; the values it hands out are valid after {@link #close}.
 */
public final class ValueSink extends OutputStream {
    private final Path file;
    private final OutputStream out;
    private final ByteArrayOutputStream memory;
    private long position;
    private boolean closed;
    private byte[] held;

    private ValueSink(Path file, OutputStream out, ByteArrayOutputStream memory) {
        this.file = file;
        this.out = out;
        this.memory = memory;
    }

    /** A sink that keeps the bytes in memory. */
    public static ValueSink inMemory() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        return new ValueSink(null, bos, bos);
    }

    /** A sink writing to {@code file} (created or truncated), which must outlive the values it yields. */
    public static ValueSink toFile(Path file) throws IOException {
        return new ValueSink(file, new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), null);
    }

    /** Bytes written so far. */
    public long position() { return position; }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        position += len;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
            if (memory != null) {
                held = memory.toByteArray();
            }
        }
    }

    /** The value made of the bytes written from {@code start} to {@code end}; after {@link #close}. */
    public Value slice(long start, long end) {
        if (!closed) {
            throw new IllegalStateException("the sink is still open");
        }
        if (start < 0 || end < start || end > position) {
            throw new IllegalArgumentException("bytes " + start + ".." + end + " were not written");
        }
        if (held == null) {
            return new BulkRef(file, start, end - start);
        }
        return new Bytes(start == 0 && end == held.length ? held : Arrays.copyOfRange(held, (int) start, (int) end));
    }

    /** The whole of what was written as one value; after {@link #close}. */
    public Value value() { return slice(0, position); }
}
