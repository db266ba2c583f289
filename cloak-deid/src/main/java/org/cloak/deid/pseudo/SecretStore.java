package org.cloak.deid.pseudo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the project's HMAC secret in a vault directory. On first use 32
 * random bytes are written to {@value #KEY_FILE}: the directory is created 0700 and the file
 * 0600 where the file system has POSIX permissions. The file appears whole or not at all (it is
 * written to a temporary file, then hard-linked into place, which fails if the key already
 * exists), so concurrent first uses, from threads or processes, all end up with the one key that
 * won. The key itself is never logged or put in a message.
 */
public final class SecretStore {
    /** Name of the key file inside the vault directory. */
    public static final String KEY_FILE = "secret.key";
    /** Length of the key in bytes. */
    public static final int KEY_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final long WAIT_MILLIS = 2_000;

    private SecretStore() {}

    /** The default vault: {@code ~/.cloak/vault}. */
    public static Path defaultVault() {
        return Path.of(System.getProperty("user.home"), ".cloak", "vault");
    }

    /**
     * The secret kept in {@code vaultDir}, created there on first use.
     *
     * @throws PseudonymException when the directory or key cannot be created or read, or the
     *     key file does not hold exactly {@value #KEY_BYTES} bytes
     */
    public static Secret loadOrCreate(Path vaultDir) {
        Path key = vaultDir.resolve(KEY_FILE);
        try {
            createDirectory(vaultDir);
            if (!Files.exists(key)) {
                create(vaultDir, key);
            }
            return read(key);
        } catch (IOException e) {
            throw new PseudonymException("Could not load or create the secret key " + key + ": " + e, e);
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir.toAbsolutePath().getRoot())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void create(Path dir, Path key) throws IOException {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        boolean posix = posix(dir);
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".secret-", ".tmp", attrs);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(k));
                ch.force(true);
            }
            publish(tmp, key);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Puts the key in place unless another process or thread did first (then its key wins). */
    private static void publish(Path tmp, Path key) throws IOException {
        try {
            Files.createLink(key, tmp);
            LOG.info("Created a new secret key in {}", key.getParent());
        } catch (FileAlreadyExistsException lost) {
            // another first use won; read() returns its key
        } catch (UnsupportedOperationException | IOException noLinks) {
            // no hard links here (some network or FAT file systems): create-new, readers wait for the bytes
            try {
                Files.write(key, Files.readAllBytes(tmp), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                LOG.info("Created a new secret key in {}", key.getParent());
            } catch (FileAlreadyExistsException lost) {
                // another first use won
            }
        }
    }

    private static Secret read(Path key) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        byte[] k = Files.readAllBytes(key);
        // a key being written by create-new can be short for a moment; a corrupt one stays short
        while (k.length < KEY_BYTES && System.currentTimeMillis() < deadline) {
            sleep();
            k = Files.readAllBytes(key);
        }
        if (k.length != KEY_BYTES) {
            throw new PseudonymException("Could not load the secret key " + key + ": it holds " + k.length
                    + " bytes, expected " + KEY_BYTES + " (the file is damaged; restore it from a backup)");
        }
        warnIfShared(key);
        return new Secret(k);
    }

    private static void warnIfShared(Path key) throws IOException {
        if (posix(key) && !Files.getPosixFilePermissions(key).equals(FILE)) {
            LOG.warn("The secret key {} can be read by other users; its permissions should be 0600", key);
        }
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PseudonymException("Interrupted while waiting for the secret key to be written", e);
        }
    }
}
