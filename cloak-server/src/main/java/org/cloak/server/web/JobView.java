package org.cloak.server.web;

import java.time.Instant;
import java.util.List;
import org.cloak.server.job.Job;
import org.cloak.server.job.JobStore;

/** A job with its counts, the inputs that did not end stored, its log, and whether the viewer may cancel it. */
public record JobView(Job job, Job.Counts counts, List<JobStore.Problem> problems, List<JobStore.LogLine> log,
                      boolean cancellable) {

    /** Percent of the inputs finished, 0 to 100 (100 once the job has finished). */
    public int percent() {
        if (job.state().finished()) {
            return 100;
        }
        return job.filesTotal() <= 0 ? 0 : (int) Math.min(100, counts.done() * 100L / job.filesTotal());
    }

    public String created() {
        return job.createdAt() == null ? "" : SessionRows.MINUTES.format(Instant.ofEpochMilli(job.createdAt()));
    }

    /** The state in words, with the cancel request when one is pending. */
    public String state() {
        return job.state().wire() + (job.cancelRequested() && !job.state().finished() ? " (cancel requested)" : "");
    }
}
