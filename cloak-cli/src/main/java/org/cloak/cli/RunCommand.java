package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.run.DeidRun;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.run.RunOptions;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloak run}: de-identifies files and folders into an output folder. The work is done by
 * {@link DeidRun} in cloak-pipeline; this class turns flags into a recipe, and the summary into
 * text and an exit status.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"De-identifies DICOM files and folders into an output folder.",
                "Exit status: 0 every DICOM file was written, 2 some were quarantined or failed, 1 usage error."})
public final class RunCommand implements Callable<Integer> {
    private static final int LISTED_SKIPS = 20;
    private static final long PROGRESS_SECONDS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, arity = "1..*", paramLabel = "PATH",
            description = "input files and folders (folders are walked recursively)")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder; must not be inside an input, nor hold one")
    Path out;

    @Option(names = "--profile", paramLabel = "P",
            description = "original, anonymize, anonymize-full, dicom-basic (default) or hipaa; overrides the recipe's")
    String profile;

    @Option(names = "--option", paramLabel = "O",
            description = "a PS3.15 option, e.g. retain-safe-private (repeatable); replaces the recipe's options")
    List<String> options;

    @Option(names = "--recipe", paramLabel = "FILE", description = "YAML recipe (see docs/recipes.md)")
    Path recipeFile;

    @Option(names = "--vault", paramLabel = "DIR",
            description = "folder holding the project's secret key (default ~/.cloak/vault); created on first use")
    Path vault;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per processor)")
    Integer threads;

    @Option(names = "--layout", paramLabel = "mirror", defaultValue = "mirror",
            description = "output layout; only 'mirror' (each file keeps its path relative to its input folder)")
    String layout;

    @Option(names = "--allow-burned-in",
            description = "write images that may carry burned-in text instead of quarantining them")
    boolean allowBurnedIn;

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
        Recipe recipe;
        Secret secret;
        List<InputItem> items;
        RunOptions runOptions;
        DeidRun run;
        try {
            recipe = recipe();
            Path vaultDir = vault != null ? vault : SecretStore.defaultVault();
            checkPaths(vaultDir);
            runOptions = options();
            items = InputSource.list(inputs);
            secret = SecretStore.loadOrCreate(vaultDir);
            run = DeidRun.of(recipe, secret, LocalDate.now());
        } catch (UsageException | IllegalArgumentException | IOException | PseudonymException e) {
            err.println("cloak run: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Progress progress = new Progress();
        ScheduledExecutorService ticker = progressTicker(err, progress, items.size());
        RunSummary summary;
        try {
            summary = run.run(items, runOptions, progress);
        } catch (IllegalArgumentException e) {
            err.println("cloak run: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("cloak run: interrupted");
            return ExitCodes.PARTIAL;
        } finally {
            ticker.shutdownNow();
        }
        print(err, summary, runOptions);
        return summary.allWritten() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** The recipe file if given, else the defaults; flags given on the command line win. */
    Recipe recipe() throws UsageException {
        Recipe base;
        if (recipeFile != null) {
            try {
                base = RecipeReader.read(recipeFile);
            } catch (RecipeException e) {
                throw new UsageException(recipeFile + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.detail());
            }
        } else {
            base = Recipe.defaults();
        }
        String p = profile != null ? profile : base.profile();
        if (!Profiles.names().contains(p)) {
            throw new UsageException("unknown profile '" + p + "'; known: " + String.join(", ", Profiles.names()));
        }
        Set<ProfileOption> opts = base.options();
        if (options != null) {
            opts = EnumSet.noneOf(ProfileOption.class);
            for (String o : options) {
                opts.add(ProfileOption.fromCliName(o));
            }
        }
        Profiles.rules(p, opts); // refuses options the profile does not take
        return new Recipe(p, Set.copyOf(opts), base.categories(), base.patientId(), base.dates(), base.overrides(),
                base.keepPrivateCreators(), base.allowBurnedIn() || allowBurnedIn, base.patientIdGiven());
    }

    private void checkPaths(Path vaultDir) throws UsageException {
        if (!"mirror".equals(layout)) {
            throw new UsageException("unknown layout '" + layout + "'; this version has only 'mirror'");
        }
        PathChecks.requireOutputOutsideInputs(inputs, out);
        // the secret must never travel with the de-identified data (issue 3, item 12)
        PathChecks.requireDisjoint("vault", vaultDir, "output folder", out);
    }

    private RunOptions options() throws UsageException {
        RunOptions o = RunOptions.defaults(out);
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1");
            }
            o = o.withThreads(threads);
        }
        return o;
    }

    private static ScheduledExecutorService progressTicker(PrintWriter err, Progress p, int total) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloak-progress");
            t.setDaemon(true);
            return t;
        });
        s.scheduleAtFixedRate(() -> {
            err.printf(Locale.ROOT, "cloak run: %d of %d files, %.1f MB, %.0f s%n",
                    p.seen(), total, p.bytesIn() / 1e6, p.seconds());
            err.flush();
        }, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        return s;
    }

    private static void print(PrintWriter err, RunSummary s, RunOptions o) {
        err.printf(Locale.ROOT, "cloak run: %d files: %d written, %d skipped (not DICOM), %d quarantined, %d failed%n",
                s.seen(), s.written(), s.skipped().size(), s.quarantined().size(), s.failed().size());
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
    }

    /** A problem with the command line or its files, reported as one line and exit status 1. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
