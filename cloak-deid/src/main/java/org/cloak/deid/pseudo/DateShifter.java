package org.cloak.deid.pseudo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-patient date offsets for the shift mode: the first 64 bits of
 * HMAC-SHA-256(secret, "date-shift", original PatientID) reduced into [min, max] days. The
 * offset depends only on the secret and the PatientID, so all of a patient's files, in this
 * run and every later one, move by the same number of days and intervals survive. (The
 * reduction's bias is below 2^-32 for any range of days.)
 */
final class DateShifter {
    private final Secret secret;
    private final int min;
    private final int max;
    /** Offsets already computed: a patient's files all ask for the same one. */
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    DateShifter(Secret secret, int min, int max) {
        if (min > max) {
            throw new PseudonymException("The date shift range is empty: min " + min + " > max " + max);
        }
        this.secret = secret;
        this.min = min;
        this.max = max;
    }

    int offsetDays(String patientId) {
        return known.computeIfAbsent(patientId, this::compute);
    }

    private int compute(String patientId) {
        byte[] h = secret.hmac("date-shift", patientId);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (h[i] & 0xFF);
        }
        long span = (long) max - min + 1;
        return (int) (min + Long.remainderUnsigned(v, span));
    }
}
