package org.cloak.dicom.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * A value left in its source file: the codec copies it from file to file through channels,
 * so pixel data and other large values never enter the heap. A reference into a small file
 * that the reader held whole in memory ({@link #inMemory}) serves its bytes from there, so the
 * file is not opened again; it is still the same reference (equal when path, offset and length
 * are), so what a data set holds does not depend on how its file was read. A reference into
 * bytes read from memory or a stream has no path; it equals only references into the same bytes.
 */
public final class BulkRef implements Value {
    private final Path path;
    private final long offset;
    private final long length;
    /** The whole source file as read, indexed by offset in the file; null when not in memory. */
    private final byte[] file;

    public BulkRef(Path path, long offset, long length) {
        this(path, offset, length, null);
    }

    private BulkRef(Path path, long offset, long length, byte[] file) {
        this.path = path;
        this.offset = offset;
        this.length = length;
        this.file = file;
    }

    /**
     * A reference whose bytes are already in memory: {@code file} holds the source file from its
     * start (at least up to {@code offset + length}) and must not change afterwards.
     */
    public static BulkRef inMemory(Path path, long offset, long length, byte[] file) {
        if (offset < 0 || length < 0 || offset + length > file.length) {
            throw new IllegalArgumentException("value at " + offset + " (" + length + " bytes) is outside the "
                    + file.length + " bytes held");
        }
        return new BulkRef(path, offset, length, file);
    }

    public Path path() { return path; }

    public long offset() { return offset; }

    @Override
    public long length() { return length; }

    /** The value's bytes (the buffer's remaining ones, read-only) when they are held in memory, else null. */
    public ByteBuffer memory() {
        return file == null ? null : ByteBuffer.wrap(file, (int) offset, (int) length).asReadOnlyBuffer();
    }

    /** Opens a stream over exactly this value's bytes. */
    public InputStream open() throws IOException {
        if (file != null) {
            return new ByteArrayInputStream(file, (int) offset, (int) length);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedStream(Channels.newInputStream(ch), length);
    }

    /** Positional reads of this value's bytes, wherever they are held. */
    public interface Cursor extends AutoCloseable {
        /** Fills {@code into[off, off + n)} with the value's bytes from {@code at} on. */
        void read(byte[] into, int off, long at, int n) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens positional reads over this value: from memory, or from its file (opened once). */
    public Cursor cursor() throws IOException {
        if (file != null) {
            return new Cursor() {
                @Override
                public void read(byte[] into, int off, long at, int n) {
                    if (at < 0 || at + n > length) {
                        throw new IndexOutOfBoundsException("bytes " + at + "+" + n + " of a " + length
                                + "-byte value");
                    }
                    System.arraycopy(file, (int) (offset + at), into, off, n);
                }

                @Override
                public void close() {
                    // nothing was opened
                }
            };
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new Cursor() {
            @Override
            public void read(byte[] into, int off, long at, int n) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(into, off, n);
                long pos = offset + at;
                while (buf.hasRemaining()) {
                    int k = ch.read(buf, pos);
                    if (k < 0) {
                        throw new IOException(path + " is shorter than its bulk value");
                    }
                    pos += k;
                }
            }

            @Override
            public void close() throws IOException { ch.close(); }
        };
    }

    /** Reads the whole value; refuses values larger than {@code limit} bytes. */
    public byte[] readAll(int limit) throws IOException {
        if (length > limit) {
            throw new IOException("bulk value of " + length + " bytes exceeds the limit of " + limit);
        }
        if (file != null) {
            return Arrays.copyOfRange(file, (int) offset, (int) (offset + length));
        }
        byte[] out = new byte[(int) length];
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(out);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(path + ": file shrank below offset " + pos + " since it was read");
                }
                pos += n;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        // without a file, the bytes held are the source: the same range of two buffers is two values
        return o instanceof BulkRef r && r.offset == offset && r.length == length && Objects.equals(r.path, path)
                && (path != null || r.file == file);
    }

    @Override
    public int hashCode() { return Objects.hash(path, offset, length); }

    @Override
    public String toString() { return "BulkRef[path=" + path + ", offset=" + offset + ", length=" + length + "]"; }

    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
