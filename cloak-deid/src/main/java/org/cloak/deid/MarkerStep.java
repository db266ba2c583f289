package org.cloak.deid;

/** Last step: the output says it is de-identified, how, and at which time point. */
final class MarkerStep implements DeidStep {
    private final Markers markers;

    MarkerStep(DeidConfig config) {
        this.markers = new Markers(config);
    }

    @Override
    public Outcome apply(StepContext ctx) {
        markers.apply(ctx.output(), ctx.plan(), ctx.events(), ctx.addedMethodCodes());
        return null;
    }
}
