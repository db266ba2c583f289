package org.cloak.net.pdu;

/** A-RELEASE-RP (PS3.8 Section 9.3.7): the acceptor agrees to end the association. */
public record AReleaseRp() implements Pdu {
    @Override
    public int type() { return TYPE_A_RELEASE_RP; }
}
