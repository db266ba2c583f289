package org.cloak.deid.pseudo;

/**
 * Pseudonymization could not be planned: an unreadable or corrupt secret, a bad mapping file,
 * a PatientID missing from the mapping when unmapped IDs are an error. Messages name files,
 * columns and settings, never an identifying value.
 */
public final class PseudonymException extends RuntimeException {
    public PseudonymException(String message) {
        super(message);
    }

    public PseudonymException(String message, Throwable cause) {
        super(message, cause);
    }
}
