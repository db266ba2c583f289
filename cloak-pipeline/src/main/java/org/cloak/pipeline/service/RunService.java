package org.cloak.pipeline.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.AuditReports;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.run.DeidRun;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.run.RunHooks;
import org.cloak.pipeline.run.RunOptions;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.run.StrictPrivate;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;
import org.cloak.pipeline.source.ZipInputs;
import org.cloak.pipeline.vault.Vault;

/**
 * A whole batch run as every front end starts it: checks the paths and settings before
 * anything is written, lists the inputs (zip archives extracted, standard input read), opens or
 * creates the vault, runs, and writes the audit reports. The front end only collects a
 * {@link RunSpec}, watches the {@link Progress} and prints the {@link RunSummary}.
 */
public final class RunService {
    private final Clock clock;

    public RunService(Clock clock) {
        this.clock = clock;
    }

    /** The settings checked and the inputs listed: what is known before the run starts. */
    public record Prepared(RunSpec spec, RunOptions options, List<InputItem> items, List<ZipInputs.Refused> refused) {}

    /**
     * Checks {@code spec} and lists its inputs; nothing is written but the extraction of zip inputs.
     *
     * @throws PipelineException of kind USAGE or IO, naming the path or setting at fault
     */
    public Prepared prepare(RunSpec spec, BufferedReader stdin) {
        try {
            List<Path> real = spec.inputs().stream().filter(p -> !p.toString().equals("-")).toList();
            PathChecks.requireOutputOutsideInputs(real, spec.output());
            // the secret must never travel with the de-identified data
            PathChecks.requireDisjoint("vault", spec.vaultDir(), "output folder", spec.output());
            RunOptions o = RunOptions.defaults(spec.output());
            if (spec.threads() != null) {
                if (spec.threads() < 1) {
                    throw new PipelineException(PipelineException.Kind.USAGE, "--threads must be at least 1");
                }
                o = o.withThreads(spec.threads());
            }
            if (spec.quarantine() != null) {
                if (o.folder().contains(spec.quarantine())) {
                    // whoever ships the output folder would ship the originals held back
                    throw new PipelineException(PipelineException.Kind.USAGE, "--quarantine " + spec.quarantine()
                            + " lies inside the output folder: the quarantine holds original data, so it must lie"
                            + " outside it");
                }
                o = o.withQuarantine(spec.quarantine());
            }
            o = o.withLayout(spec.layout()).withRestart(spec.restart()).withStrictNames(spec.strictNames());
            AuditReports.check(spec.audits(), spec.auditOriginalValues(), spec.auditPassword());
            String settings = settingsDigest(spec);
            String previous = o.folder().settingsDigest();
            if (previous != null && !previous.equals(settings) && !spec.restart()) {
                // resuming would keep outputs another recipe made, and the audit would name this one
                throw new PipelineException(PipelineException.Kind.USAGE, "the output folder " + spec.output()
                        + " holds outputs made with other settings (recipe, profile, options or layout):"
                        + " give --restart to make them again with these, or choose another output folder");
            }
            Leftovers.deleteTree(o.tmpDir());
            List<ZipInputs.Refused> refused = new ArrayList<>();
            List<InputItem> items = InputSource.list(spec.inputs(), o.tmpDir(), stdin, refused);
            return new Prepared(spec, o, items, refused);
        } catch (IllegalArgumentException e) {
            throw new PipelineException(PipelineException.Kind.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException(PipelineException.Kind.IO, e.getMessage(), e);
        }
    }

    /**
     * What decides the bytes and names of the outputs: the recipe and flags, the layout, the pixel and private checks.
     */
    private static String settingsDigest(RunSpec spec) {
        return settingsDigest(spec.recipeDigest(), spec.layout(), spec.strictPrivate(), spec.pixelStep() != null);
    }

    /**
     * The digest of what decides the bytes and names of a run's outputs, which an output folder
     * records: a run with another one must not resume there (every runner of batch runs uses it).
     */
    public static String settingsDigest(String recipeDigest, LayoutSpec layout, boolean strictPrivate,
                                        boolean pixelStep) {
        return Digests.flags(List.of("recipe=" + recipeDigest, "layout=" + layout.text(),
                "strict-private=" + strictPrivate, "pixel-step=" + pixelStep));
    }

    /**
     * Runs a prepared run to its end; {@code progress} may be watched from another thread.
     *
     * @throws PipelineException of kind VAULT, IO, USAGE or INTERRUPTED
     */
    public RunSummary run(Prepared p, Progress progress) {
        RunSpec spec = p.spec();
        Instant started = clock.instant();
        try (Vault vault = Vault.openOrCreate(spec.vaultDir(), spec.key());
             AuditLog log = spec.audits().isEmpty() ? null
                     : new AuditLog(p.options().stateDir(), spec.auditOriginalValues())) {
            p.options().folder().recordSettingsDigest(settingsDigest(spec));
            DeidRun run = DeidRun.of(spec.recipe(), vault.secret(), LocalDate.now(clock), spec.auditOriginalValues())
                    .withPixelStep(spec.pixelStep());
            p.refused().forEach(r -> progress.refused(Path.of(r.entry()), r.reason()));
            RunSummary summary = run.run(p.items(), p.options(), progress,
                    new RunHooks(vault, log, spec.strictPrivate() ? StrictPrivate.of(spec.recipe()) : null));
            if (log != null) {
                AuditReports.write(spec.audits(), log, log.summary(started, clock.instant(), spec.recipeDigest()),
                        spec.auditPassword());
            }
            return summary;
        } catch (IllegalArgumentException | PseudonymException e) {
            throw new PipelineException(PipelineException.Kind.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException(PipelineException.Kind.IO, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(PipelineException.Kind.INTERRUPTED, "interrupted", e);
        }
    }
}
