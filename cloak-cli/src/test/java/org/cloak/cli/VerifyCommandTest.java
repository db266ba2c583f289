package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.pipeline.verify.ReportJson;
import org.cloak.pipeline.verify.SignOffLog;
import org.cloak.pipeline.verify.VaultIdentifiers;
import org.cloak.pipeline.verify.VerifyReport;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cloak run, then cloak verify on its output, as a reviewer would. */
class VerifyCommandTest {
    @TempDir
    Path dir;
    Path in;
    Path out;
    Path vault;
    String stdout;
    String stderr;

    @BeforeEach
    void runStudy() throws Exception {
        in = Files.createDirectories(dir.resolve("in/series1"));
        in = dir.resolve("in");
        out = dir.resolve("out");
        vault = dir.resolve("vault");
        for (int i = 1; i <= 3; i++) {
            Fixtures.write(Fixtures.ct().patientName("DOE^JANE").instance(i).build(),
                    in.resolve("series1/" + i + ".dcm"));
        }
        assertThat(cloak("run", "--layout", "mirror", "--in", in.toString(), "--out", out.toString(), "--vault",
                vault.toString(), "--key-file", dir.resolve("vault.key").toString()))
                .as(stderr).isZero();
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }

    @Test
    void verifyFindsTheQuarantineWhereverTheRunPutIt() throws Exception {
        DataSet us = Fixtures.ct().patientName("DOE^JANE").instance(4).build();
        us.setString(Tag.Modality, Vr.CS, "US");
        Fixtures.write(us, in.resolve("series1/us.dcm"));
        Path elsewhere = dir.resolve("held");
        Path out2 = dir.resolve("out2");
        assertThat(cloak("run", "--layout", "mirror", "--in", in.toString(), "--out", out2.toString(),
                "--quarantine", elsewhere.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString())).as(stderr).isEqualTo(2);
        assertThat(elsewhere).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".dcm"));
        int status = cloak("verify", "--out", out2.toString(), "--in", in.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString());
        assertThat(status).as(stdout + stderr).isZero();
        assertThat(stdout).doesNotContain("MISSING_OUTPUT");
    }

    @Test
    void aCleanRunPassesAndTheReportsAndSignOffAreWritten() throws Exception {
        Path html = dir.resolve("qc.html");
        Path json = dir.resolve("qc.json");
        int status = cloak("verify", "--out", out.toString(), "--in", in.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString(),
                "--report", html.toString(), "--json", json.toString(), "--reviewer", "R. Eviewer", "--note",
                        "looks fine");
        assertThat(status).as(stdout + stderr).isZero();
        assertThat(stdout).startsWith("cloak verify: PASS: 3 outputs, 3 compared with their original, 0 failing "
                + "findings");
        VerifyReport r = ReportJson.read(json);
        assertThat(r.passed()).isTrue();
        assertThat(r.studies()).hasSize(1);
        assertThat(Files.readString(html)).contains("<span id=\"verdict\" class=\"pass\">PASS</span>");
        assertThat(SignOffLog.read(out)).singleElement().satisfies(s -> {
            assertThat(s.reviewer()).isEqualTo("R. Eviewer");
            assertThat(s.passed()).isTrue();
            assertThat(s.files()).isEqualTo(3);
            assertThat(s.note()).isEqualTo("looks fine");
        });
    }

    @Test
    void aLeakFailsWithStatusOneAndTheValueMasked() throws Exception {
        Path target = out.resolve("series1/2.dcm");
        DicomFile f = DicomReader.read(target);
        DataSet ds = f.dataset();
        ds.setString(Tag.ImageComments, Vr.LT, "Jane Doe, follow-up");
        byte[] bytes = DicomWriter.toBytes(new DicomFile(f.fileMeta(), ds, f.transferSyntax(), "", false));
        Files.write(target, bytes);
        int status = cloak("verify", "--out", out.toString(), "--in", in.toString(), "--vault", vault.toString(),
                "--key-file", dir.resolve("vault.key").toString());
        assertThat(status).isEqualTo(1);
        assertThat(stdout).startsWith("cloak verify: FAIL")
                .contains("FAIL IDENTIFIER series1/2.dcm (0020,4000) ImageComments [J*******]: name from PatientName")
                .contains("FAIL UNEXPECTED_ATTRIBUTE series1/2.dcm (0020,4000)")
                .doesNotContain("Jane Doe");
    }

    @Test
    void withoutOriginalsAValuesFileDrivesTheScan() throws Exception {
        Path values = Files.writeString(dir.resolve("values.csv"), "patient,kind,value\n,name,DOE^JANE\n");
        assertThat(cloak("verify", "--out", out.toString(), "--values", values.toString(), "--vault",
                dir.resolve("no-vault").toString(), "--key-file", dir.resolve("vault.key").toString()))
                        .as(stdout + stderr).isZero();
        assertThat(stdout).contains("note: No originals (--in)");
        assertThat(dir.resolve("no-vault")).doesNotExist();
    }

    @Test
    void withoutOriginalsTheVaultsOriginalPatientIdIsFoundWhereverPlanted() throws Exception {
        Path target = out.resolve("series1/2.dcm");
        DicomFile f = DicomReader.read(target);
        DataSet ds = f.dataset();
        ds.setString(Tag.ImageComments, Vr.LT, "seen as PID-0001 at intake");
        Files.write(target, DicomWriter.toBytes(new DicomFile(f.fileMeta(), ds, f.transferSyntax(), "", false)));
        int status = cloak("verify", "--out", out.toString(), "--vault", vault.toString(), "--key-file",
                dir.resolve("vault.key").toString());
        assertThat(status).as(stdout + stderr).isEqualTo(1);
        assertThat(stdout).startsWith("cloak verify: FAIL: 3 outputs, 0 compared with their original, 1 failing "
                + "findings")
                .contains("FAIL IDENTIFIER series1/2.dcm (0020,4000) ImageComments [P*******]: id from "
                        + VaultIdentifiers.SOURCE)
                .doesNotContain("PID-0001");
    }

    @Test
    void withoutOriginalsAnUntouchedOutputPassesTheVaultScanAndSaysWhatItCannotCheck() {
        int status = cloak("verify", "--out", out.toString(), "--vault", vault.toString(), "--key-file",
                dir.resolve("vault.key").toString());
        assertThat(status).as(stdout + stderr).isZero();
        assertThat(stdout).startsWith("cloak verify: PASS: 3 outputs, 0 compared with their original, 0 failing "
                + "findings")
                .contains("note: Residual PHI scan without originals: searched for the 1 original patient IDs of the "
                        + "vault's map;")
                .contains("whether dates were shifted needs the originals");
    }

    @Test
    void withoutOriginalsTheVaultAndAValuesFileAreBothSearched() throws Exception {
        Path target = out.resolve("series1/3.dcm");
        DicomFile f = DicomReader.read(target);
        DataSet ds = f.dataset();
        ds.setString(Tag.ImageComments, Vr.LT, "Jane Doe");
        ds.setString(Tag.StudyDescription, Vr.LO, "PID-0001");
        Files.write(target, DicomWriter.toBytes(new DicomFile(f.fileMeta(), ds, f.transferSyntax(), "", false)));
        Path values = Files.writeString(dir.resolve("values.csv"), "patient,kind,value\n,name,DOE^JANE\n");
        int status = cloak("verify", "--out", out.toString(), "--values", values.toString(), "--vault",
                vault.toString(), "--key-file", dir.resolve("vault.key").toString());
        assertThat(status).as(stdout + stderr).isEqualTo(1);
        assertThat(stdout).contains("FAIL IDENTIFIER series1/3.dcm (0020,4000) ImageComments [J*******]: name from "
                + "values file")
                .contains("FAIL IDENTIFIER series1/3.dcm (0008,1030) StudyDescription [P*******]: id from "
                        + VaultIdentifiers.SOURCE)
                .contains("searched for the 1 original patient IDs of the vault's map and the values file;");
    }
}
