package org.cloak.pipeline.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.AuditReports;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.node.DeidStoreHandler;
import org.cloak.pipeline.node.ListenService;
import org.cloak.pipeline.run.RunHooks;
import org.cloak.pipeline.vault.Vault;
import org.cloak.pipeline.vault.VaultException;

/**
 * A listening node as every front end runs it: checks the settings, opens the vault and the
 * audit log, starts the node, and on {@link #stop} stops it gracefully, writes the audit
 * reports and closes the books. The front end only collects a {@link ListenSpec} and waits.
 */
public final class ListenRunner {
    private final ListenSpec spec;
    private final Clock clock;
    private final Vault vault;
    private final AuditLog log;
    private final ListenService service;
    private final Instant started;

    private ListenRunner(ListenSpec spec, Clock clock, Vault vault, AuditLog log, ListenService service) {
        this.spec = spec;
        this.clock = clock;
        this.vault = vault;
        this.log = log;
        this.service = service;
        this.started = clock.instant();
    }

    /**
     * How the node ended.
     *
     * @param stoppedCleanly no association was cut short and the vault was written
     * @param auditProblem why the audit reports could not be written, or null
     */
    public record Ended(boolean stoppedCleanly, DeidStoreHandler.Counts counts, String auditProblem) {
        /** Nothing was cut short and every report was written. */
        public boolean clean() { return stoppedCleanly && auditProblem == null; }
    }

    /**
     * Checks {@code spec}, opens the books and binds the port.
     *
     * @throws PipelineException of kind USAGE, VAULT or IO, naming the setting or path at fault
     */
    public static ListenRunner start(ListenSpec spec, Clock clock) {
        try {
            // the secret must never travel with the de-identified data
            PathChecks.requireDisjoint("vault", spec.vaultDir(), "output folder", spec.options().outputDir());
            AuditReports.check(spec.audits(), false, spec.auditPassword());
        } catch (IllegalArgumentException e) {
            throw new PipelineException(PipelineException.Kind.USAGE, e.getMessage(), e);
        }
        Vault vault = null;
        AuditLog log = null;
        try {
            vault = Vault.openOrCreate(spec.vaultDir(), spec.key());
            log = spec.audits().isEmpty() ? null
                    : new AuditLog(OutputFolder.of(spec.options().outputDir()).state(), false);
            ListenService service = ListenService.of(spec.options(), spec.recipe(), vault.secret(), LocalDate.now(
                    clock),
                    new RunHooks(vault, log, null));
            try {
                service.start();
            } catch (IOException e) {
                service.stop(Duration.ZERO);
                throw e;
            }
            return new ListenRunner(spec, clock, vault, log, service);
        } catch (VaultException e) {
            close(vault, log);
            throw e;
        } catch (IllegalArgumentException | PseudonymException e) {
            close(vault, log);
            throw new PipelineException(PipelineException.Kind.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            close(vault, log);
            throw new PipelineException(PipelineException.Kind.IO, e.getMessage(), e);
        }
    }

    public int port() { return service.port(); }

    public ListenService service() { return service; }

    /**
     * Stops the node (associations still running get {@code grace}), writes the audit reports, closes the books.
     *
     * @throws PipelineException of kind VAULT when the vault could not be written at the end
     */
    public Ended stop(Duration grace) {
        boolean clean = service.stop(grace);
        DeidStoreHandler.Counts counts = service.counts();
        String auditProblem = null;
        try {
            if (log != null) {
                try {
                    AuditReports.write(spec.audits(), log, log.summary(started, clock.instant(), spec.recipeDigest()),
                            spec.auditPassword());
                } catch (IOException | RuntimeException e) {
                    auditProblem = "could not write the audit report: " + e.getMessage();
                }
            }
        } finally {
            close(vault, log); // a vault that cannot be written throws its VaultException (a PipelineException)
        }
        return new Ended(clean, counts, auditProblem);
    }

    private static void close(Vault vault, AuditLog log) {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException | RuntimeException e) {
            // the log's spool is temporary; the reports were written or their failure reported
        } finally {
            if (vault != null) {
                vault.close();
            }
        }
    }
}
