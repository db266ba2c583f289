package org.cloak.spark;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.spark.plan.RecipeSource;

/**
 * The job as the cluster tests submit it through spark-submit's main class: {@code IN OUT VAULT
 * PASSPHRASE AUDIT [RECIPE]}; prints the summary's counts and exits 0 when every DICOM file was
 * written, 2 when some were quarantined (as {@code cloak run}).
 */
public final class ClusterJobMain {
    private ClusterJobMain() {}

    public static void main(String[] args) throws Exception {
        Path recipe = args.length > 5 ? Path.of(args[5]) : null;
        SparkJobSpec spec = new SparkJobSpec(List.of(args[0]), List.of(), args[1],
                recipe == null ? RecipeSource.defaults() : RecipeSource.yaml(recipe),
                recipe == null ? Digests.flags(List.of("profile=null")) : Digests.recipe(recipe), Path.of(args[2]),
                new KeySource.Passphrase(args[3].toCharArray()), LayoutSpec.standard(), false, null,
                new ArrayList<>(List.of(Path.of(args[4]))), null, null, false, 0);
        SparkSession spark = SparkSession.builder().appName("cloak-cluster-test").getOrCreate();
        RunSummary s;
        try {
            Clock clock = Clock.fixed(SparkEquivalenceTest.CLOCK.instant(), SparkEquivalenceTest.CLOCK.getZone());
            s = new SparkDeidJob(clock).run(spark, spec);
        } finally {
            spark.stop();
        }
        System.out.println("cloak-summary seen=" + s.seen() + " written=" + s.written() + " reused=" + s.reused()
                + " quarantined=" + s.quarantined().size());
        System.exit(s.allWritten() ? 0 : 2);
    }
}
