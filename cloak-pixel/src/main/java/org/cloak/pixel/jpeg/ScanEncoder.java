package org.cloak.pixel.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Huffman-codes the blocks of one sequential DCT scan (T.81 F.1.2): DC differences and AC run
 * and size symbols, restart markers at the scan's interval. Also counts the symbols a scan
 * needs, to check that the tables in force have codes for them and to make tables that do.
 */
final class ScanEncoder {
    private final DctImage img;
    private final int[] comps;
    private final int restartInterval;
    private final List<BlockOrder.Unit> units;

    ScanEncoder(DctImage img, int[] comps, int restartInterval) {
        this.img = img;
        this.comps = comps;
        this.restartInterval = restartInterval;
        this.units = BlockOrder.of(img, comps);
    }

    /** Whether the tables have a code for every symbol this scan needs. */
    boolean covers(HuffmanTable[] dc, HuffmanTable[] ac) {
        long[][][] f = frequencies();
        for (int slot = 0; slot < comps.length; slot++) {
            for (int s = 0; s < 256; s++) {
                if ((f[0][slot][s] > 0 && !dc[slot].has(s)) || (f[1][slot][s] > 0 && !ac[slot].has(s))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Optimal tables (T.81 K.2) for the symbols of this scan, by slot: {dc tables, ac tables};
     * slots sharing a table id get the same table, made from their symbols together.
     */
    HuffmanTable[][] optimalTables(int[] td, int[] ta) {
        long[][][] f = frequencies();
        HuffmanTable[][] out = new HuffmanTable[2][comps.length];
        for (int kind = 0; kind < 2; kind++) {
            int[] ids = kind == 0 ? td : ta;
            for (int slot = 0; slot < comps.length; slot++) {
                long[] sum = new long[256];
                for (int other = 0; other < comps.length; other++) {
                    if (ids[other] == ids[slot]) {
                        for (int s = 0; s < 256; s++) {
                            sum[s] += f[kind][other][s];
                        }
                    }
                }
                out[kind][slot] = HuffmanTable.optimal(sum);
            }
        }
        return out;
    }

    /** A DHT segment defining the tables of {@link #optimalTables}, each id once. */
    static byte[] dhtSegment(int[] td, int[] ta, HuffmanTable[][] tables) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int kind = 0; kind < 2; kind++) {
            int[] ids = kind == 0 ? td : ta;
            boolean[] done = new boolean[4];
            for (int slot = 0; slot < ids.length; slot++) {
                if (done[ids[slot]]) {
                    continue;
                }
                done[ids[slot]] = true;
                int[] counts = tables[kind][slot].counts();
                int[] symbols = tables[kind][slot].symbols();
                body.write((kind << 4) | ids[slot]);
                for (int l = 1; l <= 16; l++) {
                    body.write(counts[l]);
                }
                for (int s : symbols) {
                    body.write(s);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(Markers.DHT);
        out.write((body.size() + 2) >> 8);
        out.write((body.size() + 2) & 0xFF);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The entropy-coded data of the scan, restart markers included. */
    byte[] encode(HuffmanTable[] dc, HuffmanTable[] ac) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitWriter w = new BitWriter(out);
        int[] pred = new int[comps.length];
        int m = 0;
        for (BlockOrder.Unit u : units) {
            if (u.restartBefore(restartInterval)) {
                w.flush();
                out.write(0xFF);
                out.write(0xD0 + m);
                m = (m + 1) & 7;
                Arrays.fill(pred, 0);
            }
            DctImage.Component c = img.components()[comps[u.slot()]];
            short[] coef = c.coef;
            int at = c.index(u.bx(), u.by());
            int diff = coef[at] - pred[u.slot()];
            pred[u.slot()] = coef[at];
            int size = category(diff);
            dc[u.slot()].encode(size, w);
            w.bits(diff < 0 ? diff - 1 : diff, size);
            int run = 0;
            for (int k = 1; k < 64; k++) {
                int v = coef[at + k];
                if (v == 0) {
                    run++;
                    continue;
                }
                while (run > 15) {
                    ac[u.slot()].encode(0xF0, w);
                    run -= 16;
                }
                int s = category(v);
                ac[u.slot()].encode((run << 4) | s, w);
                w.bits(v < 0 ? v - 1 : v, s);
                run = 0;
            }
            if (run > 0) {
                ac[u.slot()].encode(0x00, w);
            }
        }
        w.flush();
        return out.toByteArray();
    }

    /** Symbol counts by {dc, ac}, slot and symbol. */
    private long[][][] frequencies() {
        long[][][] f = new long[2][comps.length][256];
        int[] pred = new int[comps.length];
        for (BlockOrder.Unit u : units) {
            if (u.restartBefore(restartInterval)) {
                Arrays.fill(pred, 0);
            }
            DctImage.Component c = img.components()[comps[u.slot()]];
            int at = c.index(u.bx(), u.by());
            f[0][u.slot()][category(c.coef[at] - pred[u.slot()])]++;
            pred[u.slot()] = c.coef[at];
            int run = 0;
            for (int k = 1; k < 64; k++) {
                int v = c.coef[at + k];
                if (v == 0) {
                    run++;
                    continue;
                }
                while (run > 15) {
                    f[1][u.slot()][0xF0]++;
                    run -= 16;
                }
                f[1][u.slot()][(run << 4) | category(v)]++;
                run = 0;
            }
            if (run > 0) {
                f[1][u.slot()][0]++;
            }
        }
        return f;
    }

    /** The number of bits of |v| (T.81 F.1.2.1 SSSS). */
    static int category(int v) {
        return v == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }
}
