package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.pseudo.Inputs.Input;
import org.junit.jupiter.api.Test;

class SequentialIdsTest {
    private static final List<Input> FOLDERS = List.of(
            new Input(header("PID-0001", "2.25.1", "20200101"), "S10/a.dcm"),
            new Input(header("PID-0001", "2.25.1", "20200101"), "S10/series/b.dcm"),
            new Input(header("PID-0002", "2.25.2", "20200101"), "S2/a.dcm"),
            new Input(header("PID-0003", "2.25.3", "20200101"), "S1/deep/er/c.dcm"),
            new Input(header("PID-0003", "2.25.4", "20200101"), "S1/d.dcm"));

    private static final List<Input> STUDIES = List.of(
            new Input(header("PID-0001", "2.25.10", "20200101"), "x/1.dcm"),
            new Input(header("PID-0001", "2.25.9", "20200101"), "x/2.dcm"),
            new Input(header("PID-0002", "2.25.5", "20210505"), "x/3.dcm"),
            new Input(header("PID-0002", "2.25.5", "20190303"), "x/4.dcm"),
            new Input(header("PID-0003", "2.25.1", null), "x/5.dcm"),
            new Input(header("PID-0004", "2.25.7", "20221212"), "x/6.dcm"));

    private static final List<Input> PATIENTS = List.of(
            new Input(header("PID-0010", "2.25.1", "20200101"), "a/1.dcm"),
            new Input(header("PID-0002", "2.25.2", "20200101"), "a/2.dcm"),
            new Input(header("PID-0001", "2.25.3", "20200101"), "b/3.dcm"),
            new Input(header("PID-0002", "2.25.4", "20200101"), "c/4.dcm"));

    @Test
    void perTopFolderNumbersFoldersInNaturalOrderWhateverTheObservationOrder() throws Exception {
        for (long seed = 0; seed < 8; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.sequential("per-top-folder"), Inputs.dates("keep"), SECRET,
                    FOLDERS, seed);
            assertThat(Inputs.newIds(p, FOLDERS)).containsExactly("P003", "P003", "P002", "P001", "P001");
        }
    }

    @Test
    void perStudyNumbersStudiesByEarliestDateThenUid() throws Exception {
        // 2.25.5 is earliest through its second file (2019); 2.25.9 and 2.25.10 tie on date and go by UID
        // in natural order; the undated study comes last
        for (long seed = 0; seed < 8; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.sequential("per-study"), Inputs.dates("keep"), SECRET,
                    STUDIES, seed);
            assertThat(Inputs.newIds(p, STUDIES)).containsExactly("P003", "P002", "P001", "P001", "P005", "P004");
        }
    }

    @Test
    void allNumbersDistinctPatientIdsInNaturalOrder() throws Exception {
        for (long seed = 0; seed < 8; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.sequential("all"), Inputs.dates("keep"), SECRET, PATIENTS,
                    seed);
            assertThat(Inputs.newIds(p, PATIENTS)).containsExactly("P003", "P002", "P001", "P002");
        }
    }

    @Test
    void startAndWidthShapeTheNumber() throws Exception {
        PseudonymPlanner p = Inputs.discover(Inputs.with(Inputs.ids("SEQUENTIAL"), "SEQUENTIAL", "SUBJ-", 98, 2, "all"),
                Inputs.dates("keep"), SECRET, PATIENTS, 1);
        assertThat(Inputs.newIds(p, PATIENTS)).containsExactly("SUBJ-100", "SUBJ-99", "SUBJ-98", "SUBJ-99");
    }

    @Test
    void aFileLyingDirectlyInAnInputCountsItsInputFolderAsTopFolder() throws Exception {
        List<Input> inputs = List.of(
                new Input(header("PID-0001", "2.25.1", "20200101"), Path.of("/data/B"), Path.of("1.dcm")),
                new Input(header("PID-0002", "2.25.2", "20200101"), Path.of("/data/A"), Path.of("2.dcm")),
                new Input(header("PID-0002", "2.25.3", "20200101"), Path.of("/data/A"), Path.of("3.dcm")));
        PseudonymPlanner p = Inputs.discover(Inputs.sequential("per-top-folder"), Inputs.dates("keep"), SECRET, inputs,
                3);
        assertThat(Inputs.newIds(p, inputs)).containsExactly("P002", "P001", "P001");
    }

    @Test
    void aPatientNotSeenInDiscoveryTakesTheNextNumberWithoutDisturbingOthers() throws Exception {
        PseudonymPlanner p = Inputs.discover(Inputs.sequential("all"), Inputs.dates("keep"), SECRET, PATIENTS, 0);
        Input late = new Input(header("PID-0099", "2.25.99", "20200101"), "z/9.dcm");
        assertThat(Inputs.newIds(p, List.of(late, PATIENTS.get(2), late))).containsExactly("P004", "P001", "P004");
    }

    @Test
    void idMapListsEveryObservedPatientAndEveryFolderIdOfAPatient() throws Exception {
        PseudonymPlanner all = Inputs.discover(Inputs.sequential("all"), Inputs.dates("keep"), SECRET, PATIENTS, 0);
        assertThat(all.idMap()).containsExactly(
                java.util.Map.entry("PID-0001", "P001"),
                java.util.Map.entry("PID-0002", "P002"),
                java.util.Map.entry("PID-0010", "P003"));
        List<Input> split = List.of(
                new Input(header("PID-0001", "2.25.1", "20200101"), "S1/a.dcm"),
                new Input(header("PID-0001", "2.25.2", "20200101"), "S2/a.dcm"));
        PseudonymPlanner perFolder = Inputs.discover(Inputs.sequential("per-top-folder"), Inputs.dates("keep"), SECRET,
                split, 0);
        assertThat(perFolder.idMap()).containsExactly(java.util.Map.entry("PID-0001", "P001\\P002"));
    }

    @Test
    void sequentialNeedsDiscoveryAndKeepingIdsDoesNot() {
        assertThat(PseudonymPlanner.builder(Inputs.sequential("all"), Inputs.dates("keep"), SECRET).needsDiscovery())
                .isTrue();
        assertThat(PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.dates("keep"), SECRET).needsDiscovery())
                .isFalse();
        assertThat(PseudonymPlanner.builder(Inputs.ids("DETERMINISTIC"), Inputs.dates("shift"), SECRET)
                .needsDiscovery())
                .isFalse();
    }

    @Test
    void buildingTwiceGivesTheSamePlannerAndLateObservationsAreRefused() {
        PseudonymPlanner.Builder b = PseudonymPlanner.builder(Inputs.sequential("all"), Inputs.dates("keep"), SECRET);
        Input in = PATIENTS.get(0);
        b.observe(in.header(), Origin.ofFile(in.root(), in.relative()));
        PseudonymPlanner p = b.build();
        assertThat(b.build()).isSameAs(p);
        assertThatThrownBy(() -> b.observe(in.header(), Origin.ofFile(in.root(), in.relative())))
                .isInstanceOf(IllegalStateException.class);
    }
}
