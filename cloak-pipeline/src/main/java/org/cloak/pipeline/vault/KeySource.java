package org.cloak.pipeline.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cloak.deid.pseudo.SecretStore;

/**
 * Where the vault's encryption key comes from: a passphrase (stretched with PBKDF2) or a file
 * of 32 random bytes. A key file kept on the same disk as the vault protects nothing; keep it
 * apart (another disk, a token, the operator's home on another machine).
 */
public sealed interface KeySource {
    /** Environment variable read for the passphrase when no file option is given. */
    String PASSPHRASE_ENV = "CLOAK_VAULT_PASSPHRASE";

    /** A passphrase; the vault header keeps the salt and iteration count, never the passphrase. */
    record Passphrase(char[] chars) implements KeySource {
        public Passphrase {
            if (chars.length == 0) {
                throw new IllegalArgumentException("the vault passphrase is empty");
            }
            chars = chars.clone();
        }

        @Override
        public String toString() { return "Passphrase[hidden]"; }
    }

    /** A file of exactly 32 random bytes; created (0600) when a new vault is made and it does not exist. */
    record KeyFile(Path file) implements KeySource {}

    /** The default key file, {@code ~/.cloak/vault.key}: beside the default vault. */
    static Path defaultKeyFile() {
        return SecretStore.defaultVault().resolveSibling("vault.key");
    }

    /**
     * Chooses the key from the command-line options and the environment: a passphrase file, else
     * a key file, else {@value #PASSPHRASE_ENV}, else the default key file. Giving both files is
     * an error, so that a vault is never created under a key the user did not mean.
     *
     * @param passphraseFile a file whose first line is the passphrase, or null
     * @param keyFile a key file, or null
     * @param env the environment (normally {@code System.getenv()})
     */
    static KeySource from(Path passphraseFile, Path keyFile, Map<String, String> env) {
        if (passphraseFile != null && keyFile != null) {
            throw new IllegalArgumentException("give either a vault passphrase file or a key file, not both");
        }
        if (passphraseFile != null) {
            return new Passphrase(readPassphrase(passphraseFile));
        }
        if (keyFile != null) {
            return new KeyFile(keyFile);
        }
        String p = env.get(PASSPHRASE_ENV);
        if (p != null && !p.isEmpty()) {
            return new Passphrase(p.toCharArray());
        }
        return new KeyFile(defaultKeyFile());
    }

    private static char[] readPassphrase(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new IllegalArgumentException("the vault passphrase file " + file + " is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the vault passphrase file " + file + ": " + e, e);
        }
    }
}
