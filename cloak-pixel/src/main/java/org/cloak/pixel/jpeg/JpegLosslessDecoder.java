package org.cloak.pixel.jpeg;

import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;

/**
 * Decodes a lossless JPEG (ITU T.81 Annex H, Huffman coded, process 14): precision 2 to 16
 * bits, any of the seven predictors, point transform, restart intervals, components in one
 * interleaved scan or one scan each. Sampling factors other than 1x1 are refused.
 */
final class JpegLosslessDecoder {
    private final byte[] data;
    private final PixelFormat format;
    private final HuffmanTable[] tables = new HuffmanTable[4];
    private int pos;
    private int restartInterval;
    private int precision;
    private int[] componentIds;
    private Frame frame;

    private JpegLosslessDecoder(byte[] data, PixelFormat format) {
        this.data = data;
        this.format = format;
    }

    static Frame decode(byte[] data, PixelFormat format) {
        try {
            return new JpegLosslessDecoder(data, format).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDecodeException("JPEG data ends inside a segment", e);
        }
    }

    private Frame run() {
        if (u8(0) != 0xFF || u8(1) != Markers.SOI) {
            throw new PixelDecodeException("JPEG frame does not start with SOI");
        }
        pos = 2;
        int scans = 0;
        while (true) {
            int marker = nextMarker();
            if (marker == Markers.EOI) {
                break;
            }
            int length = u16(pos);
            int segment = pos + 2;
            int end = pos + length;
            switch (marker) {
                case Markers.SOF3 -> startOfFrame(segment);
                case Markers.DHT -> huffmanTables(segment, end);
                case Markers.DRI -> restartInterval = u16(segment);
                case Markers.SOS -> {
                    pos = scan(segment);
                    scans++;
                    continue;
                }
                default -> {
                    if (Markers.isUnsupportedFrame(marker)) {
                        throw new PixelDecodeException("JPEG process of marker 0x" + Integer.toHexString(marker)
                                + " is not lossless Huffman (SOF3)");
                    }
                }
            }
            pos = end;
        }
        if (frame == null || scans == 0) {
            throw new PixelDecodeException("JPEG data has no frame or no scan");
        }
        return frame;
    }

    private int nextMarker() {
        while (pos < data.length && u8(pos) != 0xFF) {
            pos++; // tolerates garbage between segments, as decoders do
        }
        while (pos < data.length && u8(pos) == 0xFF) {
            pos++;
        }
        if (pos >= data.length) {
            throw new PixelDecodeException("JPEG data ends without EOI");
        }
        return u8(pos++);
    }

    private void startOfFrame(int s) {
        precision = u8(s);
        int lines = u16(s + 1);
        int samples = u16(s + 3);
        int components = u8(s + 5);
        if (precision < 2 || precision > 16) {
            throw new PixelDecodeException("JPEG precision " + precision + " is outside 2..16");
        }
        if (lines != format.rows() || samples != format.columns() || components != format.samplesPerPixel()) {
            throw new PixelDecodeException("JPEG frame is " + samples + "x" + lines + "x" + components
                    + ", the pixel description says " + format.columns() + "x" + format.rows() + "x"
                    + format.samplesPerPixel());
        }
        if (precision > format.bitsAllocated()) {
            throw new PixelDecodeException("JPEG precision " + precision + " exceeds Bits Allocated");
        }
        componentIds = new int[components];
        for (int c = 0; c < components; c++) {
            componentIds[c] = u8(s + 6 + 3 * c);
            if (u8(s + 7 + 3 * c) != 0x11) {
                throw new PixelDecodeException("JPEG component sampling other than 1x1 is not supported");
            }
        }
        frame = Frame.blank(format);
    }

    private void huffmanTables(int s, int end) {
        while (s < end) {
            int tc = u8(s) >>> 4;
            int th = u8(s) & 15;
            if (tc != 0 || th > 3) {
                throw new PixelDecodeException("JPEG lossless DHT names table class " + tc + ", slot " + th);
            }
            tables[th] = HuffmanTable.read(data, s + 1);
            s += 1 + tables[th].specLength();
        }
    }

    /** Decodes one scan; returns where its entropy-coded data ended. */
    private int scan(int s) {
        if (frame == null) {
            throw new PixelDecodeException("JPEG scan before its frame header");
        }
        int n = u8(s);
        int[] planes = new int[n];
        HuffmanTable[] dc = new HuffmanTable[n];
        for (int i = 0; i < n; i++) {
            planes[i] = componentIndex(u8(s + 1 + 2 * i));
            dc[i] = tables[u8(s + 2 + 2 * i) >>> 4];
            if (dc[i] == null) {
                throw new PixelDecodeException("JPEG scan uses a Huffman table that was not defined");
            }
        }
        int predictor = u8(s + 1 + 2 * n);
        int pointTransform = u8(s + 3 + 2 * n) & 15;
        if (predictor < 1 || predictor > 7) {
            throw new PixelDecodeException("JPEG lossless predictor " + predictor + " is outside 1..7");
        }
        BitReader in = new BitReader(data, s + 4 + 2 * n);
        new LosslessScan(format.columns(), format.rows(), precision, pointTransform, predictor, restartInterval)
                .decode(in, frame, planes, dc);
        return in.position();
    }

    private int componentIndex(int id) {
        for (int c = 0; c < componentIds.length; c++) {
            if (componentIds[c] == id) {
                return c;
            }
        }
        throw new PixelDecodeException("JPEG scan names a component the frame does not have");
    }

    private int u8(int at) { return data[at] & 0xFF; }

    private int u16(int at) { return u8(at) << 8 | u8(at + 1); }
}
