package org.cloak.net.scp;

import org.cloak.net.dimse.Status;

/** Answers C-ECHO (the Verification service, PS3.4 Annex A): always success. */
public final class EchoHandler {

    /** The status of the C-ECHO-RSP for a request on this association. */
    public Status echo(AssociationInfo association) {
        return Status.SUCCESS;
    }
}
