package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cloak} launcher in a copy of the project's layout, with a stand-in jar that prints
 * its arguments and JVM options (the real jar is built after the tests).
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "cloak");
    private static final String MAIN = """
            public class Fake {
                public static void main(String[] args) {
                    if (System.getenv("FAKE_FAIL") != null) {
                        System.exit(3);
                    }
                    System.out.println("args " + String.join(" ", args));
                    System.out.println("jvm "
                            + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                }
            }
            """;

    @TempDir
    Path root;
    Path jar;
    Path jsa;

    private record Result(int status, String out, String err) {}

    @BeforeEach
    void project() throws IOException, InterruptedException {
        Files.copy(LAUNCHER, root.resolve("cloak"));
        root.resolve("cloak").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("samples"));
        Path target = Files.createDirectories(root.resolve("cloak-cli/target"));
        jar = target.resolve("cloak.jar");
        jsa = target.resolve("cloak.jsa");
        Path src = Files.createDirectories(root.resolve("fake"));
        Files.writeString(src.resolve("Fake.java"), MAIN);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Fake.java").toString())).isZero();
        writeJar(false);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    /** The stand-in jar; {@code rebuilt} adds an entry, as a rebuild changes the jar. */
    private void writeJar(boolean rebuilt) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Fake");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("Fake.class"));
            out.write(Files.readAllBytes(root.resolve("fake/Fake.class")));
            if (rebuilt) {
                out.putNextEntry(new JarEntry("rebuilt.txt"));
                out.write(1);
            }
        }
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("cloak").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CLOAK_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theFirstStartRecordsAnArchiveThatLaterStartsUseQuietly() throws Exception {
        Result first = launch(Map.of(), "run", "--in", "x");
        assertThat(first.status()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("args run --in x\n").contains("-XX:TieredStopAtLevel=1")
                .contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(jsa).exists();
        assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(Files.getLastModifiedTime(jar));
        FileTime recorded = Files.getLastModifiedTime(jsa);

        Result second = launch(Map.of(), "--version");
        assertThat(second.out()).startsWith("args --version\n").contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(second.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(recorded);
        try (var files = Files.list(jsa.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("cloak.jar", "cloak.jsa");
        }
    }

    @Test
    void aNewerJarIsRecordedAgainAndAnArchiveTheJvmRejectsIsSkippedSilently() throws Exception {
        launch(Map.of(), "--version");
        byte[] recorded = Files.readAllBytes(jsa);
        writeJar(true); // the JVM refuses an archive of a jar of another size or time
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Result stale = launch(Map.of(), "--version");
        assertThat(stale.out()).startsWith("args --version\n");
        assertThat(stale.err()).isEmpty();
        assertThat(Files.readAllBytes(jsa)).isEqualTo(recorded); // still newer than the jar: not recorded again

        Files.setLastModifiedTime(jsa, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        assertThat(launch(Map.of(), "--version").out()).contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(Files.getLastModifiedTime(jar));
    }

    @Test
    void aFailedRecordingLeavesNoArchiveAndIsNotRepeatedUntilTheNextBuild() throws Exception {
        Result failed = launch(Map.of("FAKE_FAIL", "1"), "--version");
        assertThat(failed.status()).isEqualTo(3);
        assertThat(jsa).doesNotExist();
        Path marker = jsa.resolveSibling("cloak.jsa.failed");
        assertThat(marker).exists();
        FileTime when = Files.getLastModifiedTime(marker);

        Result again = launch(Map.of(), "--version");
        assertThat(again.out()).startsWith("args --version\n").doesNotContain("SharedArchiveFile");
        assertThat(jsa).doesNotExist();
        assertThat(Files.getLastModifiedTime(marker)).isEqualTo(when);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));
        assertThat(launch(Map.of(), "--version").out()).contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(marker).doesNotExist();
    }

    @Test
    void javaOptionsFromTheEnvironmentReplaceTheDefaults() throws Exception {
        Result r = launch(Map.of("CLOAK_JAVA_OPTS", "-Xmx64m -Dcloak.test=1"), "dump", "a b");
        assertThat(r.out()).startsWith("args dump a b\n").contains("-Xmx64m", "-Dcloak.test=1")
                .doesNotContain("TieredStopAtLevel").contains("-XX:SharedArchiveFile=" + jsa);
        String[] jvm = r.out().lines().filter(l -> l.startsWith("jvm ")).findFirst().orElseThrow().split(", ");
        assertThat(String.join(" ", jvm)).endsWith("-Dcloak.test=1]"); // after the archive's options: they win
        assertThat(new String(Files.readAllBytes(root.resolve("err.txt")), StandardCharsets.UTF_8)).isEmpty();
    }
}
