package org.cloak.pixel.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.pixel.access.CodecLookup;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.text.Identifiers;
import org.cloak.pixel.text.Render;
import org.cloak.pixel.text.TextBox;
import org.cloak.pixel.text.TextDetector;

/**
 * What the pixel step would do to one file, without changing it: the rules that match, and the
 * words OCR finds in every frame with their class (PHI when they match the file's identifiers).
 * The words' text is not kept.
 */
public final class PixelScan {
    private final PixelPolicy policy;
    private final PixelCodecs codecs;
    private final TextDetector detector;

    /** @param detector null to report rules only */
    public PixelScan(PixelPolicy policy, PixelCodecs codecs, TextDetector detector) {
        this.policy = policy;
        this.codecs = codecs;
        this.detector = detector;
    }

    /** A word found: frame, box, confidence, whether it is one of the file's identifiers. */
    public record Hit(int frame, int x, int y, int width, int height, float confidence, boolean phi) {}

    /**
     * The report of one file.
     *
     * @param problem why the pixels could not be read, or null
     */
    public record Report(String device, int rows, int columns, List<String> rules, List<Hit> hits, String problem) {}

    public Report scan(DicomFile file) {
        DataSet ds = file.dataset();
        List<String> rules = policy.matching(ds).stream().map(PixelRule::name).toList();
        String device = device(ds);
        int rows = ds.getInt(Tag.Rows, 0);
        int columns = ds.getInt(Tag.Columns, 0);
        if (detector == null || !ds.contains(Tag.PixelData)) {
            return new Report(device, rows, columns, rules, List.of(), null);
        }
        CodecLookup lookup = codecs.lookup(file.transferSyntax().uid());
        if (lookup instanceof CodecLookup.Unsupported u) {
            return new Report(device, rows, columns, rules, List.of(), u.detail());
        }
        List<Hit> hits = new ArrayList<>();
        try {
            PixelData pixels = PixelData.open(ds, file.transferSyntax().uid(), codecs);
            Identifiers ids = Identifiers.of(ds);
            for (int n = 0; n < pixels.count(); n++) {
                for (TextBox b : detector.detect(Render.grey(pixels.read(n), ds, null))) {
                    hits.add(new Hit(n, b.x(), b.y(), b.width(), b.height(), b.confidence(), ids.matches(b.text())));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Report(device, rows, columns, rules, hits, e.getClass().getSimpleName());
        }
        return new Report(device, rows, columns, rules, hits, null);
    }

    /** Manufacturer and model, as rules are keyed. */
    static String device(DataSet ds) {
        String m = ds.getString(Tag.Manufacturer);
        String model = ds.getString(Tag.ManufacturerModelName);
        return (m == null ? "" : m.trim()) + "|" + (model == null ? "" : model.trim());
    }
}
