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
    /** Slots of the per-thread cache; a power of two. */
    private static final int RECENT = 256;

    private final Secret secret;
    private final UidRegistry registry = UidRegistry.standard();
    /**
     * The last UIDs mapped by each thread, direct-mapped by hash: the files of a series repeat
     * its study, series and frame of reference UIDs, and a hit saves an HMAC.
     */
    private final ThreadLocal<String[]> recent = ThreadLocal.withInitial(() -> new String[2 * RECENT]);

    public UidHasher(Secret secret) {
        this.secret = secret;
    }

    @Override
    public String map(String uid) {
        if (uid.isEmpty() || uid.startsWith("1.2.840.10008.")) {
            return uid;
        }
        String[] cache = recent.get();
        int slot = (uid.hashCode() & (RECENT - 1)) << 1;
        if (uid.equals(cache[slot])) {
            return cache[slot + 1];
        }
        String mapped = registry.isRegistered(uid) ? uid : hash(uid);
        cache[slot] = uid;
        cache[slot + 1] = mapped;
        return mapped;
    }

    private String hash(String uid) {
        byte[] h = Arrays.copyOf(secret.hmac("uid", uid), 16);
        h[0] &= 0x7F; // keeps the number positive and below 2^127, as a version-4-like value
        return "2.25." + new BigInteger(1, h);
    }
}
