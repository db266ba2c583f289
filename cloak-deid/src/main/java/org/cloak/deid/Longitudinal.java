package org.cloak.deid;

/**
 * Longitudinal Temporal Information Modified (0028,0303): what de-identification did to the
 * dates and times, in the attribute's defined terms (PS3.3 C.12.1.1.2).
 */
public enum Longitudinal {
    /** Dates and times were shifted or otherwise changed. */
    MODIFIED,
    /** Dates and times are the original ones. */
    UNMODIFIED,
    /** Dates and times were removed. */
    REMOVED
}
