package org.cloak.pixel.text;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Tesseract (Debian's {@code tesseract-ocr} with {@code tesseract-ocr-eng}) run as a process,
 * one per image, reading its TSV output. The image is prepared so that medical overlays are
 * legible: small images are scaled up (text of 8 px becomes 16 px), and two binary pages made
 * by a local threshold (one for bright text on dark, one for dark text on bright), the image and
 * its negative are stacked into one page, so that every variant is read in the same run. Boxes
 * are mapped back to the image's coordinates; words below the confidence threshold, without
 * two letters or digits, or too small are dropped.
 */
public final class TesseractCli implements TextDetector {
    private static final long TIMEOUT_SECONDS = 60;
    /** Half the side of the neighbourhood a pixel is compared with. */
    private static final int RADIUS = 12;
    /** How much brighter or darker than its neighbourhood (in 8-bit levels) a pixel of text is. */
    private static final int THRESHOLD = 18;
    /** The pages stacked: bright text, dark text (both thresholded), the image, its negative. */
    private static final int PAGES = 4;
    private final String executable;
    private final float minConfidence;

    /** @param executable "tesseract" or a path to it */
    public TesseractCli(String executable, float minConfidence) {
        this.executable = executable;
        this.minConfidence = minConfidence;
    }

    /** {@code tesseract} from the PATH, words of confidence 50 or more. */
    public static TesseractCli standard() { return new TesseractCli("tesseract", 50f); }

    @Override
    public List<TextBox> detect(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int scale = Math.max(w, h) <= 1024 ? 2 : 1;
        BufferedImage page = stacked(grey, scale);
        List<TextBox> out = new ArrayList<>();
        for (TextBox b : run(page)) {
            int part = b.y() / (h * scale);
            int y0 = b.y() - part * h * scale;
            if (y0 < 0 || y0 + b.height() > h * scale) {
                continue; // across the seam
            }
            TextBox mapped = new TextBox(b.x() / scale, y0 / scale, ceil(b.width(), scale), ceil(b.height(), scale),
                    b.confidence(), b.text());
            if (mapped.height() >= 4 && !overlapsSame(out, mapped)) {
                out.add(mapped);
            }
        }
        return out;
    }

    private static int ceil(int v, int s) { return (v + s - 1) / s; }

    /** The same word found in both polarities is one box. */
    private static boolean overlapsSame(List<TextBox> boxes, TextBox b) {
        for (TextBox o : boxes) {
            int ix = Math.min(o.x() + o.width(), b.x() + b.width()) - Math.max(o.x(), b.x());
            int iy = Math.min(o.y() + o.height(), b.y() + b.height()) - Math.max(o.y(), b.y());
            if (ix > 0 && iy > 0 && ix * iy * 2 > b.width() * b.height()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Four pages, scaled by nearest neighbour, one above the other: black where the image is
     * brighter than its neighbourhood by more than {@link #THRESHOLD} (bright text), black where
     * it is darker (dark text), then the image and its negative as they are. The local threshold
     * keeps text of low contrast and text on gradients and drops flat anatomy; the plain pages
     * keep what the threshold breaks (thick strokes of large text).
     */
    private static BufferedImage stacked(BufferedImage grey, int scale) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] g = new int[w * h];
        grey.getRaster().getSamples(0, 0, w, h, 0, g);
        long[] sum = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += g[y * w + x];
                sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
            }
        }
        BufferedImage page = new BufferedImage(w * scale, PAGES * h * scale, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster dst = page.getRaster();
        int[] bright = new int[w * scale];
        int[] dark = new int[w * scale];
        int[] plain = new int[w * scale];
        int[] negative = new int[w * scale];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - RADIUS);
            int y1 = Math.min(h, y + RADIUS + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - RADIUS);
                int x1 = Math.min(w, x + RADIUS + 1);
                long s = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0]
                        + sum[y0 * (w + 1) + x0];
                double mean = s / (double) ((x1 - x0) * (y1 - y0));
                int v = g[y * w + x];
                for (int k = 0; k < scale; k++) {
                    bright[x * scale + k] = v - mean > THRESHOLD ? 0 : 255;
                    dark[x * scale + k] = mean - v > THRESHOLD ? 0 : 255;
                    plain[x * scale + k] = v;
                    negative[x * scale + k] = 255 - v;
                }
            }
            for (int k = 0; k < scale; k++) {
                dst.setSamples(0, y * scale + k, w * scale, 1, 0, bright);
                dst.setSamples(0, (h + y) * scale + k, w * scale, 1, 0, dark);
                dst.setSamples(0, (2 * h + y) * scale + k, w * scale, 1, 0, plain);
                dst.setSamples(0, (3 * h + y) * scale + k, w * scale, 1, 0, negative);
            }
        }
        return page;
    }

    private List<TextBox> run(BufferedImage page) {
        Process p = null;
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            p = new ProcessBuilder(executable, "stdin", "stdout", "--psm", "11", "-l", "eng", "tsv")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Process proc = p;
            Thread feeder = new Thread(() -> {
                try (var os = proc.getOutputStream()) {
                    os.write(png.toByteArray());
                } catch (IOException ignored) {
                    // the process ended early; its exit code says why
                }
            });
            feeder.start();
            byte[] tsv;
            try (InputStream is = p.getInputStream()) {
                tsv = is.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new TextDetectionException("tesseract did not finish within " + TIMEOUT_SECONDS + " s", null);
            }
            feeder.join();
            if (p.exitValue() != 0) {
                throw new TextDetectionException("tesseract exited with " + p.exitValue(), null);
            }
            return parse(new String(tsv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TextDetectionException("could not run tesseract (apt-get install tesseract-ocr "
                    + "tesseract-ocr-eng): " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextDetectionException("interrupted while tesseract ran", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf text. */
    List<TextBox> parse(String tsv) {
        List<TextBox> boxes = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue;
            }
            float conf;
            try {
                conf = Float.parseFloat(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            String text = c[11].trim();
            if (conf < minConfidence || text.codePoints().filter(Character::isLetterOrDigit).count() < 2) {
                continue;
            }
            boxes.add(new TextBox(Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]),
                    Integer.parseInt(c[9]), conf, text));
        }
        return boxes;
    }
}
