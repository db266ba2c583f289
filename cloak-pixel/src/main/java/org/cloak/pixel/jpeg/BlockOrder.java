package org.cloak.pixel.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a scan codes its blocks (T.81 A.2): MCU after MCU, each holding h x v
 * blocks of every component of an interleaved scan; one block per MCU in a scan of one
 * component, which covers only the blocks inside the component's own size.
 */
final class BlockOrder {
    private BlockOrder() {}

    /**
     * One block in coding order.
     *
     * @param slot the component's place in the scan header
     * @param mcu the number of the MCU the block belongs to
     * @param first whether it is the first block of its MCU
     */
    record Unit(int slot, int bx, int by, int mcu, boolean first) {
        /** Whether a restart marker comes before this block. */
        boolean restartBefore(int interval) {
            return interval > 0 && first && mcu > 0 && mcu % interval == 0;
        }
    }

    static List<Unit> of(DctImage img, int[] comps) {
        DctImage.Component[] all = img.components();
        List<Unit> units = new ArrayList<>();
        if (comps.length == 1) {
            DctImage.Component c = all[comps[0]];
            int wide = DctImage.ceilDiv(DctImage.ceilDiv(img.width() * c.h, img.hMax()), 8);
            int high = DctImage.ceilDiv(DctImage.ceilDiv(img.height() * c.v, img.vMax()), 8);
            int n = 0;
            for (int by = 0; by < high; by++) {
                for (int bx = 0; bx < wide; bx++) {
                    units.add(new Unit(0, bx, by, n++, true));
                }
            }
            return units;
        }
        int n = 0;
        for (int my = 0; my < img.mcusHigh(); my++) {
            for (int mx = 0; mx < img.mcusWide(); mx++) {
                boolean first = true;
                for (int slot = 0; slot < comps.length; slot++) {
                    DctImage.Component c = all[comps[slot]];
                    for (int y = 0; y < c.v; y++) {
                        for (int x = 0; x < c.h; x++) {
                            units.add(new Unit(slot, mx * c.h + x, my * c.v + y, n, first));
                            first = false;
                        }
                    }
                }
                n++;
            }
        }
        return units;
    }
}
