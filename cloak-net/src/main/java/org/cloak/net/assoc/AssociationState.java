package org.cloak.net.assoc;

/** States of the DICOM Upper Layer state machine (PS3.8 Table 9-2). */
public enum AssociationState {
    /** Idle: no transport connection. */
    STA1("Idle"),
    /** Transport connection open (awaiting A-ASSOCIATE-RQ PDU). */
    STA2("Transport connection open, awaiting A-ASSOCIATE-RQ"),
    /** Awaiting local A-ASSOCIATE response primitive (from the local user). */
    STA3("Awaiting local A-ASSOCIATE response"),
    /** Awaiting transport connection opening to complete (from the local transport service). */
    STA4("Awaiting transport connection opening"),
    /** Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU. */
    STA5("Awaiting A-ASSOCIATE-AC or -RJ"),
    /** Association established and ready for data transfer. */
    STA6("Association established"),
    /** Awaiting A-RELEASE-RP PDU. */
    STA7("Awaiting A-RELEASE-RP"),
    /** Awaiting local A-RELEASE response primitive (from the local user). */
    STA8("Awaiting local A-RELEASE response"),
    /** Release collision requestor side: awaiting A-RELEASE response primitive. */
    STA9("Release collision requestor side, awaiting A-RELEASE response"),
    /** Release collision acceptor side: awaiting A-RELEASE-RP PDU. */
    STA10("Release collision acceptor side, awaiting A-RELEASE-RP"),
    /** Release collision requestor side: awaiting A-RELEASE-RP PDU. */
    STA11("Release collision requestor side, awaiting A-RELEASE-RP"),
    /** Release collision acceptor side: awaiting A-RELEASE response primitive. */
    STA12("Release collision acceptor side, awaiting A-RELEASE response"),
    /** Awaiting transport connection close indication (association no longer exists). */
    STA13("Awaiting transport connection close");

    private final String description;

    AssociationState(String description) {
        this.description = description;
    }

    /** The standard's description of the state. */
    public String description() { return description; }
}
