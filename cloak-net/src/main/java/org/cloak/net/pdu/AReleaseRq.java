package org.cloak.net.pdu;

/** A-RELEASE-RQ (PS3.8 Section 9.3.6): the requestor asks to end the association. */
public record AReleaseRq() implements Pdu {
    @Override
    public int type() { return TYPE_A_RELEASE_RQ; }
}
