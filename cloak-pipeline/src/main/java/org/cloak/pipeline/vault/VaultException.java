package org.cloak.pipeline.vault;

import org.cloak.pipeline.PipelineException;

/**
 * The vault could not be opened, read or written. Messages name files and say what to do; they
 * never hold a key, a passphrase or an entry of the map.
 */
public final class VaultException extends PipelineException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(Kind.VAULT, message);
    }

    public VaultException(String message, Throwable cause) {
        super(Kind.VAULT, message, cause);
    }
}
