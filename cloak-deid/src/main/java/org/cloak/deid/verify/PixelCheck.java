package org.cloak.deid.verify;

import org.cloak.dicom.io.DicomFile;

/**
 * A check of an output's pixel data against its original, given by a front end that wires an
 * image library in (cloak-pixel): the engine module reads no pixels itself.
 */
@FunctionalInterface
public interface PixelCheck {
    /** No pixel check: pixel data is only compared byte for byte by the replay. */
    PixelCheck NONE = (file, output, original, sink) -> { };

    /**
     * Adds a finding for each problem of {@code output}'s pixels.
     *
     * @param file the output's name in the report
     * @param original the output's original, with its transfer syntax, or null when not at hand
     */
    void check(String file, DicomFile output, DicomFile original, FindingSink sink);
}
