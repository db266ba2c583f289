package org.cloak.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Frame comparisons that ignore what a decoder may choose: planar configuration, sign extension. */
public final class FrameAssert {
    private FrameAssert() {}

    /** Same cells in every plane. */
    public static void samePlanes(Frame actual, Frame expected, String what) {
        for (int p = 0; p < expected.format().samplesPerPixel(); p++) {
            assertThat(actual.plane(p)).as("%s plane %d", what, p).containsExactly(expected.plane(p));
        }
    }

    /** Same stored values in every plane (bits outside Bits Stored ignored). */
    public static void sameSamples(Frame actual, Frame expected, String what) {
        PixelFormat f = expected.format();
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            long[] a = Arrays.stream(actual.plane(p)).mapToLong(c -> Frame.storedValue(f, c)).toArray();
            long[] e = Arrays.stream(expected.plane(p)).mapToLong(c -> Frame.storedValue(f, c)).toArray();
            assertThat(a).as("%s plane %d", what, p).containsExactly(e);
        }
    }
}
