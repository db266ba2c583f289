package org.cloak.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.service.RunService;
import org.cloak.pipeline.service.RunSpec;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real standalone cluster on this machine (a master and two one-core workers, each its own
 * JVM), the job submitted through spark-submit's main class with a driver JVM of its own.
 * Against {@code cloak run}'s output (the oracle) with the same secret and recipe: the cluster's
 * output is byte for byte the same, also when one executor JVM is killed in the middle of the
 * job, and when the whole job is killed and run again (it resumes by study). Slow: tagged
 * {@code cluster}.
 */
@Tag("cluster")
class SparkClusterTest {
    static final String PASSPHRASE = "cluster test passphrase";
    static final Path RECIPE = Path.of("..", "recipes", "trial-timepoints.yaml").toAbsolutePath();

    /** Kept after the run (the logs of every JVM are there); made anew by each run. */
    static Path dir = Path.of("target", "cluster-test").toAbsolutePath();
    static StandaloneCluster cluster;
    static Path in;
    static Path reference;
    static Path vault;
    static Path emptyJar;

    @BeforeAll
    static void start() throws Exception {
        Leftovers.deleteTree(dir);
        in = TestCorpus.write(dir.resolve("in"), 6, 8);
        vault = dir.resolve("vault");
        KeySource key = new KeySource.Passphrase(PASSPHRASE.toCharArray());
        Vault.openOrCreate(vault, key).close();
        Path runVault = dir.resolve("vault-run");
        Trees.copy(vault, runVault);
        reference = dir.resolve("reference");
        RunService service = new RunService(SparkEquivalenceTest.CLOCK);
        RunSpec spec = new RunSpec(List.of(in), reference, RecipeReader.read(RECIPE), Digests.recipe(RECIPE), runVault,
                key, 2, LayoutSpec.standard(), false, null, List.of(dir.resolve("reference.csv")), null, false, false);
        service.run(service.prepare(spec, new BufferedReader(new StringReader(""))), new Progress());
        emptyJar = dir.resolve("empty.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(emptyJar))) {
            j.flush();
        }
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLostExecutorChangesNothing() throws Exception {
        Path out = dir.resolve("out-lost-executor");
        Process job = submit(out, "lost-executor");
        waitForStudies(out, 1);
        List<ProcessHandle> executors = cluster.executors();
        assertThat(executors).as("executor JVMs of the running job").isNotEmpty();
        executors.get(0).destroyForcibly();
        assertThat(job.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(job.exitValue()).as(log("lost-executor")).isEqualTo(2); // the truncated file is quarantined
        assertThat(log("lost-executor")).contains("cloak-summary").contains("reused=0");
        assertSameAsReference(out, "lost-executor");
    }

    @Test
    void aKilledJobResumesByStudy() throws Exception {
        Path out = dir.resolve("out-killed");
        Process job = submit(out, "killed");
        waitForStudies(out, 2);
        job.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        job.destroyForcibly();
        job.waitFor(1, TimeUnit.MINUTES);
        long done = studiesDone(out);
        assertThat(done).as("studies journalled before the kill").isGreaterThanOrEqualTo(2);
        Process again = submit(out, "resumed");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(log("resumed")).isEqualTo(2);
        String summary = log("resumed").lines().filter(l -> l.startsWith("cloak-summary")).findFirst().orElseThrow();
        long reused = Long.parseLong(summary.replaceAll(".*reused=(\\d+).*", "$1"));
        assertThat(reused).as("files of studies finished before the kill").isGreaterThan(0);
        assertSameAsReference(out, "resumed");
    }

    private static Process submit(Path out, String name) throws IOException {
        return cluster.submit(dir.resolve(name + ".log"), emptyJar, ClusterJobMain.class.getName(),
                List.of(in.toString(), out.toString(), vault.toString(), PASSPHRASE,
                        dir.resolve(name + ".csv").toString(), RECIPE.toString()));
    }

    private static void assertSameAsReference(Path out, String name) throws IOException {
        Trees.assertSame(reference, out, ".cloak");
        Trees.assertSame(Trees.quarantine(reference), Trees.quarantine(out), null);
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(AtomicFiles.TEMP_PREFIX)
                    && n.endsWith(AtomicFiles.TEMP_SUFFIX))).as("temporary files").isEmpty();
        }
        List<String> expected = Trees.auditRows(dir.resolve("reference.csv"));
        List<String> actual = Trees.auditRows(dir.resolve(name + ".csv"));
        // a resumed run reports the files it kept as REUSED, with no counts: compare the rest of each row
        assertThat(actual.stream().map(SparkClusterTest::identity).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(SparkClusterTest::identity).toList());
    }

    /** Input hash, output and study of an audit row. */
    private static String identity(String row) {
        String[] c = row.split(",", -1);
        return c[0] + "," + c[1] + "," + c[2];
    }

    private static void waitForStudies(Path out, long n) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (studiesDone(out) < n) {
            assertThat(System.nanoTime()).as("a study journalled within 2 minutes").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static long studiesDone(Path out) throws IOException {
        Path done = out.resolve(".cloak/spark/done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(done)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
