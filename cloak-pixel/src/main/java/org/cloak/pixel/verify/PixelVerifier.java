package org.cloak.pixel.verify;

import java.io.IOException;
import java.util.Set;
import org.cloak.deid.verify.FindingKind;
import org.cloak.deid.verify.FindingSink;
import org.cloak.deid.verify.PixelCheck;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.jpeg.DctCoefficients;
import org.cloak.pixel.region.Black;
import org.cloak.pixel.step.CleanPixelDataCode;
import org.cloak.pixel.text.Identifiers;
import org.cloak.pixel.text.Render;
import org.cloak.pixel.text.TesseractCli;
import org.cloak.pixel.text.TextBox;
import org.cloak.pixel.text.TextDetectionException;
import org.cloak.pixel.text.TextDetector;

/**
 * Checks an output whose pixel data was cleaned (marked with the Clean Pixel Data code) against
 * its original: every sample that differs is blank in the output, or for JPEG Baseline and
 * Extended every DCT block that differs is a flat one (the cleaner blanks whole blocks in the DCT
 * domain), so nothing outside the blanked areas changed; and OCR of each cleaned frame reads none
 * of the patient's identifiers (names in any order, IDs, dates, institution: those of the
 * original). Pixel data the output left alone is compared byte for byte by the replay.
 */
public final class PixelVerifier implements PixelCheck {
    private static final String PATH = Tags.toString(Tag.PixelData);
    private static final Set<String> DCT = Set.of(Uid.JPEGBaseline8Bit, Uid.JPEGExtended12Bit);
    /** Lossy syntaxes re-encoded as a whole, where decoded samples cannot be compared exactly. */
    private static final Set<String> LOSSY_REENCODED = Set.of(Uid.JPEG2000);

    private final PixelCodecs codecs;
    private final TextDetector detector;

    /** @param detector OCR of cleaned frames, or null to leave that check out */
    public PixelVerifier(PixelCodecs codecs, TextDetector detector) {
        this.codecs = codecs;
        this.detector = detector;
    }

    /** This module's codecs and Tesseract (the command-line program). */
    public static PixelVerifier standard() {
        return new PixelVerifier(PixelCodecs.standard(), TesseractCli.standard());
    }

    @Override
    public void check(String file, DicomFile output, DicomFile original, FindingSink sink) {
        DataSet out = output.dataset();
        if (original == null || out.get(Tag.PixelData) == null || !CleanPixelDataCode.marks(out)) {
            return;
        }
        try {
            PixelData before = PixelData.open(original.dataset(), original.transferSyntax().uid(), codecs);
            PixelData after = PixelData.open(out, output.transferSyntax().uid(), codecs);
            if (!before.format().equals(after.format())) {
                sink.add(FindingKind.PIXELS_CHANGED_OUTSIDE, file, PATH, "PixelData", "", "the image's size or"
                        + " layout differs from the original's", "");
                return;
            }
            Identifiers ids = Identifiers.of(original.dataset());
            for (int n = 0; n < after.count(); n++) {
                Frame cleaned = after.read(n);
                outside(file, n, before, after, cleaned, original, output, sink);
                if (detector != null && !ids.isEmpty()) {
                    read(file, n, cleaned, out, ids, sink);
                }
            }
        } catch (TextDetectionException e) {
            sink.add(FindingKind.NOT_CHECKED, file, PATH, "PixelData", "", "OCR could not run: " + e.getMessage(), "");
        } catch (IOException | PixelException | UnsupportedOperationException | IllegalArgumentException e) {
            sink.add(FindingKind.NOT_CHECKED, file, PATH, "PixelData", "", "the pixels could not be decoded: "
                    + e.getClass().getSimpleName(), "");
        }
    }

    private static void outside(String file, int n, PixelData before, PixelData after, Frame cleaned,
                                DicomFile original, DicomFile output, FindingSink sink) throws IOException {
        String ts = output.transferSyntax().uid();
        boolean sameSyntax = ts.equals(original.transferSyntax().uid());
        if (sameSyntax && DCT.contains(ts)) {
            long blocks = DctCoefficients.changedBlocksNotBlank(before.encoded(n), after.encoded(n));
            if (blocks > 0) {
                sink.add(FindingKind.PIXELS_CHANGED_OUTSIDE, file, PATH, "PixelData", "", "frame " + (n + 1) + ": "
                        + blocks + " DCT blocks changed that are not blanked", "");
            }
            return;
        }
        if (LOSSY_REENCODED.contains(ts)) {
            sink.add(FindingKind.NOT_CHECKED, file, PATH, "PixelData", "", "frame " + (n + 1) + ": lossy JPEG 2000"
                    + " is re-encoded whole, so its samples outside the blanked areas cannot be compared exactly", "");
            return;
        }
        long changed = changedNotBlank(before.read(n), cleaned, Black.of(cleaned.format(), output.dataset()));
        if (changed > 0) {
            sink.add(FindingKind.PIXELS_CHANGED_OUTSIDE, file, PATH, "PixelData", "", "frame " + (n + 1) + ": "
                    + changed + " samples changed that are not blank", "");
        }
    }

    /** Samples (cells of each plane) that differ between the frames and are not blank in {@code cleaned}. */
    static long changedNotBlank(Frame original, Frame cleaned, long[] black) {
        PixelFormat f = cleaned.format();
        long changed = 0;
        for (int p = 0; p < black.length; p++) {
            int[] a = original.plane(p);
            int[] b = cleaned.plane(p);
            int blank = Frame.cellOf(f, black[p]);
            for (int i = 0; i < b.length; i++) {
                if (a[i] != b[i] && b[i] != blank) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private void read(String file, int n, Frame cleaned, DataSet out, Identifiers ids, FindingSink sink) {
        for (TextBox b : detector.detect(Render.grey(cleaned, out, null))) {
            if (ids.matches(b.text())) {
                // the word read goes in the value column, which the report masks unless values are shown
                sink.add(FindingKind.PIXEL_TEXT_IDENTIFIER, file, PATH, "PixelData", "", "frame " + (n + 1)
                        + ", box " + b.describe(), b.text());
            }
        }
    }
}
