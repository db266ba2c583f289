package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.FileMeta;
import org.cloak.net.AeAddress;
import org.cloak.net.Dcmtk;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.Timeouts;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.dimse.Status;
import org.cloak.net.pdu.AAssociateRq;
import org.cloak.net.pdu.PresentationContextRq;
import org.cloak.net.pdu.UserInformation;
import org.cloak.net.scu.ScuOptions;
import org.cloak.net.scu.StoreResult;
import org.cloak.net.scu.StoreScu;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, the association limit and graceful stop: no peer can hold a thread forever. */
@Timeout(60)
class ServerLimitsTest {
    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofMillis(800));

    @TempDir
    Path dir;

    private DicomServer server;
    private final Watchdog watchdog = new Watchdog("test-timer");

    private void start(ServerOptions options, StoreHandler handler) throws IOException {
        server = new DicomServer(options, handler);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        watchdog.close();
    }

    private Association associate() throws IOException {
        return Association.request(new Socket("127.0.0.1", server.port()),
                new AAssociateRq("CLOAK", "TESTER", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                        List.of(new PresentationContextRq(1, Uid.Verification, List.of("1.2.840.10008.1.2"))),
                        UserInformation.of(16384, FileMeta.IMPLEMENTATION_CLASS_UID, "TEST")), Timeouts.DEFAULT,
                                watchdog);
    }

    /** Milliseconds until the server closes a connection on which the client does {@code action}. */
    private long millisUntilClosed(Socket s) throws IOException {
        long t0 = System.nanoTime();
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // whatever the server says (an A-ABORT at most) until it closes
            }
        } catch (IOException reset) {
            // closed by reset: closed all the same
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aSilentConnectionIsClosedWhenArtimExpires() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withTimeouts(SHORT), new FileStoreHandler(dir));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            assertThat(millisUntilClosed(s)).isBetween(300L, 3000L);
        }
    }

    @Test
    void aRequestTrickledByteByByteIsCutOffByArtimToo() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withTimeouts(SHORT), new FileStoreHandler(dir));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {1, 0, 0, 0, 0, 100});
            long t0 = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write(0);
                    out.flush();
                    Thread.sleep(100);
                } catch (IOException e) {
                    closed = true;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(closed || millisUntilClosed(s) < 3000).isTrue();
            assertThat(ms).isLessThan(3500);
        }
    }

    @Test
    void anIdleAssociationIsClosedAfterTheIdleTimeout() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withTimeouts(SHORT), new FileStoreHandler(dir));
        try (Association a = associate()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(a::receive).isInstanceOf(IOException.class);
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(500L, 5000L);
        }
        assertThat(Dcmtk.run("echoscu", "-aec", "CLOAK", "127.0.0.1", Integer.toString(server.port())).exitCode())
                .isZero();
    }

    @Test
    void beyondTheAssociationLimitRequestsAreRejectedAsTransient() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withMaxAssociations(1), new FileStoreHandler(dir));
        Association held = associate();
        Oracles.Result r = Dcmtk.run("echoscu", "-aec", "CLOAK", "-to", "10", "-ta", "10", "127.0.0.1",
                Integer.toString(server.port()));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Local Limit Exceeded");
        held.release();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Dcmtk.run("echoscu", "-aec", "CLOAK", "127.0.0.1", Integer.toString(server.port())).exitCode())
                .isZero();
    }

    @Test
    void stopLetsAnInstanceInProgressFinishAndRefusesNewAssociations() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        FileStoreHandler files = new FileStoreHandler(dir.resolve("out"));
        start(ServerOptions.of("CLOAK", 0), (request, data) -> {
            storing.countDown();
            sleep(1000);
            return files.store(request, data);
        });
        Path file = Dcmtk.sample(Files.createDirectories(dir.resolve("in")), 1, "explicit");
        AeAddress target = new AeAddress("CLOAK", "127.0.0.1", server.port());
        CompletableFuture<List<StoreResult>> sending = CompletableFuture.supplyAsync(
                () -> new StoreScu(ScuOptions.of("CLOAK")).send(target, List.of(file), r -> { }));
        assertThat(storing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.stop(Duration.ofSeconds(10))).isTrue();
        List<StoreResult> results = sending.get(10, TimeUnit.SECONDS);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Status.SUCCESS));
        try (var stored = Files.list(dir.resolve("out"))) {
            assertThat(stored.toList()).hasSize(1);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", target.port()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void stopAbortsWhatDoesNotFinishWithinTheGracePeriod() throws Exception {
        start(ServerOptions.of("CLOAK", 0), new FileStoreHandler(dir));
        try (Association a = associate()) {
            long t0 = System.nanoTime();
            assertThat(server.stop(Duration.ofMillis(300))).isFalse();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
            assertThatThrownBy(a::receive).isInstanceOf(RuntimeException.class);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
