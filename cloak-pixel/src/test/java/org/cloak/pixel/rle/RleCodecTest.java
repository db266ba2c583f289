package org.cloak.pixel.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RleCodecTest {
    private final RleCodec codec = new RleCodec();

    static Stream<PixelFormat> formats() {
        return Stream.of(
                TestImages.format(Photometric.MONOCHROME2, 9, 300, 8, 8, false),
                TestImages.format(Photometric.MONOCHROME2, 7, 5, 16, 12, true),
                TestImages.format(Photometric.MONOCHROME1, 3, 3, 32, 32, false),
                TestImages.format(Photometric.RGB, 6, 7, 8, 8, false),
                TestImages.format(Photometric.YBR_FULL, 4, 4, 16, 16, false));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyCellBitSurvivesARoundTrip(PixelFormat f) {
        Frame frame = TestImages.pattern(f, 3, true);
        byte[] encoded = codec.encode(frame);
        assertThat(encoded.length % 2).isZero();
        assertThat(codec.decode(encoded, f)).isEqualTo(frame);
    }

    @Test
    void flatRowsBecomeRunsThatNeverCrossARow() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 2, 200, 8, 8, false);
        byte[] encoded = codec.encode(Frame.blank(f));
        // per row: a run of 128 and a run of 72 (2 bytes each); 64-byte header; 1 segment
        assertThat(encoded).hasSize(64 + 8);
        assertThat(encoded[64]).isEqualTo((byte) -127);
        assertThat(encoded[66]).isEqualTo((byte) -71);
    }

    @Test
    void decodesHandPackedSegments() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 1, 6, 16, 16, false);
        byte[] data = new byte[64 + 8];
        data[0] = 2;
        data[4] = 64;
        data[8] = 70;
        // high bytes: literal 1,2, a run of four 0x80 and a no-op for padding; low bytes: a run of six 0x05
        byte[] segments = {1, 1, 2, -3, (byte) 0x80, -128, -5, 5};
        System.arraycopy(segments, 0, data, 64, segments.length);
        Frame frame = codec.decode(data, f);
        assertThat(frame.plane(0)).containsExactly(0x0105, 0x0205, 0x8005, 0x8005, 0x8005, 0x8005);
    }

    @Test
    void corruptFramesAreRefused() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 4, 4, 8, 8, false);
        byte[] good = codec.encode(TestImages.pattern(f, 0, false));
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, 40), f))
                .isInstanceOf(PixelDecodeException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length - 6), f))
                .isInstanceOf(PixelDecodeException.class);
        byte[] wrongCount = good.clone();
        wrongCount[0] = 3;
        assertThatThrownBy(() -> codec.decode(wrongCount, f)).hasMessageContaining("3 segments");
    }
}
