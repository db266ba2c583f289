package org.cloak.net.pdu;

/**
 * A-ASSOCIATE-RJ (PS3.8 Section 9.3.4): why an association was refused. The meaning of
 * {@code reason} depends on {@code source} (PS3.8 Table 9-21).
 */
public record AAssociateRj(int result, int source, int reason) implements Pdu {
    public static final int RESULT_REJECTED_PERMANENT = 1;
    public static final int RESULT_REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Reasons when the source is the service user. */
    public static final int REASON_NO_REASON_GIVEN = 1;
    public static final int REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    /** Reason when the source is the ACSE provider. */
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Reasons when the source is the presentation provider. */
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public int type() { return TYPE_A_ASSOCIATE_RJ; }

    /** A reading such as "rejected-permanent by service-user: called-AE-title-not-recognized". */
    public String describe() {
        String r = switch (result) {
            case RESULT_REJECTED_PERMANENT -> "rejected-permanent";
            case RESULT_REJECTED_TRANSIENT -> "rejected-transient";
            default -> "result " + result;
        };
        return r + " by " + sourceName() + ": " + reasonName();
    }

    private String sourceName() {
        return switch (source) {
            case SOURCE_SERVICE_USER -> "service-user";
            case SOURCE_SERVICE_PROVIDER_ACSE -> "service-provider (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> "service-provider (presentation)";
            default -> "source " + source;
        };
    }

    private String reasonName() {
        if (source == SOURCE_SERVICE_USER) {
            return switch (reason) {
                case REASON_NO_REASON_GIVEN -> "no-reason-given";
                case REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED -> "application-context-name-not-supported";
                case REASON_CALLING_AE_TITLE_NOT_RECOGNIZED -> "calling-AE-title-not-recognized";
                case REASON_CALLED_AE_TITLE_NOT_RECOGNIZED -> "called-AE-title-not-recognized";
                default -> "reason " + reason;
            };
        }
        if (source == SOURCE_SERVICE_PROVIDER_ACSE) {
            return reason == REASON_PROTOCOL_VERSION_NOT_SUPPORTED ? "protocol-version-not-supported"
                    : "no-reason-given";
        }
        return switch (reason) {
            case REASON_TEMPORARY_CONGESTION -> "temporary-congestion";
            case REASON_LOCAL_LIMIT_EXCEEDED -> "local-limit-exceeded";
            default -> "reason " + reason;
        };
    }
}
