package org.cloak.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A proposed presentation context (PS3.8 Section 9.3.2.2): one abstract syntax (a SOP class)
 * and the transfer syntaxes the requestor can use for it, in its order of preference.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContextRq {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("presentation context ID " + id + " is not an odd number in 1..255");
        }
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
