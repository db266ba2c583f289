package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(90)
class SendCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CloakCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A folder tree with files in three transfer syntaxes and one non-DICOM file. */
    private Path inputTree() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/series1"));
        Files.createDirectories(tmp.resolve("in/series2"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("1.dcm"), TransferSyntax.EXPLICIT_LE);
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("2.dcm"), TransferSyntax.IMPLICIT_LE);
        Path src = Fixtures.write(Fixtures.ct().series(2).instance(1).build(), tmp.resolve("src.dcm"));
        Oracles.dcmcrle(src, tmp.resolve("in/series2/rle.dcm"));
        Files.writeString(tmp.resolve("in/series2/README.txt"), "not DICOM");
        return tmp.resolve("in");
    }

    private static Map<String, Path> bySopInstance(Path dir) throws Exception {
        Map<String, Path> m = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt")).toList()) {
                m.put(DicomReader.read(p).dataset().getString(Tag.SOPInstanceUID), p);
            }
        }
        return m;
    }

    /** dcmdump's data set listing, from "# Dicom-Data-Set" on (the meta differs by design). */
    private static String dataSetDump(Path f) {
        String d = Oracles.dcmdumpForComparison(f);
        return d.substring(d.indexOf("# Dicom-Data-Set"));
    }

    /** The bytes after the file meta group (storescp +B writes them as received). */
    private static byte[] dataSetBytes(Path part10) throws Exception {
        byte[] b = Files.readAllBytes(part10);
        long len = (b[140] & 0xFFL) | (b[141] & 0xFFL) << 8 | (b[142] & 0xFFL) << 16 | (b[143] & 0xFFL) << 24;
        return Arrays.copyOfRange(b, 144 + (int) len, b.length);
    }

    @Test
    void sendsAFolderTreeToStorescpAndTheReceivedFilesEqualTheSentOnes() throws Exception {
        Path in = inputTree();
        Path received = Files.createDirectories(tmp.resolve("received"));
        int port = EchoCommandTest.freePort();
        Process storescp = EchoCommandTest.storescp(received, port, "ARCHIVE");
        try {
            int code = run("send", "--to", "ARCHIVE@127.0.0.1:" + port, in.toString());
            assertThat(code).as(out + "\n" + err).isZero();
        } finally {
            storescp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String printed = out.toString();
        assertThat(printed.lines().filter(l -> l.startsWith("sent     "))).hasSize(3);
        assertThat(printed).contains("skipped  " + in.resolve("series2/README.txt"));
        assertThat(printed).contains("3 sent, 0 with warnings, 0 failed, 1 skipped");
        Map<String, Path> sent = bySopInstance(in);
        Map<String, Path> got = bySopInstance(received);
        assertThat(got.keySet()).isEqualTo(sent.keySet());
        for (Map.Entry<String, Path> e : sent.entrySet()) {
            Path r = got.get(e.getKey());
            assertThat(dataSetDump(r)).as(e.getValue().toString()).isEqualTo(dataSetDump(e.getValue()));
            assertThat(dataSetBytes(r)).as("data set bytes of " + e.getValue()).isEqualTo(dataSetBytes(e.getValue()));
        }
    }

    @Test
    void filesThatCannotBeSentMakeExitStatus2() throws Exception {
        Path in = inputTree();
        int port = EchoCommandTest.freePort();
        assertThat(run("send", "--timeout", "2", "--to", "NOBODY@127.0.0.1:" + port, in.toString()))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(out.toString().lines().filter(l -> l.startsWith("FAILED   "))).hasSize(3)
                .allMatch(l -> l.contains("could not associate with NOBODY@127.0.0.1:" + port));
        assertThat(out.toString()).contains("0 sent, 0 with warnings, 3 failed, 1 skipped");
    }

    @Test
    void aTruncatedFileFailsWithItsOwnCauseAndTheFilesAfterItAreSent() throws Exception {
        Path in = inputTree();
        Path first = bySopInstance(in).values().iterator().next();
        byte[] whole = Files.readAllBytes(first);
        // sorted before the good files: its bytes would reach the peer first
        Files.write(in.resolve("0-cut.dcm"), Arrays.copyOf(whole, whole.length - 100));
        Path received = Files.createDirectories(tmp.resolve("received"));
        int port = EchoCommandTest.freePort();
        Process storescp = EchoCommandTest.storescp(received, port, "ARCHIVE");
        try {
            int code = run("send", "--to", "ARCHIVE@127.0.0.1:" + port, in.toString());
            assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.PARTIAL);
        } finally {
            storescp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(out.toString()).contains("FAILED   " + in.resolve("0-cut.dcm") + ": not sent: the data set is"
                + " damaged: ").contains("3 sent, 0 with warnings, 1 failed, 1 skipped");
        assertThat(bySopInstance(received)).hasSize(3);
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(run("send", "--to", "A@127.0.0.1:104", tmp.resolve("nowhere").toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("nowhere");
    }
}
