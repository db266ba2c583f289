package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path dir;
    String stdout;

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        return r.status();
    }

    @Test
    void twoFilesGiveAddedRemovedAndChangedAttributesWithNestedPaths() throws Exception {
        DataSet a = Fixtures.ct().build();
        DataSet b = Fixtures.ct().patientName("ROE^RICHARD").build();
        b.remove(Tag.AccessionNumber);
        b.getSequence(Tag.ReferencedPatientSequence).get(0).setString(Tag.ReferencedSOPInstanceUID,
                org.cloak.dicom.dict.Vr.UI, "2.25.1");
        Path fa = Fixtures.write(a, dir.resolve("a.dcm"));
        Path fb = Fixtures.write(b, dir.resolve("b.dcm"));
        assertThat(cloak("diff", fa.toString(), fb.toString())).isEqualTo(1);
        assertThat(stdout.lines()).containsExactly(
                "removed (0008,0050) AccessionNumber: [ACC-0001]",
                "changed (0008,1120)[0](0008,1155) ReferencedSOPInstanceUID: [" + Fixtures.uid("patient/PID-0001")
                        + "] -> [2.25.1]",
                "changed (0009,1001) [ACME 1.0]: [DOE^JANE] -> [ROE^RICHARD]",
                "changed (0010,0010) PatientName: [DOE^JANE] -> [ROE^RICHARD]",
                "changed (0040,0275)[0](0040,0008)[0](0008,0104) CodeMeaning: [Fake protocol for DOE^JANE]"
                        + " -> [Fake protocol for ROE^RICHARD]");
        assertThat(cloak("diff", fa.toString(), fa.toString())).isZero();
        assertThat(stdout).isEmpty();
    }

    @Test
    void treesOfARunWithTheDefaultVaultArePairedWithoutNamingIt() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/s"));
        for (int i = 1; i <= 2; i++) {
            Fixtures.write(Fixtures.ct().instance(i).build(), in.resolve(i + ".dcm"));
        }
        String home = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(dir.resolve("home")).toString());
        try {
            assertThat(cloak("run", "--in", dir.resolve("in").toString(), "--out", dir.resolve("out").toString()))
                    .isZero();
            // the default layout renames every file: only the vault's secret pairs them
            cloak("diff", dir.resolve("in").toString(), dir.resolve("out").toString());
            assertThat(stdout).contains("2 pairs,").contains("0 only in A, 0 only in B");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void treesArePairedByRelativePathAndUnpairedFilesListed() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a/s"));
        Path b = Files.createDirectories(dir.resolve("b/s"));
        Fixtures.write(Fixtures.ct().instance(1).build(), a.resolve("1.dcm"));
        Fixtures.write(Fixtures.ct().instance(1).build(), b.resolve("1.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), a.resolve("2.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).studyDate("20000202").sopInstanceUid("2.25.99").build(),
                b.resolve("2.dcm"));
        Fixtures.write(Fixtures.ct().instance(3).build(), a.resolve("3.dcm"));
        assertThat(cloak("diff", dir.resolve("a").toString(), dir.resolve("b").toString())).isEqualTo(1);
        assertThat(stdout.lines()).containsExactly(
                "== s/2.dcm",
                "changed (0008,0018) SOPInstanceUID: [" + Fixtures.uid("instance/" + Fixtures.uid("series/"
                        + Fixtures.uid("study/PID-0001/1") + "/1") + "/2") + "] -> [2.25.99]",
                "changed (0008,0020) StudyDate: [20000101] -> [20000202]",
                "changed (0008,0023) ContentDate: [20000101] -> [20000202]",
                "only in A: s/3.dcm",
                "2 pairs, 1 differ; 1 only in A, 0 only in B");
    }

    @Test
    void treesLaidOutByTemplatePairOnlyThroughTheAuditReport() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("series1"));
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");
        for (int i = 1; i <= 3; i++) {
            Fixtures.write(Fixtures.ct().instance(i).build(), in.resolve("series1/" + i + ".dcm"));
        }
        assertThat(cloak("run", "--layout", "{PatientID}/{SOPInstanceUID}.dcm", "--in", in.toString(), "--out",
                out.toString(), "--audit", report.toString(), "--vault", dir.resolve("vault").toString(),
                "--key-file", dir.resolve("vault.key").toString())).isZero();

        assertThat(cloak("diff", in.toString(), out.toString())).isEqualTo(1);
        assertThat(stdout).endsWith("0 pairs, 0 differ; 3 only in A, 3 only in B" + System.lineSeparator());

        assertThat(cloak("diff", "--audit", report.toString(), in.toString(), out.toString())).isEqualTo(1);
        assertThat(stdout).endsWith("3 pairs, 3 differ; 0 only in A, 0 only in B" + System.lineSeparator())
                .contains("== series1/1.dcm -> ", "== series1/2.dcm -> ", "== series1/3.dcm -> ")
                .contains("changed (0010,0020) PatientID: [PID-0001] -> ");

        assertThat(cloak("diff", "--vault", dir.resolve("vault").toString(), "--key-file",
                dir.resolve("vault.key").toString(), in.toString(), out.toString())).isEqualTo(1);
        assertThat(stdout).endsWith("3 pairs, 3 differ; 0 only in A, 0 only in B" + System.lineSeparator());
    }
}
