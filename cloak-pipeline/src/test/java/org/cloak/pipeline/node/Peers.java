package org.cloak.pipeline.node;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.net.scp.ServerOptions;
import org.cloak.testkit.Oracles;

/** dcmtk peers and a listener for the node tests; tools missing fail the test (through {@link Oracles#locate}). */
final class Peers {
    static final Secret SECRET = new Secret(new byte[32]);

    private Peers() {}

    static ListenService listener(Path out, ListenOptions options) throws IOException {
        ListenService s = ListenService.of(options, Recipe.defaults(), SECRET, LocalDate.of(2026, 1, 1));
        s.start();
        return s;
    }

    static ListenOptions options(Path out) {
        return ListenOptions.of(ServerOptions.of("CLOAK", 0), out).withThreads(2);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Runs a tool to completion (60 s at most) without judging its exit code. */
    static Oracles.Result run(String tool, String... args) {
        return Oracles.run(tool, null, List.of(args));
    }

    /** storescu of {@code files} to the listener, as {@code callingAet}. */
    static Oracles.Result storescu(int port, String calledAet, String callingAet, List<Path> files,
            String... proposal) {
        List<String> args = new ArrayList<>(List.of(proposal));
        args.addAll(List.of("-R", "-aec", calledAet, "-aet", callingAet, "-to", "10", "-ta", "10",
                "-td", "30", "127.0.0.1", Integer.toString(port)));
        files.forEach(f -> args.add(f.toString()));
        return Oracles.run("storescu", null, args);
    }

    static Process start(String tool, Path output, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Oracles.locate(tool).toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** A running storescp; closing kills it. */
    static final class Storescp implements AutoCloseable {
        private final Process process;

        private Storescp(Process process) {
            this.process = process;
        }

        /** Starts storescp on {@code port} storing into {@code dir}; returns once it accepts connections. */
        static Storescp start(Path dir, int port, Path log) throws Exception {
            Files.createDirectories(dir);
            Process p = Peers.start("storescp", log, List.of("-od", dir.toString(), "-aet", "ARCHIVE",
                    Integer.toString(port)));
            Storescp peer = new Storescp(p);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    peer.close();
                    throw new AssertionError("storescp exited at start: " + Files.readString(log));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return peer;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            peer.close();
            throw new AssertionError("storescp did not listen on port " + port + " within 10 s");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Regular files under {@code dir}, leaving out Cloak's own {@code .cloak} folder. */
    static List<Path> outputs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).toString().startsWith(".cloak"))
                    .sorted().toList();
        }
    }

    /** Polls until {@code check} holds or the timeout passes. */
    static boolean eventually(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(100);
        }
        return check.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
