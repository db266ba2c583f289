package org.cloak.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Local users, their project roles, API tokens and login sessions. Passwords are kept as
 * Argon2id hashes, tokens and session IDs as SHA-256 digests: the database can give none back.
 */
public final class UserService {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 12;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration sessionTimeout;

    public UserService(Jdbi jdbi, Clock clock, Duration sessionTimeout) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.sessionTimeout = sessionTimeout;
    }

    /** A user as listed (no hash). */
    public record User(long id, String username, boolean siteAdmin) {}

    /** A user's roles, per project. */
    public record Membership(String project, String username, Set<ProjectRole> roles) {}

    public static void checkName(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 of a-z, 0-9, '.', '_', '-', starting with "
                    + "a letter");
        }
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, site_admin FROM users WHERE username = :u")
                .bind("u", username).map((rs, c) -> new User(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .findOne());
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, site_admin FROM users ORDER BY username")
                .map((rs, c) -> new User(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list());
    }

    /** Creates a user; the name must be new. */
    public User create(String username, String password, boolean siteAdmin) {
        checkName(username);
        checkPassword(password);
        if (exists(username)) {
            throw new IllegalStateException("the user " + username + " exists");
        }
        String hash = Passwords.hash(password);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users (username, password_hash, site_admin, "
                + "created_at)"
                        + " VALUES (:u, :h, :a, :t)").bind("u", username).bind("h", hash).bind("a", siteAdmin)
                .bind("t", clock.millis()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new User(id, username, siteAdmin);
    }

    public void setPassword(String username, String password) {
        checkPassword(password);
        String hash = Passwords.hash(password);
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :h WHERE username = :u")
                .bind("h", hash).bind("u", username).execute());
    }

    /** The user when the password is right; hashing is done even for an unknown name, so timing tells nothing. */
    public Optional<Principal> authenticate(String username, String password) {
        Optional<Map<String, Object>> row = jdbi.withHandle(h -> h.createQuery(
                "SELECT id, username, site_admin, password_hash FROM users WHERE username = :u")
                .bind("u", username == null ? "" : username).mapToMap().findOne());
        if (row.isEmpty()) {
            Passwords.matches(password == null ? "" : password, DUMMY_HASH);
            return Optional.empty();
        }
        Map<String, Object> r = row.get();
        if (password == null || !Passwords.matches(password, (String) r.get("password_hash"))) {
            return Optional.empty();
        }
        return Optional.of(new Principal(((Number) r.get("id")).longValue(), (String) r.get("username"),
                (Boolean) r.get("site_admin"), null));
    }

    private static final String DUMMY_HASH = Passwords.hash("not a password of anyone");

    /** A new API token for the user: shown once, kept as a digest. */
    public String issueToken(Principal p) {
        String token = "ck_" + Passwords.randomSecret();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (:u, "
                + ":h, :t)")
                .bind("u", p.id()).bind("h", Passwords.digest(token)).bind("t", clock.millis()).execute());
        return token;
    }

    public Optional<Principal> byToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.username, u.site_admin FROM api_tokens t"
                        + " JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h").bind("h",
                                Passwords.digest(token))
                .map((rs, c) -> new Principal(rs.getLong(1), rs.getString(2), rs.getBoolean(3), null)).findOne());
    }

    /** A login session: its ID (the cookie) and CSRF token. */
    public record LoginSession(String id, String csrf) {}

    public LoginSession startSession(Principal p) {
        String id = Passwords.randomSecret();
        String csrf = Passwords.randomSecret();
        long now = clock.millis();
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM login_sessions WHERE expires_at < :t").bind("t", now).execute();
            h.createUpdate("INSERT INTO login_sessions (id_hash, user_id, csrf, expires_at) VALUES (:i, :u, :c, :e)")
                    .bind("i", Passwords.digest(id)).bind("u", p.id()).bind("c", csrf)
                    .bind("e", now + sessionTimeout.toMillis()).execute();
        });
        return new LoginSession(id, csrf);
    }

    /** The session's user, extending the session; empty when unknown or expired. */
    public Optional<Principal> bySession(String sessionId) {
        long now = clock.millis();
        String digest = Passwords.digest(sessionId);
        Optional<Principal> p = jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.username, u.site_admin, s.csrf"
                        + " FROM login_sessions s JOIN users u ON u.id = s.user_id"
                        + " WHERE s.id_hash = :h AND s.expires_at >= :t").bind("h", digest).bind("t", now)
                .map((rs, c) -> new Principal(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .findOne());
        p.ifPresent(x -> jdbi.useHandle(h -> h.createUpdate("UPDATE login_sessions SET expires_at = :e WHERE "
                + "id_hash = :h")
                .bind("e", now + sessionTimeout.toMillis()).bind("h", digest).execute()));
        return p;
    }

    public void endSession(String sessionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_sessions WHERE id_hash = :h")
                .bind("h", Passwords.digest(sessionId)).execute());
    }

    /** The user's roles in a project (empty when none). */
    public Set<ProjectRole> roles(long userId, String project) {
        List<String> names = jdbi.withHandle(h -> h.createQuery(
                "SELECT role FROM memberships WHERE user_id = :u AND project_id = :p")
                .bind("u", userId).bind("p", project).mapTo(String.class).list());
        Set<ProjectRole> roles = EnumSet.noneOf(ProjectRole.class);
        names.forEach(n -> roles.add(ProjectRole.valueOf(n)));
        return roles;
    }

    /** Replaces a user's roles in a project (an empty set removes the membership). */
    public void setRoles(String project, String username, Set<ProjectRole> roles) {
        User u = find(username).orElseThrow(() -> new java.util.NoSuchElementException("no user " + username));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM memberships WHERE project_id = :p AND user_id = :u")
                    .bind("p", project).bind("u", u.id()).execute();
            for (ProjectRole r : roles) {
                h.createUpdate("INSERT INTO memberships (project_id, user_id, role) VALUES (:p, :u, :r)")
                        .bind("p", project).bind("u", u.id()).bind("r", r.name()).execute();
            }
        });
    }

    /** The members of a project and their roles. */
    public List<Membership> members(String project) {
        Map<String, Set<ProjectRole>> byUser = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT u.username, m.role FROM memberships m JOIN users u ON u.id = "
                + "m.user_id"
                        + " WHERE m.project_id = :p").bind("p", project)
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> byUser
                        .computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(ProjectRole.class))
                        .add(ProjectRole.valueOf(e.getValue()))));
        return byUser.entrySet().stream().map(e -> new Membership(project, e.getKey(), e.getValue())).toList();
    }

    /** The projects a user holds any role in. */
    public Set<String> projectsOf(long userId) {
        return Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT project_id FROM memberships WHERE "
                + "user_id = :u")
                .bind("u", userId).mapTo(String.class).list()));
    }
}
