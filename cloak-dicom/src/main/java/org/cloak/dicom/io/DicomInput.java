package org.cloak.dicom.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cloak.dicom.internal.ByteSource;

/**
 * A file opened for reading, its size known and its first bytes read: a caller can look at them
 * ({@link #head}) to decide whether the file is DICOM at all, then parse it ({@link #read}) on
 * the same open and the same read. A file within {@link ReadOptions#wholeFileLimit()} is read
 * whole by {@link #open} and closed at once; a larger one, or one whose later groups are skipped
 * ({@link ReadOptions#skipFrom()}), starts with a short read and reads on as the parser needs.
 */
public final class DicomInput implements AutoCloseable {
    /** Bytes that tell DICOM from other files: the preamble and the "DICM" prefix (PS3.10 7.1). */
    public static final int HEAD = 132;
    /** First read of a file whose later groups are skipped: the header up to the pixel data often fits. */
    private static final int SHORT_FILL = 4 * 1024;
    /** First read of any other large file: its header, and the start of what follows. */
    private static final int FILL = 16 * 1024;
    /** Largest array the VM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Path path;
    private final ReadOptions opts;
    private final FileChannel channel;
    private final ByteSource source;
    private final long size;
    private boolean used;

    private DicomInput(Path path, ReadOptions opts, FileChannel channel, ByteSource source, long size) {
        this.path = path;
        this.opts = opts;
        this.channel = channel;
        this.source = source;
        this.size = size;
    }

    public static DicomInput open(Path path, ReadOptions opts) throws IOException {
        return open(path, FileChannel.open(path, StandardOpenOption.READ), opts);
    }

    /** Reads {@code path} through {@code ch}, a channel open on it, which is closed with the input. */
    static DicomInput open(Path path, FileChannel ch, ReadOptions opts) throws IOException {
        try {
            long size = ch.size();
            if (size <= Math.min(opts.wholeFileLimit(), MAX_ARRAY) && opts.skipFrom() == ReadOptions.KEEP_ALL) {
                byte[] data = new byte[(int) size];
                int n = readFully(ch, data);
                ch.close();
                return new DicomInput(path, opts, null, ByteSource.ofFile(data, n), n);
            }
            int fill = opts.skipFrom() == ReadOptions.KEEP_ALL ? FILL : SHORT_FILL;
            return new DicomInput(path, opts, ch, ByteSource.window(ch, size, fill), size);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads from the start until the array is full or the file ends (it may have shrunk since its size was taken). */
    private static int readFully(FileChannel ch, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining() && ch.read(b, b.position()) >= 0) {
            // a short read is retried
        }
        return b.position();
    }

    /** The file's size in bytes (what was read of it, for a file read whole). */
    public long size() { return size; }

    /** The first {@link #HEAD} bytes of the file, fewer for a shorter file; before {@link #read}. */
    public byte[] head() throws IOException {
        if (used) {
            throw new IllegalStateException(path + " is already read");
        }
        return source.peek(HEAD);
    }

    /** Parses the file; once per input. */
    public DicomFile read() throws IOException {
        if (used) {
            throw new IllegalStateException(path + " is already read");
        }
        used = true;
        return DicomReader.read(source, path, opts);
    }

    @Override
    public void close() throws IOException {
        source.close();
        if (channel != null) {
            channel.close();
        }
    }
}
