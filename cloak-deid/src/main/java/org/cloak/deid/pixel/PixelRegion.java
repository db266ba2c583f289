package org.cloak.deid.pixel;

/**
 * A rectangle of a pixel rule in pixel coordinates: a negative x or y counts from the right or
 * bottom edge ({@code x = -200} starts 200 columns before the right edge), so one rule fits
 * images of several sizes.
 */
public record PixelRegion(int x, int y, int width, int height) {

    public PixelRegion {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a region is at least 1x1, not " + width + "x" + height);
        }
    }
}
