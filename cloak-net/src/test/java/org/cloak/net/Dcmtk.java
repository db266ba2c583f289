package org.cloak.net;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloak.dicom.data.DataSet;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;

/**
 * dcmtk peers for the network tests: one-shot tools through {@link Oracles} (which fails when a
 * tool is missing), long-running ones ({@code storescp}) as processes killed in {@link
 * Peer#close()}, free ports, and sample files in several transfer syntaxes.
 */
public final class Dcmtk {
    private Dcmtk() {}

    /** A port that was free a moment ago (bound to 0 and released). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Runs a dcmtk tool to completion (60 s at most) without judging its exit code. */
    public static Oracles.Result run(String tool, String... args) {
        return Oracles.run(tool, null, List.of(args));
    }

    /** A running peer process; closing it kills it. */
    public static final class Peer implements AutoCloseable {
        private final Process process;
        private final int port;
        private final Path log;

        Peer(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        public int port() { return port; }

        public String log() throws IOException { return Files.readString(log); }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(log);
        }
    }

    /** Starts {@code storescp} on a free port storing into {@code dir}; returns once it accepts connections. */
    public static Peer storescp(Path dir, String... options) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Oracles.locate("storescp").toString());
        cmd.addAll(Arrays.asList(options));
        cmd.addAll(List.of("-od", dir.toString(), Integer.toString(port)));
        Path log = Files.createTempFile("storescp-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Peer peer = new Peer(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String out = Files.readString(log);
                peer.close();
                throw new AssertionError("storescp exited at start: " + out);
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

    /** Starts a tool without waiting (the caller waits with a timeout and kills it). */
    public static Process start(String tool, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Oracles.locate(tool).toString());
        cmd.addAll(Arrays.asList(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** A small CT (fixture instance {@code n}) written by dcmtk in the given form. */
    public static Path sample(Path dir, int n, String form) throws IOException {
        return sample(dir, Fixtures.ct().instance(n).build(), n, form);
    }

    /**
     * A data set written by dcmtk in the given form: "explicit", "implicit", "big", "deflated",
     * "rle" or "jpeg-lossless" (the codec writes the source, dcmtk converts it).
     */
    public static Path sample(Path dir, DataSet ds, int n, String form) throws IOException {
        Path src = Fixtures.write(ds, dir.resolve("src-" + n + "-" + form + ".tmp"));
        Path out = dir.resolve("ct-" + n + "-" + form + ".dcm");
        switch (form) {
            case "explicit" -> Oracles.dcmconv(src, out, "+te");
            case "implicit" -> Oracles.dcmconv(src, out, "+ti");
            case "big" -> Oracles.dcmconv(src, out, "+tb");
            case "deflated" -> Oracles.dcmconv(src, out, "+td");
            case "rle" -> Oracles.dcmcrle(src, out);
            case "jpeg-lossless" -> Oracles.dcmcjpeg(src, out);
            default -> throw new IllegalArgumentException(form);
        }
        Files.delete(src);
        return out;
    }

    /** The bytes of a Part 10 file after its file meta group (located by its group length). */
    public static byte[] dataSetBytes(Path part10) throws IOException {
        byte[] b = Files.readAllBytes(part10);
        if (b.length < 144 || b[128] != 'D' || b[132] != 2 || b[133] != 0 || b[134] != 0 || b[135] != 0) {
            throw new AssertionError(part10 + " does not start with preamble and (0002,0000)");
        }
        long len = (b[140] & 0xFFL) | (b[141] & 0xFFL) << 8 | (b[142] & 0xFFL) << 16 | (b[143] & 0xFFL) << 24;
        return Arrays.copyOfRange(b, 144 + (int) len, b.length);
    }

    /** The data set part of a dcmdump listing (after "# Dicom-Data-Set", without the transfer syntax line). */
    public static String dumpOfDataSet(Path file) {
        String dump = Oracles.dcmdumpForComparison(file);
        int i = dump.indexOf("# Dicom-Data-Set");
        if (i < 0) {
            throw new AssertionError("dcmdump printed no data set for " + file + ":\n" + dump);
        }
        return dump.substring(i).lines().filter(l -> !l.startsWith("# Used TransferSyntax"))
                .reduce("", (a, l) -> a + l + "\n");
    }
}
