package org.cloak.net.dimse;

/**
 * A DIMSE status (PS3.7 Annex C) with an optional Error Comment (0000,0902). Comments must not
 * carry attribute values: they travel to the peer and into logs.
 *
 * @param code         the Status (0000,0900) value
 * @param errorComment short explanation for a failure, or null
 */
public record Status(int code, String errorComment) {
    public static final Status SUCCESS = new Status(0x0000, null);
    /** Refused: out of resources (PS3.4 B.2.3), e.g. the disk is full. */
    public static final Status OUT_OF_RESOURCES = new Status(0xA700, null);
    /** Error: data set does not match SOP class (PS3.4 B.2.3). */
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS = new Status(0xA900, null);
    /** Error: cannot understand (PS3.4 B.2.3). */
    public static final Status CANNOT_UNDERSTAND = new Status(0xC000, null);
    /** Refused: SOP class not supported (PS3.7 C.5.5). */
    public static final Status SOP_CLASS_NOT_SUPPORTED = new Status(0x0122, null);
    /** Failure: processing failure (PS3.7 C.5.3). */
    public static final Status PROCESSING_FAILURE = new Status(0x0110, null);
    /** Failure: unrecognized operation (PS3.7 C.5.9). */
    public static final Status UNRECOGNIZED_OPERATION = new Status(0x0211, null);
    /** Longest Error Comment: an LO value. */
    private static final int COMMENT_LIMIT = 64;

    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status " + code + " is not a 16-bit value");
        }
        if (errorComment != null && errorComment.length() > COMMENT_LIMIT) {
            errorComment = errorComment.substring(0, COMMENT_LIMIT);
        }
    }

    public static Status of(int code) {
        return new Status(code, null);
    }

    /** The same status with an Error Comment (cut to 64 characters). */
    public Status withComment(String comment) {
        return new Status(code, comment);
    }

    public boolean isSuccess() { return code == 0x0000; }

    /** Warning statuses: 0001, 0107, 0116 and Bxxx (PS3.7 C.4, PS3.4 B.2.3). */
    public boolean isWarning() {
        return code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000;
    }

    public boolean isPending() { return code == 0xFF00 || code == 0xFF01; }

    /** Neither success, warning, pending nor cancel (FE00). */
    public boolean isFailure() { return !isSuccess() && !isWarning() && !isPending() && code != 0xFE00; }

    /** The code in hex with its meaning, e.g. "A700 (out of resources)". */
    public String describe() {
        String meaning = switch (code) {
            case 0x0000 -> "success";
            case 0x0001, 0x0107, 0x0116 -> "warning";
            case 0x0110 -> "processing failure";
            case 0x0122 -> "SOP class not supported";
            case 0x0124 -> "not authorized";
            case 0x0211 -> "unrecognized operation";
            case 0xFE00 -> "cancel";
            default -> rangeMeaning();
        };
        return String.format("%04X (%s)", code, meaning) + (errorComment == null ? "" : ": " + errorComment);
    }

    private String rangeMeaning() {
        return switch (code >> 12) {
            case 0xA -> (code >> 8) == 0xA7 ? "out of resources"
                    : (code >> 8) == 0xA9 ? "data set does not match SOP class" : "refused";
            case 0xB -> "warning";
            case 0xC -> "cannot understand";
            case 0xF -> "pending";
            default -> "failure";
        };
    }
}
