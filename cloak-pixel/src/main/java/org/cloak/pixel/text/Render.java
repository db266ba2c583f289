package org.cloak.pixel.text;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;

/**
 * A frame as a person sees it, in 8 bits: monochrome through a window (given, the header's
 * first Window Center/Width, or the frame's range) after the modality rescale, MONOCHROME1
 * inverted; colour as luminance for OCR or as RGB for a preview.
 */
public final class Render {
    private Render() {}

    /** A window in modality units (after Rescale Slope and Intercept). */
    public record Window(double center, double width) {}

    /** The grey image OCR reads. */
    public static BufferedImage grey(Frame frame, DataSet ds, Window window) {
        PixelFormat f = frame.format();
        BufferedImage img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        int[] row = new int[f.columns()];
        if (f.samplesPerPixel() == 3) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    row[x] = luminance(frame, x, y);
                }
                r.setSamples(0, y, f.columns(), 1, 0, row);
            }
            return img;
        }
        double slope = number(ds, Tag.RescaleSlope, 1);
        double intercept = number(ds, Tag.RescaleIntercept, 0);
        Window w = window != null ? window : headerWindow(ds);
        if (w == null || w.width() <= 0 || f.photometric() == Photometric.PALETTE_COLOR) {
            w = range(frame, slope, intercept);
        }
        double lo = w.center() - w.width() / 2;
        boolean invert = f.photometric() == Photometric.MONOCHROME1;
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                double v = frame.sample(0, x, y) * slope + intercept;
                int g = (int) Math.round(Math.max(0, Math.min(255, (v - lo) / w.width() * 255)));
                row[x] = invert ? 255 - g : g;
            }
            r.setSamples(0, y, f.columns(), 1, 0, row);
        }
        return img;
    }

    /** A PNG of the frame: colour frames in colour, monochrome through the window. */
    public static byte[] png(Frame frame, DataSet ds, Window window) throws IOException {
        PixelFormat f = frame.format();
        BufferedImage img;
        if (f.samplesPerPixel() == 3) {
            img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    int[] rgb = rgb(frame, x, y);
                    img.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                }
            }
        } else {
            img = grey(frame, ds, window);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int luminance(Frame frame, int x, int y) {
        int[] rgb = rgb(frame, x, y);
        return (int) Math.round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
    }

    /** RGB in 8 bits of a three-sample pixel; YBR_FULL converted (PS3.3 C.7.6.3.1.2). */
    private static int[] rgb(Frame frame, int x, int y) {
        PixelFormat f = frame.format();
        int shift = Math.max(0, f.bitsStored() - 8);
        boolean sub = f.photometric().isHorizontallySubsampled();
        long a = frame.sample(0, x, y) >> shift;
        long b = frame.sample(1, sub ? x / 2 : x, y) >> shift;
        long c = frame.sample(2, sub ? x / 2 : x, y) >> shift;
        if (!f.photometric().isYbr()) {
            return new int[] {(int) a, (int) b, (int) c};
        }
        double cb = b - 128;
        double cr = c - 128;
        return new int[] {clip(a + 1.402 * cr), clip(a - 0.344136 * cb - 0.714136 * cr), clip(a + 1.772 * cb)};
    }

    private static int clip(double v) { return (int) Math.max(0, Math.min(255, Math.round(v))); }

    private static Window headerWindow(DataSet ds) {
        String[] c = ds.getStrings(Tag.WindowCenter);
        String[] w = ds.getStrings(Tag.WindowWidth);
        if (c.length == 0 || w.length == 0) {
            return null;
        }
        try {
            return new Window(Double.parseDouble(c[0].trim()), Double.parseDouble(w[0].trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Window range(Frame frame, double slope, double intercept) {
        PixelFormat f = frame.format();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                long v = frame.sample(0, x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double lo = min * slope + intercept;
        double hi = max * slope + intercept;
        return new Window((lo + hi) / 2, Math.max(1, Math.abs(hi - lo)));
    }

    private static double number(DataSet ds, int tag, double def) {
        String s = ds.getString(tag);
        if (s == null || s.isBlank()) {
            return def;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }
}
