package org.cloak.pixel;

import java.util.List;

/** Smooth synthetic frames (gradients and discs), closer to what lossy codecs meet than the test patterns. */
public final class Scenes {
    private Scenes() {}

    /** A grey or RGB scene of the format's Bits Stored range. */
    public static Frame scene(PixelFormat f, int seed) {
        Frame frame = Frame.blank(f);
        long max = f.maxStored();
        long min = f.minStored();
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.planeWidth(p); x++) {
                    double dx = x - f.columns() / 2.0;
                    double dy = y - f.rows() / 2.0;
                    double disc = Math.hypot(dx, dy) < Math.min(f.rows(), f.columns()) / 3.0 ? 0.35 : 0;
                    double v = 0.15 + 0.4 * x / f.columns() + 0.1 * y / f.rows() + disc + 0.05 * p
                            + 0.03 * Math.sin((x + seed * 7) / 5.0);
                    long s = min + Math.round(Math.max(0, Math.min(1, v)) * (max - min));
                    frame.setSample(p, x, y, s);
                }
            }
        }
        return frame;
    }

    public static List<Frame> scenes(PixelFormat f) {
        return java.util.stream.IntStream.range(0, f.frames()).mapToObj(n -> scene(f, n)).toList();
    }
}
