package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomReader;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir
    Path dir;
    Path in;
    Path out;
    Path vault;
    String stderr;

    @BeforeEach
    void study() throws IOException {
        in = Files.createDirectories(dir.resolve("in/series1"));
        in = dir.resolve("in");
        out = dir.resolve("out");
        vault = dir.resolve("vault");
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("series1/1.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("series1/2.dcm"));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(Arrays.asList(args));
        CommandLine cl = CloakCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int status = cl.execute(all.toArray(String[]::new));
        stderr = err.toString();
        return status;
    }

    @Test
    void aRerunWithOtherSettingsIsRefusedUnlessRestarted() throws IOException {
        assertThat(runStudy()).isEqualTo(0);
        byte[] first = Files.readAllBytes(out.resolve("series1/1.dcm"));
        assertThat(runStudy("--profile", "hipaa")).isEqualTo(1);
        assertThat(stderr).contains("holds outputs made with other settings").contains("--restart");
        assertThat(Files.readAllBytes(out.resolve("series1/1.dcm"))).isEqualTo(first);
        assertThat(runStudy("--profile", "hipaa", "--restart")).isEqualTo(0);
        assertThat(Files.readAllBytes(out.resolve("series1/1.dcm"))).isNotEqualTo(first);
        assertThat(runStudy("--profile", "hipaa")).as("the same settings again resume").isEqualTo(0);
        assertThat(stderr).contains("2 files reused from an earlier run");
    }

    private int runStudy(String... more) {
        List<String> args = new ArrayList<>(List.of("--in", in.toString(), "--out", out.toString(), "--vault",
                vault.toString(), "--key-file", dir.resolve("vault.key").toString()));
        if (!Arrays.asList(more).contains("--layout")) {
            args.addAll(List.of("--layout", "mirror"));
        }
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void exitsZeroWhenEveryDicomFileIsWrittenAndSkipsOtherFiles() throws IOException {
        Files.writeString(in.resolve("series1/README.txt"), "not DICOM");
        assertThat(runStudy()).isEqualTo(0);
        assertThat(stderr).contains("cloak run: 3 files: 2 written, 1 skipped (not DICOM), 0 quarantined, 0 failed")
                .contains("  skipped (not DICOM): " + in.resolve("series1/README.txt"))
                .doesNotContain("DOE").doesNotContain("PID-0001");
        DataSet ds = DicomReader.read(out.resolve("series1/1.dcm")).dataset();
        assertThat(ds.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(String.join("\\", ds.getStrings(Tag.DeidentificationMethod))).contains("dicom-basic");
        assertThat(ds.getString(Tag.PatientName)).isNotEqualTo("DOE^JANE");
        assertThat(out.resolve("series1/README.txt")).doesNotExist();
        assertThat(vault.resolve("secret.enc")).exists();
        assertThat(vault.resolve("secret.key")).doesNotExist();
    }

    @Test
    void exitsTwoWhenAFileIsQuarantinedAndNamesItWithItsReason() throws IOException {
        byte[] whole = Files.readAllBytes(in.resolve("series1/1.dcm"));
        Files.write(in.resolve("series1/cut.dcm"), Arrays.copyOf(whole, 600));
        assertThat(runStudy()).isEqualTo(2);
        assertThat(stderr).contains("cloak run: 3 files: 2 written, 0 skipped (not DICOM), 1 quarantined, 0 failed")
                .contains("  quarantined: " + in.resolve("series1/cut.dcm") + ": not readable as DICOM: ")
                .contains("  quarantine folder: " + out.resolveSibling("out.originals").resolve("quarantine"));
        assertThat(out.resolve("series1/cut.dcm")).doesNotExist();
    }

    @Test
    void aBurnedInImageIsQuarantinedUnlessAllowed() throws IOException {
        DataSet us = Fixtures.ct().instance(3).build();
        us.setString(Tag.Modality, Vr.CS, "US");
        Fixtures.write(us, in.resolve("us.dcm"));
        assertThat(runStudy()).isEqualTo(2);
        assertThat(stderr).contains("quarantined: " + in.resolve("us.dcm")
                + ": no Burned In Annotation flag on modality US");
        assertThat(runStudy("--allow-burned-in", "--restart")).isEqualTo(0);
        assertThat(out.resolve("us.dcm")).exists();
    }

    @Test
    void theProfileFlagOverridesTheRecipe() throws IOException {
        Path recipe = Files.writeString(dir.resolve("r.yaml"), "profile: hipaa\n");
        assertThat(runStudy("--recipe", recipe.toString(), "--profile", "anonymize")).isEqualTo(0);
        DataSet ds = DicomReader.read(out.resolve("series1/1.dcm")).dataset();
        assertThat(String.join("\\", ds.getStrings(Tag.DeidentificationMethod))).contains("anonymize")
                .doesNotContain("hipaa");
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("PID-0001"); // anonymize leaves IDs
    }

    @Test
    void optionsAreAppliedAndNamedInTheMethod() throws IOException {
        assertThat(runStudy("--option", "retain-safe-private", "--option", "retain-uids")).isEqualTo(0);
        DataSet ds = DicomReader.read(out.resolve("series1/1.dcm")).dataset();
        assertThat(ds.getString(Tag.SOPInstanceUID))
                .isEqualTo(DicomReader.read(in.resolve("series1/1.dcm")).dataset().getString(Tag.SOPInstanceUID));
        assertThat(String.join("\\", ds.getStrings(Tag.DeidentificationMethod)))
                .contains("retain-safe-private").contains("retain-uids");
    }

    @Test
    void anOutputInsideTheInputIsAUsageError() {
        assertThat(run("--in", in.toString(), "--out", in.resolve("out").toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString()))
                .isEqualTo(1);
        assertThat(stderr).isEqualTo("cloak run: output folder " + in.resolve("out") + " is inside input " + in
                + System.lineSeparator());
    }

    @Test
    void anInputInsideTheOutputIsAUsageError() {
        assertThat(run("--in", in.resolve("series1").toString(), "--out", in.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString()))
                .isEqualTo(1);
        assertThat(stderr).contains("cloak run: input " + in.resolve("series1") + " is inside output folder " + in);
    }

    @Test
    void aVaultInsideTheOutputIsRefused() {
        assertThat(run("--in", in.toString(), "--out", out.toString(), "--vault", out.resolve("vault").toString()))
                .isEqualTo(1);
        assertThat(stderr).contains("vault " + out.resolve("vault") + " is inside output folder " + out);
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownProfilesOptionsLayoutsAndBadThreadCountsAreUsageErrors() {
        assertThat(runStudy("--profile", "strict")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: unknown profile 'strict'; known: ");
        assertThat(runStudy("--option", "retain-everything")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: unknown option 'retain-everything'");
        assertThat(runStudy("--layout", "by-patient")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: unknown layout 'by-patient'; use mirror, mirror-renamed, default or "
                + "a template");
        assertThat(runStudy("--layout", "{PatientID}/{NoSuchKeyword}.dcm")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: unknown field 'NoSuchKeyword' in layout");
        assertThat(runStudy("--threads", "0")).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: --threads must be at least 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadRecipeIsAUsageErrorNamingFileAndLine() throws IOException {
        Path recipe = Files.writeString(dir.resolve("bad.yaml"), "profile: dicom-basic\nprofle: hipaa\n");
        assertThat(runStudy("--recipe", recipe.toString())).isEqualTo(1);
        assertThat(stderr).startsWith("cloak run: " + recipe + ":2: ");
    }

    @Test
    void missingRequiredOptionsAndMissingInputsAreUsageErrors() {
        assertThat(run("--in", in.toString())).isEqualTo(1);
        assertThat(stderr).contains("Missing required option: '--out=DIR'");
        assertThat(run("--in", dir.resolve("nope").toString(), "--out", out.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString()))
                .isEqualTo(1);
        assertThat(stderr).contains("input not found");
    }

    @Test
    void twoRunsWithTheSameVaultWriteTheSameBytes() throws IOException {
        assertThat(runStudy()).isEqualTo(0);
        byte[] first = Files.readAllBytes(out.resolve("series1/2.dcm"));
        Path out2 = dir.resolve("out2");
        assertThat(run("--layout", "mirror", "--in", in.toString(), "--out", out2.toString(), "--vault",
                vault.toString(), "--key-file", dir.resolve("vault.key").toString())).isEqualTo(0);
        assertThat(Files.readAllBytes(out2.resolve("series1/2.dcm"))).isEqualTo(first);
    }
}
