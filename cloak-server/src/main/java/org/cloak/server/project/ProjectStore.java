package org.cloak.server.project;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The projects table. */
public final class ProjectStore {
    private static final String COLUMNS = "id, name, description, ae_title, new_sessions, keep_arrival";

    private final Jdbi jdbi;
    private final Clock clock;

    public ProjectStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Project> get(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE id = :id").bind("id", id)
                .map(ProjectStore::row).findOne());
    }

    public Optional<Project> byAeTitle(String aet) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE ae_title = :a")
                .bind("a", aet).map(ProjectStore::row).findOne());
    }

    public List<Project> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM projects ORDER BY id")
                .map(ProjectStore::row).list());
    }

    public void insert(Project p) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO projects (" + COLUMNS + ", created_at)"
                        + " VALUES (:id, :n, :d, :a, :s, :k, :t)").bind("id", p.id()).bind("n", p.name())
                .bind("d", p.description()).bind("a", p.aeTitle()).bind("s", p.newSessions().name())
                .bind("k", p.keepArrival()).bind("t", clock.millis()).execute());
    }

    public void update(Project p) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE projects SET name = :n, description = :d, ae_title = :a,"
                        + " new_sessions = :s, keep_arrival = :k WHERE id = :id").bind("id", p.id()).bind("n", p.name())
                .bind("d", p.description()).bind("a", p.aeTitle()).bind("s", p.newSessions().name())
                .bind("k", p.keepArrival()).execute());
    }

    public void delete(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM projects WHERE id = :id").bind("id", id).execute());
    }

    private static Project row(java.sql.ResultSet rs, StatementContext c) throws java.sql.SQLException {
        return new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Project.NewSessions.valueOf(rs.getString(5)), rs.getBoolean(6));
    }
}
