package org.cloak.pixel;

import java.util.Optional;

/**
 * Photometric Interpretation (0028,0004) terms (PS3.3 C.7.6.3.1.2), with the number of samples
 * each needs and what black is in it.
 */
public enum Photometric {
    MONOCHROME1("MONOCHROME1", 1),
    MONOCHROME2("MONOCHROME2", 1),
    PALETTE_COLOR("PALETTE COLOR", 1),
    RGB("RGB", 3),
    YBR_FULL("YBR_FULL", 3),
    YBR_FULL_422("YBR_FULL_422", 3),
    YBR_PARTIAL_420("YBR_PARTIAL_420", 3),
    YBR_ICT("YBR_ICT", 3),
    YBR_RCT("YBR_RCT", 3);

    private final String term;
    private final int samples;

    Photometric(String term, int samples) {
        this.term = term;
        this.samples = samples;
    }

    /** The defined term as written in the data set. */
    public String term() { return term; }

    /** Samples per pixel the term requires. */
    public int samples() { return samples; }

    public boolean isMonochrome() { return this == MONOCHROME1 || this == MONOCHROME2; }

    /** Luminance and two colour differences, whose neutral value is the middle of the range. */
    public boolean isYbr() { return name().startsWith("YBR"); }

    /**
     * Whether native data holds one Cb and one Cr for each two pixels of a row (PS3.3
     * C.7.6.3.1.2); YBR_PARTIAL_420 also halves them vertically and exists only compressed.
     */
    public boolean isHorizontallySubsampled() { return this == YBR_FULL_422 || this == YBR_PARTIAL_420; }

    /** The term for a value of (0028,0004), trimmed; empty when it is not a known one. */
    public static Optional<Photometric> of(String term) {
        for (Photometric p : values()) {
            if (p.term.equals(term)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
