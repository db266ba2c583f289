package org.cloak.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.service.RunService;
import org.cloak.pipeline.service.RunSpec;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;
import org.cloak.spark.plan.RecipeSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode against {@code cloak run}'s service (the oracle: the batch run
 * the issue asks equality with), same recipe, same secret, same processing date: the output
 * trees and the quarantines are byte for byte the same, the audit has the same records (but
 * their times), and the vaults hold the same map.
 */
class SparkEquivalenceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T10:00:00Z"), ZoneOffset.UTC);
    static final KeySource KEY = new KeySource.Passphrase("spark test passphrase".toCharArray());
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTests.local(2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void basicProfileAsCloakRun() throws Exception {
        compare(null, "default");
    }

    @Test
    void sequentialIdsAndTimepointsAsCloakRun() throws Exception {
        compare(Path.of("..", "recipes", "trial-timepoints.yaml"), "default");
    }

    private void compare(Path recipeFile, String layout) throws Exception {
        Path in = TestCorpus.write(dir.resolve("in"), 3, 3);
        Path vaultA = dir.resolve("vault-a");
        Vault.openOrCreate(vaultA, KEY).close();
        Path vaultB = dir.resolve("vault-b");
        Trees.copy(vaultA, vaultB); // the same secret for both runs
        Recipe recipe = recipeFile == null ? Recipe.defaults() : RecipeReader.read(recipeFile);
        String digest = recipeFile == null ? Digests.flags(List.of("profile=null")) : Digests.recipe(recipeFile);
        Path outA = dir.resolve("out-run");
        RunService service = new RunService(CLOCK);
        RunSpec runSpec = new RunSpec(List.of(in), outA, recipe, digest, vaultA, KEY, 2, LayoutSpec.parse(layout),
                false, null, List.of(dir.resolve("run.csv")), null, false, false);
        RunSummary a = service.run(service.prepare(runSpec, new BufferedReader(new StringReader(""))),
                new org.cloak.pipeline.run.Progress());

        Path outB = dir.resolve("out-spark");
        SparkJobSpec spec = new SparkJobSpec(List.of(in.toString()), List.of(), outB.toString(),
                recipeFile == null ? RecipeSource.defaults() : RecipeSource.yaml(recipeFile), digest, vaultB, KEY,
                LayoutSpec.parse(layout), false, null, List.of(dir.resolve("spark.csv")), null,
                dir.resolve("parquet").toString(), false, 0);
        RunSummary b = new SparkDeidJob(CLOCK).run(spark, spec);

        assertThat(a.written()).isEqualTo(3 * 2 * 2 * 3 + 3);
        assertThat(b.written()).isEqualTo(a.written());
        assertThat(b.seen()).isEqualTo(a.seen());
        assertThat(b.studies()).isEqualTo(a.studies());
        assertThat(b.quarantined()).hasSameSizeAs(a.quarantined()).hasSize(1);
        assertThat(b.skipped()).hasSameSizeAs(a.skipped()).hasSize(1);
        Trees.assertSame(outA, outB, ".cloak");
        Trees.assertSame(Trees.quarantine(outA), Trees.quarantine(outB), null);
        assertThat(Trees.auditRows(dir.resolve("spark.csv"))).containsExactlyElementsOf(
                Trees.auditRows(dir.resolve("run.csv")));
        assertThat(Trees.vaultMap(vaultB, KEY)).isEqualTo(Trees.vaultMap(vaultA, KEY));
        // one row per study among cloak run's audit records (quarantined files have none: "")
        long studies = Files.readAllLines(dir.resolve("run.csv")).stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> !c[3].equals("SKIPPED")).map(c -> c[2]).distinct().count();
        assertThat(Files.readAllLines(dir.resolve("spark.studies.csv"))).hasSize(1 + (int) studies);
        assertThat(spark.read().parquet(dir.resolve("parquet/files").toString()).count()).isEqualTo(a.seen());
    }
}
