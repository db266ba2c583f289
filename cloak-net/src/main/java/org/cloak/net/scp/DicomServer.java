package org.cloak.net.scp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.pdu.AAbort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM storage and verification SCP: listens on a port and serves each association on its
 * own thread.
 *
 * <p>Limits: at most {@link ServerOptions#maxAssociations()} associations are served at once
 * (one thread each). A connection beyond that is answered by a single "busy" thread with an
 * A-ASSOCIATE-RJ (rejected-transient, local-limit-exceeded); when even its queue of 16 is full
 * the connection is closed. Each association holds at most one PDU in memory (bounded by
 * {@link ServerOptions#pduLengthLimit()}). Timers (one shared thread) bound every read and
 * write, see {@link org.cloak.net.assoc.Timeouts}.
 *
 * <pre>{@code
 * try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 11112), new FileStoreHandler(dir))) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 */
public final class DicomServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final int BUSY_QUEUE = 16;

    private final ServerOptions options;
    private final StoreHandler storeHandler;
    private final EchoHandler echoHandler = new EchoHandler();
    private final Counters counters = new Counters();
    private final Set<Association> live = ConcurrentHashMap.newKeySet();
    private Watchdog watchdog;
    private ServerSocket serverSocket;
    private ThreadPoolExecutor workers;
    private ThreadPoolExecutor busy;
    private Thread acceptor;
    private volatile boolean stopping;

    /** A server that stores instances with {@code storeHandler}; call {@link #start()}. */
    public DicomServer(ServerOptions options, StoreHandler storeHandler) {
        this.options = Objects.requireNonNull(options, "options");
        this.storeHandler = Objects.requireNonNull(storeHandler, "storeHandler");
    }

    /** Binds the port and starts accepting associations. */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("the server was already started");
        }
        serverSocket = open();
        int port = serverSocket.getLocalPort();
        watchdog = new Watchdog("cloak-scp-timer-" + port);
        workers = new ThreadPoolExecutor(options.maxAssociations(), options.maxAssociations(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads("cloak-scp-" + port + "-"));
        workers.allowCoreThreadTimeOut(true);
        busy = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BUSY_QUEUE),
                threads("cloak-scp-busy-" + port + "-"), (r, ex) -> ((BusyReply) r).closeQuietly());
        busy.allowCoreThreadTimeOut(true);
        acceptor = threads("cloak-scp-accept-" + port + "-").newThread(this::acceptLoop);
        acceptor.start();
        LOG.info("listening as {} on port {}{} (at most {} associations)", options.aeTitle(), port,
                options.tls() != null ? " with TLS" : "", options.maxAssociations());
    }

    private ServerSocket open() throws IOException {
        ServerSocket ss;
        if (options.tls() != null) {
            SSLServerSocket s = (SSLServerSocket) options.tls().context().getServerSocketFactory().createServerSocket();
            s.setNeedClientAuth(options.tls().needClientAuth());
            s.setEnabledProtocols(options.tls().protocols().toArray(String[]::new));
            ss = s;
        } else {
            ss = new ServerSocket();
        }
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(options.bindAddress(), options.port()), 128);
        return ss;
    }

    /** The port the server listens on (the one picked when the options said 0). */
    public int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("the server is not started");
        }
        return serverSocket.getLocalPort();
    }

    public ServerOptions options() { return options; }

    /** Counters since the start. */
    public ServerStats stats() { return counters.snapshot(); }

    /** Associations being served right now. */
    public int activeAssociations() { return workers == null ? 0 : workers.getActiveCount(); }

    StoreHandler storeHandler() { return storeHandler; }

    EchoHandler echoHandler() { return echoHandler; }

    Watchdog watchdog() { return watchdog; }

    Counters counters() { return counters; }

    private void acceptLoop() {
        while (!stopping) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.error("accepting connections failed, the server stops listening: {}", e.toString());
                }
                return;
            }
            dispatch(s);
        }
    }

    private void dispatch(Socket s) {
        try {
            s.setTcpNoDelay(true);
            workers.execute(new ScpAssociation(s, this, live));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (stopping) {
                closeQuietly(s);
            } else {
                LOG.warn("{} associations in progress: rejecting the one from {}", options.maxAssociations(),
                        s.getRemoteSocketAddress());
                busy.execute(new BusyReply(s, options, watchdog, counters));
            }
        } catch (SocketException e) {
            closeQuietly(s);
        }
    }

    /**
     * Stops accepting, lets associations in progress finish for up to {@code grace}, then
     * aborts the remaining ones. Returns true when all finished by themselves.
     */
    public boolean stop(Duration grace) {
        synchronized (this) {
            if (serverSocket == null || stopping) {
                return true;
            }
            stopping = true;
        }
        closeQuietly(serverSocket);
        workers.shutdown();
        busy.shutdown();
        boolean clean = await(workers, grace);
        if (!clean) {
            LOG.warn("aborting {} associations still in progress after {} ms", live.size(), grace.toMillis());
            for (Association a : live) {
                a.abortNow(AAbort.user());
            }
            await(workers, Duration.ofSeconds(5));
        }
        await(busy, Duration.ofSeconds(2));
        busy.shutdownNow();
        workers.shutdownNow();
        watchdog.close();
        joinAcceptor();
        LOG.info("stopped listening as {} ({})", options.aeTitle(), counters.snapshot());
        return clean;
    }

    /** {@link #stop(Duration)} with a 10 s grace period. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    private void joinAcceptor() {
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(ExecutorService ex, Duration d) {
        try {
            return ex.awaitTermination(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
