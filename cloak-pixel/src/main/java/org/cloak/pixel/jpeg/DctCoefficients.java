package org.cloak.pixel.jpeg;

import java.util.Arrays;
import java.util.List;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.region.Region;

/**
 * Compares the quantized DCT coefficients of two sequential JPEG frames: the check that cleaning
 * in the DCT domain changed nothing outside the blanked blocks (a verifier's and a test's proof
 * that no other part of the image was re-encoded).
 */
public final class DctCoefficients {
    private DctCoefficients() {}

    /**
     * The number of coefficients that differ between {@code a} and {@code b} in blocks lying
     * wholly outside the blanked areas (image coordinates).
     *
     * @throws PixelDecodeException when either is not sequential Huffman DCT, or their layouts differ
     */
    public static long differencesOutside(byte[] a, byte[] b, List<Region.Bounds> blanked) {
        return overBlocks(a, b, (x, y, at, area) -> {
            if (touches(blanked, area)) {
                return 0;
            }
            long differences = 0;
            for (int k = 0; k < 64; k++) {
                if (x.coef[at + k] != y.coef[at + k]) {
                    differences++;
                }
            }
            return differences;
        });
    }

    /**
     * The number of blocks whose coefficients differ between {@code original} and {@code cleaned}
     * although the cleaned block is not blank (an AC coefficient left): the check that cleaning
     * changed nothing but the blocks it blanked, without knowing which those were.
     *
     * @throws PixelDecodeException when either is not sequential Huffman DCT, or their layouts differ
     */
    public static long changedBlocksNotBlank(byte[] original, byte[] cleaned) {
        return overBlocks(original, cleaned, (x, y, at, area) ->
                !Arrays.equals(x.coef, at, at + 64, y.coef, at, at + 64) && !flat(y.coef, at) ? 1 : 0);
    }

    /** A count for one block of one component: its coefficients start at {@code at}; {@code area} in the image. */
    private interface BlockCount {
        long of(DctImage.Component x, DctImage.Component y, int at, Region.Bounds area);
    }

    /** The sum of {@code count} over every block of every component of two frames of one layout. */
    private static long overBlocks(byte[] a, byte[] b, BlockCount count) {
        DctImage x = DctImage.parse(a);
        DctImage y = DctImage.parse(b);
        if (x.width() != y.width() || x.height() != y.height() || x.components().length != y.components().length
                || x.hMax() != y.hMax() || x.vMax() != y.vMax()) {
            throw new PixelDecodeException("the two JPEG frames have different layouts");
        }
        long sum = 0;
        for (int ci = 0; ci < x.components().length; ci++) {
            DctImage.Component cx = x.components()[ci];
            DctImage.Component cy = y.components()[ci];
            int bw = 8 * x.hMax() / cx.h;
            int bh = 8 * x.vMax() / cx.v;
            for (int by = 0; by < cx.blocksHigh; by++) {
                for (int bx = 0; bx < cx.blocksWide; bx++) {
                    sum += count.of(cx, cy, cx.index(bx, by),
                            new Region.Bounds(bx * bw, by * bh, (bx + 1) * bw, (by + 1) * bh));
                }
            }
        }
        return sum;
    }

    /** Whether a block holds its DC coefficient only: one flat colour. */
    private static boolean flat(short[] coef, int at) {
        for (int k = 1; k < 64; k++) {
            if (coef[at + k] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean touches(List<Region.Bounds> blanked, Region.Bounds a) {
        for (Region.Bounds b : blanked) {
            if (a.x0() < b.x1() && a.x1() > b.x0() && a.y0() < b.y1() && a.y1() > b.y0()) {
                return true;
            }
        }
        return false;
    }
}
