package org.cloak.spark;

import java.nio.file.Path;
import java.util.List;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.spark.plan.RecipeSource;

/**
 * Everything one Spark run needs, as a front end collected it: {@code cloak run}'s settings, with
 * inputs and output as Hadoop paths.
 *
 * @param inputs files and folders (local paths, {@code hdfs://}, {@code s3a://}...)
 * @param inputLists text files listing more inputs, one a line
 * @param output the output folder (a Hadoop path)
 * @param recipe where every executor gets the recipe from
 * @param recipeDigest the digest the audit names the recipe by
 * @param vaultDir the vault's folder, on the driver's machine
 * @param key how the vault is unlocked
 * @param quarantine quarantine folder (a Hadoop path), or null for {@code OUT/.cloak/quarantine}
 * @param audits audit reports written on the driver (.csv, .xlsx), as {@code cloak run --audit}
 * @param auditPassword password of the .xlsx reports, or null
 * @param auditParquet folder (a Hadoop path) for the per-file and per-study audit as Parquet, or null
 * @param partitions tasks per pass, or 0 for twice the default parallelism
 */
public record SparkJobSpec(List<String> inputs, List<String> inputLists, String output, RecipeSource recipe,
                           String recipeDigest, Path vaultDir, KeySource key, LayoutSpec layout, boolean restart,
                           String quarantine, List<Path> audits, String auditPassword, String auditParquet,
                           boolean strictPrivate, int partitions) {
    public SparkJobSpec {
        inputs = List.copyOf(inputs);
        inputLists = List.copyOf(inputLists);
        audits = List.copyOf(audits);
    }
}
