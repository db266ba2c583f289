package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloak run} end to end over corpora: audit reports, mixed inputs, collisions, stdin, strict private. */
class RunCorpusTest {
    private static final List<String> PHI = List.of("DOE^JANE", "PID-0001", "ACC-0001", "SMITH^FAKE", "PID-0002");
    private static final String PASSWORD = "irb-test-password";

    @TempDir
    Path dir;
    String stderr;
    String stdout;

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--vault", dir.resolve("vault").toString(),
                "--key-file", dir.resolve("vault.key").toString()));
        all.addAll(Arrays.asList(args));
        CommandLine cl = CloakCommand.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int status = cl.execute(all.toArray(String[]::new));
        stderr = err.toString();
        stdout = out.toString();
        return status;
    }

    /** Two patients, three images, fake PHI everywhere the fixtures put it. */
    private Path phiCorpus() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("a"));
        Files.createDirectories(in.resolve("b"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("a/1.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("a/2.dcm"));
        Fixtures.write(Fixtures.ct().patientName("SMITH^FAKE").patientId("PID-0002").instance(1).build(),
                in.resolve("b/1.dcm"));
        return in;
    }

    private static List<List<String>> rows(XSSFSheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.getLastCellNum(); i++) {
                Cell c = r.getCell(i);
                cells.add(c == null ? "" : c.getCellType() == CellType.NUMERIC
                        ? String.valueOf((long) c.getNumericCellValue()) : c.getStringCellValue());
            }
            out.add(cells);
        }
        return out;
    }

    private static void assertCounts(XSSFWorkbook wb) {
        assertThat(rows(wb.getSheet("Summary"))).contains(List.of("files_processed", "3"),
                List.of("files_written", "3"), List.of("files_quarantined", "0"));
        assertThat(rows(wb.getSheet("Studies"))).hasSize(1 + 2); // header + one study per patient
        List<List<String>> files = rows(wb.getSheet("Files"));
        assertThat(files).hasSize(1 + 3);
        assertThat(files.subList(1, 4)).allSatisfy(r -> assertThat(r).contains("WRITTEN"));
    }

    @Test
    void csvAndWorkbookAuditsCarryTheCountsAndTheCsvNoPhi() throws IOException {
        Path in = phiCorpus();
        Path csv = dir.resolve("r.csv");
        Path xlsx = dir.resolve("r.xlsx");
        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString(),
                "--audit", csv.toString(), "--audit", xlsx.toString())).isEqualTo(0);
        String csvText = new String(Files.readAllBytes(csv), StandardCharsets.ISO_8859_1);
        assertThat(csvText).isNotEmpty();
        for (String phi : PHI) {
            assertThat(csvText).doesNotContain(phi);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Summary")).isNotNull();
            assertCounts(wb);
        }
    }

    @Test
    void aPasswordEncryptsTheWorkbookAndOriginalValuesGoOnlyThere() throws Exception {
        Path in = phiCorpus();
        Path xlsx = dir.resolve("r.xlsx");
        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString(), "--audit", xlsx.toString(),
                "--audit-password", PASSWORD, "--audit-original-values")).isEqualTo(0);
        assertThatThrownBy(() -> new XSSFWorkbook(Files.newInputStream(xlsx))).isInstanceOf(Exception.class);
        try (POIFSFileSystem fs = new POIFSFileSystem(xlsx.toFile(), true)) {
            Decryptor d = Decryptor.getInstance(new EncryptionInfo(fs));
            assertThat(d.verifyPassword("not the password")).isFalse();
            assertThat(d.verifyPassword(PASSWORD)).isTrue();
            try (InputStream data = d.getDataStream(fs); XSSFWorkbook wb = new XSSFWorkbook(data)) {
                assertCounts(wb);
                assertThat(rows(wb.getSheet("Changes")).stream().flatMap(List::stream)).contains("DOE^JANE");
            }
        }
    }

    @Test
    void originalValuesWithOnlyACsvAreRefused() throws IOException {
        Path in = phiCorpus();
        Path out = dir.resolve("out");
        assertThat(run("--in", in.toString(), "--out", out.toString(), "--audit", dir.resolve("r.csv").toString(),
                "--audit-original-values")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: ");
        assertThat(dir.resolve("r.csv")).doesNotExist();
    }

    @Test
    void everyInputEndsAsExactlyOneOfWrittenQuarantinedOrSkipped() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("good1.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("good2.dcm"));
        byte[] whole = Files.readAllBytes(in.resolve("good1.dcm"));
        Files.write(in.resolve("cut.dcm"), Arrays.copyOf(whole, 600));
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        DataSet us = Fixtures.ct().instance(3).build();
        us.setString(Tag.Modality, Vr.CS, "US");
        Fixtures.write(us, in.resolve("us.dcm"));
        Path zipped = Files.createDirectories(dir.resolve("zipped"));
        Fixtures.write(Fixtures.ct().instance(4).build(), zipped.resolve("z4.dcm"));
        Path zip = dir.resolve("more.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("z/z4.dcm"));
            z.write(Files.readAllBytes(zipped.resolve("z4.dcm")));
            z.putNextEntry(new ZipEntry("z/readme.txt"));
            z.write("also not DICOM".getBytes(StandardCharsets.US_ASCII));
        }
        Path out = dir.resolve("out");
        assertThat(run("--in", in.toString(), zip.toString(), "--out", out.toString(), "--layout", "mirror",
                "--json")).isEqualTo(2);

        JsonNode j = new ObjectMapper().readTree(stdout);
        assertThat(j.get("files").asInt()).isEqualTo(7);
        assertThat(j.get("written").asInt()).isEqualTo(3);
        assertThat(j.get("skipped").asInt()).isEqualTo(2);
        assertThat(j.get("quarantined").asInt()).isEqualTo(2);
        assertThat(j.get("failed").asInt()).isZero();
        assertThat(j.get("written").asInt() + j.get("skipped").asInt() + j.get("quarantined").asInt())
                .isEqualTo(j.get("files").asInt());
        List<String> skipped = new ArrayList<>();
        j.get("skippedFiles").forEach(n -> skipped.add(n.asText()));
        assertThat(skipped).anyMatch(s -> s.endsWith("notes.txt")).anyMatch(s -> s.endsWith("readme.txt"));
        List<String> quarantined = new ArrayList<>();
        j.get("quarantinedFiles").forEach(n -> quarantined.add(n.get("input").asText()));
        assertThat(quarantined)
                .containsExactlyInAnyOrder(in.resolve("cut.dcm").toString(), in.resolve("us.dcm").toString());

        try (Stream<Path> s = Files.walk(out)) {
            List<Path> data = s.filter(Files::isRegularFile).filter(p -> !out.relativize(p).startsWith(".cloak"))
                    .map(out::relativize).toList();
            assertThat(data).hasSize(3).contains(Path.of("good1.dcm"), Path.of("good2.dcm"))
                    .anyMatch(p -> p.endsWith(Path.of("z/z4.dcm")));
        }
        try (Stream<Path> s = Files.list(dir.resolve("out.originals/quarantine"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(2);
        }
    }

    @Test
    void aTemplateMappingTwoFilesToOnePathWritesOneAndQuarantinesTheOther() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("1.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("2.dcm"));
        Path out = dir.resolve("out");
        assertThat(run("--in", in.toString(), "--out", out.toString(), "--layout", "{PatientID}/same.dcm", "--json"))
                .isEqualTo(2);
        JsonNode j = new ObjectMapper().readTree(stdout);
        assertThat(j.get("written").asInt()).isEqualTo(1);
        assertThat(j.get("quarantined").asInt()).isEqualTo(1);
        assertThat(j.get("quarantinedFiles").get(0).get("reason").asText()).startsWith("layout collision");
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> data = s.filter(Files::isRegularFile).filter(p -> !out.relativize(p).startsWith(".cloak"))
                    .toList();
            assertThat(data).hasSize(1);
            assertThat(data.get(0).getFileName().toString()).isEqualTo("same.dcm");
            byte[] written = Files.readAllBytes(data.get(0));
            // a second run over the same output reuses, never overwrites
            assertThat(run("--in", in.toString(), "--out", out.toString(), "--layout", "{PatientID}/same.dcm"))
                    .isEqualTo(2);
            assertThat(Files.readAllBytes(data.get(0))).isEqualTo(written);
        }
    }

    @Test
    void aDashReadsTheListOfInputsFromStandardInput() throws IOException {
        Path in = phiCorpus();
        String list = in.resolve("a/1.dcm") + "\n" + in.resolve("b/1.dcm") + "\n";
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(run("--in", "-", "--out", dir.resolve("out").toString(), "--json")).isEqualTo(0);
        } finally {
            System.setIn(saved);
        }
        JsonNode j = new ObjectMapper().readTree(stdout);
        assertThat(j.get("files").asInt()).isEqualTo(2);
        assertThat(j.get("written").asInt()).isEqualTo(2);
    }

    @Test
    void strictPrivateQuarantinesUnknownCreatorsUnlessTheRecipeKeepsThem() throws IOException {
        Path in = phiCorpus();
        assertThat(run("--in", in.toString(), "--out", dir.resolve("out").toString(), "--strict-private", "--json"))
                .isEqualTo(2);
        JsonNode j = new ObjectMapper().readTree(stdout);
        assertThat(j.get("quarantined").asInt()).isEqualTo(3);
        assertThat(j.get("quarantinedFiles").get(0).get("reason").asText())
                .isEqualTo("unknown private creator '" + Fixtures.PRIVATE_CREATOR + "' (strict private)");
        Path recipe = dir.resolve("keep.yaml");
        Files.writeString(recipe, "keep-private-creators: [\"" + Fixtures.PRIVATE_CREATOR + "\"]\n");
        assertThat(run("--in", in.toString(), "--out", dir.resolve("out2").toString(), "--recipe", recipe.toString(),
                "--strict-private", "--json")).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(stdout).get("written").asInt()).isEqualTo(3);
    }

}
