package org.cloak.net.assoc;

import org.cloak.net.NetException;
import org.cloak.net.pdu.AAbort;

/** The association ended abruptly: the peer sent an A-ABORT, or this side aborted it. */
public final class AssociationAbortedException extends NetException {
    private static final long serialVersionUID = 1L;

    private final transient AAbort abort;

    public AssociationAbortedException(String message, AAbort abort) {
        super(message);
        this.abort = abort;
    }

    /** The A-ABORT that ended the association, or null when the connection just closed. */
    public AAbort abort() { return abort; }
}
