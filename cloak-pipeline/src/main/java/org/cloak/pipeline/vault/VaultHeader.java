package org.cloak.pipeline.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The plain {@code vault.json}: the format version and how the key is derived, so that any
 * later Cloak can open the vault. It holds nothing secret (a salt and an iteration count are not).
 *
 * @param format the vault format version, {@value #FORMAT}
 * @param cipher always {@value #CIPHER}
 * @param key how to obtain the key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VaultHeader(int format, String cipher, Key key) {
    static final int FORMAT = 1;
    static final String CIPHER = "AES-256-GCM";
    static final String FILE = "vault.json";
    static final String PASSPHRASE = "passphrase";
    static final String KEY_FILE = "key-file";
    /** Below this, a header is treated as damaged (OWASP's 2021 floor for PBKDF2-HMAC-SHA256). */
    static final int MIN_ITERATIONS = 310_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param type {@value #PASSPHRASE} or {@value #KEY_FILE}
     * @param kdf the key derivation function, for a passphrase
     * @param iterations PBKDF2 iterations, for a passphrase
     * @param salt base64 salt, for a passphrase
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Key(String type, String kdf, Integer iterations, String salt) {}

    static VaultHeader forPassphrase(byte[] salt, int iterations) {
        return new VaultHeader(FORMAT, CIPHER,
                new Key(PASSPHRASE, VaultCrypto.KDF, iterations, Base64.getEncoder().encodeToString(salt)));
    }

    static VaultHeader forKeyFile() {
        return new VaultHeader(FORMAT, CIPHER, new Key(KEY_FILE, null, null, null));
    }

    boolean passphrase() { return PASSPHRASE.equals(key.type()); }

    byte[] salt() { return Base64.getDecoder().decode(key.salt()); }

    byte[] toBytes() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the vault header", e);
        }
    }

    /** Reads and checks a header; a damaged or unknown one is refused with a message naming the file. */
    static VaultHeader read(Path file) {
        VaultHeader h;
        try {
            h = JSON.readValue(Files.readAllBytes(file), VaultHeader.class);
        } catch (IOException e) {
            throw new VaultException("The vault header " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); restore it from a backup");
        }
        if (h.format() != FORMAT) {
            throw new VaultException("The vault " + file.getParent() + " has format " + h.format()
                    + "; this Cloak reads format " + FORMAT + " (use a newer Cloak)");
        }
        if (!CIPHER.equals(h.cipher()) || h.key() == null) {
            throw new VaultException("The vault header " + file + " is damaged (cipher or key missing)");
        }
        if (h.passphrase()) {
            if (!VaultCrypto.KDF.equals(h.key().kdf()) || h.key().salt() == null || h.key().iterations() == null
                    || h.key().iterations() < MIN_ITERATIONS) {
                throw new VaultException("The vault header " + file + " is damaged (key derivation parameters)");
            }
        } else if (!KEY_FILE.equals(h.key().type())) {
            throw new VaultException("The vault header " + file + " names an unknown key type");
        }
        return h;
    }
}
