package org.cloak.server.job;

import java.util.Locale;

/**
 * A background job as the database keeps it; its file counts come from its finished inputs.
 *
 * @param params the job's settings as JSON (labels, target project), never an original value
 */
public record Job(long id, Kind kind, String project, Long session, State state, String params, String createdBy,
                  int filesTotal, long bytesTotal, String error, boolean cancelRequested, Long createdAt,
                  Long startedAt, Long endedAt) {

    /** What a job does. */
    public enum Kind {
        UPLOAD, IMPORT, ARCHIVE, RELABEL, MOVE, VERIFY;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Where a job is. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public String wire() { return name().toLowerCase(Locale.ROOT); }

        public boolean finished() { return this == DONE || this == FAILED || this == CANCELLED; }
    }

    /** Inputs finished so far, by outcome. */
    public record Counts(int done, int stored, int quarantined, int rejected, long bytes) {}
}
