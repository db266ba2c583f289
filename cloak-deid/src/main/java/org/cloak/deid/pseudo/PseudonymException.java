package org.cloak.deid.pseudo;

import org.cloak.deid.error.DeidException;

/**
 * Pseudonymization could not be planned: an unreadable or corrupt secret, a bad mapping file,
 * a PatientID missing from the mapping when unmapped IDs are an error. Messages name files,
 * columns and settings, never an identifying value.
 */
public final class PseudonymException extends DeidException {
    private static final long serialVersionUID = 1L;

    public PseudonymException(String message) {
        super(Kind.PSEUDONYMS, message, null);
    }

    public PseudonymException(String message, Throwable cause) {
        super(Kind.PSEUDONYMS, message, cause);
    }
}
