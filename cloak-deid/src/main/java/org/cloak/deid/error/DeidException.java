package org.cloak.deid.error;

/**
 * The engine's one root exception: a recipe or script that cannot be used, pseudonyms that
 * cannot be planned. Its kind lets a front end choose an exit status or an HTTP status without
 * knowing every subclass; its message names files, lines and settings, never an identifying value.
 */
public class DeidException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble. */
    public enum Kind {
        /** A recipe or script with an error: the user fixes the file (exit 1 / HTTP 400 or 422). */
        RECIPE,
        /** The secret or a mapping cannot be used, or an ID has no mapping (exit 1 / HTTP 409). */
        PSEUDONYMS
    }

    private final Kind kind;

    public DeidException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
