package org.cloak.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the DB-touching tests run on: the embedded H2 and a real PostgreSQL server
 * (the one {@code .ci/run} installs and starts; {@code CLOAK_TEST_PG_URL}, {@code _USER},
 * {@code _PASSWORD} override where it is). Each server gets a fresh PostgreSQL database. Under
 * {@code CI=true} a PostgreSQL that cannot be reached fails the test; elsewhere it is skipped.
 */
public enum Backend {
    H2, POSTGRESQL;

    static final Map<String, String> ENV = System.getenv();

    static String pgBase() {
        return ENV.getOrDefault("CLOAK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    }

    static String pgUser() {
        return ENV.getOrDefault("CLOAK_TEST_PG_USER", "cloak");
    }

    static String pgPassword() {
        return ENV.getOrDefault("CLOAK_TEST_PG_PASSWORD", "cloak");
    }

    /** A new, empty database; returns its URL (null for H2: the embedded one in the data directory). */
    String freshDatabase() {
        if (this == H2) {
            return null;
        }
        String name = "cloak_t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(pgBase() + "postgres", pgUser(), pgPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("true".equals(ENV.get("CI"))) {
                throw new AssertionError("PostgreSQL is required in CI and cannot be reached at " + pgBase()
                        + " as " + pgUser() + ": " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + pgBase() + ": " + e.getMessage());
        }
        return pgBase() + name;
    }

    /** Drops a database made by {@link #freshDatabase()}. */
    static void drop(String url) {
        if (url == null) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(pgBase() + "postgres", pgUser(), pgPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a left-over test database is harmless
        }
    }
}
