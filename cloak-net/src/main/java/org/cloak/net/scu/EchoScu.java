package org.cloak.net.scu;

import java.io.IOException;
import java.util.List;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.AeAddress;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.PresentationContext;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.dimse.Command;
import org.cloak.net.dimse.CommandField;
import org.cloak.net.dimse.DimseChannel;
import org.cloak.net.dimse.Status;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;

/**
 * Verification SCU (PS3.4 Annex A): associates, sends one C-ECHO-RQ, waits for the response
 * and releases.
 *
 * <pre>{@code
 * Status s = new EchoScu(ScuOptions.of("CLOAK")).echo(AeAddress.parse("PACS@pacs.example:104"));
 * }</pre>
 */
public final class EchoScu {
    private static final int CONTEXT_ID = 1;
    private static final int MESSAGE_ID = 1;

    private final ScuOptions options;

    public EchoScu(ScuOptions options) {
        this.options = options;
    }

    /**
     * Sends a C-ECHO and returns the peer's status.
     *
     * @throws IOException  when the peer cannot be reached or the connection fails or times out
     * @throws NetException when the peer rejects or aborts the association, or does not accept
     *                      the Verification SOP class
     */
    public Status echo(AeAddress target) throws IOException {
        PresentationContextRq pc = new PresentationContextRq(CONTEXT_ID, Uid.Verification,
                List.of(TransferSyntax.IMPLICIT_LE_UID, TransferSyntax.EXPLICIT_LE_UID));
        try (Watchdog watchdog = new Watchdog("cloak-echoscu-timer");
             Association a = Requestor.open(target, options, List.of(pc), watchdog)) {
            PresentationContext ctx = a.context(CONTEXT_ID);
            if (ctx == null || !ctx.accepted()) {
                a.release();
                throw new NetException("Could not verify " + target + ": the Verification SOP class was not accepted ("
                        + PresentationContextAc.resultName(ctx == null ? -1 : ctx.result()) + ")");
            }
            DimseChannel ch = new DimseChannel(a);
            ch.writeCommand(CONTEXT_ID, Command.echoRq(MESSAGE_ID));
            Command rsp = Requestor.awaitResponse(ch, CommandField.C_ECHO_RSP, MESSAGE_ID);
            a.release();
            return rsp.status();
        }
    }
}
