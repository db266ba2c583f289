package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloak.net.scp.DicomServer;
import org.cloak.net.scp.FileStoreHandler;
import org.cloak.net.scp.ServerOptions;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class EchoCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CloakCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** dcmtk storescp on a free port; killed by the caller. */
    static Process storescp(Path dir, int port, String aet) throws Exception {
        Process p = new ProcessBuilder(List.of(Oracles.locate("storescp").toString(), "-aet", aet, "+xa", "+B", "-od",
                dir.toString(), Integer.toString(port))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("storescp did not start on port " + port);
    }

    @Test
    void echoesDcmtkStorescp() throws Exception {
        int port = freePort();
        Process storescp = storescp(dir, port, "STORESCP");
        try {
            assertThat(run("echo", "STORESCP@127.0.0.1:" + port)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("STORESCP@127.0.0.1:" + port + ": echo succeeded");
        } finally {
            storescp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void echoesCloaksOwnServerAndReportsARejection() throws Exception {
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0),
                new FileStoreHandler(Files.createTempDirectory(dir, "x")))) {
            server.start();
            assertThat(run("echo", "--calling-aet", "TESTER", "CLOAK@127.0.0.1:" + server.port())).isZero();
            assertThat(run("echo", "OTHER@127.0.0.1:" + server.port())).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString()).contains("called-AE-title-not-recognized");
        }
    }

    @Test
    void failsWithTheReasonWhenNobodyListens() throws Exception {
        int port = freePort();
        assertThat(run("echo", "--timeout", "2", "PACS@127.0.0.1:" + port)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("could not verify PACS@127.0.0.1:" + port).contains("refused");
    }

    @Test
    void aMalformedAddressIsAUsageError() {
        assertThat(run("echo", "127.0.0.1:104")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("expected AET@HOST:PORT");
    }
}
