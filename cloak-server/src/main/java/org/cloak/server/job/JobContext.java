package org.cloak.server.job;

import java.util.Set;
import java.util.function.BooleanSupplier;

/** What a running job's handler reports to, and asks. */
public final class JobContext {
    private final Job job;
    private final JobStore store;
    private final BooleanSupplier stopping;

    JobContext(Job job, JobStore store, BooleanSupplier stopping) {
        this.job = job;
        this.store = store;
        this.stopping = stopping;
    }

    public Job job() { return job; }

    /** A log line (no PHI: labels, counts, UIDs after de-identification only). */
    public void log(String message) {
        store.log(job.id(), "INFO", message);
    }

    public void warn(String message) {
        store.log(job.id(), "WARN", message);
    }

    public void totals(int files, long bytes) {
        store.setTotals(job.id(), files, bytes);
    }

    /** Records one finished input. */
    public void done(String name, String outcome, String reason, long bytes, Long session) {
        store.fileDone(job.id(), name, outcome, reason, bytes, session);
    }

    /** Inputs finished before (by an earlier, interrupted run of this job). */
    public Set<String> doneNames() {
        return store.doneNames(job.id());
    }

    public Set<Long> sessions() {
        return store.sessionsOf(job.id());
    }

    /**
     * Whether the job should stop: someone cancelled it, or the server is stopping (then it
     * resumes at the next start). Handlers check between units and return.
     */
    public boolean cancelled() {
        return stopping.getAsBoolean() || store.cancelRequested(job.id());
    }
}
