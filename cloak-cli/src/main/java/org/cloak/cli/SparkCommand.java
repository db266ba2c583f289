package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.layout.TemplateLayout;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.spark.SparkJobSpec;
import org.cloak.spark.SparkRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloak spark}: {@code cloak run} as a Spark job (docs/spark.md), with the same input,
 * output, recipe and vault flags; inputs and output are Hadoop paths. The work is done by
 * cloak-spark's {@link SparkRunner}; Spark itself comes from the cluster's class path
 * ({@code spark-submit --class org.cloak.cli.Main cloak.jar spark ...}).
 */
@Command(name = "spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"De-identifies DICOM files and folders as an Apache Spark job (docs/spark.md).",
                "Exit status: 0 every DICOM file was written, 2 some were quarantined or failed, 1 usage error."})
public final class SparkCommand implements Callable<Integer> {
    /** The environment (a field so tests can give their own). */
    Map<String, String> env = System.getenv();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N], spark://HOST:7077, yarn,"
            + " k8s://URL (default: the one spark-submit gives)")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--in", arity = "1..*", paramLabel = "PATH",
            description = "input files and folders, Hadoop paths (folders are walked recursively)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--in-list", paramLabel = "FILE", description = "a text file of more inputs, one a line")
    List<String> inputLists = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder, a Hadoop path; must not be inside an input, nor hold one")
    String out;

    @CommandLine.Mixin
    RecipeOptions recipeOptions = new RecipeOptions();

    @CommandLine.Mixin
    VaultCommand.KeyOptions key = new VaultCommand.KeyOptions();

    @Option(names = "--layout", paramLabel = "L", defaultValue = "default",
            description = "output layout: default (" + TemplateLayout.DEFAULT + "), mirror, mirror-renamed,"
                    + " or a template (docs/layout.md)")
    String layout;

    @Option(names = "--restart", description = "ignore the study journal of the output folder")
    boolean restart;

    @Option(names = "--quarantine", paramLabel = "DIR", description
            = "quarantine folder, a Hadoop path (default OUT/.cloak/quarantine)")
    String quarantine;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "audit report on this machine, .csv or .xlsx (repeatable)")
    List<Path> audits = new ArrayList<>();

    @Option(names = "--audit-password", paramLabel = "PW",
            description = "encrypts the .xlsx audit report (else the environment variable "
                    + RunCommand.AUDIT_PASSWORD_ENV + ")")
    String auditPassword;

    @Option(names = "--audit-parquet", paramLabel = "DIR",
            description = "also write the per-file and per-study audit as Parquet into DIR (a Hadoop path)")
    String auditParquet;

    @Option(names = "--strict-private",
            description = "quarantine files with a private block whose creator the recipe does not keep")
    boolean strictPrivate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "tasks per pass (default: twice the cluster's cores)")
    int partitions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(err);
        } finally {
            err.flush();
        }
    }

    private int execute(PrintWriter err) {
        SparkJobSpec job;
        try {
            if (inputs.isEmpty() && inputLists.isEmpty()) {
                throw new RunCommand.UsageException("give --in or --in-list");
            }
            recipeOptions.recipe(); // a bad recipe is refused here, before Spark starts
            String password = auditPassword != null ? auditPassword : env.get(RunCommand.AUDIT_PASSWORD_ENV);
            job = new SparkJobSpec(inputs, inputLists, out, new CliRecipe(recipeOptions),
                    RunCommand.recipeDigest(recipeOptions), key.vaultDir(), key.keySource(env),
                    LayoutSpec.parse(layout), restart, quarantine, audits, password, auditParquet, strictPrivate,
                    partitions);
        } catch (RunCommand.UsageException | PipelineException | IllegalArgumentException | IOException e) {
            err.println("cloak spark: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        RunSummary s;
        try {
            s = SparkRunner.run(master, conf, job, Clock.systemDefaultZone());
        } catch (NoClassDefFoundError e) {
            err.println("cloak spark: Spark is not on the class path; run it with spark-submit --class"
                    + " org.cloak.cli.Main cloak.jar spark ..., or java -cp cloak.jar:$SPARK_HOME/jars/*"
                    + " org.cloak.cli.Main spark ... (docs/spark.md)");
            return ExitCodes.FAILURE;
        } catch (PipelineException e) {
            err.println("cloak spark: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        print(err, s);
        return s.allWritten() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static void print(PrintWriter err, RunSummary s) {
        err.printf(Locale.ROOT,
                "cloak spark: %d files: %d written, %d skipped (not DICOM), %d quarantined, %d failed%n",
                s.seen(), s.written(), s.skipped().size(), s.quarantined().size(), s.failed().size());
        err.printf(Locale.ROOT, "cloak spark: %d studies, %d files reused from an earlier run%n", s.studies(),
                s.reused());
        err.printf(Locale.ROOT, "cloak spark: %.1f MB in %.2f s: %.1f MB/s, %.0f files/s%n",
                s.bytesIn() / 1e6, s.seconds(), s.megabytesPerSecond(), s.filesPerSecond());
        for (RunSummary.Problem q : s.quarantined()) {
            err.println("  quarantined: " + q.input() + ": " + q.reason());
        }
        for (RunSummary.Problem f : s.failed()) {
            err.println("  failed: " + f.input() + ": " + f.reason());
        }
    }
}
