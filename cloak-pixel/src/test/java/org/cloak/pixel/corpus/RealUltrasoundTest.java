package org.cloak.pixel.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelFiles;
import org.cloak.pixel.RealImages;
import org.cloak.pixel.step.Engines;
import org.cloak.pixel.text.Identifiers;
import org.cloak.pixel.text.Render;
import org.cloak.pixel.text.TesseractCli;
import org.cloak.pixel.text.TextBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ultrasound with a test patient's identifiers burned in: after redact OCR reads none of them. */
class RealUltrasoundTest {
    @TempDir
    Path dir;

    @Test
    void afterRedactNoIdentifierIsReadAndTheRestIsUnchanged() throws IOException {
        Path in = RealImages.path(RealImages.US_BURNED_IN);
        DicomFile original = DicomReader.read(in);
        Identifiers ids = Identifiers.of(original.dataset());
        Frame before = PixelFiles.frame(in, 0);
        long phiBefore = phi(before, original, ids);
        assertThat(phiBefore).as("identifiers OCR reads before cleaning").isGreaterThanOrEqualTo(3);

        Deidentified d = Engines.run(Engines.with(List.of(), TextMode.REDACT, TextScope.AT_RISK), in);
        assertThat(d.cleaned()).isTrue();
        DicomFile out = Engines.write(d, dir.resolve("out.dcm"));
        Frame after = PixelFiles.frame(dir.resolve("out.dcm"), 0);
        assertThat(phi(after, out, ids)).as("identifiers OCR reads after redact").isZero();
        List<int[]> boxes = OcrCorpusTest.boxes(d.events());
        assertThat(boxes).isNotEmpty();
        var f = before.format();
        int changed = 0;
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                if (before.sample(0, x, y) != after.sample(0, x, y)) {
                    changed++;
                    assertThat(inside(boxes, x, y)).as("pixel %d,%d changed outside the text boxes", x, y).isTrue();
                }
            }
        }
        assertThat(changed).isPositive();
    }

    private static long phi(Frame frame, DicomFile file, Identifiers ids) {
        List<TextBox> words = TesseractCli.standard().detect(Render.grey(frame, file.dataset(), null));
        return words.stream().filter(w -> ids.matches(w.text())).count();
    }

    private static boolean inside(List<int[]> boxes, int x, int y) {
        for (int[] b : boxes) {
            if (x >= b[1] - 3 && y >= b[2] - 3 && x < b[1] + b[3] + 3 && y < b[2] + b[4] + 3) {
                return true;
            }
        }
        return false;
    }
}
