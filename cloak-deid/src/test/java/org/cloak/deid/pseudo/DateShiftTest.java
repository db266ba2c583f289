package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloak.deid.pseudo.Inputs.OTHER_SECRET;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.pseudo.Inputs.Input;
import org.junit.jupiter.api.Test;

class DateShiftTest {
    private static int offset(DateConfig dates, Secret secret, String patientId, String relative) {
        return PseudonymPlanner.builder(Inputs.ids("NONE"), dates, secret).build()
                .planFor(header(patientId, "2.25.1", "20200101"), Origin.ofFile(Path.of("/in"), Path.of(relative)))
                        .dateOffsetDays();
    }

    @Test
    void theOffsetIsPinnedSoItStaysTheSameAcrossReleases() {
        // values computed independently with Python's hmac module
        assertThat(offset(Inputs.shift(-365, -1), SECRET, "PID-0001", "a/1.dcm")).isEqualTo(-311);
        assertThat(offset(Inputs.shift(-365, -1), SECRET, "PID-0002", "a/1.dcm")).isEqualTo(-332);
    }

    @Test
    void everyFileOfAPatientMovesByTheSameDaysInEveryRun() throws Exception {
        List<Input> inputs = List.of(
                new Input(header("PID-0001", "2.25.1", "20200101"), "a/1.dcm"),
                new Input(header("PID-0001", "2.25.2", "20200715"), "b/2.dcm"),
                new Input(header("PID-0001", "2.25.3", "20231231"), "c/3.dcm"));
        PseudonymPlanner p = Inputs.discover(Inputs.ids("NONE"), Inputs.shift(-365, -1), SECRET, inputs, 0);
        Set<Integer> offsets = new HashSet<>();
        for (Input in : inputs) {
            offsets.add(p.planFor(in.header(), Origin.ofFile(in.root(), in.relative())).dateOffsetDays());
        }
        assertThat(offsets).containsExactly(offset(Inputs.shift(-365, -1), SECRET, "PID-0001", "z/9.dcm"));
        assertThat(p.dateOffsets()).containsOnlyKeys("PID-0001").containsValue(offsets.iterator().next());
    }

    @Test
    void offsetsStayInTheRangeAndCoverItForManyPatients() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int d = offset(Inputs.shift(-10, 10), SECRET, String.format("PID-%04d", i), "a/1.dcm");
            assertThat(d).isBetween(-10, 10);
            seen.add(d);
        }
        assertThat(seen).hasSize(21);
    }

    @Test
    void aRangeOfOneDayGivesThatDay() {
        assertThat(offset(Inputs.shift(7, 7), SECRET, "PID-0001", "a/1.dcm")).isEqualTo(7);
    }

    @Test
    void anotherSecretGivesOtherOffsets() {
        int same = 0;
        for (int i = 0; i < 50; i++) {
            String id = String.format("PID-%04d", i);
            if (offset(Inputs.shift(-365, -1), SECRET, id, "a/1.dcm") == offset(Inputs.shift(-365, -1), OTHER_SECRET,
                    id, "a/1.dcm")) {
                same++;
            }
        }
        assertThat(same).isLessThan(5);
    }

    @Test
    void birthDateShiftAloneAlsoGetsTheOffsetAndOtherModesReportNone() {
        DateConfig birthOnly = Configs.dates("keep", -365, -1, false, List.of(0), null, "shift");
        assertThat(offset(birthOnly, SECRET, "PID-0001", "a/1.dcm")).isEqualTo(-311);
        for (String mode : List.of("profile", "keep", "remove", "year-only", "fixed", "processing-date")) {
            PatientPlan plan = PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.dates(mode), SECRET).build()
                    .planFor(header("PID-0001", "2.25.1", "20200101"),
                            Origin.ofFile(Path.of("/in"), Path.of("a/1.dcm")));
            assertThat(plan.dateOffsetDays()).as(mode).isZero();
            assertThat(plan.timepoint()).as(mode).isNull();
        }
    }

    @Test
    void anEmptyRangeIsRejected() {
        assertThatThrownBy(() -> PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.shift(5, 4), SECRET))
                .isInstanceOf(PseudonymException.class).hasMessageContaining("range");
    }
}
