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
 * legible: small images are scaled up (text of 8 px becomes 16 px), and the image and
 * its negative are stacked into one page so that bright text on dark and dark text on bright
 * are both read in the same run. Boxes are mapped back to the image's coordinates; words
 * below the confidence threshold, without a letter or digit, or too small are dropped.
 */
public final class TesseractCli implements TextDetector {
    private static final long TIMEOUT_SECONDS = 60;
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
            int half = b.y() >= h * scale ? 1 : 0;
            int y0 = b.y() - half * h * scale;
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

    /** The image scaled by nearest neighbour, above its negative. */
    private static BufferedImage stacked(BufferedImage grey, int scale) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        BufferedImage page = new BufferedImage(w * scale, 2 * h * scale, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster src = grey.getRaster();
        WritableRaster dst = page.getRaster();
        int[] row = new int[w * scale];
        int[] inv = new int[w * scale];
        int[] in = new int[w];
        for (int y = 0; y < h; y++) {
            src.getSamples(0, y, w, 1, 0, in);
            for (int x = 0; x < w * scale; x++) {
                row[x] = in[x / scale];
                inv[x] = 255 - row[x];
            }
            for (int k = 0; k < scale; k++) {
                dst.setSamples(0, y * scale + k, w * scale, 1, 0, row);
                dst.setSamples(0, (h + y) * scale + k, w * scale, 1, 0, inv);
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
