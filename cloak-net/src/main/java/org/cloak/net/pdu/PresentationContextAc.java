package org.cloak.net.pdu;

import java.util.Objects;

/**
 * The acceptor's answer for one presentation context (PS3.8 Section 9.3.3.2): a result and,
 * when accepted, the one transfer syntax to use.
 */
public record PresentationContextAc(int id, int result, String transferSyntax) {
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContextAc {
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    public boolean accepted() { return result == ACCEPTANCE; }

    /** The standard's name of a result, e.g. "abstract-syntax-not-supported". */
    public static String resultName(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user-rejection";
            case NO_REASON -> "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract-syntax-not-supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer-syntaxes-not-supported";
            default -> "result " + result;
        };
    }
}
