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
        DctImage x = DctImage.parse(a);
        DctImage y = DctImage.parse(b);
        requireSameLayout(x, y);
        long differences = 0;
        for (int ci = 0; ci < x.components().length; ci++) {
            DctImage.Component cx = x.components()[ci];
            DctImage.Component cy = y.components()[ci];
            int bw = 8 * x.hMax() / cx.h;
            int bh = 8 * x.vMax() / cx.v;
            for (int by = 0; by < cx.blocksHigh; by++) {
                for (int bx = 0; bx < cx.blocksWide; bx++) {
                    if (touches(blanked, bx * bw, by * bh, bw, bh)) {
                        continue;
                    }
                    int at = cx.index(bx, by);
                    for (int k = 0; k < 64; k++) {
                        if (cx.coef[at + k] != cy.coef[at + k]) {
                            differences++;
                        }
                    }
                }
            }
        }
        return differences;
    }

    /**
     * The number of blocks whose coefficients differ between {@code original} and {@code cleaned}
     * although the cleaned block is not blank (an AC coefficient left): the check that cleaning
     * changed nothing but the blocks it blanked, without knowing which those were.
     *
     * @throws PixelDecodeException when either is not sequential Huffman DCT, or their layouts differ
     */
    public static long changedBlocksNotBlank(byte[] original, byte[] cleaned) {
        DctImage x = DctImage.parse(original);
        DctImage y = DctImage.parse(cleaned);
        requireSameLayout(x, y);
        long blocks = 0;
        for (int ci = 0; ci < x.components().length; ci++) {
            DctImage.Component cx = x.components()[ci];
            DctImage.Component cy = y.components()[ci];
            for (int by = 0; by < cx.blocksHigh; by++) {
                for (int bx = 0; bx < cx.blocksWide; bx++) {
                    int at = cx.index(bx, by);
                    if (!Arrays.equals(cx.coef, at, at + 64, cy.coef, at, at + 64) && !flat(cy.coef, at)) {
                        blocks++;
                    }
                }
            }
        }
        return blocks;
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

    private static void requireSameLayout(DctImage x, DctImage y) {
        if (x.width() != y.width() || x.height() != y.height() || x.components().length != y.components().length
                || x.hMax() != y.hMax() || x.vMax() != y.vMax()) {
            throw new PixelDecodeException("the two JPEG frames have different layouts");
        }
    }

    private static boolean touches(List<Region.Bounds> blanked, int x, int y, int w, int h) {
        for (Region.Bounds b : blanked) {
            if (x < b.x1() && x + w > b.x0() && y < b.y1() && y + h > b.y0()) {
                return true;
            }
        }
        return false;
    }
}
