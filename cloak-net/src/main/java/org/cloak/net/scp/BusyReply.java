package org.cloak.net.scp;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.pdu.AAssociateRj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a connection that arrives while every association thread is busy: reads its
 * A-ASSOCIATE-RQ (5 s at most) and rejects it as transient, local-limit-exceeded (PS3.8 Table
 * 9-21), so the peer knows to retry later.
 */
final class BusyReply implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BusyReply.class);
    private static final Duration ARTIM = Duration.ofSeconds(5);

    private final Socket socket;
    private final ServerOptions options;
    private final Watchdog watchdog;
    private final Counters counters;

    BusyReply(Socket socket, ServerOptions options, Watchdog watchdog, Counters counters) {
        this.socket = socket;
        this.options = options;
        this.watchdog = watchdog;
        this.counters = counters;
    }

    @Override
    public void run() {
        try {
            Association a = Association.awaitRequest(socket, options.timeouts().withArtim(ARTIM),
                    options.pduLengthLimit(),
                    watchdog);
            counters.rejected.incrementAndGet();
            a.reject(new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT,
                    AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION, AAssociateRj.REASON_LOCAL_LIMIT_EXCEEDED));
        } catch (IOException | NetException e) {
            LOG.debug("busy reply to {} failed: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            closeQuietly();
        }
    }

    void closeQuietly() {
        DicomServer.closeQuietly(socket);
    }
}
