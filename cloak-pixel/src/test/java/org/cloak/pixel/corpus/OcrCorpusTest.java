package org.cloak.pixel.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomFile;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelFiles;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.region.Region;
import org.cloak.pixel.step.Engines;
import org.cloak.pixel.text.Identifiers;
import org.cloak.pixel.text.Render;
import org.cloak.pixel.text.TesseractCli;
import org.cloak.pixel.text.TextBox;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCR on the synthetic burned-in corpus: recall over the drawn identifiers, no box classified
 * PHI on the same images without text, and after {@code redact} no identifier left for OCR to
 * read and no pixel changed outside the boxes the audit names. The figures are written to
 * {@code target/ocr-figures.txt}.
 */
class OcrCorpusTest {
    private static final Pattern BOX = Pattern.compile("frame (\\d+) box (\\d+),(\\d+),(\\d+)x(\\d+)");
    private static final TesseractCli OCR = TesseractCli.standard();

    @TempDir
    Path dir;

    @Test
    void drawnIdentifiersAreFoundAndNothingIsTakenForPhiOnCleanImages() throws IOException {
        List<BurnedInCorpus.Image> corpus = BurnedInCorpus.make(15, 17, true);
        int drawn = 0;
        int found = 0;
        int foundPhi = 0;
        List<String> missed = new ArrayList<>();
        long start = System.nanoTime();
        int frames = 0;
        for (BurnedInCorpus.Image img : corpus) {
            Identifiers ids = Identifiers.of(img.dataset());
            PixelData pixels = open(img.dataset());
            for (int n = 0; n < pixels.count(); n++) {
                List<TextBox> boxes = OCR.detect(Render.grey(pixels.read(n), img.dataset(), null));
                frames++;
                for (BurnedInCorpus.Drawn d : img.drawn()) {
                    if (d.frame() != n) {
                        continue;
                    }
                    drawn++;
                    List<TextBox> hits = boxes.stream().filter(b -> overlaps(b, d.box())).toList();
                    if (!hits.isEmpty()) {
                        found++;
                    } else {
                        missed.add(img.name() + " frame " + n + " at " + d.box());
                    }
                    if (hits.stream().anyMatch(b -> ids.matches(b.text()))) {
                        foundPhi++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int falsePhi = 0;
        int falseText = 0;
        List<BurnedInCorpus.Image> blank = new ArrayList<>(BurnedInCorpus.make(15, 17, false));
        for (BurnedInCorpus.Image img : blank) {
            Identifiers ids = Identifiers.of(img.dataset());
            PixelData pixels = open(img.dataset());
            for (int n = 0; n < pixels.count(); n++) {
                List<TextBox> boxes = OCR.detect(Render.grey(pixels.read(n), img.dataset(), null));
                falseText += boxes.size();
                falsePhi += (int) boxes.stream().filter(b -> ids.matches(b.text())).count();
            }
        }
        String figures = String.format(Locale.ROOT, "images %d, frames %d, drawn identifier lines %d%n"
                + "recall (any word box over the line) %.3f (%d)%nrecall (a word classified PHI) %.3f (%d)%n"
                + "clean images: word boxes %d, PHI boxes %d%nOCR time %.1f s, %.2f frames/s (one thread)%n"
                + "missed: %s%n", corpus.size(), frames, drawn, found / (double) drawn, found,
                foundPhi / (double) drawn, foundPhi, falseText, falsePhi, seconds, frames / seconds, missed);
        Files.writeString(Path.of("target", "ocr-figures.txt"), figures);
        System.out.println(figures);
        assertThat(found / (double) drawn).as(figures).isGreaterThanOrEqualTo(0.95);
        assertThat(falsePhi).as(figures).isZero();
    }

    @Test
    void afterRedactNoIdentifierIsReadAndNothingOutsideTheBoxesChanged() throws IOException {
        Deidentification deid = Engines.with(List.of(), TextMode.REDACT, TextScope.ALL);
        int left = 0;
        for (BurnedInCorpus.Image img : BurnedInCorpus.make(5, 23, true)) {
            Path in = dir.resolve(img.name() + ".dcm");
            Fixtures.write(img.dataset(), in);
            Deidentified d = Engines.run(deid, in);
            assertThat(d.cleaned()).as(img.name()).isTrue();
            DicomFile out = Engines.write(d, dir.resolve(img.name() + "-out.dcm"));
            List<int[]> boxes = boxes(d.events());
            Identifiers ids = Identifiers.of(img.dataset());
            PixelData before = PixelFiles.open(in);
            PixelData after = PixelData.open(out.dataset(), out.transferSyntax().uid(),
                    org.cloak.pixel.access.PixelCodecs.standard());
            for (int n = 0; n < before.count(); n++) {
                Frame a = before.read(n);
                Frame b = after.read(n);
                for (TextBox t : OCR.detect(Render.grey(b, out.dataset(), null))) {
                    if (ids.matches(t.text())) {
                        left++;
                    }
                }
                assertChangedOnlyInside(a, b, n, boxes, img.name());
            }
        }
        assertThat(left).as("identifiers OCR still reads after redact").isZero();
    }

    private static void assertChangedOnlyInside(Frame a, Frame b, int n, List<int[]> boxes, String what) {
        var f = a.format();
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    if (a.sample(p, x, y) != b.sample(p, x, y)) {
                        assertThat(inside(boxes, n, x, y)).as("%s frame %d pixel %d,%d changed outside the boxes",
                                what, n, x, y).isTrue();
                    }
                }
            }
        }
    }

    private static boolean inside(List<int[]> boxes, int n, int x, int y) {
        int m = 3; // the margin the step adds around a word
        for (int[] b : boxes) {
            if (b[0] == n && x >= b[1] - m && y >= b[2] - m && x < b[1] + b[3] + m && y < b[2] + b[4] + m) {
                return true;
            }
        }
        return false;
    }

    /** The blanked boxes the audit names. */
    static List<int[]> boxes(List<AuditEvent> events) {
        List<int[]> out = new ArrayList<>();
        for (AuditEvent e : events) {
            if (!"ocr-blank".equals(e.action())) {
                continue;
            }
            Matcher m = BOX.matcher(e.origin());
            if (m.find()) {
                out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))});
            }
        }
        return out;
    }

    static boolean overlaps(TextBox b, Region r) {
        return b.x() < r.x() + r.width() && b.x() + b.width() > r.x() && b.y() < r.y() + r.height()
                && b.y() + b.height() > r.y();
    }

    private static PixelData open(DataSet ds) throws IOException {
        return PixelData.open(ds, "1.2.840.10008.1.2.1", org.cloak.pixel.access.PixelCodecs.standard());
    }
}
