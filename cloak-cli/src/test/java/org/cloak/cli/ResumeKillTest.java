package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILLs {@code cloak run} (a separate JVM) at several points; resuming gives the bytes of an uninterrupted run. */
class ResumeKillTest {
    private static final int STUDIES = 24;
    private static final int PER_STUDY = 3;

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumedIsByteIdenticalToAnUninterruptedOneAndReusesFinishedStudies() throws Exception {
        Path in = dir.resolve("in");
        for (int s = 1; s <= STUDIES; s++) {
            Files.createDirectories(in.resolve("p" + s));
            for (int i = 1; i <= PER_STUDY; i++) {
                Fixtures.write(Fixtures.ct().patientId(String.format("PID-%04d", s)).study(s).instance(i)
                        .rows(16).columns(16).build(), in.resolve("p" + s + "/" + i + ".dcm"));
            }
        }
        Path clean = dir.resolve("clean");
        Path out = dir.resolve("out");
        assertThat(cloak(in, clean, "--threads", "1").waitFor(120, TimeUnit.SECONDS)).isTrue();
        int files = STUDIES * PER_STUDY;
        assertThat(dcmFiles(clean)).hasSize(files);
        boolean reusedSeen = false;
        for (int target : new int[] {5, 25, 50}) {
            Process p = cloak(in, out, "--threads", "1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && dcmFiles(out).size() < target && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Process last = cloak(in, out, "--json");
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String json = new String(last.getInputStream().readAllBytes());
        assertThat(last.exitValue()).as(json).isZero();
        reusedSeen = !json.contains("\"reused\":0,");
        assertThat(reusedSeen).as(json).isTrue();
        assertThat(contents(out)).isEqualTo(contents(clean));
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
        assertThat(out.resolveSibling(out.getFileName() + ".originals").resolve("tmp")).doesNotExist();
        assertThat(Files.readString(out.resolve(".cloak/journal"))).contains("DONE\t")
                .doesNotContain(Fixtures.uid("study/PID-0001/1"));
    }

    private Process cloak(Path in, Path out, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.cloak.cli.Main", "run", "--in", in.toString(),
                "--out", out.toString(), "--vault", dir.resolve("vault").toString(),
                "--key-file", dir.resolve("vault.key").toString()));
        cmd.addAll(List.of(more));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<Path> dcmFiles(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".dcm") && !p.toString().contains(".cloak")).toList();
        }
    }

    private static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path p : dcmFiles(out)) {
            m.put(out.relativize(p).toString(), org.cloak.pipeline.audit.Digests.sha256Hex(Files.readAllBytes(p)));
        }
        return m;
    }
}
