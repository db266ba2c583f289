package org.cloak.pixel.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JpegLosslessCodecTest {
    private final JpegLosslessCodec codec = new JpegLosslessCodec(Uid.JPEGLosslessSV1);

    static Stream<PixelFormat> precisions() {
        return IntStream.rangeClosed(2, 16).mapToObj(p ->
                TestImages.format(Photometric.MONOCHROME2, 9, 13, p <= 8 ? 8 : 16, p, false));
    }

    @ParameterizedTest
    @MethodSource("precisions")
    void everyPrecisionRoundTrips(PixelFormat f) {
        Frame frame = TestImages.pattern(f, 1, false);
        assertThat(codec.decode(codec.encode(frame), f)).isEqualTo(frame);
    }

    @Test
    void colourSignedAndExtremeDifferencesRoundTrip() {
        for (PixelFormat f : new PixelFormat[] {
                TestImages.format(Photometric.RGB, 7, 11, 8, 8, false),
                TestImages.format(Photometric.RGB, 4, 6, 16, 16, false),
                TestImages.format(Photometric.MONOCHROME2, 8, 8, 16, 12, true)}) {
            Frame frame = TestImages.pattern(f, 2, false);
            assertThat(codec.decode(codec.encode(frame), f)).isEqualTo(frame);
        }
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 16, 16, 16, 16, false);
        Frame noise = Frame.blank(f);
        Random r = new Random(7);
        int[] plane = noise.plane(0);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i % 3 == 0 ? 0xFFFF : i % 3 == 1 ? 0 : r.nextInt(0x10000); // differences of +-32768 included
        }
        assertThat(codec.decode(codec.encode(noise), f)).isEqualTo(noise);
    }

    @Test
    void optimalTablesKeepCodesWithinSixteenBits() {
        long[] fib = new long[17];
        fib[0] = 1;
        fib[1] = 1;
        for (int i = 2; i < 17; i++) {
            fib[i] = fib[i - 1] + fib[i - 2];
        }
        HuffmanTable t = HuffmanTable.optimal(fib);
        assertThat(t.symbols()).hasSize(17);
        assertThat(Arrays.stream(t.counts()).sum()).isEqualTo(17);
        // Kraft: the codes fit, with the all-ones code left free
        double kraft = 0;
        for (int l = 1; l <= 16; l++) {
            kraft += t.counts()[l] / Math.pow(2, l);
        }
        assertThat(kraft).isLessThan(1.0);
    }

    @Test
    void bitsAboveHighBitAreNotKept() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 4, 4, 16, 12, false);
        Frame frame = TestImages.pattern(f, 0, true);
        Frame decoded = codec.decode(codec.encode(frame), f);
        for (int i = 0; i < 16; i++) {
            assertThat(decoded.plane(0)[i]).isEqualTo(frame.plane(0)[i] & 0xFFF);
        }
    }

    @Test
    void restartIntervalsStartThePredictionAfresh() {
        // 2x2, 8 bits, restart every row; table: category 0 = "0", category 1 = "10". Each row codes
        // +1 from the initial prediction 128, then 0 from the left neighbour: 10 1 0, padded with ones.
        int[] jpeg = {0xFF, 0xD8,
                0xFF, 0xC3, 0, 11, 8, 0, 2, 0, 2, 1, 1, 0x11, 0,
                0xFF, 0xC4, 0, 21, 0x00, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
                0xFF, 0xDD, 0, 4, 0, 2,
                0xFF, 0xDA, 0, 8, 1, 1, 0x00, 1, 0, 0,
                0xAF, 0xFF, 0xD0, 0xAF,
                0xFF, 0xD9};
        byte[] data = new byte[jpeg.length];
        for (int i = 0; i < jpeg.length; i++) {
            data[i] = (byte) jpeg[i];
        }
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 2, 2, 8, 8, false);
        assertThat(codec.decode(data, f).plane(0)).containsExactly(129, 129, 129, 129);
        data[data.length - 5] = (byte) 0xD3; // the wrong restart marker
        assertThatThrownBy(() -> codec.decode(data, f)).hasMessageContaining("restart");
    }

    @Test
    void corruptOrMismatchedDataIsRefused() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 8, 8, 8, 8, false);
        byte[] good = codec.encode(TestImages.pattern(f, 0, false));
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length / 2), f))
                .isInstanceOf(PixelDecodeException.class);
        assertThatThrownBy(() -> codec.decode(good, TestImages.format(Photometric.MONOCHROME2, 8, 9, 8, 8, false)))
                .isInstanceOf(PixelDecodeException.class).hasMessageContaining("8x8x1");
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3}, f)).isInstanceOf(PixelDecodeException.class);
        assertThat(codec.startsFrame(good)).isTrue();
    }
}
