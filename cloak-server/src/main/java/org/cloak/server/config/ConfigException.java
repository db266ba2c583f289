package org.cloak.server.config;

/** A configuration that cannot be used: an unknown key, a bad value, a missing file; names the source and line. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
