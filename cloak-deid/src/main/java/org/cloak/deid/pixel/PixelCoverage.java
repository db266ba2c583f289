package org.cloak.deid.pixel;

import org.cloak.dicom.data.DataSet;

/**
 * What the engine's burned-in gate asks a pixel step: whether it cleans this image's burned-in
 * text (a rule or OCR covers it). An image that may carry text goes on to be cleaned when it
 * does, and is quarantined when it does not.
 */
@FunctionalInterface
public interface PixelCoverage {

    /** Whether the pixel step will clean the burned-in text of this original. */
    boolean covers(DataSet original);
}
