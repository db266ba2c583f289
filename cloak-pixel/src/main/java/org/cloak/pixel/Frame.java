package org.cloak.pixel;

import java.util.Arrays;

/**
 * One decoded frame: for each sample (plane) the cells of its pixels in row order, whatever the
 * planar configuration or compression it came from. A cell holds all Bits Allocated bits as
 * stored, so bits outside Bits Stored (overlays, garbage) survive a decode and encode
 * untouched; {@link #sample} reads the stored value alone. Mutable: editors change cells in place.
 */
public final class Frame {
    private final PixelFormat format;
    private final int[][] planes;

    /** Wraps the planes, which the frame then owns; each must be {@link PixelFormat#planeLength} long. */
    public Frame(PixelFormat format, int[][] planes) {
        if (planes.length != format.samplesPerPixel()) {
            throw new IllegalArgumentException(planes.length + " planes for " + format.samplesPerPixel() + " samples");
        }
        for (int p = 0; p < planes.length; p++) {
            if (planes[p].length != format.planeLength(p)) {
                throw new IllegalArgumentException("plane " + p + " holds " + planes[p].length + " cells, not "
                        + format.planeLength(p));
            }
        }
        this.format = format;
        this.planes = planes;
    }

    /** A frame with every cell 0. */
    public static Frame blank(PixelFormat format) {
        int[][] planes = new int[format.samplesPerPixel()][];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = new int[format.planeLength(p)];
        }
        return new Frame(format, planes);
    }

    public PixelFormat format() { return format; }

    /** The cells of one plane in row order (live: writes change the frame). */
    public int[] plane(int p) { return planes[p]; }

    /** The whole cell at column x, row y of a plane (x counts chroma pairs in subsampled planes). */
    public int cell(int p, int x, int y) { return planes[p][y * format.planeWidth(p) + x]; }

    public void setCell(int p, int x, int y, int v) { planes[p][y * format.planeWidth(p) + x] = v; }

    /** The stored value of a sample: its Bits Stored bits, sign-extended when signed. */
    public long sample(int p, int x, int y) {
        return storedValue(format, cell(p, x, y));
    }

    /** Sets a sample to a stored value; the cell's bits outside Bits Stored become 0. */
    public void setSample(int p, int x, int y, long v) {
        setCell(p, x, y, cellOf(format, v));
    }

    /** The stored value held in a cell. */
    public static long storedValue(PixelFormat f, int cell) {
        long bits = (Integer.toUnsignedLong(cell) >>> f.lowBit()) & ((1L << f.bitsStored()) - 1);
        return f.signed() && (bits >>> (f.bitsStored() - 1)) != 0 ? bits - (1L << f.bitsStored()) : bits;
    }

    /** The cell holding a stored value, its other bits 0. */
    public static int cellOf(PixelFormat f, long v) {
        return (int) ((v & ((1L << f.bitsStored()) - 1)) << f.lowBit());
    }

    public Frame copy() {
        int[][] c = new int[planes.length][];
        for (int p = 0; p < planes.length; p++) {
            c[p] = planes[p].clone();
        }
        return new Frame(format, c);
    }

    /** Equal when the layouts are and every cell is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.format.equals(format) && Arrays.deepEquals(f.planes, planes);
    }

    @Override
    public int hashCode() { return 31 * format.hashCode() + Arrays.deepHashCode(planes); }

    @Override
    public String toString() { return "Frame[" + format.columns() + "x" + format.rows() + "x" + planes.length + "]"; }
}
