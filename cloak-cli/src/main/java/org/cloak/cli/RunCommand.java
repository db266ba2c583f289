package org.cloak.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cloak.deid.recipe.Recipe;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.layout.TemplateLayout;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.run.RunOptions;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.service.RunService;
import org.cloak.pipeline.service.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code cloak run}: de-identifies files and folders into an output folder. The work is done by
 * {@link RunService} in cloak-pipeline; this class turns flags into a {@link RunSpec}, and the
 * summary into text and an exit status.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"De-identifies DICOM files and folders into an output folder.",
                "Exit status: 0 every DICOM file was written, 2 some were quarantined or failed, 1 usage error."})
public final class RunCommand implements Callable<Integer> {
    private static final int LISTED_SKIPS = 20;
    private static final int PROGRESS_MILLIS = 500;
    static final String AUDIT_PASSWORD_ENV = "CLOAK_AUDIT_PASSWORD";

    /** The environment (a field so tests can give their own). */
    Map<String, String> env = System.getenv();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, arity = "1..*", paramLabel = "PATH",
            description = "input files and folders (folders are walked recursively)")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder; must not be inside an input, nor hold one")
    Path out;

    @CommandLine.Mixin
    RecipeOptions recipeOptions = new RecipeOptions();

    @CommandLine.Mixin
    PixelTextOptions pixelText = new PixelTextOptions();

    @CommandLine.Mixin
    VaultCommand.KeyOptions key = new VaultCommand.KeyOptions();

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per processor)")
    Integer threads;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "default",
            description = "output layout: default (" + TemplateLayout.DEFAULT + "), mirror, mirror-renamed,"
                    + " or a template (docs/layout.md)")
    String layout;

    @Option(names = "--restart", description = "ignore (and truncate) the resume journal of the output folder")
    boolean restart;

    @Option(names = "--quarantine", paramLabel = "DIR", description
            = "quarantine folder, outside OUT (default OUT.originals/quarantine)")
    Path quarantine;

    @Option(names = "--audit", paramLabel = "FILE", description = "audit report, .csv or .xlsx (repeatable)")
    List<Path> audits = new ArrayList<>();

    @Option(names = "--audit-password", paramLabel = "PW",
            description = "encrypts the .xlsx audit report (else the environment variable " + AUDIT_PASSWORD_ENV + ")")
    String auditPassword;

    @Option(names = "--audit-original-values",
            description = "keep original values in the (encrypted) workbook's Changes sheet")
    boolean auditOriginalValues;

    @Option(names = "--strict",
            description = "refuse the run when --layout mirror would copy folder or file names holding a patient's"
                    + " name, ID or dates into the output")
    boolean strict;

    @Option(names = "--strict-private",
            description = "quarantine files with a private block whose creator the recipe does not keep")
    boolean strictPrivate;

    @Option(names = "--json", description = "write the summary as JSON to standard output")
    boolean json;

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
        RunService service = new RunService(Clock.systemDefaultZone());
        RunService.Prepared prepared;
        try {
            Recipe recipe = recipe();
            String password = auditPassword != null ? auditPassword : env.get(AUDIT_PASSWORD_ENV);
            RunSpec runSpec = new RunSpec(inputs, out, recipe, recipeDigest(), key.vaultDir(), key.keySource(env),
                    threads, LayoutSpec.parse(layout), restart, quarantine, audits, password, auditOriginalValues,
                    strictPrivate)
                    .withPixelStep(pixelText.step(recipe)).withStrictNames(strict);
            prepared = service.prepare(runSpec,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (UsageException | PipelineException | IllegalArgumentException | IOException e) {
            err.println("cloak run: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        try {
            Progress progress = new Progress();
            RunSummary summary;
            Bar bar = progressBar(progress);
            try {
                summary = service.run(prepared, progress);
            } finally {
                bar.close(); // draws the final state
            }
            print(err, summary, prepared.options());
            if (json) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println(SummaryJson.of(summary));
                stdout.flush();
            }
            return summary.allWritten() ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (PipelineException e) {
            err.println("cloak run: " + e.getMessage());
            return e.kind() == PipelineException.Kind.INTERRUPTED ? ExitCodes.PARTIAL : ExitCodes.FAILURE;
        }
    }

    private String recipeDigest() throws IOException {
        return recipeDigest(recipeOptions);
    }

    /** The digest the audit names the recipe by: of its YAML file, else of the recipe flags. */
    static String recipeDigest(RecipeOptions r) throws IOException {
        if (r.recipeFile != null) {
            return Digests.recipe(r.recipeFile);
        }
        List<String> flags = new ArrayList<>();
        flags.add("profile=" + r.profile);
        if (r.options != null) {
            r.options.forEach(o -> flags.add("option=" + o));
        }
        flags.add("allow-burned-in=" + r.allowBurnedIn);
        return Digests.flags(flags);
    }

    /** The recipe file if given, else the defaults; flags given on the command line win. */
    Recipe recipe() throws UsageException {
        return recipeOptions.recipe();
    }

    /**
     * A progress bar (files, ETA; studies, MB/s and errors in its message) on a terminal only: a
     * script reading the output gets nothing but the summary. Closing it draws the final state.
     */
    private static Bar progressBar(Progress p) {
        if (System.console() == null) {
            return () -> { };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("cloak run").setUnit(" files", 1)
                .setInitialMax(Math.max(p.total(), 1)).setUpdateIntervalMillis(PROGRESS_MILLIS)
                .setStyle(ProgressBarStyle.ASCII).build();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloak-progress");
            t.setDaemon(true);
            return t;
        });
        Runnable update = () -> {
            bar.maxHint(Math.max(p.total(), 1));
            bar.stepTo(p.seen());
            bar.setExtraMessage(String.format(Locale.ROOT, " %d/%d studies, %.1f MB/s, %d errors",
                    p.studiesDone(), p.studies(), p.bytesIn() / 1e6 / Math.max(p.seconds(), 1e-9), p.problems()));
        };
        s.scheduleAtFixedRate(update, 0, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        return () -> {
            s.shutdownNow();
            update.run();
            bar.close();
        };
    }

    private static void print(PrintWriter err, RunSummary s, RunOptions o) {
        err.printf(Locale.ROOT, "cloak run: %d files: %d written, %d skipped (not DICOM), %d quarantined, %d failed%n",
                s.seen(), s.written(), s.skipped().size(), s.quarantined().size(), s.failed().size());
        err.printf(Locale.ROOT, "cloak run: %d studies, %d files reused from an earlier run%n", s.studies(),
                s.reused());
        for (RunSummary.Problem r : s.refused()) {
            err.println("  refused: " + r.input() + ": " + r.reason());
        }
        err.printf(Locale.ROOT, "cloak run: %.1f MB in %.2f s: %.1f MB/s, %.0f files/s%n",
                s.bytesIn() / 1e6, s.seconds(), s.megabytesPerSecond(), s.filesPerSecond());
        for (int i = 0; i < s.skipped().size() && i < LISTED_SKIPS; i++) {
            err.println("  skipped (not DICOM): " + s.skipped().get(i));
        }
        if (s.skipped().size() > LISTED_SKIPS) {
            err.println("  ... and " + (s.skipped().size() - LISTED_SKIPS) + " more skipped");
        }
        for (RunSummary.Problem q : s.quarantined()) {
            err.println("  quarantined: " + q.input() + ": " + q.reason());
        }
        if (!s.quarantined().isEmpty()) {
            err.println("  quarantine folder: " + o.quarantineDir());
        }
        for (RunSummary.Problem f : s.failed()) {
            err.println("  failed: " + f.input() + ": " + f.reason());
        }
        if (s.identifyingNames() > 0) {
            err.printf(Locale.ROOT, "cloak run: warning: %d inputs have folder or file names holding their patient's"
                    + " name, ID or dates, and --layout %s copied them into the output; use a template layout (the"
                    + " default), or --strict to refuse such a run (docs/layout.md)%n", s.identifyingNames(),
                    o.layout().text());
        }
    }

    /** The progress display; closing it never throws. */
    private interface Bar extends AutoCloseable {
        @Override
        void close();
    }

    /** A problem with the command line or its files, reported as one line and exit status 1. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
