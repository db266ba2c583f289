package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.pseudo.Inputs.Input;
import org.junit.jupiter.api.Test;

class FolderIdsTest {
    private static final List<Input> INPUTS = List.of(
            new Input(header("PID-0001", "2.25.1", "20200101"), "site-A/sub-07/ses-1/a.dcm"),
            new Input(header("PID-0002", "2.25.2", "20200101"), "site-B/sub-12_retest/b.dcm"),
            new Input(header("PID-0003", "2.25.3", "20200101"), "site-A/phantom/c.dcm"),
            new Input(header("PID-0004", "2.25.4", "20200101"), "site-B/calib/d.dcm"),
            new Input(header("PID-0005", "2.25.5", "20200101"), "site-A/e.dcm"),
            new Input(header("PID-0006", "2.25.6", "20200101"), "site-C/phantom/f.dcm"));

    @Test
    void groupOneOfTheRegexInTheFolderAtTheDepthIsTheId() throws Exception {
        PseudonymPlanner p = Inputs.discover(Inputs.folder("sub-(\\d+)", 1, "UNKNOWN-{n}"), Inputs.dates("keep"),
                SECRET, INPUTS, 0);
        assertThat(Inputs.newIds(p, INPUTS.subList(0, 2))).containsExactly("07", "12");
    }

    @Test
    void nonMatchingFoldersAreNumberedBySortedNameThenShallowPathsByPatientId() throws Exception {
        for (long seed = 0; seed < 6; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.folder("sub-(\\d+)", 1, "UNKNOWN-{n}"), Inputs.dates("keep"),
                    SECRET, INPUTS, seed);
            // calib -> 1, phantom -> 2 (both phantom folders), the too shallow site-A/e.dcm -> 3
            assertThat(Inputs.newIds(p, INPUTS.subList(2, 6)))
                    .containsExactly("UNKNOWN-2", "UNKNOWN-1", "UNKNOWN-3", "UNKNOWN-2");
        }
    }

    @Test
    void withoutAGroupTheWholeMatchIsTheId() {
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.folder("SUBJ\\d+", 0, "NOID"), Inputs.dates("keep"),
                SECRET)
                .build();
        assertThat(p.planFor(header("PID-0001", "2.25.1", null),
                Origin.ofFile(Path.of("/in"), Path.of("xSUBJ12_scan/s/1.dcm")))
                .newPatientId()).isEqualTo("SUBJ12");
        // a file lying directly in the input: the input folder itself is at depth 0
        assertThat(p.planFor(header("PID-0001", "2.25.1", null),
                Origin.ofFile(Path.of("/data/SUBJ99"), Path.of("1.dcm")))
                .newPatientId()).isEqualTo("SUBJ99");
    }

    @Test
    void aFallbackWithoutNumberIsUsedAsIsAndNeedsNoDiscovery() {
        PseudonymPlanner.Builder b = PseudonymPlanner.builder(Inputs.folder("sub-(\\d+)", 0, "NOID"),
                Inputs.dates("keep"), SECRET);
        assertThat(b.needsDiscovery()).isFalse();
        assertThat(b.build().planFor(header("PID-0001", "2.25.1", null),
                Origin.ofFile(Path.of("/in"), Path.of("other/1.dcm")))
                .newPatientId()).isEqualTo("NOID");
        assertThat(PseudonymPlanner.builder(Inputs.folder("x", 0, "UNKNOWN-{n}"), Inputs.dates("keep"), SECRET)
                .needsDiscovery()).isTrue();
    }

    @Test
    void aBadRegexIsRejectedWhenThePlannerIsBuilt() {
        assertThatThrownBy(() -> PseudonymPlanner.builder(Inputs.folder("sub-(", 0, "X"), Inputs.dates("keep"), SECRET))
                .isInstanceOf(PseudonymException.class).hasMessageContaining("folder regex");
    }
}
