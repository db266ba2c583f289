package org.cloak.pixel.jpeg;

import java.io.ByteArrayOutputStream;

/** Writes entropy-coded data: every 0xFF byte is followed by a stuffed 0x00 (T.81 F.1.2.3). */
final class BitWriter {
    private final ByteArrayOutputStream out;
    private int acc;
    private int count;

    BitWriter(ByteArrayOutputStream out) {
        this.out = out;
    }

    /** Writes the low n bits of v, most significant first. */
    void bits(int v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            acc = (acc << 1) | ((v >>> i) & 1);
            if (++count == 8) {
                emit();
            }
        }
    }

    /** Pads the last byte with 1 bits (T.81 F.1.2.3). */
    void flush() {
        while (count != 0) {
            bits(1, 1);
        }
    }

    private void emit() {
        out.write(acc);
        if (acc == 0xFF) {
            out.write(0);
        }
        acc = 0;
        count = 0;
    }
}
