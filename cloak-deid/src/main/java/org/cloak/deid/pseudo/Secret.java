package org.cloak.deid.pseudo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project's secret key. Every pseudonym is an HMAC-SHA-256 of the original value under this
 * key with a domain label, so the same input gives the same output on every machine holding
 * the secret, and nothing can be reversed without it.
 */
public final class Secret {
    private final byte[] key;
    /** A Mac per thread: creating and keying one costs more than the hash itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Secret(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a secret needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static Secret random() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new Secret(k);
    }

    /** HMAC-SHA-256 of {@code domain} NUL {@code value}; domains keep UIDs, IDs and dates apart. */
    public byte[] hmac(String domain, String value) {
        Mac mac = macs.get();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The key bytes, for storing in the vault. */
    public byte[] bytes() { return key.clone(); }
}
