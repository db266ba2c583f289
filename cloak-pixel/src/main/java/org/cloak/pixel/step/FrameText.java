package org.cloak.pixel.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.pixel.TextMode;
import org.cloak.dicom.data.DataSet;
import org.cloak.pixel.Frame;
import org.cloak.pixel.region.Black;
import org.cloak.pixel.region.Redaction;
import org.cloak.pixel.region.Region;
import org.cloak.pixel.text.Identifiers;
import org.cloak.pixel.text.Render;
import org.cloak.pixel.text.TextBox;
import org.cloak.pixel.text.TextDetector;

/** OCR of one image's frames and what the mode does with each word: blank it, report it, or hold the file. */
final class FrameText {
    /** Pixels added around a word's box when it is blanked: OCR boxes hug the glyphs. */
    static final int MARGIN = 3;

    private final TextDetector detector;
    private final TextMode mode;
    private final DataSet original;
    private Identifiers ids;
    final List<Detection> detections = new ArrayList<>();

    /** A word found: where, how sure, whether it is one of the file's identifiers, whether blanked. */
    record Detection(int frame, TextBox box, boolean phi, boolean blanked, boolean coveredByRule) {}

    FrameText(TextDetector detector, TextMode mode, DataSet original) {
        this.detector = detector;
        this.mode = mode;
        this.original = original;
    }

    /**
     * Reads a frame and gives the regions to blank for its words (none in detect and quarantine
     * modes). When words were blanked, the frame is read once more with them blanked (on a copy):
     * OCR finds words next to the ones it read once those are gone.
     */
    List<Region> regions(int n, Frame frame, List<Region> ruleRegions) {
        List<Region> blank = pass(n, frame, ruleRegions);
        if (blank.isEmpty()) {
            return blank;
        }
        Frame copy = frame.copy();
        long[] black;
        try {
            black = Black.of(frame.format(), original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Region r : blank) {
            Redaction.fill(copy, r, black);
        }
        for (Region r : ruleRegions) {
            Redaction.fill(copy, r, black);
        }
        List<Region> all = new ArrayList<>(blank);
        all.addAll(pass(n, copy, ruleRegions));
        return all;
    }

    private List<Region> pass(int n, Frame frame, List<Region> ruleRegions) {
        List<Region> blank = new ArrayList<>();
        for (TextBox b : detector.detect(Render.grey(frame, original, null))) {
            boolean phi = identifiers().matches(b.text());
            boolean blanked = mode == TextMode.REDACT || (mode == TextMode.REDACT_PHI && phi);
            boolean covered = inside(b, ruleRegions, frame.format().columns(), frame.format().rows());
            detections.add(new Detection(n, new TextBox(b.x(), b.y(), b.width(), b.height(), b.confidence(), null),
                    phi, blanked, covered));
            if (blanked) {
                blank.add(b.region(MARGIN));
            }
        }
        return blank;
    }

    /** Words no rule blanks (what quarantine mode holds a file back for). */
    long uncovered() { return detections.stream().filter(d -> !d.coveredByRule()).count(); }

    private Identifiers identifiers() {
        if (ids == null) {
            ids = Identifiers.of(original);
        }
        return ids;
    }

    private static boolean inside(TextBox b, List<Region> regions, int columns, int rows) {
        for (Region r : regions) {
            Region.Bounds g = r.within(columns, rows);
            if (b.x() >= g.x0() && b.y() >= g.y0() && b.x() + b.width() <= g.x1() && b.y() + b.height() <= g.y1()) {
                return true;
            }
        }
        return false;
    }
}
