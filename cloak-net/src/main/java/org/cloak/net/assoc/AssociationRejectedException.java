package org.cloak.net.assoc;

import org.cloak.net.NetException;
import org.cloak.net.pdu.AAssociateRj;

/** The peer answered an A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ. */
public final class AssociationRejectedException extends NetException {
    private static final long serialVersionUID = 1L;

    private final transient AAssociateRj rejection;

    public AssociationRejectedException(String peer, AAssociateRj rejection) {
        super("Could not associate with " + peer + ": " + rejection.describe());
        this.rejection = rejection;
    }

    public AAssociateRj rejection() { return rejection; }
}
