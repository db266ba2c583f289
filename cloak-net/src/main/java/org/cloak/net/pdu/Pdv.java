package org.cloak.net.pdu;

import java.util.Arrays;

/**
 * A presentation data value (PS3.8 Section 9.3.5.1 and Annex E.2): a fragment of a DIMSE
 * command or data set, on one presentation context.
 *
 * @param contextId presentation context ID (odd, 1..255)
 * @param command   true for a command fragment, false for a data set fragment
 * @param last      true for the last fragment of the command or data set
 * @param data      the fragment's bytes
 */
public record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    /** Bytes of a PDV item before its data: item length (4), context ID (1), control header (1). */
    public static final int HEADER_LENGTH = 6;

    public Pdv {
        if (contextId < 1 || contextId > 255) {
            throw new IllegalArgumentException("presentation context ID " + contextId + " is not in 1..255");
        }
        data = data == null ? new byte[0] : data;
    }

    /** The message control header byte (PS3.8 Annex E.2): bit 0 command, bit 1 last fragment. */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.contextId == contextId && p.command == command && p.last == last
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (contextId * 4 + controlHeader()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Pdv[pc=" + contextId + (command ? ", command" : ", data") + (last ? ", last" : "") + ", "
                + data.length + " bytes]";
    }
}
