package org.cloak.deid;

import org.cloak.deid.clean.DescriptorCleaner;

/** The compiled rule model applied to every attribute at every depth. */
final class HeaderRules implements DeidStep {
    private final DeidConfig config;

    HeaderRules(DeidConfig config) {
        this.config = config;
    }

    @Override
    public Outcome apply(StepContext ctx) {
        EngineContext engine = new EngineContext(config, ctx.plan(), DescriptorCleaner.forDataSet(ctx.original()));
        ctx.output(new RuleWalker(config, engine, ctx.original(), ctx.events()).walk());
        return null;
    }
}
