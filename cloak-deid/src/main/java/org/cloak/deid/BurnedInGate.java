package org.cloak.deid;

/** First step: an image that may carry burned-in text is held back unless the recipe allows it. */
final class BurnedInGate implements DeidStep {
    private final boolean allowBurnedIn;

    BurnedInGate(boolean allowBurnedIn) {
        this.allowBurnedIn = allowBurnedIn;
    }

    @Override
    public Outcome apply(StepContext ctx) {
        if (allowBurnedIn) {
            return null;
        }
        String reason = BurnedInCheck.reason(ctx.original());
        return reason == null ? null
                : new Outcome.Quarantined(Outcome.Reason.BURNED_IN, reason + " (use --allow-burned-in to write it)");
    }
}
