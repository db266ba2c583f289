package org.cloak.pixel.jpeg;

import java.io.ByteArrayOutputStream;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.PixelFormat;

/**
 * Encodes a frame as lossless JPEG with predictor 1 (process 14, selection value 1: what both
 * DICOM JPEG Lossless transfer syntaxes accept), all components in one interleaved scan, one
 * Huffman table optimal for the frame. The precision is High Bit + 1, so cell bits above High
 * Bit are not kept (JPEG has no room for them).
 */
final class JpegLosslessEncoder {
    private JpegLosslessEncoder() {}

    static byte[] encode(Frame frame) {
        PixelFormat f = frame.format();
        int precision = Math.max(2, f.highBit() + 1);
        if (precision > 16) {
            throw new PixelException("JPEG Lossless holds at most 16 bits, not " + precision);
        }
        int mask = (1 << precision) - 1;
        int n = f.samplesPerPixel();
        int[][] values = new int[n][];
        for (int c = 0; c < n; c++) {
            int[] cells = frame.plane(c);
            int[] v = new int[cells.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = cells[k] & mask;
            }
            values[c] = v;
        }
        LosslessScan scan = new LosslessScan(f.columns(), f.rows(), precision, 0, 1, 0);
        HuffmanTable table = HuffmanTable.optimal(scan.frequencies(values));
        ByteArrayOutputStream out = new ByteArrayOutputStream(f.frameLength() / 2 + 1024);
        marker(out, Markers.SOI);
        segment(out, Markers.SOF3, frameHeader(f, precision));
        segment(out, Markers.DHT, tableSegment(table));
        segment(out, Markers.SOS, scanHeader(n));
        BitWriter bits = new BitWriter(out);
        scan.encode(values, table, bits);
        bits.flush();
        marker(out, Markers.EOI);
        return out.toByteArray();
    }

    private static byte[] frameHeader(PixelFormat f, int precision) {
        int n = f.samplesPerPixel();
        byte[] b = new byte[6 + 3 * n];
        b[0] = (byte) precision;
        b[1] = (byte) (f.rows() >>> 8);
        b[2] = (byte) f.rows();
        b[3] = (byte) (f.columns() >>> 8);
        b[4] = (byte) f.columns();
        b[5] = (byte) n;
        for (int c = 0; c < n; c++) {
            b[6 + 3 * c] = (byte) (c + 1);
            b[7 + 3 * c] = 0x11;
        }
        return b;
    }

    private static byte[] tableSegment(HuffmanTable t) {
        int[] counts = t.counts();
        int[] symbols = t.symbols();
        byte[] b = new byte[17 + symbols.length];
        for (int l = 1; l <= 16; l++) {
            b[l] = (byte) counts[l];
        }
        for (int k = 0; k < symbols.length; k++) {
            b[17 + k] = (byte) symbols[k];
        }
        return b;
    }

    /** All components, table 0, predictor 1 (Ss), Se 0, no point transform. */
    private static byte[] scanHeader(int n) {
        byte[] b = new byte[4 + 2 * n];
        b[0] = (byte) n;
        for (int c = 0; c < n; c++) {
            b[1 + 2 * c] = (byte) (c + 1);
        }
        b[1 + 2 * n] = 1;
        return b;
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void segment(ByteArrayOutputStream out, int code, byte[] body) {
        marker(out, code);
        int len = body.length + 2;
        out.write(len >>> 8);
        out.write(len);
        out.write(body, 0, body.length);
    }
}
