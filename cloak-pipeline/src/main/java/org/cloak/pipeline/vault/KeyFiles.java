package org.cloak.pipeline.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Vault key files: exactly 32 random bytes, owner-only, never inside the vault they unlock. */
final class KeyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {}

    /** The key in {@code file}, created for a new vault when it does not exist. */
    static byte[] loadOrCreate(Path file, Path vaultDir) throws IOException {
        requireApart(file, vaultDir);
        if (!Files.exists(file) && VaultFiles.createOnce(file, VaultCrypto.random(VaultCrypto.KEY_BYTES))) {
            LOG.info("Created the vault key file {}; keep it apart from the vault and back it up", file);
        }
        return load(file, vaultDir);
    }

    /** The key in {@code file}, which must exist. */
    static byte[] load(Path file, Path vaultDir) throws IOException {
        requireApart(file, vaultDir);
        if (!Files.exists(file)) {
            throw new VaultException("The key file " + file + " does not exist; the vault " + vaultDir
                    + " opens only with the key file it was created with");
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != VaultCrypto.KEY_BYTES) {
            throw new VaultException("The key file " + file + " holds " + key.length + " bytes, expected "
                    + VaultCrypto.KEY_BYTES + " (wrong file, or damaged)");
        }
        if (VaultFiles.shared(file)) {
            LOG.warn("The vault key file {} can be read by other users; its permissions should be 0600", file);
        }
        return key;
    }

    private static void requireApart(Path file, Path vaultDir) {
        if (file.toAbsolutePath().normalize().startsWith(vaultDir.toAbsolutePath().normalize())) {
            throw new VaultException("The key file " + file + " is inside the vault " + vaultDir
                    + "; keep it apart, or the encryption protects nothing");
        }
    }
}
