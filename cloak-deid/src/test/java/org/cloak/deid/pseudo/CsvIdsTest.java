package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloak.deid.pseudo.Inputs.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvIdsTest {
    private static final List<Input> INPUTS = List.of(
            new Input(header("PID-0001", "2.25.1", "20200101"), "a/1.dcm"),
            new Input(header("PID-0004", "2.25.2", "20200101"), "a/2.dcm"),
            new Input(header("PID-0003", "2.25.3", "20200101"), "b/3.dcm"),
            new Input(header("PID-0002", "2.25.4", "20200101"), "b/4.dcm"));

    @TempDir
    Path dir;

    private Path mapping(String text) throws IOException {
        return Files.writeString(dir.resolve("ids.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void mappedIdsComeFromTheTargetColumn() throws Exception {
        Path csv = mapping("site,original,new\nX,PID-0001,SUBJ-A\nY, PID-0002 ,SUBJ-B\n");
        PseudonymPlanner p = Inputs.discover(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET, INPUTS, 0);
        assertThat(Inputs.newIds(p, List.of(INPUTS.get(0), INPUTS.get(3)))).containsExactly("SUBJ-A", "SUBJ-B");
    }

    @Test
    void unmappedIdsAreNumberedSkippingIdsTheFileGivesOut() throws Exception {
        Path csv = mapping("original,new\nPID-0001,P002\n");
        for (long seed = 0; seed < 6; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.csv(csv, "SEQUENTIAL"), Inputs.dates("keep"), SECRET, INPUTS,
                    seed);
            assertThat(Inputs.newIds(p, INPUTS)).containsExactly("P002", "P004", "P003", "P001");
        }
    }

    @Test
    void unmappedIdsAreHashedLikeDeterministic() throws Exception {
        Path csv = mapping("original,new\nPID-0001,SUBJ-A\n");
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.csv(csv, "HASH"), Inputs.dates("keep"), SECRET).build();
        PatientIdConfig hashed = Inputs.deterministic("P", "", 3);
        PseudonymPlanner d = PseudonymPlanner.builder(hashed, Inputs.dates("keep"), SECRET).build();
        Input unmapped = INPUTS.get(2);
        assertThat(Inputs.newIds(p, List.of(unmapped))).isEqualTo(Inputs.newIds(d, List.of(unmapped)))
                .singleElement().asString().matches("P[2-9A-HJ-NP-Z]{3}");
        assertThat(Inputs.newIds(p, List.of(INPUTS.get(0)))).containsExactly("SUBJ-A");
    }

    @Test
    void anUnmappedIdIsAnErrorNamingTheColumnButNotTheId() throws Exception {
        Path csv = mapping("original,new\nPID-0001,SUBJ-A\n");
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET).build();
        Input unmapped = INPUTS.get(1);
        assertThatThrownBy(() -> p.planFor(unmapped.header(), Origin.ofFile(unmapped.root(), unmapped.relative())))
                .isInstanceOf(PseudonymException.class)
                .hasMessageContaining("column 'original'")
                .hasMessageNotContaining("PID-0004");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsTheFileHas() throws Exception {
        Path csv = mapping("orig,new\nPID-0001,SUBJ-A\n");
        assertThatThrownBy(() -> PseudonymPlanner.builder(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET))
                .isInstanceOf(PseudonymException.class)
                .hasMessageContaining("no column 'original'")
                .hasMessageContaining("orig, new");
    }

    @Test
    void aSourceMappedTwiceToDifferentTargetsIsRejectedWithoutValues() throws Exception {
        Path csv = mapping("original,new\nPID-0001,SUBJ-A\nPID-0001,SUBJ-B\n");
        assertThatThrownBy(() -> PseudonymPlanner.builder(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET))
                .isInstanceOf(PseudonymException.class)
                .hasMessageContaining("Record 2")
                .hasMessageNotContaining("PID-0001")
                .hasMessageNotContaining("SUBJ-");
    }

    @Test
    void excelStyleFilesWithByteOrderMarkAndSemicolonsAreRead() throws Exception {
        Path csv = mapping("\uFEFForiginal;new\r\nPID-0001;SUBJ-A\r\n\r\n\"PID-0002\";\"SUBJ;B\"\r\n");
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET).build();
        assertThat(Inputs.newIds(p, List.of(INPUTS.get(0), INPUTS.get(3)))).containsExactly("SUBJ-A", "SUBJ;B");
        assertThat(p.idMap()).isEqualTo(Map.of("PID-0001", "SUBJ-A", "PID-0002", "SUBJ;B"));
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws Exception {
        Path csv = Files.write(dir.resolve("latin1.csv"),
                "original,new\nM\u00dcLLER,SUBJ-A\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PseudonymPlanner.builder(Inputs.csv(csv, "ERROR"), Inputs.dates("keep"), SECRET))
                .isInstanceOf(PseudonymException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void onlyUnmappedSequentialNeedsDiscovery() throws Exception {
        Path csv = mapping("original,new\nPID-0001,SUBJ-A\n");
        assertThat(PseudonymPlanner.builder(Inputs.csv(csv, "SEQUENTIAL"), Inputs.dates("keep"), SECRET)
                .needsDiscovery()).isTrue();
        assertThat(PseudonymPlanner.builder(Inputs.csv(csv, "HASH"), Inputs.dates("keep"), SECRET)
                .needsDiscovery()).isFalse();
    }
}
