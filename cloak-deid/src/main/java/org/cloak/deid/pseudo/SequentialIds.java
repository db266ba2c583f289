package org.cloak.deid.pseudo;

import java.util.function.IntPredicate;
import org.cloak.deid.pseudo.PatientIdConfig.Unit;

/**
 * SEQUENTIAL: prefix + a zero-padded number. What gets a number depends on the discovery unit:
 * {@code per-top-folder} (each top folder under an input is one patient), {@code per-study}
 * (each StudyInstanceUID, ordered by first study date, then UID) or {@code all} (each distinct
 * original PatientID). Numbers are given after discovery in sorted key order.
 */
final class SequentialIds implements PatientIdStrategy {

    private final String prefix;
    private final int width;
    private final Unit unit;
    private final Numbering numbering;

    /**
     * @param usable false for numbers to skip, because a mapping file already gives out their ID
     */
    SequentialIds(String prefix, int start, int width, Unit discovery, IntPredicate usable) {
        this.prefix = prefix == null ? "" : prefix;
        this.width = width;
        this.unit = discovery == null ? Unit.ALL : discovery;
        this.numbering = new Numbering(switch (unit) {
            case PER_TOP_FOLDER -> "top folder";
            case PER_STUDY -> "study";
            case ALL -> "patient";
        }, start, usable);
    }

    @Override
    public boolean needsDiscovery() { return true; }

    @Override
    public void observe(FileFacts file) {
        numbering.observe(key(file), unit == Unit.PER_STUDY ? file.date() : null);
    }

    @Override
    public void freeze() { numbering.freeze(); }

    @Override
    public String newId(FileFacts file) { return format(prefix, width, numbering.numberOf(key(file))); }

    /** prefix + n zero-padded to {@code width} digits (more digits when n needs them). */
    static String format(String prefix, int width, int n) {
        String digits = Integer.toString(n);
        StringBuilder sb = new StringBuilder(prefix == null ? "" : prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private String key(FileFacts f) {
        return switch (unit) {
            case PER_TOP_FOLDER -> f.topFolder();
            case PER_STUDY -> f.studyUid();
            case ALL -> f.patientKey();
        };
    }
}
