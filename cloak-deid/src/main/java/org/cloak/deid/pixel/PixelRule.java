package org.cloak.deid.pixel;

import java.util.List;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;

/**
 * Where burned-in text sits on the images of one kind of device: a header condition (on
 * Manufacturer, ManufacturerModelName, Rows and Columns, SOPClassUID, Modality, ImageType,
 * SeriesDescription or any attribute, with the rule model's operators) and either rectangles
 * to blank or {@link Mode#KEEP_ULTRASOUND_REGIONS} (blank everything outside the Sequence of
 * Ultrasound Regions). Recipes' {@code pixels.rules}, CTP pixel signatures, deid
 * {@code %filter} groups and DicomEdit {@code alterPixels} compile into it.
 *
 * @param name what the audit and {@code cloak pixels scan} call the rule
 * @param origin where it came from ("recipe line 12", "ctp DicomPixelAnonymizer.script line 40")
 */
public record PixelRule(String name, Condition condition, Mode mode, List<PixelRegion> regions, String origin) {

    /** What a rule blanks. */
    public enum Mode {
        /** The rule's rectangles. */
        REGIONS,
        /** Everything but the regions of the Sequence of Ultrasound Regions (0018,6011). */
        KEEP_ULTRASOUND_REGIONS
    }

    public PixelRule {
        regions = List.copyOf(regions);
        if (mode == Mode.REGIONS && regions.isEmpty()) {
            throw new IllegalArgumentException("pixel rule " + name + " has no region");
        }
    }

    /** A rule blanking rectangles. */
    public static PixelRule regions(String name, Condition condition, List<PixelRegion> regions, String origin) {
        return new PixelRule(name, condition, Mode.REGIONS, regions, origin);
    }

    /** A rule keeping only the ultrasound regions. */
    public static PixelRule keepUltrasoundRegions(String name, Condition condition, String origin) {
        return new PixelRule(name, condition, Mode.KEEP_ULTRASOUND_REGIONS, List.of(), origin);
    }

    /** Whether the rule applies to a data set (its original header). */
    public boolean matches(DataSet original) {
        return condition.test(Scope.top(original));
    }
}
