package org.cloak.net.assoc;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloak.net.pdu.AAbort;
import org.cloak.net.pdu.AAssociateAc;
import org.cloak.net.pdu.AAssociateRj;
import org.cloak.net.pdu.AAssociateRq;
import org.cloak.net.pdu.AReleaseRp;
import org.cloak.net.pdu.AReleaseRq;
import org.cloak.net.pdu.MalformedPduException;
import org.cloak.net.pdu.PDataTf;
import org.cloak.net.pdu.Pdu;
import org.cloak.net.pdu.PduReader;
import org.cloak.net.pdu.PduWriter;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One association over one transport connection, as requestor or acceptor, following the
 * state machine of PS3.8 Section 9.2. Every blocking read and write runs under a timer
 * ({@link Timeouts}): ARTIM while associating and releasing, the idle timeout in between.
 * Protocol errors from the peer end the association with an A-ABORT carrying the reason.
 * Not thread-safe: one thread drives an association.
 */
public final class Association implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(1);

    private final Socket socket;
    private final PduReader reader;
    private final PduWriter writer;
    private final Timeouts timeouts;
    private final Watchdog watchdog;
    private final boolean requestor;
    private volatile AssociationState state;
    private AAssociateRq request;
    private AAssociateAc acceptance;
    private final Map<Integer, PresentationContext> contexts = new LinkedHashMap<>();

    private Association(Socket socket, Timeouts timeouts, int pduLengthLimit, Watchdog watchdog,
                        AssociationState initial) throws IOException {
        this.socket = socket;
        this.timeouts = timeouts;
        this.watchdog = watchdog;
        this.reader = new PduReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024), pduLengthLimit);
        this.writer = new PduWriter(socket.getOutputStream());
        this.state = initial;
        this.requestor = initial == AssociationState.STA4;
    }

    /**
     * Requestor: sends the A-ASSOCIATE-RQ on a connected socket and waits (ARTIM) for the answer.
     *
     * @throws AssociationRejectedException when the peer sends A-ASSOCIATE-RJ
     * @throws AssociationAbortedException  when the peer aborts instead of answering
     */
    public static Association request(Socket connected, AAssociateRq rq, Timeouts timeouts, Watchdog watchdog)
            throws IOException {
        Association a = new Association(connected, timeouts, PduReader.DEFAULT_LENGTH_LIMIT, watchdog,
                AssociationState.STA4);
        a.request = rq;
        a.state = AssociationState.STA5;
        a.write(rq, timeouts.artim());
        Pdu answer = a.read(timeouts.artim());
        if (answer instanceof AAssociateAc ac) {
            a.acceptance = ac;
            a.recordContexts();
            a.state = AssociationState.STA6;
            return a;
        }
        if (answer instanceof AAssociateRj rj) {
            a.state = AssociationState.STA1;
            a.closeSocket();
            throw new AssociationRejectedException(rq.calledAeTitle() + "@" + a.peer(), rj);
        }
        throw a.unexpected(answer);
    }

    /**
     * Acceptor: waits (ARTIM) for the A-ASSOCIATE-RQ of a freshly accepted connection. The
     * association is then in {@link AssociationState#STA3}, for the caller to
     * {@link #accept} or {@link #reject}.
     */
    public static Association awaitRequest(Socket accepted, Timeouts timeouts, int pduLengthLimit, Watchdog watchdog)
            throws IOException {
        Association a = new Association(accepted, timeouts, pduLengthLimit, watchdog, AssociationState.STA2);
        Pdu pdu = a.read(timeouts.artim());
        if (!(pdu instanceof AAssociateRq rq)) {
            throw a.unexpected(pdu);
        }
        a.request = rq;
        a.state = AssociationState.STA3;
        return a;
    }

    /** Acceptor: sends the A-ASSOCIATE-AC; the association is established (Sta6). */
    public void accept(AAssociateAc ac) throws IOException {
        requireState(AssociationState.STA3);
        acceptance = ac;
        recordContexts();
        write(ac, timeouts.artim());
        state = AssociationState.STA6;
    }

    /** Acceptor: sends the A-ASSOCIATE-RJ and closes the connection. */
    public void reject(AAssociateRj rj) throws IOException {
        requireState(AssociationState.STA3);
        try {
            write(rj, timeouts.artim());
        } finally {
            state = AssociationState.STA13;
            closeGracefully();
        }
    }

    /**
     * Waits (idle timeout) for the next PDU of an established association: a P-DATA-TF, or an
     * A-RELEASE-RQ (the association moves to Sta8, awaiting {@link #confirmRelease()}).
     *
     * @throws AssociationAbortedException when the peer aborts
     * @throws MalformedPduException       when the peer breaks the protocol (the association is aborted)
     * @throws SocketTimeoutException      when nothing arrives in time (the connection is closed)
     */
    public Pdu receive() throws IOException {
        requireState(AssociationState.STA6);
        Pdu pdu = read(timeouts.idle());
        if (pdu instanceof PDataTf) {
            return pdu;
        }
        if (pdu instanceof AReleaseRq) {
            state = AssociationState.STA8;
            return pdu;
        }
        throw unexpected(pdu);
    }

    /** Sends a P-DATA-TF (idle timeout for the write). */
    public void send(PDataTf pdu) throws IOException {
        if (state != AssociationState.STA6 && state != AssociationState.STA8) {
            throw new IllegalStateException("cannot send data in state " + state);
        }
        write(pdu, timeouts.idle());
    }

    /** Requestor: A-RELEASE-RQ, then waits (ARTIM) for the A-RELEASE-RP and closes the connection. */
    public void release() throws IOException {
        requireState(AssociationState.STA6);
        state = AssociationState.STA7;
        write(new AReleaseRq(), timeouts.artim());
        while (true) {
            Pdu pdu = read(timeouts.artim());
            if (pdu instanceof AReleaseRp) {
                state = AssociationState.STA1;
                closeSocket();
                return;
            }
            if (pdu instanceof AReleaseRq) {
                // release collision (PS3.8 9.2.2.2): the requestor answers the peer's request too
                state = AssociationState.STA11;
                write(new AReleaseRp(), timeouts.artim());
            } else if (!(pdu instanceof PDataTf)) {
                throw unexpected(pdu);
            }
        }
    }

    /** Acceptor: answers the peer's A-RELEASE-RQ with an A-RELEASE-RP and closes the connection. */
    public void confirmRelease() throws IOException {
        requireState(AssociationState.STA8);
        try {
            write(new AReleaseRp(), timeouts.artim());
        } finally {
            state = AssociationState.STA13;
            closeGracefully();
        }
    }

    /** Sends an A-ABORT (best effort) and closes the connection. */
    public void abort(AAbort abort) {
        if (state == AssociationState.STA1 || state == AssociationState.STA13) {
            closeSocket();
            return;
        }
        state = AssociationState.STA13;
        try {
            write(abort, timeouts.artim());
        } catch (IOException e) {
            LOG.debug("A-ABORT could not be sent to {}: {}", remoteAddress(), e.toString());
        }
        closeGracefully();
    }

    /**
     * Aborts from another thread (e.g. a server stopping) while the owner may be blocked in a
     * read: sends the A-ABORT (best effort) and closes the connection at once, which ends the
     * owner's read with an exception.
     */
    public void abortNow(AAbort abort) {
        AssociationState s = state;
        state = AssociationState.STA13;
        if (s != AssociationState.STA1 && s != AssociationState.STA13) {
            try {
                write(abort, timeouts.artim());
            } catch (IOException e) {
                LOG.debug("A-ABORT could not be sent to {}: {}", remoteAddress(), e.toString());
            }
        }
        state = AssociationState.STA1;
        closeSocket();
    }

    /** Aborts an association that is still established; closes the connection in any case. */
    @Override
    public void close() {
        AssociationState s = state;
        if (s == AssociationState.STA6 || s == AssociationState.STA7 || s == AssociationState.STA8) {
            abort(AAbort.user());
        } else {
            closeSocket();
        }
    }

    public AssociationState state() { return state; }

    /** True while the association can still carry data (Sta6 to Sta8). */
    public boolean isEstablished() {
        AssociationState s = state;
        return s == AssociationState.STA6 || s == AssociationState.STA7 || s == AssociationState.STA8;
    }

    /** The A-ASSOCIATE-RQ (sent or received). */
    public AAssociateRq request() { return request; }

    /** The A-ASSOCIATE-AC (sent or received); null before. */
    public AAssociateAc acceptance() { return acceptance; }

    /** The negotiated presentation context with this ID, or null. */
    public PresentationContext context(int id) { return contexts.get(id); }

    public Collection<PresentationContext> contexts() { return contexts.values(); }

    /** Largest P-DATA-TF the peer accepts (its maximum length sub-item; 0 = no limit). */
    public int peerMaxPduLength() {
        return requestor ? acceptance.userInformation().maxPduLength() : request.userInformation().maxPduLength();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** The peer as host:port, for messages. */
    private String peer() {
        InetSocketAddress r = remoteAddress();
        return r == null ? "?" : r.getHostString() + ":" + r.getPort();
    }

    private void recordContexts() {
        Map<Integer, String> abstractSyntaxes = new LinkedHashMap<>();
        for (PresentationContextRq pc : request.presentationContexts()) {
            abstractSyntaxes.put(pc.id(), pc.abstractSyntax());
        }
        for (PresentationContextAc pc : acceptance.presentationContexts()) {
            String as = abstractSyntaxes.get(pc.id());
            if (as != null) {
                contexts.put(pc.id(), new PresentationContext(pc.id(), as, pc.transferSyntax(), pc.result()));
            }
        }
    }

    private void requireState(AssociationState expected) {
        if (state != expected) {
            throw new IllegalStateException("association is in " + state + " (" + state.description() + "), not "
                    + expected);
        }
    }

    /** Answers a PDU this state does not allow: A-ABORT (unexpected-PDU), or the peer's own abort. */
    private RuntimeException unexpected(Pdu pdu) {
        if (pdu instanceof AAbort a) {
            state = AssociationState.STA1;
            closeSocket();
            return new AssociationAbortedException("Association aborted by " + remoteAddress() + ": " + a.describe(),
                    a);
        }
        AAbort abort = AAbort.provider(AAbort.REASON_UNEXPECTED_PDU);
        abort(abort);
        return new MalformedPduException(AAbort.REASON_UNEXPECTED_PDU,
                "Could not continue the association: unexpected PDU type " + pdu.type() + " in " + state);
    }

    private Pdu read(Duration limit) throws IOException {
        Watchdog.Timer timer = watchdog.start(limit, this::closeSocket);
        try {
            return reader.read();
        } catch (MalformedPduException e) {
            timer.stop();
            abort(AAbort.provider(e.abortReason()));
            throw e;
        } catch (IOException e) {
            if (timer.expired()) {
                SocketTimeoutException t = new SocketTimeoutException("no PDU from " + remoteAddress() + " within "
                        + limit.toMillis() + " ms in " + state);
                state = AssociationState.STA1;
                t.initCause(e);
                throw t;
            }
            state = AssociationState.STA1;
            closeSocket();
            throw e instanceof EOFException ? new EOFException(e.getMessage() + " (" + remoteAddress() + ")") : e;
        } finally {
            timer.stop();
        }
    }

    private void write(Pdu pdu, Duration limit) throws IOException {
        Watchdog.Timer timer = watchdog.start(limit, this::closeSocket);
        try {
            writer.write(pdu);
        } catch (IOException e) {
            state = AssociationState.STA1;
            closeSocket();
            if (timer.expired()) {
                SocketTimeoutException t = new SocketTimeoutException("could not write to " + remoteAddress()
                        + " within "
                        + limit.toMillis() + " ms");
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            timer.stop();
        }
    }

    /**
     * Half-closes the connection and reads what the peer still sends (at most a second), so
     * that a final RJ, RP or A-ABORT is not lost to a TCP reset, then closes it (Sta13 to Sta1).
     */
    private void closeGracefully() {
        try {
            if (!socket.isClosed()) {
                socket.shutdownOutput();
                socket.setSoTimeout((int) Math.min(DRAIN_LIMIT.toMillis(), timeouts.artim().toMillis()));
                InputStream in = socket.getInputStream();
                byte[] sink = new byte[4096];
                long drained = 0;
                long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
                int n;
                while (drained < (1 << 20) && System.nanoTime() < deadline && (n = in.read(sink)) >= 0) {
                    drained += n;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the peer closed first, reset, or TLS without half-close: the connection goes anyway
        } finally {
            state = AssociationState.STA1;
            closeSocket();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the connection to {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }
}
