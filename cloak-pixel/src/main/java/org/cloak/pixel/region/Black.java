package org.cloak.pixel.region;

import java.io.IOException;
import org.cloak.dicom.data.DataSet;
import org.cloak.pixel.PixelFormat;

/**
 * The stored values that display as black: the lowest value for MONOCHROME2 and RGB, the
 * highest for MONOCHROME1 (PS3.3 C.7.6.3.1.2), Y at its lowest and Cb, Cr at the middle of
 * their range for YBR (Y at 1/16 of the range for YBR_PARTIAL), and for PALETTE COLOR the
 * index of the darkest palette entry.
 */
public final class Black {
    private Black() {}

    /** One stored value per sample; the data set is read only for PALETTE COLOR. */
    public static long[] of(PixelFormat f, DataSet ds) throws IOException {
        long mid = 1L << (f.bitsStored() - 1);
        return switch (f.photometric()) {
            case MONOCHROME1 -> new long[] {f.maxStored()};
            case MONOCHROME2 -> new long[] {f.minStored()};
            case RGB -> new long[] {0, 0, 0};
            case YBR_PARTIAL_420 -> new long[] {mid >> 3, mid, mid};
            case YBR_FULL, YBR_FULL_422, YBR_ICT, YBR_RCT -> new long[] {0, mid, mid};
            case PALETTE_COLOR -> new long[] {Palette.of(ds).darkestIndex()};
        };
    }
}
