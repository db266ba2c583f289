package org.cloak.pipeline;

/**
 * The pipeline's one root exception (the vault's errors are its subclass): what went wrong,
 * as a kind a front end maps to an exit status or an HTTP status, and a message that names the
 * file or setting but never a patient value.
 */
public class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble. */
    public enum Kind {
        /** A setting, flag or path the run cannot work with (exit 1 / HTTP 400). */
        USAGE,
        /** The vault could not be opened or written (exit 1 / HTTP 403 or 500). */
        VAULT,
        /** A file or folder could not be read or written (exit 1 / HTTP 500). */
        IO,
        /** The run was interrupted; finished outputs stay (exit 2 / HTTP 503). */
        INTERRUPTED
    }

    private final Kind kind;

    public PipelineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public PipelineException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() { return kind; }
}
