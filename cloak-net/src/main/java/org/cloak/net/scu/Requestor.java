package org.cloak.net.scu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.cloak.dicom.io.FileMeta;
import org.cloak.net.AeAddress;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.dimse.Command;
import org.cloak.net.dimse.CommandField;
import org.cloak.net.dimse.DimseChannel;
import org.cloak.net.dimse.IncomingCommand;
import org.cloak.net.pdu.AAbort;
import org.cloak.net.pdu.AAssociateRq;
import org.cloak.net.pdu.PresentationContextRq;
import org.cloak.net.pdu.UserInformation;

/** Opening associations as requestor, and waiting for DIMSE responses. */
final class Requestor {
    private Requestor() {}

    /** Connects (TCP, then TLS if configured) and negotiates the given presentation contexts. */
    static Association open(AeAddress target, ScuOptions options, List<PresentationContextRq> contexts,
            Watchdog watchdog)
            throws IOException {
        Socket socket = connect(target, options);
        try {
            AAssociateRq rq = new AAssociateRq(target.aeTitle(), options.callingAeTitle(),
                    AAssociateRq.DICOM_APPLICATION_CONTEXT,
                    contexts, UserInformation.of(options.maxPduLength(), FileMeta.IMPLEMENTATION_CLASS_UID,
                    FileMeta.IMPLEMENTATION_VERSION_NAME));
            return Association.request(socket, rq, options.timeouts(), watchdog);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket connect(AeAddress target, ScuOptions options) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(target.host(), target.port()),
                    (int) options.timeouts().connect().toMillis());
            plain.setTcpNoDelay(true);
            if (options.tls() == null) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) options.tls().context().getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), true);
            SSLParameters params = tls.getSSLParameters();
            params.setProtocols(options.tls().protocols().toArray(String[]::new));
            if (options.tls().verifyHostname()) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            tls.setSSLParameters(params);
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Waits (idle timeout) for the response to message {@code messageId}. */
    static Command awaitResponse(DimseChannel ch, int expectedField, int messageId) throws IOException {
        IncomingCommand in = ch.readCommand();
        if (in == null) {
            ch.association().abort(AAbort.user());
            throw new NetException("Could not get a response from " + ch.association().remoteAddress()
                    + ": the peer asked to release the association instead");
        }
        Command rsp = in.command();
        if (rsp.hasDataSet()) {
            ch.openDataSet(in.context().id()).drain();
        }
        if (rsp.commandField() != expectedField || rsp.messageIdBeingRespondedTo() != messageId
                || rsp.status() == null) {
            ch.association().abort(AAbort.user());
            throw new NetException("Could not get a response from " + ch.association().remoteAddress() + ": expected "
                    + CommandField.name(expectedField) + " to message " + messageId + ", received " + rsp);
        }
        return rsp;
    }
}
