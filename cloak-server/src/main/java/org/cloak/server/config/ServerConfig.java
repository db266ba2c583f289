package org.cloak.server.config;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloak.net.AeTitles;

/**
 * The server's settings, checked. Secrets (the database password, key store passwords) are
 * read from their files when needed and never appear in {@link #toString()} or a log.
 *
 * @param data the data directory: prearchive, archive, quarantine, vaults, the embedded database
 * @param dbUrl JDBC URL; null for the embedded H2 database in {@code data/db}
 * @param dbPasswordFile file whose first line is the database password, or null
 * @param dicomPort DICOM port; 0 picks a free one
 * @param maxUploadBytes largest upload accepted
 * @param sessionTimeout how long a login session lasts without use
 * @param quietTime a received session is complete after this long without a new instance
 * @param workers jobs run at once
 * @param importRoots folders the server-side import may read (admin only)
 * @param vaultPassphraseFile the passphrase of every project vault, or null for key files in {@link #vaultKeyDir()}
 * @param demo create the demo project (ID demo, AE title DEMO) and import {@code demoSamples} into it on first start
 */
public record ServerConfig(Path data, String httpBind, int httpPort, Path httpKeyStore, Path httpKeyStorePasswordFile,
                           boolean dicomEnabled, int dicomPort, String dicomAeTitle, Path dicomKeyStore,
                           Path dicomKeyStorePasswordFile, String dbUrl, String dbUser, Path dbPasswordFile,
                           long maxUploadBytes, Duration sessionTimeout, Duration quietTime, int workers,
                           List<Path> importRoots, Path vaultPassphraseFile, Path vaultKeyDir, Path adminPasswordFile,
                           boolean demo, Path demoSamples) {

    /** The default data directory, {@code ~/.cloak/server}. */
    public static Path defaultData() {
        return Path.of(System.getProperty("user.home"), ".cloak", "server");
    }

    static ServerConfig of(Map<ConfigKey, String> v) {
        Path data = path(v, ConfigKey.DATA);
        data = (data == null ? defaultData() : data).toAbsolutePath().normalize();
        String aet = v.get(ConfigKey.DICOM_AE_TITLE);
        try {
            AeTitles.check(aet);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.DICOM_AE_TITLE.path() + ": " + e.getMessage(), e);
        }
        int workers = count(v, ConfigKey.JOBS_WORKERS);
        if (workers < 1) {
            throw new ConfigException(ConfigKey.JOBS_WORKERS.path() + " must be at least 1");
        }
        Path keyDir = path(v, ConfigKey.VAULT_KEY_DIR);
        String url = blankToNull(v.get(ConfigKey.DATABASE_URL));
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException(ConfigKey.DATABASE_URL.path() + " must be a jdbc:postgresql: or jdbc:h2: URL");
        }
        return new ServerConfig(data, v.get(ConfigKey.HTTP_BIND), port(v, ConfigKey.HTTP_PORT),
                path(v, ConfigKey.HTTP_TLS_KEY_STORE), path(v, ConfigKey.HTTP_TLS_KEY_STORE_PASSWORD_FILE),
                bool(v, ConfigKey.DICOM_ENABLED), port(v, ConfigKey.DICOM_PORT), aet,
                path(v, ConfigKey.DICOM_TLS_KEY_STORE), path(v, ConfigKey.DICOM_TLS_KEY_STORE_PASSWORD_FILE), url,
                blankToNull(v.get(ConfigKey.DATABASE_USER)), path(v, ConfigKey.DATABASE_PASSWORD_FILE),
                size(v, ConfigKey.UPLOADS_MAX_BYTES), Duration.ofMinutes(count(v, ConfigKey.SESSIONS_TIMEOUT_MINUTES)),
                Duration.ofSeconds(count(v, ConfigKey.SESSIONS_QUIET_SECONDS)), workers,
                paths(v, ConfigKey.IMPORT_ROOTS), path(v, ConfigKey.VAULT_PASSPHRASE_FILE),
                keyDir == null ? data.resolve("keys") : keyDir.toAbsolutePath().normalize(),
                path(v, ConfigKey.ADMIN_PASSWORD_FILE), bool(v, ConfigKey.DEMO), path(v, ConfigKey.DEMO_SAMPLES));
    }

    /** The database password: from its file, else {@code CLOAK_DATABASE_PASSWORD}, else none. */
    public String dbPassword(Map<String, String> env) {
        if (dbPasswordFile != null) {
            return firstLine(dbPasswordFile, "database password file");
        }
        return env.getOrDefault("CLOAK_DATABASE_PASSWORD", "");
    }

    /** The first line of a secret file. */
    public static String firstLine(Path file, String what) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).strip();
        } catch (IOException e) {
            throw new ConfigException("could not read the " + what + " " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** This configuration with other ports (tests: 0 picks free ones). */
    public ServerConfig withPorts(int http, int dicom) {
        return new ServerConfig(data, httpBind, http, httpKeyStore, httpKeyStorePasswordFile, dicomEnabled, dicom,
                dicomAeTitle, dicomKeyStore, dicomKeyStorePasswordFile, dbUrl, dbUser, dbPasswordFile, maxUploadBytes,
                sessionTimeout, quietTime, workers, importRoots, vaultPassphraseFile, vaultKeyDir, adminPasswordFile,
                demo, demoSamples);
    }

    @Override
    public String toString() {
        return "ServerConfig[data=" + data + ", http=" + httpBind + ":" + httpPort + ", dicom=" + dicomAeTitle + ":"
                + dicomPort + ", database=" + (dbUrl == null ? "embedded" : "external") + ", workers=" + workers + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Path path(Map<ConfigKey, String> v, ConfigKey k) {
        String s = blankToNull(v.get(k));
        return s == null ? null : Path.of(s);
    }

    private static List<Path> paths(Map<ConfigKey, String> v, ConfigKey k) {
        List<Path> out = new ArrayList<>();
        String s = v.get(k);
        if (s != null) {
            for (String p : s.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p).toAbsolutePath().normalize());
                }
            }
        }
        return List.copyOf(out);
    }

    private static long number(Map<ConfigKey, String> v, ConfigKey k) {
        try {
            return Long.parseLong(v.get(k).strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConfigException(k.path() + " must be a whole number", e);
        }
    }

    private static int port(Map<ConfigKey, String> v, ConfigKey k) {
        long n = number(v, k);
        if (n < 0 || n > 65535) {
            throw new ConfigException(k.path() + " must be a port in 0..65535");
        }
        return (int) n;
    }

    private static int count(Map<ConfigKey, String> v, ConfigKey k) {
        long n = number(v, k);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new ConfigException(k.path() + " must be a whole number of at least 0");
        }
        return (int) n;
    }

    private static long size(Map<ConfigKey, String> v, ConfigKey k) {
        long n = number(v, k);
        if (n < 1) {
            throw new ConfigException(k.path() + " must be at least 1");
        }
        return n;
    }

    private static boolean bool(Map<ConfigKey, String> v, ConfigKey k) {
        String s = v.get(k).strip();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(k.path() + " must be true or false");
    }
}
