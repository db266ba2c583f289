package org.cloak.deid.pixel;

import java.util.Arrays;
import java.util.Locale;

/** What the pixel step does with text that OCR finds in the pixels. */
public enum TextMode {
    /** No OCR. */
    OFF,
    /** OCR runs; detections go to the audit, the pixels are not changed for them. */
    DETECT,
    /** Every detected text box is blanked. */
    REDACT,
    /** Only boxes whose words match the file's own identifiers are blanked. */
    REDACT_PHI,
    /** A file with text that no pixel rule covers is held for review instead of written. */
    QUARANTINE;

    /** The recipe's and the flag's word: off, detect, redact, redact-phi, quarantine. */
    public String word() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The mode for a word, or an {@link IllegalArgumentException} naming the known ones. */
    public static TextMode of(String word) {
        for (TextMode m : values()) {
            if (m.word().equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown pixel text mode '" + word + "'; known: "
                + Arrays.stream(values()).map(TextMode::word).toList());
    }
}
