package org.cloak.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Who did what and when, in the database: logins, uploads, receives, moves, relabels, recipe
 * changes, downloads, vault look-ups, user and role changes. Records carry user names, project
 * IDs, pseudonymous labels and counts, never an original value (those live in the vault only).
 */
public final class AuditTrail {
    private final Jdbi jdbi;
    private final Clock clock;

    public AuditTrail(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One record. */
    public record Event(long id, String at, String actor, String action, String project, String target,
            String detail) {}

    /**
     * Records an action.
     *
     * @param actor a user name, or {@code dicom:AET} for a network sender, or {@code system}
     * @param project the project concerned, or null
     * @param target what was acted on (a session ID, a user name), or null
     * @param detail counts and settings, never an original value
     */
    public void record(String actor, String action, String project, String target, String detail) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit (at, actor, action, project_id, target, detail)"
                        + " VALUES (:at, :actor, :action, :p, :t, :d)").bind("at", clock.millis()).bind("actor", actor)
                .bind("action", action).bind("p", project).bind("t", target).bind("d", cut(detail)).execute());
    }

    /** The latest records, newest first; only those of {@code project} when not null. */
    public List<Event> list(String project, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, actor, action, project_id, target, detail FROM audit"
                        + (project == null ? "" : " WHERE project_id = :p") + " ORDER BY id DESC LIMIT :n")
                .bind("p", project).bind("n", limit)
                .map((rs, c) -> new Event(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)).toString(),
                        rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
