package org.cloak.server.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.cloak.server.config.ConfigException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The server's database: an embedded H2 file database in the data directory by default, or
 * PostgreSQL; migrated by Flyway from {@code db/migration} at start, used through JDBI. The same
 * migrations serve both. Connections come from a small pool.
 */
public final class Database implements AutoCloseable {
    /** Which database is behind the URL. */
    public enum Kind { H2, POSTGRESQL }

    private static final int MAX_CONNECTIONS = 16;

    private final Kind kind;
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private Database(Kind kind, JdbcConnectionPool pool) {
        this.kind = kind;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** The embedded database in {@code dir}. */
    public static Database embedded(Path dir) {
        return open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("cloak"), null, null);
    }

    /**
     * Opens and migrates the database at {@code url}.
     *
     * @throws ConfigException when it cannot be reached or migrated (the message never holds the password)
     */
    public static Database open(String url, String user, String password) {
        JdbcConnectionPool pool;
        Kind kind;
        if (url.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
            ds.setURL(url);
            if (user != null) {
                ds.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                ds.setPassword(password);
            }
            pool = JdbcConnectionPool.create(ds);
            kind = Kind.POSTGRESQL;
        } else if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            ds.setUser(user == null ? "sa" : user);
            ds.setPassword(password == null ? "" : password);
            pool = JdbcConnectionPool.create(ds);
            kind = Kind.H2;
        } else {
            throw new ConfigException("unsupported database URL (jdbc:h2: or jdbc:postgresql: only)");
        }
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection c = pool.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw new ConfigException("could not connect to the database: " + e.getSQLState() + " "
                    + e.getClass().getSimpleName(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new ConfigException("could not migrate the database: " + e.getMessage(), e);
        }
        return new Database(kind, pool);
    }

    public Kind kind() { return kind; }

    public Jdbi jdbi() { return jdbi; }

    /** Whether a connection answers (readiness). */
    public boolean ready() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            try (Connection c = pool.getConnection()) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                // closing anyway
            }
        }
        pool.dispose();
    }
}
