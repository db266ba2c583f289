package org.cloak.pixel.jpeg;

/**
 * Reads entropy-coded data (ITU T.81 F.1.2.3): a 0xFF byte is followed by a stuffed 0x00,
 * any other byte after 0xFF is a marker, where the data ends (the reader then gives 0 bits,
 * as T.81 F.2.2.5 lets decoders do, and the caller checks for the marker it expects).
 */
final class BitReader {
    private final byte[] data;
    private int pos;
    private int bits;
    private int count;
    private boolean atMarker;

    BitReader(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
    }

    int bit() {
        if (count == 0) {
            fill();
        }
        count--;
        return (bits >>> count) & 1;
    }

    /** The next n bits (n <= 16) as an unsigned number. */
    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    /** Drops the bits left in the current byte and expects restart marker RSTm (T.81 E.2.4). */
    boolean restart(int m) {
        count = 0;
        if (!atMarker) {
            while (pos + 1 < data.length && !(data[pos] == (byte) 0xFF && data[pos + 1] != 0)) {
                pos++;
            }
        }
        while (pos + 1 < data.length && data[pos] == (byte) 0xFF && data[pos + 1] == (byte) 0xFF) {
            pos++; // fill bytes before a marker
        }
        boolean ok = pos + 1 < data.length && (data[pos + 1] & 0xFF) == 0xD0 + m;
        if (ok) {
            pos += 2;
        }
        atMarker = false;
        return ok;
    }

    /** Where the entropy-coded data ended (at the marker that ends it, once reached). */
    int position() { return pos; }

    private void fill() {
        int b = 0;
        if (!atMarker && pos < data.length) {
            b = data[pos] & 0xFF;
            if (b == 0xFF) {
                int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0xD9;
                if (next == 0) {
                    pos += 2;
                } else {
                    atMarker = true;
                    b = 0;
                }
            } else {
                pos++;
            }
        }
        bits = b;
        count = 8;
    }
}
