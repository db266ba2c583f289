package org.cloak.pixel.jpeg;

import java.util.Arrays;
import org.cloak.pixel.PixelDecodeException;

/**
 * A Huffman table as a DHT segment carries it: the number of codes of each length 1..16 and
 * the symbols in code order (T.81 B.2.4.2), with the codes derived as in T.81 C.2 and the
 * decoding limits of F.2.2.3.
 */
final class HuffmanTable {
    private final int[] counts; // counts[l] codes of length l, l = 1..16
    private final int[] symbols;
    private final int[] code = new int[256];
    private final int[] size = new int[256];
    private final int[] minCode = new int[17];
    private final int[] maxCode = new int[18];
    private final int[] valPtr = new int[17];

    HuffmanTable(int[] counts, int[] symbols) {
        this.counts = counts.clone();
        this.symbols = symbols.clone();
        int k = 0;
        int c = 0;
        for (int l = 1; l <= 16; l++) {
            valPtr[l] = k;
            minCode[l] = c;
            for (int i = 0; i < counts[l]; i++, k++, c++) {
                if (symbols[k] > 255) {
                    throw new PixelDecodeException("Huffman symbol out of range");
                }
                code[symbols[k]] = c;
                size[symbols[k]] = l;
            }
            maxCode[l] = counts[l] == 0 ? -1 : c - 1;
            if (c > (1 << l)) {
                throw new PixelDecodeException("Huffman table with more codes of length " + l + " than fit");
            }
            c <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /**
     * The table with the shortest codes for these symbol frequencies, no code longer than 16
     * bits and none all ones (T.81 K.2 and K.3).
     */
    /**
     * The table whose specification (16 code counts, then the symbols: T.81 B.2.4.2)
     * starts at {@code at} in {@code data}, just after the class/slot byte.
     */
    static HuffmanTable read(byte[] data, int at) {
        int[] counts = new int[17];
        int total = 0;
        for (int l = 1; l <= 16; l++) {
            counts[l] = data[at + l - 1] & 0xFF;
            total += counts[l];
        }
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) {
            symbols[i] = data[at + 16 + i] & 0xFF;
        }
        return new HuffmanTable(counts, symbols);
    }

    /** Bytes of this table's specification after the class/slot byte: the counts and the symbols. */
    int specLength() { return 16 + symbols.length; }

    static HuffmanTable optimal(long[] frequencies) {
        long[] freq = Arrays.copyOf(frequencies, 257);
        freq[256] = 1; // reserves one code point so that no code is all 1 bits
        int[] codeSize = new int[257];
        int[] others = new int[257];
        Arrays.fill(others, -1);
        while (true) {
            int v1 = least(freq, -1);
            int v2 = least(freq, v1);
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            for (int v = v1; ; v = others[v]) {
                codeSize[v]++;
                if (others[v] < 0) {
                    others[v] = v2;
                    break;
                }
            }
            for (int v = v2; v >= 0; v = others[v]) {
                codeSize[v]++;
            }
        }
        int[] bits = new int[33];
        for (int s : codeSize) {
            if (s > 0) {
                bits[s]++;
            }
        }
        for (int i = 32; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int longest = 16;
        while (bits[longest] == 0) {
            longest--;
        }
        bits[longest]--; // the reserved code point goes
        int[] order = new int[256];
        int n = 0;
        for (int s = 1; s <= 32; s++) {
            for (int v = 0; v < 256; v++) {
                if (codeSize[v] == s) {
                    order[n++] = v;
                }
            }
        }
        return new HuffmanTable(Arrays.copyOf(bits, 17), Arrays.copyOf(order, n));
    }

    private static int least(long[] freq, int not) {
        int best = -1;
        for (int v = 0; v < freq.length; v++) {
            if (v != not && freq[v] > 0 && (best < 0 || freq[v] <= freq[best])) {
                best = v;
            }
        }
        return best;
    }

    int decode(BitReader in) {
        int c = in.bit();
        int l = 1;
        while (c > maxCode[l]) {
            c = (c << 1) | in.bit();
            if (++l > 16) {
                throw new PixelDecodeException("JPEG data holds a Huffman code that its table does not");
            }
        }
        return symbols[valPtr[l] + c - minCode[l]];
    }

    void encode(int symbol, BitWriter out) {
        if (size[symbol] == 0) {
            throw new IllegalStateException("no code for symbol " + symbol);
        }
        out.bits(code[symbol], size[symbol]);
    }

    /** Whether the table has a code for the symbol. */
    boolean has(int symbol) { return size[symbol] != 0; }

    int[] counts() { return counts.clone(); }

    int[] symbols() { return symbols.clone(); }
}
