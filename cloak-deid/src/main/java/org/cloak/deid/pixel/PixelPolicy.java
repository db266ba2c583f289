package org.cloak.deid.pixel;

import java.util.List;
import org.cloak.dicom.data.DataSet;

/**
 * A project's pixel cleaning: region rules, and what OCR does and on which images. Read from a
 * recipe's {@code pixels} section or assembled from flags; the pixel step (module cloak-pixel)
 * carries it out.
 *
 * <pre>{@code
 * PixelPolicy p = new PixelPolicy(List.of(PixelRule.regions("us-top", Condition.on(Tag.Modality,
 *         Condition.Op.EQUALS, "US"), List.of(new PixelRegion(0, 0, 800, 60)), "example")),
 *         TextMode.REDACT, TextScope.AT_RISK);
 * List<PixelRule> hits = p.matching(dataSet);
 * }</pre>
 *
 * @param rules applied in order; every rule that matches a file adds its regions
 * @param text what OCR does
 * @param scope which images OCR reads
 */
public record PixelPolicy(List<PixelRule> rules, TextMode text, TextScope scope) {

    public PixelPolicy {
        rules = List.copyOf(rules);
    }

    /** No rule, no OCR: the pixel data is never touched. */
    public static PixelPolicy none() { return new PixelPolicy(List.of(), TextMode.OFF, TextScope.AT_RISK); }

    /** Whether anything is configured. */
    public boolean isEmpty() { return rules.isEmpty() && text == TextMode.OFF; }

    /** The rules whose condition holds for the original header. */
    public List<PixelRule> matching(DataSet original) {
        return rules.stream().filter(r -> r.matches(original)).toList();
    }

    /** Whether OCR reads this image. */
    public boolean scans(DataSet original) {
        return text != TextMode.OFF && scope.includes(original);
    }

    /**
     * Whether burned-in text of this image is taken care of: a rule matches it, or OCR reads it
     * in a mode that blanks text or holds the file back.
     */
    public boolean covers(DataSet original) {
        if (!matching(original).isEmpty()) {
            return true;
        }
        return scans(original) && text != TextMode.DETECT;
    }

    /** This policy with another OCR mode and scope (a flag over a recipe). */
    public PixelPolicy withText(TextMode mode, TextScope textScope) {
        return new PixelPolicy(rules, mode, textScope);
    }
}
