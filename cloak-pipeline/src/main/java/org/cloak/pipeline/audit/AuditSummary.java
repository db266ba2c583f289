package org.cloak.pipeline.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * The per-run summary of an audit report.
 *
 * @param processed input files seen (every outcome)
 * @param studies distinct studies among the records
 * @param tagsRemoved attributes removed, over files written in this run
 * @param tagsModified attributes modified, over files written in this run
 * @param tagsAdded attributes added, over files written in this run
 * @param started when the run started
 * @param duration how long it took
 * @param recipeDigest SHA-256 of the recipe file, or of the flags ({@link Digests})
 * @param cloakVersion {@code org.cloak.dicom.io.Version.VERSION}
 * @param originalValues whether original values were recorded (then only in encrypted reports)
 */
public record AuditSummary(long processed, long written, long reused, long quarantined, long skipped, long failed,
                           long studies, long tagsRemoved, long tagsModified, long tagsAdded, Instant started,
                           Duration duration, String recipeDigest, String cloakVersion, boolean originalValues) {}
