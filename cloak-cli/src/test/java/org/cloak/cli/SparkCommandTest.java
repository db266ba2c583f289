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
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloak spark --master local[2]} (in a JVM of its own, with the JDK options Spark needs)
 * against {@code cloak run} with the same flags, recipe and vault, the oracle: the same output
 * tree byte for byte, the same audit records, the same exit status.
 */
class SparkCommandTest {
    private static final List<String> SPARK_JAVA_OPTIONS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    @TempDir
    Path dir;

    @Test
    void sparkWritesWhatRunWrites() throws Exception {
        Path in = dir.resolve("in");
        for (int p = 0; p < 2; p++) {
            for (int s = 0; s < 2; s++) {
                for (int i = 1; i <= 2; i++) {
                    Path f = in.resolve("pt" + p + "/s" + s + "/im" + i + ".dcm");
                    Files.createDirectories(f.getParent());
                    Fixtures.write(Fixtures.ct().patientId("CLI-" + p).patientName("DOE^P" + p).study(p * 10 + s + 1)
                            .studyDate(s == 0 ? "20220101" : "20220601").instance(i).build(), f);
                }
            }
        }
        Path pass = Files.writeString(dir.resolve("pass.txt"), "spark command passphrase\n");
        Path recipe = Path.of("..", "recipes", "trial-timepoints.yaml");
        Vault.openOrCreate(dir.resolve("vault-run"), new KeySource.Passphrase("spark command passphrase".toCharArray()))
                .close();
        copy(dir.resolve("vault-run"), dir.resolve("vault-spark"));
        Cli.Result run = Cli.run("run", "--in", in.toString(), "--out", dir.resolve("out-run").toString(),
                "--recipe", recipe.toString(), "--vault", dir.resolve("vault-run").toString(),
                "--vault-passphrase-file", pass.toString(), "--audit", dir.resolve("run.csv").toString());
        assertThat(run.status()).as(run.err()).isZero();

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx700m", "-cp", classPath()));
        cmd.addAll(SPARK_JAVA_OPTIONS);
        cmd.addAll(List.of("org.cloak.cli.Main", "spark", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--in", in.toString(), "--out",
                dir.resolve("out-spark").toString(), "--recipe", recipe.toString(), "--vault",
                dir.resolve("vault-spark").toString(), "--vault-passphrase-file", pass.toString(), "--audit",
                dir.resolve("spark.csv").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("spark.log").toFile())
                .start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("spark.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("cloak spark: 8 files: 8 written, 0 skipped (not DICOM), 0 quarantined, 0 failed");

        Map<String, byte[]> a = tree(dir.resolve("out-run"));
        Map<String, byte[]> b = tree(dir.resolve("out-spark"));
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet()).hasSize(8)
                .allMatch(k -> k.startsWith("P00")); // SEQUENTIAL IDs in the layout
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).isEqualTo(v));
        assertThat(rows(dir.resolve("spark.csv"))).containsExactlyElementsOf(rows(dir.resolve("run.csv")));
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Output files but the state folder, by relative path. */
    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString();
                if (!rel.startsWith(".cloak")) {
                    out.put(rel, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    /** Audit rows without their time column, sorted. */
    private static List<String> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            List<String> c = new ArrayList<>(List.of(l.split(",", -1)));
            c.remove(7);
            return String.join(",", c);
        }).sorted().toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
