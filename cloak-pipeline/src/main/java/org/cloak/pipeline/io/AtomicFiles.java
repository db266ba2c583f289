package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees a partial one: the content goes to a temporary name
 * in the target's folder, is forced to disk, and is then renamed over the target in one atomic
 * step. After a crash or a failed write there is either the old file or the complete new one,
 * never a truncated file under the final name (the dcm4che {@code .part} pattern). A batch run
 * skips the per-file force ({@link #writeUnforced}) and makes whole studies durable at once with
 * {@link GroupSync} before it records them as finished.
 */
public final class AtomicFiles {
    /** Prefix of temporary files; a crash can leave them behind, and a rerun ignores them. */
    public static final String TEMP_PREFIX = ".cloak-";
    public static final String TEMP_SUFFIX = ".part";

    private AtomicFiles() {}

    /** Produces a file's content into an open channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Writes {@code target} atomically, creating its parent folders.
     *
     * @return the size of the written file in bytes
     * @throws IOException when writing fails; the temporary file is removed and the target is untouched
     */
    public static long write(Path target, Content content) throws IOException {
        return write(target, content, true);
    }

    /**
     * As {@link #write(Path, Content)}, atomic for readers, but not forced to disk: after a power
     * loss the file may be empty or missing, so the caller must make it durable (a {@link Syncer})
     * before relying on it.
     */
    public static long writeUnforced(Path target, Content content) throws IOException {
        return write(target, content, false);
    }

    private static long write(Path target, Content content, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        boolean done = false;
        try {
            long size;
            try (FileChannel ch = create(temp)) {
                content.writeTo(ch);
                if (force) {
                    ch.force(false);
                }
                size = ch.size();
            }
            move(temp, target);
            done = true;
            return size;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Copies {@code source} to {@code target} atomically. */
    public static long copy(Path source, Path target) throws IOException {
        return write(target, ch -> {
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                long size = in.size();
                long done = 0;
                while (done < size) {
                    long n = in.transferTo(done, size - done, ch);
                    if (n <= 0) {
                        throw new IOException("could not copy " + source + " at offset " + done);
                    }
                    done += n;
                }
            }
        });
    }

    /** Writes a small text file atomically. */
    public static long writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(target, ch -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        });
    }

    /** Creates the temporary file; its folder is made only when missing, so most files cost no extra stat. */
    private static FileChannel create(Path temp) throws IOException {
        try {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(temp.getParent());
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
    }
}
