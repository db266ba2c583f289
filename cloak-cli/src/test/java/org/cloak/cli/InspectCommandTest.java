package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;
    String stdout;

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        return r.status();
    }

    @Test
    void keywordFilterShowsTheAttributeWithTheSequencesLeadingToIt() throws Exception {
        Path f = Fixtures.write(Fixtures.ct().build(), dir.resolve("a.dcm"));
        assertThat(cloak("inspect", f.toString(), "--keyword", "CodeMeaning", "--tag", "(0010,0010)")).isZero();
        assertThat(stdout.lines()).containsExactly(
                "(0010,0010) PN [DOE^JANE]                               # 8, 1 PatientName",
                "(0040,0275) SQ (Sequence with 1 item)                   # RequestAttributesSequence",
                "  (FFFE,E000) na (Item #1)",
                "    (0040,0008) SQ (Sequence with 1 item)                   # ScheduledProtocolCodeSequence",
                "      (FFFE,E000) na (Item #1)",
                "        (0008,0104) LO [Fake protocol for DOE^JANE]             # 26, 1 CodeMeaning",
                "      (FFFE,E00D) na (ItemDelimitationItem)",
                "  (FFFE,E00D) na (ItemDelimitationItem)");
    }

    @Test
    void privateFilterShowsTheBlockWithItsCreatorAndJsonFollowsTheFilter() throws Exception {
        Path f = Fixtures.write(Fixtures.ct().build(), dir.resolve("a.dcm"));
        assertThat(cloak("inspect", f.toString(), "--private")).isZero();
        assertThat(stdout.lines()).containsExactly(
                "(0009,0010) LO [ACME 1.0]                               # 8, 1 PrivateCreator",
                "(0009,1001) LO [DOE^JANE]                               # 8, 1 [ACME 1.0]",
                "(0009,1002) DS [12.5]                                   # 4, 1 [ACME 1.0]");
        assertThat(cloak("inspect", f.toString(), "--keyword", "PatientID", "--json")).isZero();
        assertThat(stdout.replaceAll("\\s", "")).isEqualTo("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"PID-0001\"]}}");
    }

    @Test
    void aFolderGivesOneLinePerSeriesAndAllListsEveryFile() throws Exception {
        Path d = Files.createDirectories(dir.resolve("study"));
        for (int s = 1; s <= 2; s++) {
            for (int i = 1; i <= 3; i++) {
                Fixtures.write(Fixtures.ct().series(s).instance(i).build(), d.resolve(s + "-" + i + ".dcm"));
            }
        }
        Files.writeString(d.resolve("notes.txt"), "not dicom");
        assertThat(cloak("inspect", d.toString())).isEqualTo(1);
        String study = "20000101 " + Fixtures.uid("study/PID-0001/1");
        assertThat(stdout.lines()).hasSize(4);
        assertThat(stdout.lines().skip(1).limit(2)).allSatisfy(l -> assertThat(l)
                .startsWith("DOE^JANE [PID-0001]  " + study).endsWith("CT        3"));
        assertThat(stdout.lines().toList().get(1))
                .contains("#1 " + Fixtures.uid("series/" + Fixtures.uid("study/PID-0001/1") + "/1"));
        assertThat(stdout.lines().toList().get(3)).isEqualTo("2 series, 6 files, 1 not readable");
        cloak("inspect", d.toString(), "--all", "--keyword", "InstanceNumber");
        assertThat(stdout.lines().filter(l -> l.startsWith("(0020,0013)")).count()).isEqualTo(6);
    }
}
