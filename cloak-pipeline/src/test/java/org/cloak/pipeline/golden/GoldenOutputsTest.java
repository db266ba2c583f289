package org.cloak.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output trees pinned byte for byte: every profile, every option, the example recipes, zip input,
 * a resumed run and the listener, each digested file by file (path and SHA-256) and compared with
 * the digests in {@code golden/outputs.tsv}. A change to the engine or the pipeline that moves a
 * single output byte fails here. Run with {@code -Dcloak.golden.record=FILE} to write the digests
 * of the current code to FILE instead of comparing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class GoldenOutputsTest {
    private static final List<String> OPTIONS = List.of("retain-safe-private", "retain-uids", "retain-device-identity",
            "retain-institution-identity", "retain-patient-characteristics", "retain-long-full-dates",
            "retain-long-modified-dates", "clean-descriptors", "clean-structured-content", "clean-graphics");

    Path tmp;
    Path inputs;
    Map<String, String> expected;
    final Map<String, String> recorded = new TreeMap<>();

    @BeforeAll
    void setUp(@TempDir Path dir) throws IOException {
        tmp = dir;
        inputs = GoldenCorpus.write(tmp.resolve("in"));
        expected = readExpected();
    }

    static List<String> cases() {
        List<String> c = new ArrayList<>();
        for (String p : List.of("original", "anonymize", "anonymize-full", "dicom-basic", "hipaa")) {
            c.add("profile:" + p);
        }
        OPTIONS.forEach(o -> c.add("option:" + o));
        for (String r : List.of("lab-manual", "longitudinal-shift", "trial-timepoints")) {
            c.add("recipe:" + r);
        }
        c.add("categories");
        c.add("zip");
        c.add("resume");
        c.add("layout:mirror");
        c.add("listen");
        c.add("listen:default");
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsAreAsRecorded(String name) throws Exception {
        Path out = tmp.resolve("out-" + name.replace(':', '-'));
        String kind = name.substring(0, name.indexOf(':') < 0 ? name.length() : name.indexOf(':'));
        String arg = name.indexOf(':') < 0 ? null : name.substring(name.indexOf(':') + 1);
        switch (kind) {
            case "profile" -> GoldenRuns.run(recipe("profile: " + arg + "\n"), tops(), out, "default");
            case "option" -> GoldenRuns.run(recipe("profile: dicom-basic\noptions: [" + arg + "]\n"), tops(), out,
                    "default");
            case "recipe" -> GoldenRuns.run(RecipeReader.read(exampleRecipe(arg)), tops(), out, "default");
            case "categories" -> GoldenRuns.run(recipe("profile: dicom-basic\ncategories: {device: keep,"
                    + " institution: keep, dates-and-times: keep}\n"), tops(), out, "default");
            case "zip" -> GoldenRuns.run(recipe("profile: dicom-basic\n"),
                    List.of(zipOf(inputs, tmp.resolve("in.zip"))),
                    out, "default");
            case "resume" -> {
                Recipe r = recipe("profile: dicom-basic\n");
                GoldenRuns.run(r, tops(), out, "default");
                List<Path> written = GoldenDigest.files(out);
                Files.delete(written.get(0)); // a lost output: its study is done again
                GoldenRuns.run(r, tops(), out, "default");
            }
            case "layout" -> GoldenRuns.run(recipe("profile: dicom-basic\n"), tops(), out, arg);
            case "listen" -> GoldenRuns.listen(recipe("profile: dicom-basic\n"), GoldenCorpus.sendable(inputs), out,
                    arg == null ? "mirror" : arg);
            default -> throw new IllegalArgumentException(name);
        }
        String digest = GoldenDigest.of(out);
        assertThat(GoldenDigest.files(out)).as(name + " wrote nothing").isNotEmpty();
        if (name.equals("listen:default")) {
            // the run's default layout names the files otherwise; their bytes are those of the mirror layout
            assertThat(contents(digest)).as("contents of " + name).isEqualTo(contents(expected == null
                    ? recorded.get("listen") : expected.get("listen")));
        } else if (expected == null) {
            recorded.put(name, digest);
        } else {
            assertThat(digest).as("outputs of " + name).isEqualTo(expected.get(name));
        }
    }

    @AfterAll
    void record() throws IOException {
        if (expected == null) {
            StringBuilder sb = new StringBuilder("# case\tdigests of every output file (path=sha256;...)\n");
            recorded.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(Path.of(System.getProperty("cloak.golden.record")), sb.toString());
        }
    }

    /** The file digests of a tree digest, without their paths, sorted. */
    private static List<String> contents(String treeDigest) {
        return java.util.Arrays.stream(treeDigest.split(";")).map(e -> e.substring(e.indexOf('=') + 1)).sorted()
                .toList();
    }

    private List<Path> tops() throws IOException {
        try (Stream<Path> s = Files.list(inputs)) {
            return s.sorted().toList();
        }
    }

    private static Recipe recipe(String yaml) throws Exception {
        return RecipeReader.read(new StringReader(yaml), Path.of("."));
    }

    private static Path exampleRecipe(String name) {
        Path p = Path.of("..", "recipes", name + ".yaml");
        assertThat(p).exists();
        return p;
    }

    /** The expected digests, or null in record mode. */
    private static Map<String, String> readExpected() throws IOException {
        if (System.getProperty("cloak.golden.record") != null) {
            return null;
        }
        Map<String, String> m = new TreeMap<>();
        try (var in = GoldenOutputsTest.class.getResourceAsStream("/golden/outputs.tsv")) {
            assertThat(in).as("golden/outputs.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t", 2);
                    m.put(f[0], f[1]);
                }
            }
        }
        return m;
    }

    private static Path zipOf(Path dir, Path zip) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(p).toString()));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    /** Digests of an output tree, leaving out Cloak's state folder. */
    static final class GoldenDigest {
        private GoldenDigest() {}

        static List<Path> files(Path dir) throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile)
                        .filter(p -> !dir.relativize(p).toString().startsWith(".cloak")).sorted().toList();
            }
        }

        static String of(Path dir) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (Path f : files(dir)) {
                sb.append(dir.relativize(f)).append('=').append(sha256(Files.readAllBytes(f))).append(';');
            }
            return sb.toString();
        }

        private static String sha256(byte[] b) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
