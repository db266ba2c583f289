package org.cloak.deid.pixel;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;

/**
 * Which images OCR reads: all of them, those at risk of burned-in text, or those of some
 * modalities.
 *
 * @param modalities for {@link Kind#MODALITIES}, upper case; empty otherwise
 */
public record TextScope(Kind kind, Set<String> modalities) {
    /**
     * Modalities whose images often carry text: ultrasound, secondary and screen captures,
     * angiography, radiographs, documents.
     */
    public static final Set<String> AT_RISK_MODALITIES = Set.of("US", "SC", "OT", "XA", "XC", "CR", "DX", "DOC",
            "IVUS", "ES");
    public static final TextScope ALL = new TextScope(Kind.ALL, Set.of());
    public static final TextScope AT_RISK = new TextScope(Kind.AT_RISK, Set.of());

    /** The three kinds of scope. */
    public enum Kind { ALL, AT_RISK, MODALITIES }

    public TextScope {
        modalities = Set.copyOf(modalities);
    }

    /** {@code all}, {@code at-risk} or a comma-separated list of modalities ({@code US,SC}). */
    public static TextScope of(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        if (t.equalsIgnoreCase("at-risk")) {
            return AT_RISK;
        }
        Set<String> m = new LinkedHashSet<>();
        for (String part : t.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (!p.matches("[A-Z0-9_]{1,16}")) {
                throw new IllegalArgumentException("pixel text scope is all, at-risk or modalities like US,SC; found '"
                        + part.trim() + "'");
            }
            m.add(p);
        }
        return new TextScope(Kind.MODALITIES, m);
    }

    /** How a recipe or a report writes it. */
    public String word() {
        return switch (kind) {
            case ALL -> "all";
            case AT_RISK -> "at-risk";
            case MODALITIES -> String.join(",", modalities);
        };
    }

    /**
     * Whether OCR reads this image. At risk: Burned In Annotation YES; or, unless it is NO, a
     * modality of {@link #AT_RISK_MODALITIES}, a secondary capture, ultrasound or dose report SOP class.
     */
    public boolean includes(DataSet ds) {
        if (!ds.contains(Tag.PixelData)) {
            return false;
        }
        String modality = upper(ds.getString(Tag.Modality));
        return switch (kind) {
            case ALL -> true;
            case MODALITIES -> modalities.contains(modality);
            case AT_RISK -> atRisk(ds, modality);
        };
    }

    private static boolean atRisk(DataSet ds, String modality) {
        String flag = upper(ds.getString(Tag.BurnedInAnnotation));
        if (flag.equals("YES")) {
            return true;
        }
        if (flag.equals("NO")) {
            return false;
        }
        String sop = ds.getString(Tag.SOPClassUID);
        return AT_RISK_MODALITIES.contains(modality) || (sop != null && (sop.startsWith(
                Uid.SecondaryCaptureImageStorage)
                || Arrays.asList(Uid.UltrasoundImageStorage, Uid.UltrasoundMultiFrameImageStorage).contains(sop)));
    }

    private static String upper(String s) { return s == null ? "" : s.trim().toUpperCase(Locale.ROOT); }
}
