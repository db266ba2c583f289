package org.cloak.server.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The jobs, their finished inputs and their log in the database. */
public final class JobStore {
    private static final String COLUMNS = "id, kind, project_id, session_id, state, params, created_by, files_total,"
            + " bytes_total, error, cancel_requested, created_at, started_at, ended_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public JobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records a new queued job. */
    public Job create(Job.Kind kind, String project, Long session, String params, String createdBy) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO jobs (kind, project_id, session_id, state, params,"
                        + " created_by, files_total, bytes_total, cancel_requested, created_at)"
                        + " VALUES (:k, :p, :s, 'QUEUED', :pa, :by, 0, 0, FALSE, :t)").bind("k", kind.name())
                .bind("p", project).bind("s", session).bind("pa", params).bind("by", createdBy).bind("t",
                        clock.millis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return get(id).orElseThrow();
    }

    public Optional<Job> get(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").bind("id", id)
                .map(JobStore::row).findOne());
    }

    /** Jobs of the given projects (all when {@code projects} is null), newest first. */
    public List<Job> list(Set<String> projects, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs ORDER BY id DESC LIMIT :n")
                .bind("n", 10_000).map(JobStore::row).list()).stream()
                .filter(j -> projects == null || projects.contains(j.project())).limit(limit).toList();
    }

    /** Marks the oldest queued job running and returns it, or empty when none is queued. */
    public synchronized Optional<Job> claimNext() {
        Optional<Long> id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE state = 'QUEUED'"
                + " ORDER BY id LIMIT 1").mapTo(Long.class).findOne());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int n = jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = 'RUNNING', started_at = :t"
                + " WHERE id = :id AND state = 'QUEUED'").bind("t", clock.millis()).bind("id", id.get()).execute());
        return n == 1 ? get(id.get()) : Optional.empty();
    }

    public int queued() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE state = 'QUEUED'")
                .mapTo(Integer.class).one());
    }

    public int running() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE state = 'RUNNING'")
                .mapTo(Integer.class).one());
    }

    /** Puts jobs a stopped process was running back in the queue; returns how many. */
    public int requeueRunning() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = 'QUEUED' WHERE state = 'RUNNING'")
                .execute());
    }

    public void finish(long id, Job.State state, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET state = :s, error = :e, ended_at = :t WHERE id = :id")
                .bind("s", state.name()).bind("e", error == null ? null : cut(error, 2000)).bind("t", clock.millis())
                .bind("id", id).execute());
    }

    public void setTotals(long id, int files, long bytes) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET files_total = :f, bytes_total = :b WHERE id = :id")
                .bind("f", files).bind("b", bytes).bind("id", id).execute());
    }

    /** Asks a job to stop; a queued one is cancelled at once. Returns false when it had finished. */
    public boolean requestCancel(long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE jobs SET state = 'CANCELLED', ended_at = :t, cancel_requested = TRUE"
                    + " WHERE id = :id AND state = 'QUEUED'").bind("t", clock.millis()).bind("id", id).execute();
            return h.createUpdate("UPDATE jobs SET cancel_requested = TRUE WHERE id = :id AND state = 'RUNNING'")
                    .bind("id", id).execute() == 1
                    || h.createQuery("SELECT state FROM jobs WHERE id = :id").bind("id", id).mapTo(String.class)
                    .findOne().map("CANCELLED"::equals).orElse(false);
        });
    }

    public boolean cancelRequested(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cancel_requested FROM jobs WHERE id = :id").bind("id", id)
                .mapTo(Boolean.class).findOne().orElse(true));
    }

    /** Records an input as finished (once: a second record of the same name is ignored). */
    public void fileDone(long job, String name, String outcome, String reason, long bytes, Long session) {
        jdbi.useHandle(h -> {
            int known = h.createQuery("SELECT COUNT(*) FROM job_files WHERE job_id = :j AND name = :n")
                    .bind("j", job).bind("n", name).mapTo(Integer.class).one();
            if (known == 0) {
                h.createUpdate("INSERT INTO job_files (job_id, name, outcome, reason, bytes, session_id)"
                        + " VALUES (:j, :n, :o, :r, :b, :s)").bind("j", job).bind("n", name).bind("o", outcome)
                        .bind("r", reason == null ? null : cut(reason, 1000)).bind("b", bytes).bind("s", session)
                        .execute();
            }
        });
    }

    /** The names of a job's finished inputs: what a resumed job skips. */
    public Set<String> doneNames(long job) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT name FROM job_files WHERE job_id = :j")
                .bind("j", job).mapTo(String.class).list()));
    }

    /** The sessions a job's inputs went to. */
    public Set<Long> sessionsOf(long job) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT session_id FROM job_files"
                + " WHERE job_id = :j AND session_id IS NOT NULL").bind("j", job).mapTo(Long.class).list()));
    }

    public Job.Counts counts(long job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT outcome, COUNT(*), COALESCE(SUM(bytes), 0) FROM job_files"
                + " WHERE job_id = :j GROUP BY outcome").bind("j", job).reduceRows(new Job.Counts(0, 0, 0, 0, 0),
                    (acc, rv) -> {
                        String o = rv.getColumn(1, String.class);
                        int n = rv.getColumn(2, Integer.class);
                        long b = rv.getColumn(3, Long.class);
                        return new Job.Counts(acc.done() + n, acc.stored() + ("STORED".equals(o) ? n : 0),
                                acc.quarantined() + ("QUARANTINED".equals(o) ? n : 0),
                                acc.rejected() + ("REJECTED".equals(o) ? n : 0), acc.bytes() + b);
                    }));
    }

    /** A finished input that did not end stored, with its reason. */
    public record Problem(String name, String outcome, String reason) {}

    public List<Problem> problems(long job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, outcome, reason FROM job_files WHERE job_id = :j"
                        + " AND outcome <> 'STORED' ORDER BY name").bind("j", job)
                .map((rs, c) -> new Problem(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** A log line; must hold no PHI. */
    public void log(long job, String level, String message) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO job_log (job_id, at, level, message) VALUES (:j, :t, :l, :m)")
                .bind("j", job).bind("t", clock.millis()).bind("l", level).bind("m", cut(message, 2000)).execute());
    }

    /** A job's log line. */
    public record LogLine(String at, String level, String message) {}

    public List<LogLine> logLines(long job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, level, message FROM job_log WHERE job_id = :j "
                + "ORDER BY id")
                .bind("j", job).map((rs, c) -> new LogLine(Instant.ofEpochMilli(rs.getLong(1)).toString(),
                        rs.getString(2), rs.getString(3))).list());
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static Job row(ResultSet rs, StatementContext c) throws SQLException {
        return new Job(rs.getLong(1), Job.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, Long.class),
                Job.State.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9),
                rs.getString(10), rs.getBoolean(11), rs.getObject(12, Long.class), rs.getObject(13, Long.class),
                rs.getObject(14, Long.class));
    }
}
