package org.cloak.pixel.jpeg;

import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelDecodeException;

/**
 * The prediction and difference coding of a lossless scan (T.81 H.1.2): one sample of each
 * scan component per pixel, differences modulo 2^16 coded as a Huffman category then extra bits.
 */
final class LosslessScan {
    private final int columns;
    private final int pixels;
    private final int predictor;
    private final int restartInterval;
    private final int pointTransform;
    private final int initial;

    LosslessScan(int columns, int rows, int precision, int pointTransform, int predictor, int restartInterval) {
        this.columns = columns;
        this.pixels = columns * rows;
        this.predictor = predictor;
        this.restartInterval = restartInterval;
        this.pointTransform = pointTransform;
        this.initial = 1 << (precision - pointTransform - 1);
    }

    void decode(BitReader in, Frame frame, int[] planes, HuffmanTable[] tables) {
        int n = planes.length;
        int[][] rec = new int[n][];
        for (int i = 0; i < n; i++) {
            rec[i] = frame.plane(planes[i]);
        }
        int restarts = 0;
        for (int k = 0; k < pixels; k++) {
            if (restartInterval > 0 && k > 0 && k % restartInterval == 0 && !in.restart(restarts++ & 7)) {
                throw new PixelDecodeException("JPEG restart marker missing before pixel " + k);
            }
            for (int i = 0; i < n; i++) {
                int[] r = rec[i];
                r[k] = (predict(r, k) + difference(in, tables[i])) & 0xFFFF;
            }
        }
        if (pointTransform > 0) {
            for (int[] r : rec) {
                for (int k = 0; k < pixels; k++) {
                    r[k] <<= pointTransform;
                }
            }
        }
    }

    /** Writes the scan's data with one table for all components (values are the samples, point transform 0). */
    void encode(int[][] values, HuffmanTable table, BitWriter out) {
        for (int k = 0; k < pixels; k++) {
            for (int[] v : values) {
                int d = (v[k] - predict(v, k)) & 0xFFFF;
                int diff = d >= 0x8000 ? d - 0x10000 : d; // -32768 is coded as +32768, category 16
                int category = category(diff);
                table.encode(category, out);
                if (category > 0 && category < 16) {
                    out.bits(diff < 0 ? diff - 1 : diff, category);
                }
            }
        }
    }

    /** How often each difference category occurs, for an optimal table. */
    long[] frequencies(int[][] values) {
        long[] freq = new long[17];
        for (int k = 0; k < pixels; k++) {
            for (int[] v : values) {
                int d = (v[k] - predict(v, k)) & 0xFFFF;
                freq[category(d >= 0x8000 ? d - 0x10000 : d)]++;
            }
        }
        return freq;
    }

    /** Prediction Px for pixel k of a plane from the reconstructed values before it (T.81 H.1.2.1). */
    private int predict(int[] r, int k) {
        int start = restartInterval > 0 ? k - k % restartInterval : 0;
        if (k == start) {
            return initial;
        }
        int x = k % columns;
        if (k - x <= start) {
            return r[k - 1]; // first line of the image or of the restart interval
        }
        if (x == 0) {
            return r[k - columns];
        }
        int ra = r[k - 1];
        int rb = r[k - columns];
        int rc = r[k - columns - 1];
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    private static int difference(BitReader in, HuffmanTable table) {
        int s = table.decode(in);
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        if (s > 16) {
            throw new PixelDecodeException("JPEG lossless difference category " + s + " is above 16");
        }
        int v = in.bits(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    private static int category(int diff) {
        return diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
    }
}
