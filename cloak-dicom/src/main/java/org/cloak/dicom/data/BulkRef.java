package org.cloak.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A value left in its source file: the codec copies it from file to file through channels,
 * so pixel data and other large values never enter the heap.
 */
public record BulkRef(Path path, long offset, long length) implements Value {

    /** Opens a stream over exactly this value's bytes. */
    public InputStream open() throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedStream(Channels.newInputStream(ch), length);
    }

    /** Reads the whole value; refuses values larger than {@code limit} bytes. */
    public byte[] readAll(int limit) throws IOException {
        if (length > limit) {
            throw new IOException("bulk value of " + length + " bytes exceeds the limit of " + limit);
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
