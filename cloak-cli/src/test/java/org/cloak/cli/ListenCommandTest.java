package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.AeAddress;
import org.cloak.net.TlsOptions;
import org.cloak.net.dimse.Status;
import org.cloak.net.scu.EchoScu;
import org.cloak.net.scu.ScuOptions;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.io.PrivateFolders;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.pipeline.vault.Vault;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(120)
class ListenCommandTest {
    private static final List<String> PHI = List.of("DOE", "JANE", "PID-0001", "ACC-0001", "FAKE");

    @TempDir
    Path tmp;

    /** {@code cloak listen} run in this JVM on a thread; {@link #stop()} asks it to stop as SIGTERM would. */
    private final class InProcess implements AutoCloseable {
        final ListenCommand command = new ListenCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;
        final int port;

        InProcess(String... extra) throws Exception {
            port = freePort();
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--aet", "CLOAKT",
                    "--out", tmp.resolve("out").toString(), "--vault", tmp.resolve("vault").toString(),
                    "--key-file", tmp.resolve("vault.key").toString(), "--threads", "1"));
            args.addAll(List.of(extra));
            thread = new Thread(() -> exit.set(cl.execute(args.toArray(String[]::new))));
            thread.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!out.toString().contains("listening") && thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as(err.toString())
                    .isEqualTo("listening on " + port + " as CLOAKT" + System.lineSeparator());
        }

        int stop() throws InterruptedException {
            command.stopRequested.countDown();
            thread.join(30_000);
            return exit.get();
        }

        @Override
        public void close() {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void listensAnswersEchoscuAndStopsWhenAsked() throws Exception {
        InProcess listen = new InProcess();
        try {
            Oracles.Result r = Oracles.run("echoscu", null, List.of("-aec", "CLOAKT", "-to", "10", "127.0.0.1",
                    Integer.toString(listen.port)));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        } finally {
            assertThat(listen.stop()).isZero();
        }
        Matcher m = Pattern.compile("stopped: (\\d+) written").matcher(listen.err.toString());
        assertThat(m.find()).as(listen.err.toString()).isTrue();
        assertThat(m.group(1)).isEqualTo("0");
    }

    @Test
    void theVaultHoldsThePseudonymAndTheAuditListsEachInstanceWithoutPhi() throws Exception {
        List<Path> sent = instances(3);
        Path csv = tmp.resolve("audit.csv");
        InProcess listen = new InProcess("--audit", csv.toString());
        try {
            Oracles.Result r = storescu(listen.port, sent);
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        } finally {
            assertThat(listen.stop()).as(listen.err.toString()).isZero();
        }
        List<Path> outputs = outputs(tmp.resolve("out"));
        assertThat(outputs).hasSize(3);
        String pseudonym = DicomReader.read(outputs.get(0)).dataset().getString(Tag.PatientID);
        assertThat(pseudonym).isNotEqualTo("PID-0001");
        try (Vault vault = Vault.open(tmp.resolve("vault"), new KeySource.KeyFile(tmp.resolve("vault.key")))) {
            assertThat(vault.lookup("PID-0001")).singleElement().isInstanceOfSatisfying(ReidMap.Patient.class,
                    p -> assertThat(p.pseudonyms()).containsExactly(pseudonym));
            // each received instance's original SOP Instance UID leads to its new one
            for (Path s : sent) {
                String original = DicomReader.read(s).dataset().getString(Tag.SOPInstanceUID);
                assertThat(vault.lookup(original)).singleElement().isInstanceOf(ReidMap.Uid.class);
            }
        }
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(l -> assertThat(l).contains(",WRITTEN,"));
        String text = Files.readString(csv) + Files.readString(tmp.resolve("audit.summary.csv"));
        for (String phi : PHI) {
            assertThat(text).doesNotContain(phi);
        }
        for (Path s : sent) {
            assertThat(text).doesNotContain(DicomReader.read(s).dataset().getString(Tag.SOPInstanceUID));
        }
    }

    @Test
    void servesTlsFromAKeyStoreGivenOnTheCommandLine() throws Exception {
        Path keys = tmp.resolve("server.p12");
        Path password = Files.writeString(tmp.resolve("tls.pw"), "changeit\n");
        keytool("-genkeypair", "-alias", "cloak", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keys.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        try (InProcess listen = new InProcess("--tls-key-store", keys.toString(), "--tls-key-store-password-file",
                password.toString(), "--allowed-address", "127.0.0.1")) {
            AeAddress node = new AeAddress("CLOAKT", "localhost", listen.port);
            ScuOptions tls = ScuOptions.of("SCU")
                    .withTls(TlsOptions.client(keys, "changeit".toCharArray(), null, null));
            assertThat(new EchoScu(tls).echo(node)).isEqualTo(Status.SUCCESS);
            Oracles.Result plain = Oracles.run("echoscu", null, List.of("-aec", "CLOAKT", "-to", "5", "127.0.0.1",
                    Integer.toString(listen.port)));
            assertThat(plain.exitCode()).isNotZero();
        }
    }

    @Test
    void aPeerFromAnAddressNotAllowedIsRejected() throws Exception {
        try (InProcess listen = new InProcess("--allowed-address", "192.0.2.1")) {
            Oracles.Result r = Oracles.run("echoscu", null, List.of("-aec", "CLOAKT", "-to", "5", "127.0.0.1",
                    Integer.toString(listen.port)));
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stdout() + r.stderr()).containsIgnoringCase("Calling AE Title Not Recognized");
        }
    }

    @Test
    void tlsOptionsWithoutAKeyStoreAreAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = CloakCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("listen", "--port", "0", "--out", tmp.resolve("out").toString(), "--vault",
                tmp.resolve("vault").toString(), "--key-file", tmp.resolve("vault.key").toString(),
                "--tls-need-client-auth");
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("the --tls-* options need --tls-key-store");
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = CloakCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("listen", "--port", "0", "--out", tmp.resolve("out").toString(), "--vault",
                tmp.resolve("vault").toString(), "--key-file", tmp.resolve("vault.key").toString(),
                "--profile", "nonsense");
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("unknown profile 'nonsense'");
    }

    /**
     * SIGTERM in the middle of a transfer: the JVM's shutdown hook stops the listener gracefully;
     * every instance storescu saw acknowledged is in the output, whole, and nothing is left in the
     * spool or half written.
     */
    @Test
    void sigtermFinishesInFlightInstancesAndLosesNoAcknowledgedOne() throws Exception {
        List<Path> sent = instances(40);
        int port = freePort();
        Path out = tmp.resolve("out");
        Path listenLog = tmp.resolve("listen.log");
        Path listenErr = tmp.resolve("listen.err");
        Process listen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.cloak.cli.Main", "listen", "--port",
                Integer.toString(port), "--aet", "CLOAKT", "--out", out.toString(), "--vault",
                tmp.resolve("vault").toString(), "--key-file", tmp.resolve("vault.key").toString(), "--threads", "1")
                .redirectOutput(listenLog.toFile()).redirectError(listenErr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Process sender = null;
        try {
            assertThat(eventually(() -> Files.readString(listenLog).contains("listening"), 30))
                    .as(Files.readString(listenErr)).isTrue();
            Path senderLog = tmp.resolve("storescu.log");
            List<String> cmd = new ArrayList<>(List.of(Oracles.locate("storescu").toString(), "-v", "-aec", "CLOAKT",
                    "-to", "10", "-ta", "10", "-td", "30", "127.0.0.1", Integer.toString(port)));
            sent.forEach(f -> cmd.add(f.toString()));
            sender = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(senderLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            assertThat(eventually(() -> Files.isDirectory(out) && !outputs(out).isEmpty(), 30)).isTrue();
            listen.destroy(); // SIGTERM
            assertThat(listen.waitFor(60, TimeUnit.SECONDS)).as("listener exits").isTrue();
            // the JVM's status after a SIGTERM whose shutdown hook returned: 128 + 15
            assertThat(listen.exitValue()).as(Files.readString(listenErr)).isEqualTo(143);
            assertThat(sender.waitFor(60, TimeUnit.SECONDS)).as("storescu exits").isTrue();
            assertThat(Files.readString(listenErr)).as("graceful stop")
                    .containsPattern("cloak listen: stopped: \\d+ written");

            Set<String> acknowledged = acknowledgedInstanceNumbers(Files.readAllLines(senderLog));
            assertThat(acknowledged).isNotEmpty();
            Set<String> stored = new HashSet<>();
            for (Path o : outputs(out)) {
                DicomFile f = DicomReader.read(o); // whole: a torn file would not parse
                assertThat(f.dataset().getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
                stored.add(f.dataset().getString(Tag.InstanceNumber).strip());
            }
            assertThat(stored).containsAll(acknowledged);
            try (Stream<Path> spool = Files.list(OutputFolder.of(out).spool())) {
                assertThat(spool.map(p -> p.getFileName().toString())).containsExactly(PrivateFolders.MARKER);
            }
            try (Stream<Path> all = Files.walk(out)) {
                assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(n -> !n.endsWith(".dcm"))).as("no temporary files left").isEmpty();
            }
        } finally {
            if (sender != null) {
                sender.destroyForcibly();
            }
            listen.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The instance numbers of the files storescu -v reported stored with success. */
    private static Set<String> acknowledgedInstanceNumbers(List<String> log) throws Exception {
        Set<String> numbers = new HashSet<>();
        Pattern sending = Pattern.compile("Sending file: (.*ct-(\\d+)\\.dcm)");
        String current = null;
        for (String line : log) {
            Matcher m = sending.matcher(line);
            if (m.find()) {
                current = m.group(2);
            } else if (line.contains("Received Store Response (Success)") && current != null) {
                numbers.add(current);
                current = null;
            }
        }
        return numbers;
    }

    private List<Path> instances(int n) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            files.add(Fixtures.write(Fixtures.ct().instance(i).build(), in.resolve("ct-" + i + ".dcm"),
                    TransferSyntax.EXPLICIT_LE));
        }
        return files;
    }

    private static Oracles.Result storescu(int port, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("-aec", "CLOAKT", "-to", "10", "-ta", "10", "-td", "30",
                "127.0.0.1", Integer.toString(port)));
        files.forEach(f -> args.add(f.toString()));
        return Oracles.run("storescu", null, args);
    }

    /** The finished outputs; the listener may be writing meanwhile, so temporary files come and go. */
    private static List<Path> outputs(Path dir) throws Exception {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                String name = p.getFileName().toString();
                if (attrs.isRegularFile() && !dir.relativize(p).toString().startsWith(".cloak")
                        && !(name.startsWith(AtomicFiles.TEMP_PREFIX) && name.endsWith(AtomicFiles.TEMP_SUFFIX))) {
                    found.add(p);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
                return FileVisitResult.CONTINUE; // renamed or removed while the walk ran
            }
        });
        found.sort(null);
        return found;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean eventually(Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return check.holds();
    }

    private void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("keytool.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finishes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }
}
