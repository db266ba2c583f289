package org.cloak.net.pdu;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDUs to a transport connection (PS3.8 Section 9.3); each PDU is flushed as a whole.
 * P-DATA-TF values are written straight from their arrays, without copying.
 */
public final class PduWriter {
    private final OutputStream out;

    public PduWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    /** Encodes and sends one PDU. */
    public synchronized void write(Pdu pdu) throws IOException {
        if (pdu instanceof AAssociateRq rq) {
            whole(pdu.type(), PduEncoder.associateRq(rq));
        } else if (pdu instanceof AAssociateAc ac) {
            whole(pdu.type(), PduEncoder.associateAc(ac));
        } else if (pdu instanceof AAssociateRj rj) {
            whole(pdu.type(), new byte[] {0, (byte) rj.result(), (byte) rj.source(), (byte) rj.reason()});
        } else if (pdu instanceof PDataTf p) {
            pData(p);
        } else if (pdu instanceof AAbort a) {
            whole(pdu.type(), new byte[] {0, 0, (byte) a.source(), (byte) a.reason()});
        } else {
            whole(pdu.type(), new byte[4]); // A-RELEASE-RQ and -RP: four reserved bytes
        }
        out.flush();
    }

    private void whole(int type, byte[] body) throws IOException {
        header(type, body.length);
        out.write(body);
    }

    private void pData(PDataTf p) throws IOException {
        long length = 0;
        for (Pdv pdv : p.pdvs()) {
            length += Pdv.HEADER_LENGTH + pdv.data().length;
        }
        if (length > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("P-DATA-TF of " + length + " bytes is too long");
        }
        header(Pdu.TYPE_P_DATA_TF, length);
        for (Pdv pdv : p.pdvs()) {
            int itemLength = pdv.data().length + 2;
            out.write(new byte[] {(byte) (itemLength >>> 24), (byte) (itemLength >> 16), (byte) (itemLength >> 8),
                    (byte) itemLength, (byte) pdv.contextId(), (byte) pdv.controlHeader()});
            out.write(pdv.data());
        }
    }

    private void header(int type, long length) throws IOException {
        out.write(new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >> 16), (byte) (length >> 8),
                (byte) length});
    }
}
