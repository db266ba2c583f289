package org.cloak.pipeline.vault;

/**
 * The vault could not be opened, read or written. Messages name files and say what to do; they
 * never hold a key, a passphrase or an entry of the map.
 */
public final class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
