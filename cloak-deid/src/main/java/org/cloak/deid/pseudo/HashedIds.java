package org.cloak.deid.pseudo;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DETERMINISTIC: prefix + {@code width} characters of HMAC-SHA-256(secret, salt NUL PatientID),
 * five bits per character from an alphabet of 32 without 0/O and 1/I, so IDs read back over the
 * phone without confusion. The same secret and salt give the same ID on every run and machine.
 * Beyond 51 characters (256 bits) further HMAC blocks with numbered domains supply the bits.
 */
final class HashedIds implements PatientIdStrategy {
    /** 32 symbols: digits 2-9 and letters without I and O. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** PatientID is LO: 64 characters at most. */
    static final int MAX_WIDTH = 64;

    private final Secret secret;
    private final String prefix;
    private final String salt;
    private final int width;
    /** IDs already computed: a patient's files all ask for the same one (the planner keeps every patient anyway). */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    HashedIds(Secret secret, String prefix, String salt, int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new PseudonymException("Hashed patient IDs need a width of 1 to " + MAX_WIDTH + " characters, not "
                    + width);
        }
        if ((prefix == null ? 0 : prefix.length()) + width > MAX_WIDTH) {
            throw new PseudonymException("Prefix and hash make patient IDs longer than " + MAX_WIDTH + " characters");
        }
        this.secret = secret;
        this.prefix = prefix == null ? "" : prefix;
        this.salt = salt == null ? "" : salt;
        this.width = width;
    }

    @Override
    public boolean needsDiscovery() { return false; }

    @Override
    public String newId(FileFacts file) { return known.computeIfAbsent(file.patientKey(), this::idFor); }

    String idFor(String patientId) {
        String value = salt + '\0' + patientId;
        byte[] h = secret.hmac("patient-id", value);
        if (width * 5 > h.length * 8) {
            byte[] more = secret.hmac("patient-id-2", value);
            h = Arrays.copyOf(h, h.length + more.length);
            System.arraycopy(more, 0, h, h.length - more.length, more.length);
        }
        StringBuilder sb = new StringBuilder(prefix.length() + width).append(prefix);
        for (int i = 0; i < width; i++) {
            int bit = i * 5;
            int two = (h[bit / 8] & 0xFF) << 8 | (bit / 8 + 1 < h.length ? h[bit / 8 + 1] & 0xFF : 0);
            sb.append(ALPHABET.charAt(two >>> (11 - bit % 8) & 0x1F));
        }
        return sb.toString();
    }
}
