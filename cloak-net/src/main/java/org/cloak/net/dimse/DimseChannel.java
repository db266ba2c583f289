package org.cloak.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.PresentationContext;
import org.cloak.net.pdu.AAbort;
import org.cloak.net.pdu.AReleaseRq;
import org.cloak.net.pdu.MalformedPduException;
import org.cloak.net.pdu.PDataTf;
import org.cloak.net.pdu.Pdu;
import org.cloak.net.pdu.Pdv;

/**
 * DIMSE messages over an established association (PS3.7 Section 9, PS3.8 Annex E): a command
 * from its command PDVs, then the data set as a stream of data PDVs, never held whole. Sends
 * fragment commands and data sets into PDVs that fit the peer's maximum PDU length.
 */
public final class DimseChannel {
    /** Largest command set accepted; real ones are a few hundred bytes. */
    static final int COMMAND_LIMIT = 64 * 1024;
    /** PDV size when the peer sets no limit, and the largest PDV sent in any case. */
    static final int UNLIMITED_PDV_DATA = 64 * 1024;
    static final int PDV_DATA_CAP = 1 << 20;

    private final Association association;
    private final Deque<Pdv> pending = new ArrayDeque<>();
    private boolean releaseRequested;

    public DimseChannel(Association association) {
        this.association = association;
    }

    public Association association() { return association; }

    /**
     * Reads the next command. Returns null when the peer asked to release the association
     * instead (call {@link Association#confirmRelease()}).
     *
     * @throws MalformedPduException when PDVs are out of place (the association is aborted)
     */
    public IncomingCommand readCommand() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        int pcid = -1;
        while (true) {
            Pdv pdv = nextPdv();
            if (pdv == null) {
                if (pcid != -1) {
                    throw protocolError("A-RELEASE-RQ inside a command");
                }
                return null;
            }
            if (!pdv.command()) {
                throw protocolError("a data set fragment arrived where a command was expected");
            }
            if (pcid != -1 && pdv.contextId() != pcid) {
                throw protocolError("command fragments on presentation contexts " + pcid + " and " + pdv.contextId());
            }
            pcid = pdv.contextId();
            if (buf.size() + pdv.data().length > COMMAND_LIMIT) {
                throw protocolError("command set longer than " + COMMAND_LIMIT + " bytes");
            }
            buf.writeBytes(pdv.data());
            if (pdv.last()) {
                break;
            }
        }
        PresentationContext pc = association.context(pcid);
        if (pc == null || !pc.accepted()) {
            throw protocolError("command on presentation context " + pcid + ", which was not accepted");
        }
        try {
            return new IncomingCommand(pc, Command.decode(buf.toByteArray()));
        } catch (IOException e) {
            association.abort(AAbort.provider(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE));
            throw new MalformedPduException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "Could not read DIMSE command: " + e.getMessage(), e);
        }
    }

    /** The data set following the last command read, on that command's presentation context. */
    public PdvInputStream openDataSet(int contextId) {
        return new PdvInputStream(this, contextId);
    }

    /** True once the peer sent A-RELEASE-RQ. */
    public boolean releaseRequested() { return releaseRequested; }

    /** Sends a command in as many command PDVs as the peer's PDU length requires. */
    public void writeCommand(int contextId, Command command) throws IOException {
        byte[] bytes = command.encode();
        int max = maxPdvData();
        for (int off = 0; off < bytes.length || off == 0; off += max) {
            int end = Math.min(bytes.length, off + max);
            association.send(PDataTf.of(new Pdv(contextId, true, end == bytes.length,
                    Arrays.copyOfRange(bytes, off, end))));
            if (end == bytes.length) {
                break;
            }
        }
    }

    /** A stream that sends what is written to it as data PDVs; closing it sends the last one. */
    public PdvOutputStream openDataSetWriter(int contextId) {
        return new PdvOutputStream(this, contextId, maxPdvData());
    }

    /** Data bytes per PDV: the peer's maximum PDU length less the PDV header (PS3.8 D.1). */
    public int maxPdvData() {
        int peerMax = association.peerMaxPduLength();
        if (peerMax == 0) {
            return UNLIMITED_PDV_DATA;
        }
        return Math.max(1, Math.min(PDV_DATA_CAP, peerMax - Pdv.HEADER_LENGTH));
    }

    void send(Pdv pdv) throws IOException {
        association.send(PDataTf.of(pdv));
    }

    /** The next PDV, reading P-DATA-TF PDUs as needed; null after an A-RELEASE-RQ. */
    Pdv nextPdv() throws IOException {
        while (pending.isEmpty()) {
            if (releaseRequested) {
                return null;
            }
            Pdu pdu = association.receive();
            if (pdu instanceof AReleaseRq) {
                releaseRequested = true;
                return null;
            }
            pending.addAll(((PDataTf) pdu).pdvs());
        }
        return pending.poll();
    }

    /** Aborts the association for a protocol error and returns the exception to throw. */
    MalformedPduException protocolError(String detail) {
        association.abort(AAbort.provider(AAbort.REASON_UNEXPECTED_PDU_PARAMETER));
        return new MalformedPduException(AAbort.REASON_UNEXPECTED_PDU_PARAMETER,
                "Could not continue the association with " + association.remoteAddress() + ": " + detail);
    }
}
