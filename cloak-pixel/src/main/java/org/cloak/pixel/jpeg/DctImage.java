package org.cloak.pixel.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloak.pixel.PixelDecodeException;

/**
 * A sequential Huffman-coded DCT JPEG (ITU T.81 processes 1 and 2: SOF0 baseline, SOF1 extended,
 * 8 or 12 bits) held as its quantized coefficients, so blocks can be changed without decoding
 * pixels and written back with every other block's coefficients exactly as they were. The
 * marker segments are kept byte for byte; only the entropy-coded data is written anew (and a
 * DHT segment inserted before a scan whose tables lack a code the changes need).
 */
final class DctImage {
    private final byte[] data;
    private final List<Part> parts = new ArrayList<>();
    private final int[][] quant = new int[4][];
    private int precision;
    private int width;
    private int height;
    private Component[] components;
    private int hMax;
    private int vMax;
    private int restartInterval;
    private boolean adobe;
    private int adobeTransform = -1;
    private boolean jfif;

    /** One image component: its sampling factors, quantization table and coefficients (zig-zag order). */
    static final class Component {
        final int id;
        final int h;
        final int v;
        final int tq;
        int blocksWide;
        int blocksHigh;
        short[] coef;

        Component(int id, int h, int v, int tq) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.tq = tq;
        }

        int index(int bx, int by) { return (by * blocksWide + bx) * 64; }
    }

    /** A marker segment kept as it was, or a scan whose entropy-coded data is rewritten. */
    private record Part(byte[] segment, Scan scan) {}

    /** A scan header: the components it codes and their table selectors. */
    private record Scan(int[] comps, int[] td, int[] ta, int restartInterval) {}

    private DctImage(byte[] data) {
        this.data = data;
    }

    /** Parses a JPEG and decodes the coefficients of every scan. */
    static DctImage parse(byte[] jpeg) {
        try {
            DctImage img = new DctImage(jpeg);
            img.read();
            return img;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDecodeException("JPEG data ends inside a segment", e);
        }
    }

    int precision() { return precision; }

    int width() { return width; }

    int height() { return height; }

    int hMax() { return hMax; }

    int vMax() { return vMax; }

    Component[] components() { return components; }

    /** MCUs across and down in an interleaved scan: the grid a change is aligned to. */
    int mcusWide() { return ceilDiv(width, 8 * hMax); }

    int mcusHigh() { return ceilDiv(height, 8 * vMax); }

    /** The DC quantizer of a component, to set a block's level. */
    int dcQuantizer(Component c) {
        if (quant[c.tq] == null) {
            throw new PixelDecodeException("JPEG component uses a quantization table that was not defined");
        }
        return quant[c.tq][0];
    }

    /**
     * Whether three components hold Y, Cb and Cr, as libjpeg decides it: a JFIF marker, or an
     * Adobe marker with transform 1, or neither marker and component IDs other than 'R','G','B'.
     */
    boolean isYcc() {
        if (components.length != 3) {
            return false;
        }
        if (jfif) {
            return true;
        }
        if (adobe) {
            return adobeTransform != 0;
        }
        return !(components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B');
    }

    private void read() {
        if (u8(0) != 0xFF || u8(1) != Markers.SOI) {
            throw new PixelDecodeException("JPEG frame does not start with SOI");
        }
        HuffmanTable[] dc = new HuffmanTable[4];
        HuffmanTable[] ac = new HuffmanTable[4];
        int pos = 2;
        int start = 0;
        while (true) {
            int markerAt = nextMarker(pos);
            int marker = u8(markerAt + 1);
            if (marker == Markers.EOI) {
                parts.add(new Part(Arrays.copyOfRange(data, start, markerAt + 2), null));
                return;
            }
            int segment = markerAt + 4;
            int end = markerAt + 2 + u16(markerAt + 2);
            switch (marker) {
                case Markers.SOF0, Markers.SOF1 -> startOfFrame(segment);
                case Markers.DHT -> huffman(segment, end, dc, ac);
                case Markers.DQT -> quantization(segment, end);
                case Markers.DRI -> restartInterval = u16(segment);
                case Markers.APP0 -> jfif |= end - segment >= 5 && u8(segment) == 'J' && u8(segment + 1) == 'F'
                        && u8(segment + 2) == 'I' && u8(segment + 3) == 'F' && u8(segment + 4) == 0;
                case Markers.APP14 -> adobeMarker(segment, end);
                case Markers.SOS -> {
                    Scan scan = scanHeader(segment);
                    int dataEnd = entropyEnd(end);
                    decodeScan(scan, end, dataEnd, dc, ac);
                    parts.add(new Part(Arrays.copyOfRange(data, start, end), scan));
                    pos = dataEnd;
                    start = dataEnd;
                    continue;
                }
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                        throw new PixelDecodeException("JPEG process of marker 0x" + Integer.toHexString(marker)
                                + " is not sequential Huffman DCT (SOF0 or SOF1)");
                    }
                }
            }
            pos = end;
        }
    }

    private void startOfFrame(int s) {
        precision = u8(s);
        height = u16(s + 1);
        width = u16(s + 3);
        int n = u8(s + 5);
        if (precision != 8 && precision != 12) {
            throw new PixelDecodeException("JPEG DCT precision " + precision + " is not 8 or 12");
        }
        if (height == 0 || width == 0 || n < 1 || n > 4) {
            throw new PixelDecodeException("JPEG frame header of " + width + "x" + height + ", " + n
                    + " components is not supported");
        }
        components = new Component[n];
        for (int i = 0; i < n; i++) {
            int at = s + 6 + 3 * i;
            Component c = new Component(u8(at), u8(at + 1) >> 4, u8(at + 1) & 15, u8(at + 2) & 3);
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) {
                throw new PixelDecodeException("JPEG sampling factors out of range");
            }
            components[i] = c;
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
        }
        for (Component c : components) {
            c.blocksWide = mcusWide() * c.h;
            c.blocksHigh = mcusHigh() * c.v;
            c.coef = new short[c.blocksWide * c.blocksHigh * 64];
        }
    }

    private void huffman(int s, int end, HuffmanTable[] dc, HuffmanTable[] ac) {
        while (s < end) {
            int tc = u8(s) >> 4;
            int th = u8(s) & 15;
            if (th > 3 || tc > 1) {
                throw new PixelDecodeException("JPEG Huffman table class or id out of range");
            }
            HuffmanTable t = HuffmanTable.read(data, s + 1);
            (tc == 0 ? dc : ac)[th] = t;
            s += 1 + t.specLength();
        }
    }

    private void quantization(int s, int end) {
        while (s < end) {
            int pq = u8(s) >> 4;
            int tq = u8(s) & 15;
            if (tq > 3) {
                throw new PixelDecodeException("JPEG quantization table id out of range");
            }
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[i] = pq == 0 ? u8(s + 1 + i) : u16(s + 1 + 2 * i);
            }
            quant[tq] = q;
            s += 1 + (pq == 0 ? 64 : 128);
        }
    }

    private void adobeMarker(int s, int end) {
        if (end - s >= 12 && u8(s) == 'A' && u8(s + 1) == 'd' && u8(s + 2) == 'o' && u8(s + 3) == 'b'
                && u8(s + 4) == 'e') {
            adobe = true;
            adobeTransform = u8(s + 11);
        }
    }

    private Scan scanHeader(int s) {
        if (components == null) {
            throw new PixelDecodeException("JPEG scan before the frame header");
        }
        int n = u8(s);
        int[] comps = new int[n];
        int[] td = new int[n];
        int[] ta = new int[n];
        for (int i = 0; i < n; i++) {
            comps[i] = componentIndex(u8(s + 1 + 2 * i));
            td[i] = u8(s + 2 + 2 * i) >> 4;
            ta[i] = u8(s + 2 + 2 * i) & 15;
        }
        int ss = u8(s + 1 + 2 * n);
        int se = u8(s + 2 + 2 * n);
        int ahal = u8(s + 3 + 2 * n);
        if (ss != 0 || se != 63 || ahal != 0) {
            throw new PixelDecodeException("JPEG scan is not sequential (spectral selection or approximation)");
        }
        return new Scan(comps, td, ta, restartInterval);
    }

    private int componentIndex(int id) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].id == id) {
                return i;
            }
        }
        throw new PixelDecodeException("JPEG scan names a component the frame does not have");
    }

    /** Where entropy-coded data starting at {@code pos} ends: at the first marker other than RSTm. */
    private int entropyEnd(int pos) {
        for (int i = pos; i + 1 < data.length; i++) {
            if (u8(i) == 0xFF) {
                int next = u8(i + 1);
                if (next != 0 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        throw new PixelDecodeException("JPEG data has no EOI");
    }

    private void decodeScan(Scan scan, int from, int to, HuffmanTable[] dc, HuffmanTable[] ac) {
        HuffmanTable[] d = new HuffmanTable[scan.comps.length];
        HuffmanTable[] a = new HuffmanTable[scan.comps.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = dc[scan.td[i]];
            a[i] = ac[scan.ta[i]];
            if (d[i] == null || a[i] == null) {
                throw new PixelDecodeException("JPEG scan uses a Huffman table that was not defined");
            }
        }
        BitReader in = new BitReader(Arrays.copyOfRange(data, from, to), 0);
        int[] pred = new int[scan.comps.length];
        int m = 0;
        for (BlockOrder.Unit u : BlockOrder.of(this, scan.comps)) {
            if (u.restartBefore(scan.restartInterval)) {
                if (!in.restart(m)) {
                    throw new PixelDecodeException("JPEG restart marker missing or out of order");
                }
                m = (m + 1) & 7;
                Arrays.fill(pred, 0);
            }
            Component c = components[scan.comps[u.slot()]];
            int at = c.index(u.bx(), u.by());
            pred[u.slot()] += receive(in, d[u.slot()].decode(in));
            c.coef[at] = (short) pred[u.slot()];
            for (int k = 1; k < 64; k++) {
                int rs = a[u.slot()].decode(in);
                int r = rs >> 4;
                int s = rs & 15;
                if (s == 0) {
                    if (r != 15) {
                        break;
                    }
                    k += 15;
                    continue;
                }
                k += r;
                if (k > 63) {
                    throw new PixelDecodeException("JPEG block has more than 64 coefficients");
                }
                c.coef[at + k] = (short) receive(in, s);
            }
        }
    }

    private static int receive(BitReader in, int s) {
        if (s == 0) {
            return 0;
        }
        if (s > 16) {
            throw new PixelDecodeException("JPEG coefficient category out of range");
        }
        int v = in.bits(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v; // T.81 F.2.2.1 EXTEND
    }

    /** The JPEG with the coefficients as they are now. */
    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 1024);
        HuffmanTable[] dc = new HuffmanTable[4];
        HuffmanTable[] ac = new HuffmanTable[4];
        for (Part p : parts) {
            tablesIn(p.segment(), dc, ac);
            if (p.scan() == null) {
                out.writeBytes(p.segment());
                continue;
            }
            ScanEncoder enc = new ScanEncoder(this, p.scan().comps, p.scan().restartInterval);
            HuffmanTable[] d = new HuffmanTable[p.scan().comps.length];
            HuffmanTable[] a = new HuffmanTable[d.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = dc[p.scan().td[i]];
                a[i] = ac[p.scan().ta[i]];
            }
            byte[] sos = sosSegment(p.segment());
            out.writeBytes(Arrays.copyOf(p.segment(), p.segment().length - sos.length));
            if (!enc.covers(d, a)) {
                HuffmanTable[][] fresh = enc.optimalTables(p.scan().td, p.scan().ta);
                out.writeBytes(ScanEncoder.dhtSegment(p.scan().td, p.scan().ta, fresh));
                for (int i = 0; i < d.length; i++) {
                    dc[p.scan().td[i]] = fresh[0][i];
                    ac[p.scan().ta[i]] = fresh[1][i];
                    d[i] = fresh[0][i];
                    a[i] = fresh[1][i];
                }
            }
            out.writeBytes(sos);
            out.writeBytes(enc.encode(d, a));
        }
        return out.toByteArray();
    }

    /** The SOS segment that ends a scan part (everything before it is kept as it was). */
    private static byte[] sosSegment(byte[] part) {
        int at = part.length;
        for (int i = 0; i + 3 < part.length; i++) {
            if ((part[i] & 0xFF) == 0xFF && (part[i + 1] & 0xFF) == Markers.SOS) {
                int len = ((part[i + 2] & 0xFF) << 8) | (part[i + 3] & 0xFF);
                if (i + 2 + len == part.length) {
                    at = i;
                    break;
                }
            }
        }
        return Arrays.copyOfRange(part, at, part.length);
    }

    /** Applies the DHT segments of a kept part to the tables in force, as a decoder would. */
    private void tablesIn(byte[] part, HuffmanTable[] dc, HuffmanTable[] ac) {
        int i = part.length >= 2 && (part[0] & 0xFF) == 0xFF && (part[1] & 0xFF) == Markers.SOI ? 2 : 0;
        while (i + 3 < part.length) {
            if ((part[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = part[i + 1] & 0xFF;
            if (marker == 0xFF || marker == 0 || (marker >= 0xD0 && marker <= 0xD9)) {
                i++;
                continue;
            }
            int len = ((part[i + 2] & 0xFF) << 8) | (part[i + 3] & 0xFF);
            if (marker == Markers.DHT) {
                DctImage view = new DctImage(part);
                view.huffman(i + 4, i + 2 + len, dc, ac);
            }
            if (marker == Markers.SOS) {
                return;
            }
            i += 2 + len;
        }
    }

    private int nextMarker(int pos) {
        while (pos + 1 < data.length && !(u8(pos) == 0xFF && u8(pos + 1) != 0xFF && u8(pos + 1) != 0)) {
            pos++;
        }
        if (pos + 1 >= data.length) {
            throw new PixelDecodeException("JPEG data ends without EOI");
        }
        return pos;
    }

    static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

    private int u8(int i) { return data[i] & 0xFF; }

    private int u16(int i) { return (u8(i) << 8) | u8(i + 1); }
}
