package org.cloak.pixel.region;

import java.util.List;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;

/**
 * A codec that can blank regions of an encoded frame without decoding and re-encoding the rest
 * (JPEG Baseline in the DCT domain): the part of the image outside the blanked area keeps its
 * coded data, and a lossy frame loses nothing more.
 */
public interface CompressedDomainCleaner {

    /**
     * An encoded frame after cleaning.
     *
     * @param data the new encoded frame
     * @param blanked the areas actually blanked (regions grown to the codec's block grid)
     */
    record Cleaned(byte[] data, List<Region.Bounds> blanked) {}

    /**
     * Blanks every region of one encoded frame.
     *
     * @return the cleaned frame, or null when no region intersects it
     * @throws PixelDecodeException when this frame cannot be cleaned so (another coding process, corrupt data)
     */
    Cleaned clean(byte[] encoded, PixelFormat format, List<Region> regions);
}
