package org.cloak.pipeline.run;

import org.cloak.pipeline.audit.AuditLog;
import org.cloak.pipeline.vault.Vault;

/**
 * What a batch run reports to besides its summary, each optional (null).
 *
 * @param vault merged with the planner's decisions and flushed at the end of every study, before
 *     the study is journalled as finished
 * @param audit receives one record per input
 * @param check refuses original data sets before de-identification (e.g. strict private data)
 */
public record RunHooks(Vault vault, AuditLog audit, FileProcessor.InputCheck check) {
    public static final RunHooks NONE = new RunHooks(null, null, null);
}
