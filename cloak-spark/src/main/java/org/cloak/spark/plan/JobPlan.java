package org.cloak.spark.plan;

import java.io.Serializable;
import java.time.LocalDate;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.run.ObjectProcessor;
import org.cloak.pipeline.run.StrictPrivate;
import org.cloak.spark.io.HadoopConf;

/**
 * What every task needs, broadcast once from the driver: the recipe's source, the secret derived
 * from the vault (the vault itself never leaves the driver), the processing date, the layout, the
 * output and quarantine folders and, once discovery is merged, the frozen discovery that
 * SEQUENTIAL numbers and time points are planned from. Each executor builds its
 * {@link ObjectProcessor} from it once and keeps it for the job's tasks.
 */
public final class JobPlan implements Serializable {
    private final RecipeSource recipe;
    private final byte[] secret;
    private final LocalDate processingDate;
    private final String layout;
    private final boolean strictPrivate;
    private final Discovery discovery;
    private final String output;
    private final String quarantine;
    private final String runId;
    private final HadoopConf conf;
    private transient volatile ObjectProcessor processor;

    /**
     * @param discovery the merged discovery, or null when the recipe needs none (nor is it known yet)
     * @param runId names this run in the study journal, so a recomputed task of the same run is told from a resume
     */
    public JobPlan(RecipeSource recipe, Secret secret, LocalDate processingDate, LayoutSpec layout,
                   boolean strictPrivate, Discovery discovery, String output, String quarantine, String runId,
                   HadoopConf conf) {
        this.recipe = recipe;
        this.secret = secret.bytes();
        this.processingDate = processingDate;
        this.layout = layout.text();
        this.strictPrivate = strictPrivate;
        this.discovery = discovery;
        this.output = output;
        this.quarantine = quarantine;
        this.runId = runId;
        this.conf = conf;
    }

    /** This plan with the merged discovery frozen into it. */
    public JobPlan withDiscovery(Discovery merged) {
        return new JobPlan(recipe, new Secret(secret), processingDate, LayoutSpec.parse(layout), strictPrivate, merged,
                output, quarantine, runId, conf);
    }

    /**
     * The de-identification as the driver's plan makes it; on an executor, built at the first call
     * and kept (the broadcast value is one object per executor).
     */
    public ObjectProcessor processor() {
        ObjectProcessor p = processor;
        if (p == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                p = processor;
            }
        }
        return p;
    }

    private ObjectProcessor build() {
        Recipe r = recipe.recipe();
        Deidentification.Preparation prep = Recipes.prepare(r, new Secret(secret), processingDate, false);
        if (prep.needsDiscovery()) {
            if (discovery == null) {
                throw new IllegalStateException("the recipe needs the discovery, and the plan holds none");
            }
            prep.merge(discovery);
        }
        return new ObjectProcessor(prep.build(), LayoutSpec.parse(layout),
                strictPrivate ? StrictPrivate.of(r) : ds -> null);
    }

    public String output() { return output; }

    public String quarantine() { return quarantine; }

    public String runId() { return runId; }

    public HadoopConf conf() { return conf; }

    /** Shows no secret: Spark may print a task's closure. */
    @Override
    public String toString() { return "JobPlan[" + runId + "]"; }
}
