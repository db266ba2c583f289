package org.cloak.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads PDUs from a transport connection (PS3.8 Section 9.3). A PDU longer than the configured
 * limit is refused before its body is read, so a peer cannot make the reader allocate more
 * than the limit; the body buffer grows only as the bytes arrive.
 */
public final class PduReader {
    /** Default bound on the length of any PDU from a peer: 16 MiB. */
    public static final int DEFAULT_LENGTH_LIMIT = 16 << 20;
    private static final int HEADER_LENGTH = 6;
    private static final int PREALLOCATE_LIMIT = 1 << 20;

    private final InputStream in;
    private final int lengthLimit;

    /**
     * @param in          the connection's input
     * @param lengthLimit largest PDU length field accepted; longer PDUs are refused with an
     *                    A-ABORT reason invalid-PDU-parameter-value
     */
    public PduReader(InputStream in, int lengthLimit) {
        if (lengthLimit < 1024) {
            throw new IllegalArgumentException("PDU length limit " + lengthLimit + " is below 1024 bytes");
        }
        this.in = in;
        this.lengthLimit = lengthLimit;
    }

    /**
     * Reads the next PDU.
     *
     * @throws EOFException          when the peer closed the connection (before or inside a PDU)
     * @throws MalformedPduException when the bytes are not a valid PDU
     */
    public Pdu read() throws IOException {
        byte[] header = new byte[HEADER_LENGTH];
        int n = in.readNBytes(header, 0, HEADER_LENGTH);
        if (n == 0) {
            throw new EOFException("the peer closed the connection");
        }
        if (n < HEADER_LENGTH) {
            throw new EOFException("the peer closed the connection inside a PDU header");
        }
        int type = header[0] & 0xFF;
        long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        if (type < Pdu.TYPE_A_ASSOCIATE_RQ || type > Pdu.TYPE_A_ABORT) {
            throw new MalformedPduException(AAbort.REASON_UNRECOGNIZED_PDU,
                    String.format("Could not read PDU: unrecognized PDU type 0x%02X", type));
        }
        if (length > lengthLimit) {
            throw new MalformedPduException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "Could not read PDU: length " + length + " exceeds the limit of " + lengthLimit + " bytes");
        }
        byte[] body = readBody((int) length);
        return PduDecoder.decode(type, body);
    }

    private byte[] readBody(int length) throws IOException {
        byte[] body;
        int n;
        if (length <= PREALLOCATE_LIMIT) {
            body = new byte[length];
            n = in.readNBytes(body, 0, length);
        } else {
            body = in.readNBytes(length);
            n = body.length;
        }
        if (n < length) {
            throw new EOFException("the peer closed the connection inside a PDU (" + n + " of " + length + " bytes)");
        }
        return body;
    }
}
