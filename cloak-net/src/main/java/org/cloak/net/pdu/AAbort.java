package org.cloak.net.pdu;

/**
 * A-ABORT (PS3.8 Section 9.3.8): the association ends at once. The reason is meaningful only
 * when the source is the service provider (PS3.8 Table 9-26).
 */
public record AAbort(int source, int reason) implements Pdu {
    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
    public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

    /** An abort by the service provider (this upper layer) for a protocol error. */
    public static AAbort provider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    /** An abort by the service user (the application). */
    public static AAbort user() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    @Override
    public int type() { return TYPE_A_ABORT; }

    /** A reading such as "service-provider: unexpected-PDU". */
    public String describe() {
        String src = switch (source) {
            case SOURCE_SERVICE_USER -> "service-user";
            case SOURCE_SERVICE_PROVIDER -> "service-provider";
            default -> "source " + source;
        };
        if (source != SOURCE_SERVICE_PROVIDER) {
            return src;
        }
        return src + ": " + switch (reason) {
            case REASON_NOT_SPECIFIED -> "reason-not-specified";
            case REASON_UNRECOGNIZED_PDU -> "unrecognized-PDU";
            case REASON_UNEXPECTED_PDU -> "unexpected-PDU";
            case REASON_UNRECOGNIZED_PDU_PARAMETER -> "unrecognized-PDU-parameter";
            case REASON_UNEXPECTED_PDU_PARAMETER -> "unexpected-PDU-parameter";
            case REASON_INVALID_PDU_PARAMETER_VALUE -> "invalid-PDU-parameter-value";
            default -> "reason " + reason;
        };
    }
}
