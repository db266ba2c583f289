package org.cloak.server.session;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cloak.server.config.DataDir;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The sessions and their files in the database, and where each session's folder is. Callers
 * that change a session's files or folder hold {@link #lock(long)}.
 */
public final class SessionStore {
    private static final String COLUMNS = "s.id, s.project_id, s.study_uid, s.subject, s.label, s.labels_fixed, "
            + "s.area, s.state,"
            + " s.site_recipe, s.project_recipe, s.anonymized_by, s.verify_passed, s.verify_fails, s.verify_warnings,"
            + " s.qc_state, s.qc_reviewer, s.qc_notes,"
            + " (SELECT COUNT(*) FROM session_files f WHERE f.session_id = s.id),"
            + " (SELECT COALESCE(SUM(f.size), 0) FROM session_files f WHERE f.session_id = s.id), s.updated_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final DataDir dirs;
    private final Object[] locks = new Object[256];

    public SessionStore(Jdbi jdbi, Clock clock, DataDir dirs) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.dirs = dirs;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock of a session's files and folder. */
    public Object lock(long session) {
        return locks[(int) Math.floorMod(session, (long) locks.length)];
    }

    /** A session's folder: {@code AREA/PROJECT/SUBJECT/SESSION}. */
    public Path folder(Session s) {
        return folder(s.area(), s.project(), s.subject(), s.label());
    }

    public Path folder(Session.Area area, String project, String subject, String label) {
        Path root = area == Session.Area.ARCHIVE ? dirs.archive() : dirs.prearchive();
        return root.resolve(DataDir.folder(project)).resolve(subject).resolve(label);
    }

    /** What a new session is made with. */
    public record NewSession(String project, String studyUid, String subject, String label, boolean labelsFixed,
                             Session.Area area,
                             Session.State state, Integer siteRecipe, Integer projectRecipe, String anonymizedBy) {}

    /** The session of a study in a project, made when it does not exist. */
    public synchronized Session findOrCreate(NewSession n) {
        Optional<Session> s = byStudy(n.project(), n.studyUid());
        if (s.isPresent()) {
            return s.get();
        }
        long now = clock.millis();
        String label = uniqueLabel(n.project(), n.subject(), n.label());
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO sessions (project_id, study_uid, subject, "
                + "label, labels_fixed,"
                        + " area, state, site_recipe, project_recipe, anonymized_by, qc_state, created_at, updated_at)"
                        + " VALUES (:p, :u, :sub, :l, :f, :a, :st, :sr, :pr, :by, 'PENDING', :t, :t)")
                .bind("p", n.project()).bind("u", n.studyUid()).bind("sub", n.subject()).bind("l", label)
                .bind("f", n.labelsFixed()).bind("a", n.area().name()).bind("st", n.state().name()).bind("sr",
                        n.siteRecipe())
                .bind("pr", n.projectRecipe()).bind("by", n.anonymizedBy()).bind("t", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return get(id).orElseThrow();
    }

    /** {@code label}, or it with a number when the subject already has a session of that label. */
    private String uniqueLabel(String project, String subject, String label) {
        String candidate = label;
        for (int i = 2; labelTaken(project, subject, candidate, -1); i++) {
            String suffix = "-" + i;
            candidate = label.substring(0, Math.min(label.length(), 16 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Whether another session (not {@code except}) of the subject has the label. */
    public boolean labelTaken(String project, String subject, String label, long except) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE project_id = :p AND subject = :s"
                        + " AND label = :l AND id <> :x").bind("p", project).bind("s", subject).bind("l", label)
                .bind("x", except).mapTo(Integer.class).one()) > 0;
    }

    public Optional<Session> get(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions s WHERE s.id = :id")
                .bind("id", id).map(SessionStore::row).findOne());
    }

    public Optional<Session> byStudy(String project, String studyUid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions s"
                        + " WHERE s.project_id = :p AND s.study_uid = :u").bind("p", project).bind("u", studyUid)
                .map(SessionStore::row).findOne());
    }

    public List<Session> list(String project) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions s WHERE s.project_id = :p"
                + " ORDER BY s.subject, s.label").bind("p", project).map(SessionStore::row).list());
    }

    /** Sessions still receiving whose last instance is older than {@code quietMillis}. */
    public List<Session> quietReceiving(long quietMillis) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions s WHERE s.state = 'RECEIVING'"
                + " AND s.updated_at < :t").bind("t", clock.millis() - quietMillis).map(SessionStore::row).list());
    }

    /** One stored instance of a session. */
    public record StoredFile(String sopUid, String seriesUid, String modality, long size, String sha256) {
        /** Its path under the session's folder. */
        public Path relative() {
            return Path.of(seriesUid, sopUid + ".dcm");
        }
    }

    /** Records an instance, or its new size and digest when it was stored before (a resend, a resumed job). */
    public void putFile(long session, StoredFile f) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE session_files SET series_uid = :se, modality = :m, size = :z, sha256 = :h"
                    + " WHERE session_id = :s AND sop_uid = :u").bind("s", session).bind("u", f.sopUid())
                    .bind("se", f.seriesUid()).bind("m", f.modality()).bind("z", f.size()).bind("h", f.sha256())
                    .execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO session_files (session_id, sop_uid, series_uid, modality, size, sha256)"
                        + " VALUES (:s, :u, :se, :m, :z, :h)").bind("s", session).bind("u", f.sopUid())
                        .bind("se", f.seriesUid()).bind("m", f.modality()).bind("z", f.size()).bind("h", f.sha256())
                        .execute();
            }
            touch(h, session);
        });
    }

    /**
     * Records an instance with what the de-identification changed in it; the change record of an
     * instance stored before is replaced.
     */
    public void putFile(long session, StoredFile f, List<FileChange> changes) {
        putFile(session, f);
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM file_changes WHERE session_id = :s AND sop_uid = :u").bind("s", session)
                    .bind("u", f.sopUid()).execute();
            var batch = h.prepareBatch("INSERT INTO file_changes (session_id, sop_uid, seq, path, keyword, kind,"
                    + " action, origin, recorded_at) VALUES (:s, :u, :q, :p, :k, :c, :a, :o, :t)");
            int seq = 0;
            for (FileChange c : changes) {
                batch.bind("s", session).bind("u", f.sopUid()).bind("q", seq++).bind("p", cut(c.path(), 1000))
                        .bind("k", cut(c.keyword(), 200)).bind("c", c.kind().name()).bind("a", cut(c.action(), 16))
                        .bind("o", cut(c.origin(), 1000)).bind("t", now).add();
            }
            if (seq > 0) {
                batch.execute();
            }
        });
    }

    /** What the de-identification changed in a stored instance, in the engine's order; empty when not recorded. */
    public List<FileChange> changes(long session, String sopUid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT path, keyword, kind, action, origin FROM file_changes"
                        + " WHERE session_id = :s AND sop_uid = :u ORDER BY seq").bind("s", session).bind("u", sopUid)
                .map((rs, c) -> new FileChange(rs.getString(1), rs.getString(2), FileChange.Kind.valueOf(
                        rs.getString(3)), rs.getString(4), rs.getString(5))).list());
    }

    /** When the session's instances were last de-identified (milliseconds), or null when none was recorded. */
    public Long anonymizedAt(long session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(recorded_at) FROM file_changes WHERE session_id = :s")
                .bind("s", session).mapTo(Long.class).findOne().orElse(null));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public List<StoredFile> files(long session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sop_uid, series_uid, modality, size, sha256 FROM "
                + "session_files"
                        + " WHERE session_id = :s ORDER BY series_uid, sop_uid").bind("s", session)
                .map((rs, c) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).list());
    }

    public void setState(long session, Session.State state) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET state = :st, updated_at = :t WHERE id = :id")
                .bind("st", state.name()).bind("t", clock.millis()).bind("id", session).execute());
    }

    public void setLabels(long session, String subject, String label) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET subject = :s, label = :l, labels_fixed = TRUE,"
                        + " updated_at = :t WHERE id = :id")
                .bind("s", subject).bind("l", label).bind("t", clock.millis()).bind("id", session).execute());
    }

    public void setVerify(long session, boolean passed, int fails, int warnings) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET verify_passed = :p, verify_fails = :f,"
                        + " verify_warnings = :w WHERE id = :id").bind("p", passed).bind("f", fails).bind("w", warnings)
                .bind("id", session).execute());
    }

    public void setQc(long session, String state, String reviewer, String notes) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET qc_state = :s, qc_reviewer = :r, qc_notes = :n"
                        + " WHERE id = :id").bind("s", state).bind("r", reviewer).bind("n", notes).bind("id", session)
                .execute());
    }

    public void delete(long session) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id = :id").bind("id", session).execute());
    }

    private void touch(Handle h, long session) {
        h.createUpdate("UPDATE sessions SET updated_at = :t WHERE id = :id").bind("t", clock.millis())
                .bind("id", session).execute();
    }

    private static Session row(ResultSet rs, StatementContext c) throws SQLException {
        return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Session.Area.valueOf(rs.getString(7)), Session.State.valueOf(rs.getString(8)),
                rs.getObject(9, Integer.class), rs.getObject(10, Integer.class), rs.getString(11),
                rs.getObject(12, Boolean.class), rs.getObject(13, Integer.class), rs.getObject(14, Integer.class),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getInt(18), rs.getLong(19), rs.getLong(20));
    }
}
