package org.cloak.pipeline.node;

import java.nio.file.Path;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.dicom.dict.Tag;
import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.audit.FileRecord;
import org.cloak.pipeline.run.FileResult;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;

/**
 * The node's books, as a batch run keeps them: the vault gets the planner's decisions before an
 * instance is acknowledged, and the audit one record per received instance. Both optional.
 *
 * <p>The vault is merged only when the planner was asked something since the last merge (a new
 * study, in practice), so the cost per instance stays flat while the map grows; a flush writes
 * only when the merge added an entry. Thread-safe.
 */
final class NodeLedger {
    private final Path outputDir;
    private final Vault vault;
    private final AuditLog audit;
    private final PseudonymPlanner planner;
    private final StudyPlans plans;
    private long merged = -1;

    /**
     * @param vault the project's vault, or null
     * @param audit the audit log, or null
     */
    NodeLedger(Path outputDir, Vault vault, AuditLog audit, PseudonymPlanner planner, StudyPlans plans) {
        this.outputDir = outputDir;
        this.vault = vault;
        this.audit = audit;
        this.planner = planner;
        this.plans = plans;
    }

    /**
     * Makes the planner's decisions durable in the vault; called before an instance is
     * acknowledged, so that no acknowledged instance carries a pseudonym the vault lacks.
     *
     * @throws org.cloak.pipeline.vault.VaultException when the vault could not be written
     */
    void checkpoint() {
        if (vault == null) {
            return;
        }
        long now = plans.planned();
        synchronized (this) {
            if (now == merged) {
                return;
            }
            vault.merge(planner);
            vault.flush();
            merged = now;
        }
    }

    /** Merges and flushes whatever is left (at stop). */
    void close() {
        if (vault != null) {
            synchronized (this) {
                vault.merge(planner);
                vault.flush();
                merged = plans.planned();
            }
        }
    }

    void written(FileResult.Written w, Path relative) {
        if (vault != null) {
            // made durable with the next study's checkpoint, or at stop
            w.replacedUids().forEach((before, after) -> vault.record(ReidMap.uid(before, after)));
        }
        if (audit != null) {
            audit.add(FileRecord.written(relative, outputDir.relativize(w.target()), newStudy(w), w.result()));
        }
    }

    void quarantined(FileResult.Quarantined q, Path relative) {
        if (audit != null) {
            audit.add(FileRecord.quarantined(relative, null, q.reason()));
        }
    }

    void failed(Path relative, String reason) {
        if (audit != null) {
            audit.add(FileRecord.failed(relative, reason));
        }
    }

    private static String newStudy(FileResult.Written w) {
        if (w.result() != null && w.result().outcome() instanceof Outcome.Cleaned c) {
            String s = c.dataset().getString(Tag.StudyInstanceUID);
            return s == null ? "" : s.strip();
        }
        return "";
    }
}
