package org.cloak.pixel.region;

/**
 * A rectangle in pixel coordinates. A negative x or y counts from the right or bottom edge
 * ({@code x = -120} starts 120 columns before the right edge), so one rule fits images of
 * several sizes. Parts outside the image are ignored.
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a region is at least 1x1, not " + width + "x" + height);
        }
    }

    /** The columns and rows covered in an image of this size, clipped to it (possibly empty). */
    public Bounds within(int columns, int rows) {
        long x0 = x < 0 ? (long) columns + x : x;
        long y0 = y < 0 ? (long) rows + y : y;
        return new Bounds(clip(x0, columns), clip(y0, rows), clip(x0 + width, columns), clip(y0 + height, rows));
    }

    private static int clip(long v, int max) { return (int) Math.max(0, Math.min(v, max)); }

    /** Columns {@code x0..x1-1} and rows {@code y0..y1-1}. */
    public record Bounds(int x0, int y0, int x1, int y1) {
        public boolean isEmpty() { return x0 >= x1 || y0 >= y1; }
    }
}
