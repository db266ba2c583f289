package org.cloak.net.pdu;

import org.cloak.net.NetException;

/**
 * A PDU that does not follow PS3.8 Section 9.3. Carries the A-ABORT reason the association
 * answers with (PS3.8 Table 9-26).
 */
public final class MalformedPduException extends NetException {
    private static final long serialVersionUID = 1L;

    private final int abortReason;

    public MalformedPduException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    public MalformedPduException(int abortReason, String message, Throwable cause) {
        super(message, cause);
        this.abortReason = abortReason;
    }

    /** The A-ABORT reason for this error (one of the {@code AAbort.REASON_*} values). */
    public int abortReason() { return abortReason; }
}
