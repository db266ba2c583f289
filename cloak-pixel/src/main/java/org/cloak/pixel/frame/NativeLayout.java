package org.cloak.pixel.frame;

import java.nio.ByteOrder;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelFormat;

/**
 * Packs and unpacks one native frame (PS3.5 8.1.1, 8.2 and Annex D): samples of a pixel
 * together or plane after plane, two luminance cells then Cb and Cr for YBR_FULL_422, cells of
 * 8, 16 or 32 bits in the given byte order, or 1-bit cells packed from the lowest bit of each
 * byte. 1-bit frames may start inside a byte (frames follow each other without padding), so
 * a frame is addressed by byte and bit; packing changes only the frame's own bits.
 */
public final class NativeLayout {
    private NativeLayout() {}

    /** Unpacks the frame that starts at bit {@code bitOffset} of {@code buf[off]}. */
    public static Frame decode(PixelFormat f, byte[] buf, int off, int bitOffset, ByteOrder order) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int spp = f.samplesPerPixel();
        int bits = f.bitsAllocated();
        int[][] planes = new int[spp][];
        if (spp == 1) {
            planes[0] = new int[f.planeLength(0)];
            read(buf, off, bitOffset, planes[0], bits, le);
        } else if (f.planarConfiguration() == 1) {
            int pos = off;
            for (int p = 0; p < spp; p++) {
                planes[p] = new int[f.planeLength(p)];
                read(buf, pos, 0, planes[p], bits, le);
                pos += planes[p].length * (bits / 8);
            }
        } else {
            int[] seq = new int[(int) f.samplesPerFrame()];
            read(buf, off, 0, seq, bits, le);
            for (int p = 0; p < spp; p++) {
                planes[p] = new int[f.planeLength(p)];
            }
            interleave(f, seq, planes, false);
        }
        return new Frame(f, planes);
    }

    /** A standalone frame: {@link PixelFormat#frameLength} bytes, 1-bit cells from bit 0. */
    public static byte[] encode(Frame frame, ByteOrder order) {
        byte[] buf = new byte[frame.format().frameLength()];
        encode(frame, buf, 0, 0, order);
        return buf;
    }

    /** Packs the frame into {@code buf} from bit {@code bitOffset} of {@code buf[off]}; other bits stay as they are. */
    public static void encode(Frame frame, byte[] buf, int off, int bitOffset, ByteOrder order) {
        PixelFormat f = frame.format();
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        int spp = f.samplesPerPixel();
        int bits = f.bitsAllocated();
        if (spp == 1) {
            write(frame.plane(0), buf, off, bitOffset, bits, le);
        } else if (f.planarConfiguration() == 1) {
            int pos = off;
            for (int p = 0; p < spp; p++) {
                write(frame.plane(p), buf, pos, 0, bits, le);
                pos += frame.plane(p).length * (bits / 8);
            }
        } else {
            int[] seq = new int[(int) f.samplesPerFrame()];
            int[][] planes = new int[spp][];
            for (int p = 0; p < spp; p++) {
                planes[p] = frame.plane(p);
            }
            interleave(f, seq, planes, true);
            write(seq, buf, off, 0, bits, le);
        }
    }

    /** Moves cells between the interleaved stream order and the planes, in the direction asked. */
    private static void interleave(PixelFormat f, int[] seq, int[][] planes, boolean toSeq) {
        if (f.photometric().isHorizontallySubsampled()) {
            // Y0 Y1 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2)
            int pairs = planes[1].length;
            for (int j = 0; j < pairs; j++) {
                int s = 4 * j;
                if (toSeq) {
                    seq[s] = planes[0][2 * j];
                    seq[s + 1] = planes[0][2 * j + 1];
                    seq[s + 2] = planes[1][j];
                    seq[s + 3] = planes[2][j];
                } else {
                    planes[0][2 * j] = seq[s];
                    planes[0][2 * j + 1] = seq[s + 1];
                    planes[1][j] = seq[s + 2];
                    planes[2][j] = seq[s + 3];
                }
            }
            return;
        }
        int spp = planes.length;
        int n = planes[0].length;
        for (int p = 0; p < spp; p++) {
            int[] plane = planes[p];
            for (int k = 0, s = p; k < n; k++, s += spp) {
                if (toSeq) {
                    seq[s] = plane[k];
                } else {
                    plane[k] = seq[s];
                }
            }
        }
    }

    private static void read(byte[] b, int off, int bitOffset, int[] out, int bits, boolean le) {
        int n = out.length;
        switch (bits) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    int bit = bitOffset + i;
                    out[i] = (b[off + (bit >>> 3)] >>> (bit & 7)) & 1;
                }
            }
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b[off + i] & 0xFF;
                }
            }
            case 16 -> {
                int lo = le ? 0 : 1;
                int hi = 1 - lo;
                for (int i = 0, o = off; i < n; i++, o += 2) {
                    out[i] = (b[o + lo] & 0xFF) | (b[o + hi] & 0xFF) << 8;
                }
            }
            default -> {
                for (int i = 0, o = off; i < n; i++, o += 4) {
                    out[i] = le
                            ? (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24
                            : b[o] << 24 | (b[o + 1] & 0xFF) << 16 | (b[o + 2] & 0xFF) << 8 | (b[o + 3] & 0xFF);
                }
            }
        }
    }

    private static void write(int[] in, byte[] b, int off, int bitOffset, int bits, boolean le) {
        int n = in.length;
        switch (bits) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    int bit = bitOffset + i;
                    int at = off + (bit >>> 3);
                    int mask = 1 << (bit & 7);
                    b[at] = (byte) ((in[i] & 1) != 0 ? b[at] | mask : b[at] & ~mask);
                }
            }
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) in[i];
                }
            }
            case 16 -> {
                int lo = le ? 0 : 1;
                int hi = 1 - lo;
                for (int i = 0, o = off; i < n; i++, o += 2) {
                    b[o + lo] = (byte) in[i];
                    b[o + hi] = (byte) (in[i] >>> 8);
                }
            }
            default -> {
                for (int i = 0, o = off; i < n; i++, o += 4) {
                    int v = in[i];
                    for (int k = 0; k < 4; k++) {
                        b[o + (le ? k : 3 - k)] = (byte) (v >>> (8 * k));
                    }
                }
            }
        }
    }
}
