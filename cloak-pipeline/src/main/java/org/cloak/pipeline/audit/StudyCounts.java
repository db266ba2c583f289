package org.cloak.pipeline.audit;

/**
 * Per study (new StudyInstanceUID; empty when not known): how its files ended.
 *
 * @param failed files neither written nor quarantined (errors)
 */
public record StudyCounts(String study, long written, long reused, long quarantined, long failed) {}
