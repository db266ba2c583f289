package org.cloak.pixel.rle;

import java.io.ByteArrayOutputStream;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.PixelFormat;

/**
 * Encodes one frame as RLE Lossless (PS3.5 G.3 and G.4): each row of each byte plane packed on
 * its own (runs never cross a row), each segment padded to an even length.
 */
final class RleEncoder {
    private RleEncoder() {}

    static byte[] encode(Frame frame) {
        PixelFormat f = frame.format();
        int bytesPerCell = bytesPerCell(f);
        int segments = f.samplesPerPixel() * bytesPerCell;
        int columns = f.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream(RleDecoder.HEADER + frame.plane(0).length);
        out.write(new byte[RleDecoder.HEADER], 0, RleDecoder.HEADER);
        int[] offsets = new int[segments];
        byte[] row = new byte[columns];
        for (int s = 0; s < segments; s++) {
            offsets[s] = out.size();
            int[] cells = frame.plane(s / bytesPerCell);
            int shift = 8 * (bytesPerCell - 1 - s % bytesPerCell);
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < columns; x++) {
                    row[x] = (byte) (cells[y * columns + x] >>> shift);
                }
                pack(row, out);
            }
            if ((out.size() & 1) != 0) {
                out.write(0);
            }
        }
        byte[] data = out.toByteArray();
        putLe32(data, 0, segments);
        for (int s = 0; s < segments; s++) {
            putLe32(data, 4 + 4 * s, offsets[s]);
        }
        return data;
    }

    /** The bytes of a cell; RLE has no 1-bit form, and one chroma pair per two pixels is not RLE. */
    static int bytesPerCell(PixelFormat f) {
        if (f.bitsAllocated() == 1 || f.photometric().isHorizontallySubsampled()) {
            throw new PixelException("RLE Lossless holds no " + (f.bitsAllocated() == 1 ? "1-bit" : "subsampled")
                    + " pixel data");
        }
        int n = f.bitsAllocated() / 8;
        if (n * f.samplesPerPixel() > RleDecoder.MAX_SEGMENTS) {
            throw new PixelException("RLE Lossless holds at most 15 segments, not " + n * f.samplesPerPixel());
        }
        return n;
    }

    /** PackBits: runs of 3 or more repeated, everything else as literals of up to 128 bytes. */
    private static void pack(byte[] row, ByteArrayOutputStream out) {
        int n = row.length;
        int i = 0;
        while (i < n) {
            int run = 1;
            while (i + run < n && run < 128 && row[i + run] == row[i]) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                continue;
            }
            int start = i++;
            while (i < n && i - start < 128 && !(i + 2 < n && row[i] == row[i + 1] && row[i] == row[i + 2])) {
                i++;
            }
            out.write(i - start - 1);
            out.write(row, start, i - start);
        }
    }

    private static void putLe32(byte[] b, int o, int v) {
        for (int k = 0; k < 4; k++) {
            b[o + k] = (byte) (v >>> (8 * k));
        }
    }
}
