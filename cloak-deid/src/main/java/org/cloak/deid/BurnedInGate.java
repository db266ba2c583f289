package org.cloak.deid;

import org.cloak.deid.pixel.PixelCoverage;

/**
 * First step: an image that may carry burned-in text goes on when the pixel step cleans it (a
 * pixel rule or OCR covers it) or the recipe allows it, and is held back otherwise.
 */
final class BurnedInGate implements DeidStep {
    private final boolean allowBurnedIn;
    private final PixelCoverage pixels;

    /** @param pixels what the pixel step covers, or null without one */
    BurnedInGate(boolean allowBurnedIn, PixelCoverage pixels) {
        this.allowBurnedIn = allowBurnedIn;
        this.pixels = pixels;
    }

    BurnedInGate(boolean allowBurnedIn) {
        this(allowBurnedIn, null);
    }

    @Override
    public Outcome apply(StepContext ctx) {
        if (allowBurnedIn) {
            return null;
        }
        String reason = BurnedInCheck.reason(ctx.original());
        if (reason == null || (pixels != null && pixels.covers(ctx.original()))) {
            return null;
        }
        String uncovered = pixels != null ? " and no pixel rule or OCR covers it" : "";
        return new Outcome.Quarantined(Outcome.Reason.BURNED_IN,
                reason + uncovered + " (use --allow-burned-in to write it)");
    }
}
