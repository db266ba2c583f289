package org.cloak.pixel.rle;

import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;

/** Decodes one RLE Lossless frame (PS3.5 G.3 and G.5) into the cells of a frame. */
final class RleDecoder {
    static final int HEADER = 64;
    static final int MAX_SEGMENTS = 15;

    private RleDecoder() {}

    static Frame decode(byte[] data, PixelFormat f) {
        int bytesPerCell = RleEncoder.bytesPerCell(f);
        int segments = f.samplesPerPixel() * bytesPerCell;
        if (data.length < HEADER) {
            throw new PixelDecodeException("RLE frame of " + data.length + " bytes is shorter than its header");
        }
        int count = le32(data, 0);
        if (count != segments) {
            throw new PixelDecodeException("RLE header lists " + Integer.toUnsignedString(count)
                    + " segments, the pixel description needs " + segments);
        }
        Frame frame = Frame.blank(f);
        int pixels = f.rows() * f.columns();
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            long start = Integer.toUnsignedLong(le32(data, 4 + 4 * s));
            long end = s + 1 < segments ? Integer.toUnsignedLong(le32(data, 8 + 4 * s)) : data.length;
            if (start < HEADER || end < start || end > data.length) {
                throw new PixelDecodeException("RLE segment " + (s + 1) + " has offsets outside the frame ("
                        + start + ".." + end + " of " + data.length + ")");
            }
            unpack(data, (int) start, (int) end, plane, s);
            int shift = 8 * (bytesPerCell - 1 - s % bytesPerCell);
            int[] cells = frame.plane(s / bytesPerCell);
            for (int i = 0; i < pixels; i++) {
                cells[i] |= (plane[i] & 0xFF) << shift;
            }
        }
        return frame;
    }

    /** PackBits (G.3.1): n >= 0 copies n + 1 bytes, -127..-1 repeats the next byte 1 - n times, -128 is nothing. */
    private static void unpack(byte[] in, int i, int end, byte[] out, int segment) {
        int o = 0;
        int n = out.length;
        while (o < n && i < end) {
            int h = in[i++];
            if (h >= 0) {
                int len = h + 1;
                if (i + len > end || o + len > n) {
                    throw overrun(segment, i + len > end);
                }
                System.arraycopy(in, i, out, o, len);
                i += len;
                o += len;
            } else if (h != -128) {
                int len = 1 - h;
                if (i >= end || o + len > n) {
                    throw overrun(segment, i >= end);
                }
                byte v = in[i++];
                for (int k = 0; k < len; k++) {
                    out[o++] = v;
                }
            }
        }
        if (o < n) {
            throw new PixelDecodeException("RLE segment " + (segment + 1) + " ends after " + o + " of " + n + " bytes");
        }
    }

    private static PixelDecodeException overrun(int segment, boolean pastSegment) {
        return new PixelDecodeException("RLE segment " + (segment + 1) + (pastSegment
                ? " has a run that goes past its end" : " decodes to more bytes than a frame holds"));
    }

    static int le32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }
}
