package org.cloak.deid;

import java.util.Set;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;

/**
 * Decides whether an image may carry text burned into its pixels: Burned In Annotation = YES,
 * or no such flag on modalities and SOP classes known for it (ultrasound, secondary capture,
 * screen captures).
 */
final class BurnedInCheck {
    private static final Set<String> RISKY_MODALITIES = Set.of("US", "SC", "OT", "XC", "DOC");
    /** Secondary Capture and its multi-frame kinds (…1.1.7.1 to …1.1.7.4) share this root. */
    private static final String SECONDARY_CAPTURE_PREFIX = Uid.SecondaryCaptureImageStorage;
    private static final Set<String> RISKY_SOP_CLASSES = Set.of(
            Uid.UltrasoundImageStorage, Uid.UltrasoundMultiFrameImageStorage, Uid.EncapsulatedPDFStorage);

    private BurnedInCheck() {}

    /** The reason to quarantine, or null when the image is not suspect. */
    static String reason(DataSet ds) {
        String flag = ds.getString(Tag.BurnedInAnnotation);
        if (flag != null && flag.equalsIgnoreCase("YES")) {
            return "Burned In Annotation is YES";
        }
        if (flag != null && flag.equalsIgnoreCase("NO")) {
            return null;
        }
        String modality = ds.getString(Tag.Modality);
        String sopClass = ds.getString(Tag.SOPClassUID);
        if (!ds.contains(Tag.PixelData)) {
            return null;
        }
        if (modality != null && RISKY_MODALITIES.contains(modality.toUpperCase())) {
            return "no Burned In Annotation flag on modality " + modality.toUpperCase();
        }
        if (sopClass != null && (sopClass.startsWith(SECONDARY_CAPTURE_PREFIX)
                || RISKY_SOP_CLASSES.contains(sopClass))) {
            return "no Burned In Annotation flag on a secondary capture or ultrasound SOP class";
        }
        return null;
    }
}
