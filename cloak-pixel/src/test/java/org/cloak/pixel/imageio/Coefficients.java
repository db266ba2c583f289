package org.cloak.pixel.imageio;

import java.util.List;
import org.cloak.pixel.jpeg.DctCoefficients;
import org.cloak.pixel.region.Region;

/** Compares the quantized coefficients of two JPEG frames of the same layout. */
final class Coefficients {
    private Coefficients() {}

    /** The number of coefficients that differ in blocks lying wholly outside {@code blanked}. */
    static long changedOutside(byte[] a, byte[] b, List<Region.Bounds> blanked) {
        return DctCoefficients.differencesOutside(a, b, blanked);
    }
}
