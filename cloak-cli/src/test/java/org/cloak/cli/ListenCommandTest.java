package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ListenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listensAnswersEchoscuAndStopsWhenAsked() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ListenCommand command = new ListenCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cl.execute("--port", Integer.toString(port), "--aet", "CLOAKT",
                "--out", tmp.resolve("out").toString(), "--vault", tmp.resolve("vault").toString(), "--threads", "1")));
        t.start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!out.toString().contains("listening") && t.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as(err.toString()).isEqualTo("listening on " + port + " as CLOAKT" + System.lineSeparator());
            Oracles.Result r = Oracles.run("echoscu", null, java.util.List.of("-aec", "CLOAKT", "-to", "10", "127.0.0.1",
                    Integer.toString(port)));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        } finally {
            command.stopRequested.countDown();
            t.join(20_000);
        }
        assertThat(exit.get()).isZero();
        Matcher m = Pattern.compile("stopped: (\\d+) written").matcher(err.toString());
        assertThat(m.find()).as(err.toString()).isTrue();
        assertThat(m.group(1)).isEqualTo("0");
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = CloakCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("listen", "--port", "0", "--out", tmp.resolve("out").toString(), "--vault",
                tmp.resolve("vault").toString(), "--profile", "nonsense");
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("unknown profile 'nonsense'");
    }
}
