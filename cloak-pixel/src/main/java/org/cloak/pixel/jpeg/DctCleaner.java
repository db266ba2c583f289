package org.cloak.pixel.jpeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.region.Region;

/**
 * Cleans a lossy JPEG frame (Baseline or Extended, Huffman coded) in the DCT domain, as CTP's
 * DicomPixelAnonymizer does: every MCU that intersects a region gets a DC coefficient giving
 * black and no AC coefficient, in every component; all other blocks keep their quantized
 * coefficients exactly, so nothing outside the MCUs is decoded and re-encoded and no
 * generation loss occurs. The marker segments (quantization tables, application markers,
 * comments) are kept byte for byte.
 *
 * <pre>{@code
 * DctCleaner.Result r = DctCleaner.clean(jpegFrame, List.of(new Region(0, 0, 300, 40)), Photometric.MONOCHROME2);
 * if (r != null) { writeFragment(r.data()); }
 * }</pre>
 */
public final class DctCleaner {
    private DctCleaner() {}

    /**
     * A cleaned frame.
     *
     * @param data the new JPEG
     * @param blocks the image areas (whole MCUs, clipped to the image) set to black
     */
    public record Result(byte[] data, List<Region.Bounds> blocks) {}

    /**
     * Blanks the MCUs that intersect any region.
     *
     * @param photometric of the data set: MONOCHROME1 is blanked to its highest value
     * @return the cleaned frame, or null when no region intersects the image
     * @throws org.cloak.pixel.PixelDecodeException when the JPEG is not sequential Huffman DCT or is corrupt
     */
    public static Result clean(byte[] jpeg, List<Region> regions, Photometric photometric) {
        DctImage img = DctImage.parse(jpeg);
        int mcuW = 8 * img.hMax();
        int mcuH = 8 * img.vMax();
        boolean[] hit = new boolean[img.mcusWide() * img.mcusHigh()];
        boolean any = false;
        for (Region r : regions) {
            Region.Bounds b = r.within(img.width(), img.height());
            if (b.isEmpty()) {
                continue;
            }
            for (int my = b.y0() / mcuH; my <= (b.y1() - 1) / mcuH; my++) {
                for (int mx = b.x0() / mcuW; mx <= (b.x1() - 1) / mcuW; mx++) {
                    hit[my * img.mcusWide() + mx] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        int[] dc = blackDc(img, photometric);
        List<Region.Bounds> blocks = new ArrayList<>();
        DctImage.Component[] comps = img.components();
        for (int my = 0; my < img.mcusHigh(); my++) {
            for (int mx = 0; mx < img.mcusWide(); mx++) {
                if (!hit[my * img.mcusWide() + mx]) {
                    continue;
                }
                blocks.add(new Region.Bounds(mx * mcuW, my * mcuH, Math.min(img.width(), (mx + 1) * mcuW),
                        Math.min(img.height(), (my + 1) * mcuH)));
                for (int ci = 0; ci < comps.length; ci++) {
                    DctImage.Component c = comps[ci];
                    for (int y = 0; y < c.v; y++) {
                        for (int x = 0; x < c.h; x++) {
                            int at = c.index(mx * c.h + x, my * c.v + y);
                            Arrays.fill(c.coef, at, at + 64, (short) 0);
                            c.coef[at] = (short) dc[ci];
                        }
                    }
                }
            }
        }
        return new Result(img.write(), List.copyOf(blocks));
    }

    /**
     * The quantized DC coefficient of a flat black block, per component: DC = 8 x (level - 2^(P-1))
     * (T.81 A.3.3 with the level shift of A.3.1), divided by the DC quantizer and rounded.
     */
    private static int[] blackDc(DctImage img, Photometric photometric) {
        int shift = 1 << (img.precision() - 1);
        int max = (1 << img.precision()) - 1;
        DctImage.Component[] comps = img.components();
        int[] dc = new int[comps.length];
        boolean ycc = img.isYcc();
        for (int i = 0; i < comps.length; i++) {
            int level = 0;
            if (comps.length == 1 && photometric == Photometric.MONOCHROME1) {
                level = max;
            } else if (ycc && i > 0) {
                level = shift; // neutral colour difference
            }
            double q = img.dcQuantizer(comps[i]);
            dc[i] = (int) Math.round(8.0 * (level - shift) / q);
        }
        return dc;
    }
}
