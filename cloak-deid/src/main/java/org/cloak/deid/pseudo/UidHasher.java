package org.cloak.deid.pseudo;

import java.math.BigInteger;
import java.util.Arrays;
import org.cloak.dicom.dict.UidRegistry;

/**
 * Deterministic UIDs: {@code 2.25.} followed by the decimal value of the first 128 bits of
 * HMAC-SHA-256(secret, uid) (PS3.5 B.2 allows UUID-derived 2.25 UIDs). UIDs of the standard
 * (transfer syntaxes, SOP classes, coding schemes...) are returned unchanged.
 */
public final class UidHasher implements UidMapper {
    private final Secret secret;
    private final UidRegistry registry = UidRegistry.standard();

    public UidHasher(Secret secret) {
        this.secret = secret;
    }

    @Override
    public String map(String uid) {
        if (uid.isEmpty() || uid.startsWith("1.2.840.10008.") || registry.isRegistered(uid)) {
            return uid;
        }
        byte[] h = Arrays.copyOf(secret.hmac("uid", uid), 16);
        h[0] &= 0x7F; // keeps the number positive and below 2^127, as a version-4-like value
        return "2.25." + new BigInteger(1, h);
    }
}
