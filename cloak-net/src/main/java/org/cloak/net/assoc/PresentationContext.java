package org.cloak.net.assoc;

import org.cloak.net.pdu.PresentationContextAc;

/**
 * A negotiated presentation context (PS3.8 Section 7.1.1.13): the abstract syntax proposed for
 * an ID, and the acceptor's result and transfer syntax.
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax, int result) {

    public boolean accepted() { return result == PresentationContextAc.ACCEPTANCE; }
}
