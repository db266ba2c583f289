package org.cloak.net.dimse;

/** Values of Command Field (0000,0100) (PS3.7 Annex E) for the services this node implements. */
public final class CommandField {
    public static final int C_STORE_RQ = 0x0001;
    public static final int C_STORE_RSP = 0x8001;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    /** The bit that marks a response: RSP = RQ | 0x8000. */
    public static final int RESPONSE_BIT = 0x8000;

    private CommandField() {}

    /** True for a response command field. */
    public static boolean isResponse(int field) {
        return (field & RESPONSE_BIT) != 0;
    }

    /** The standard's name, e.g. "C-STORE-RQ", or the value in hex. */
    public static String name(int field) {
        return switch (field) {
            case C_STORE_RQ -> "C-STORE-RQ";
            case C_STORE_RSP -> "C-STORE-RSP";
            case C_ECHO_RQ -> "C-ECHO-RQ";
            case C_ECHO_RSP -> "C-ECHO-RSP";
            case 0x0010 -> "C-GET-RQ";
            case 0x0020 -> "C-FIND-RQ";
            case 0x0021 -> "C-MOVE-RQ";
            case 0x0FFF -> "C-CANCEL-RQ";
            default -> String.format("command 0x%04X", field);
        };
    }
}
