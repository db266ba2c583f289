package org.cloak.pixel.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.TestImages;
import org.junit.jupiter.api.Test;

/** Layouts checked against bytes written out by hand from PS3.5 8.1.1, 8.2 and Annex D. */
class NativeLayoutTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @Test
    void twelveBitsInSixteenKeepTheBitsAboveHighBit() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 1, 2, 16, 12, false);
        byte[] le = {0x34, 0x12, (byte) 0xFF, 0x0F};
        Frame frame = NativeLayout.decode(f, le, 0, 0, LE);
        assertThat(frame.cell(0, 0, 0)).isEqualTo(0x1234);
        assertThat(frame.sample(0, 0, 0)).isEqualTo(0x234);
        assertThat(frame.sample(0, 1, 0)).isEqualTo(0xFFF);
        assertThat(NativeLayout.encode(frame, LE)).containsExactly(le);
        byte[] be = {0x12, 0x34, 0x0F, (byte) 0xFF};
        assertThat(NativeLayout.decode(f, be, 0, 0, BE)).isEqualTo(frame);
        assertThat(NativeLayout.encode(frame, BE)).containsExactly(be);
    }

    @Test
    void signedValuesAreSignExtendedFromBitsStored() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 1, 3, 16, 12, true);
        Frame frame = NativeLayout.decode(f, new byte[] {(byte) 0xFF, 0x0F, 0x00, 0x08, (byte) 0xFF, 0x07}, 0, 0, LE);
        assertThat(frame.sample(0, 0, 0)).isEqualTo(-1);
        assertThat(frame.sample(0, 1, 0)).isEqualTo(-2048);
        assertThat(frame.sample(0, 2, 0)).isEqualTo(2047);
        frame.setSample(0, 0, 0, -2);
        assertThat(frame.cell(0, 0, 0)).isEqualTo(0xFFE);
        PixelFormat full = TestImages.format(Photometric.MONOCHROME2, 1, 1, 16, 16, true);
        Frame lowest = NativeLayout.decode(full, new byte[] {0x00, (byte) 0x80}, 0, 0, LE);
        assertThat(lowest.sample(0, 0, 0)).isEqualTo(-32768);
    }

    @Test
    void highBitBelowTheTopShiftsTheStoredValue() {
        PixelFormat f = new PixelFormat(1, 1, 1, 16, 12, 15, false, Photometric.MONOCHROME2, 0, 1);
        Frame frame = NativeLayout.decode(f, new byte[] {0x3F, 0x12}, 0, 0, LE);
        assertThat(frame.sample(0, 0, 0)).isEqualTo(0x123);
    }

    @Test
    void thirtyTwoBitCells() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 1, 1, 32, 32, false);
        Frame frame = NativeLayout.decode(f, new byte[] {0x01, 0x02, 0x03, (byte) 0x84}, 0, 0, LE);
        assertThat(frame.sample(0, 0, 0)).isEqualTo(0x84030201L);
        assertThat(NativeLayout.encode(frame, BE)).containsExactly(0x84, 0x03, 0x02, 0x01);
    }

    @Test
    void oneBitCellsArePackedFromTheLowestBitAcrossFrames() {
        // 3 frames of 3x5 = 15 bits each: frame 1 starts at bit 7 of byte 1
        PixelFormat f = new PixelFormat(3, 5, 1, 1, 1, 0, false, Photometric.MONOCHROME2, 0, 3);
        byte[] value = new byte[6];
        int[] frame1 = {1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1};
        for (int i = 0; i < 15; i++) {
            int bit = 15 + i;
            value[bit / 8] |= (byte) (frame1[i] << (bit % 8));
        }
        value[1] |= 0x7F; // frame 0's last bits and frame 2's first ones, which must survive
        value[3] |= (byte) 0xC0;
        byte[] before = value.clone();
        Frame frame = NativeLayout.decode(f, value, 1, 7, LE);
        assertThat(frame.plane(0)).containsExactly(frame1);
        NativeLayout.encode(frame, value, 1, 7, LE);
        assertThat(value).containsExactly(before);
        frame.setCell(0, 0, 0, 0);
        NativeLayout.encode(frame, value, 1, 7, LE);
        assertThat(value[1]).isEqualTo((byte) 0x7F);
        assertThat(value[3]).isEqualTo(before[3]);
    }

    @Test
    void colourByPixelOrByPlane() {
        PixelFormat byPixel = TestImages.format(Photometric.RGB, 1, 2, 8, 8, false);
        byte[] interleaved = {1, 2, 3, 4, 5, 6};
        Frame frame = NativeLayout.decode(byPixel, interleaved, 0, 0, LE);
        assertThat(frame.plane(0)).containsExactly(1, 4);
        assertThat(frame.plane(1)).containsExactly(2, 5);
        assertThat(frame.plane(2)).containsExactly(3, 6);
        PixelFormat byPlane = byPixel.withPlanarConfiguration(1);
        Frame planar = NativeLayout.decode(byPlane, new byte[] {1, 4, 2, 5, 3, 6}, 0, 0, LE);
        assertThat(planar.plane(1)).containsExactly(2, 5);
        assertThat(NativeLayout.encode(planar, LE)).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(NativeLayout.encode(frame, LE)).containsExactly(interleaved);
    }

    @Test
    void ybrFull422HoldsTwoLuminancesThenCbCr() {
        PixelFormat f = TestImages.format(Photometric.YBR_FULL_422, 1, 4, 8, 8, false);
        byte[] bytes = {10, 11, 100, (byte) 200, 12, 13, 101, (byte) 201};
        Frame frame = NativeLayout.decode(f, bytes, 0, 0, LE);
        assertThat(frame.plane(0)).containsExactly(10, 11, 12, 13);
        assertThat(frame.plane(1)).containsExactly(100, 101);
        assertThat(frame.plane(2)).containsExactly(200, 201);
        assertThat(NativeLayout.encode(frame, LE)).containsExactly(bytes);
    }
}
