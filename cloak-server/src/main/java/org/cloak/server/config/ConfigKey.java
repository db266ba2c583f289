package org.cloak.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the server, under one name per source: the YAML path ({@code http.port}), the
 * flag ({@code --http-port}) and the environment variable ({@code CLOAK_HTTP_PORT}).
 */
public enum ConfigKey {
    DATA("data", Type.PATH, null),
    HTTP_BIND("http.bind", Type.TEXT, "127.0.0.1"),
    HTTP_PORT("http.port", Type.PORT, "8080"),
    HTTP_TLS_KEY_STORE("http.tls.key-store", Type.PATH, null),
    HTTP_TLS_KEY_STORE_PASSWORD_FILE("http.tls.key-store-password-file", Type.PATH, null),
    DICOM_PORT("dicom.port", Type.PORT, "11112"),
    DICOM_AE_TITLE("dicom.ae-title", Type.TEXT, "CLOAK"),
    DICOM_ENABLED("dicom.enabled", Type.BOOL, "true"),
    DICOM_TLS_KEY_STORE("dicom.tls.key-store", Type.PATH, null),
    DICOM_TLS_KEY_STORE_PASSWORD_FILE("dicom.tls.key-store-password-file", Type.PATH, null),
    DATABASE_URL("database.url", Type.TEXT, null),
    DATABASE_USER("database.user", Type.TEXT, null),
    DATABASE_PASSWORD_FILE("database.password-file", Type.PATH, null),
    UPLOADS_MAX_BYTES("uploads.max-bytes", Type.SIZE, "4294967296"),
    SESSIONS_TIMEOUT_MINUTES("sessions.timeout-minutes", Type.COUNT, "480"),
    SESSIONS_QUIET_SECONDS("sessions.quiet-seconds", Type.COUNT, "30"),
    JOBS_WORKERS("jobs.workers", Type.COUNT, "2"),
    IMPORT_ROOTS("import.roots", Type.PATHS, ""),
    VAULT_PASSPHRASE_FILE("vault.passphrase-file", Type.PATH, null),
    VAULT_KEY_DIR("vault.key-dir", Type.PATH, null),
    ADMIN_PASSWORD_FILE("admin-password-file", Type.PATH, null),
    DEMO("demo", Type.BOOL, "true"),
    DEMO_SAMPLES("demo-samples", Type.PATH, "samples");

    /** How a value is read. */
    public enum Type { TEXT, PATH, PATHS, PORT, COUNT, SIZE, BOOL }

    private final String path;
    private final Type type;
    private final String defaultValue;

    ConfigKey(String path, Type type, String defaultValue) {
        this.path = path;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /** The dotted YAML path. */
    public String path() { return path; }

    public Type type() { return type; }

    /** The default as text, or null when there is none. */
    public String defaultValue() { return defaultValue; }

    /** The command-line flag: the path with dashes, {@code --http-port}. */
    public String flag() { return "--" + path.replace('.', '-'); }

    /** The environment variable: {@code CLOAK_HTTP_PORT}. */
    public String env() {
        return "CLOAK_" + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public static Optional<ConfigKey> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static Optional<ConfigKey> byFlag(String flag) {
        return Arrays.stream(values()).filter(k -> k.flag().equals(flag)).findFirst();
    }
}
