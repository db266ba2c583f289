package org.cloak.server.job;

/**
 * Does the work of one kind of job. It must be safe to run again from the start after a crash:
 * inputs already recorded as done are skipped, writes are atomic and keyed so that a second
 * write of the same instance replaces the first.
 */
@FunctionalInterface
public interface JobHandler {
    void run(JobContext context) throws Exception;
}
