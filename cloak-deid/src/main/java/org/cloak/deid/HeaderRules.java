package org.cloak.deid;

import org.cloak.deid.clean.DescriptorCleaner;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;

/**
 * The compiled rule model applied to every attribute at every depth. With stages (scripts whose
 * statements read what earlier ones wrote, several scripts in a row), each stage's gates are
 * tested on its input and its rules build the next data set from it, the first stage's input
 * being the original.
 */
final class HeaderRules implements DeidStep {
    private final DeidConfig config;

    HeaderRules(DeidConfig config) {
        this.config = config;
    }

    @Override
    public Outcome apply(StepContext ctx) {
        EngineContext engine = new EngineContext(config, ctx.plan(), DescriptorCleaner.forDataSet(ctx.original()));
        if (config.stages().isEmpty()) {
            ctx.output(walk(config.rules(), engine, ctx.original(), ctx));
            return null;
        }
        DataSet in = ctx.original();
        for (DeidConfig.Stage stage : config.stages()) {
            Scope top = Scope.top(in);
            for (DeidConfig.Gate g : stage.gates()) {
                if (g.when().test(top)) {
                    return new Outcome.Quarantined(g.reason(), g.message());
                }
            }
            in = walk(stage.rules(), engine, in, ctx);
        }
        ctx.output(in);
        return null;
    }

    private DataSet walk(RuleSet rules, EngineContext engine, DataSet in, StepContext ctx) {
        return new RuleWalker(config, rules, engine, in, ctx.events()).walk();
    }
}
