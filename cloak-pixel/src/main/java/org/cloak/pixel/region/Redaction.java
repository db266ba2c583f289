package org.cloak.pixel.region;

import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelFormat;

/**
 * Fills a rectangle of one frame with a value per sample: the frame-level operation that rules
 * and text detection both use. Cells outside the rectangle are not touched. In YBR_FULL_422,
 * where two pixels share their Cb and Cr, the colour differences of a pair change only when
 * both pixels of the pair are inside, so no pixel outside changes.
 */
public final class Redaction {
    private Redaction() {}

    /**
     * Sets every sample of the rectangle to {@code fill} (one stored value per sample; the
     * filled cells' bits outside Bits Stored become 0).
     *
     * @return whether any cell changed
     */
    public static boolean fill(Frame frame, Region region, long[] fill) {
        PixelFormat f = frame.format();
        if (fill.length != f.samplesPerPixel()) {
            throw new IllegalArgumentException(fill.length + " fill values for " + f.samplesPerPixel() + " samples");
        }
        Region.Bounds b = region.within(f.columns(), f.rows());
        if (b.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            boolean halved = f.planeWidth(p) != f.columns();
            int x0 = halved ? (b.x0() + 1) / 2 : b.x0();
            int x1 = halved ? b.x1() / 2 : b.x1();
            changed |= fillPlane(frame.plane(p), f.planeWidth(p), b.y0(), b.y1(), x0, x1, Frame.cellOf(f, fill[p]));
        }
        return changed;
    }

    private static boolean fillPlane(int[] plane, int width, int y0, int y1, int x0, int x1, int cell) {
        boolean changed = false;
        for (int y = y0; y < y1; y++) {
            int row = y * width;
            for (int i = row + x0; i < row + x1; i++) {
                if (plane[i] != cell) {
                    plane[i] = cell;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
