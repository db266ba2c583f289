package org.cloak.pipeline.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * File handling for the vault: owner-only permissions, crash-safe replacement (temporary file,
 * fsync, rename, fsync of the folder: after a crash there is the old file or the new one, never
 * a torn one) and a lock that serialises writers across threads and processes.
 */
final class VaultFiles {
    static final String TEMP_PREFIX = ".vault-";
    static final String TEMP_SUFFIX = ".tmp";
    private static final String LOCK = "vault.lock";
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** A FileLock is per process; this orders the threads of one process before they ask for it. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private VaultFiles() {}

    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir.toAbsolutePath().getRoot())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Runs {@code work} holding the vault's lock (other threads and processes wait). */
    static <T> T locked(Path dir, Work<T> work) throws IOException {
        Path lockFile = dir.resolve(LOCK).toAbsolutePath().normalize();
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                attributes(dir))) {
            FileLock lock = ch.lock();
            try {
                return work.run();
            } finally {
                lock.release();
            }
        } finally {
            jvm.unlock();
        }
    }

    /** Replaces {@code target} with {@code bytes} crash-safely; the file is readable by its owner only. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, attributes(dir));
        boolean done = false;
        try {
            write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            syncDirectory(dir);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates {@code target} with {@code bytes} unless it exists; the winner of a race between
     * processes wins for all (hard link of a complete temporary file, which fails if the target exists).
     *
     * @return true when this call created the file
     */
    static boolean createOnce(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectory(dir);
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX, attributes(dir));
        try {
            write(temp, bytes);
            Files.createLink(target, temp);
            syncDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException lost) {
            return false;
        } catch (UnsupportedOperationException noLinks) {
            try {
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes temporary files a crash left behind; call only while holding the lock. */
    static int removeLeftovers(Path dir) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : s) {
                Files.deleteIfExists(p);
                n++;
            }
        }
        return n;
    }

    /** Whether a file can be read by others than its owner (only known where POSIX permissions exist). */
    static boolean shared(Path file) throws IOException {
        return posix(file) && !Files.getPosixFilePermissions(file).equals(FILE);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Makes a rename durable. Not every platform can open a folder (Windows cannot); there the rename stands alone. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself was forced before the rename
        }
    }

    private static FileAttribute<?>[] attributes(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
