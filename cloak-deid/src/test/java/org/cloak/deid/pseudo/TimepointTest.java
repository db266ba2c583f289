package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cloak.deid.pseudo.Inputs.Input;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class TimepointTest {
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 15);
    private final TimepointSchedule schedule = new TimepointSchedule(List.of(0, 6, 12));

    private int point(String date) {
        return schedule.pointFor(FIRST, LocalDate.parse(date));
    }

    @Test
    void studiesGoToTheNearestPointOfTheSchedule() {
        assertThat(point("2020-01-15")).isZero();
        assertThat(point("2020-06-15")).as("+5 months").isEqualTo(6);
        assertThat(point("2020-11-15")).as("+10 months").isEqualTo(12);
        assertThat(point("2020-04-16")).as("a day past +3 months").isEqualTo(6);
    }

    @Test
    void aTieGoesToTheEarlierPoint() {
        assertThat(point("2020-04-15")).as("+3 months").isZero();
        assertThat(point("2020-10-15")).as("+9 months").isEqualTo(6);
    }

    @Test
    void studiesBeyondTheLastPointStillGoToTheNearestPoint() {
        assertThat(point("2023-01-15")).as("+36 months").isEqualTo(12);
    }

    @Test
    void monthsAreCalendarMonthsAlsoAtTheEndOfAMonth() {
        TimepointSchedule monthly = new TimepointSchedule(List.of(0, 1, 2));
        assertThat(monthly.pointFor(LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 29))).isEqualTo(1);
        assertThat(monthly.pointFor(LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 14))).isZero();
    }

    @Test
    void labelsHaveTwoDigitsAtLeastAndAnchorsKeepTheIntervals() {
        assertThat(TimepointSchedule.label(0)).isEqualTo("M00");
        assertThat(TimepointSchedule.label(6)).isEqualTo("M06");
        assertThat(TimepointSchedule.label(120)).isEqualTo("M120");
        assertThat(TimepointSchedule.anchor(0)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(TimepointSchedule.anchor(18)).isEqualTo(LocalDate.of(2001, 7, 1));
    }

    @Test
    void theFirstStudyOfEachPatientIsM00AndAllDatesOfAStudyGoToItsAnchor() throws Exception {
        DataSet laterSeries = header("PID-0001", "2.25.2", null);
        laterSeries.setString(Tag.SeriesDate, Vr.DA, "20200701");
        List<Input> inputs = List.of(
                new Input(header("PID-0001", "2.25.1", "20200115"), "a/1.dcm"),
                new Input(header("PID-0001", "2.25.2", "20200620"), "a/2.dcm"),
                new Input(laterSeries, "a/3.dcm"),
                new Input(header("PID-0001", "2.25.3", "20201201"), "a/4.dcm"),
                new Input(header("PID-0002", "2.25.4", "20210301"), "b/5.dcm"),
                new Input(header("PID-0002", "2.25.5", "20220301"), "b/6.dcm"),
                new Input(header("PID-0003", "2.25.6", null), "c/7.dcm"));
        for (long seed = 0; seed < 6; seed++) {
            PseudonymPlanner p = Inputs.discover(Inputs.ids("NONE"), Inputs.timepoints(0, 6, 12), SECRET, inputs, seed);
            List<PatientPlan> plans = inputs.stream()
                    .map(in -> p.planFor(in.header(), Origin.ofFile(in.root(), in.relative()))).toList();
            assertThat(plans).extracting(PatientPlan::timepoint)
                    .containsExactly("M00", "M06", "M06", "M12", "M00", "M12", "UNKNOWN");
            assertThat(plans).extracting(pl -> pl.timepointDates().apply(LocalDate.of(1999, 3, 3)))
                    .containsExactly(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 7, 1), LocalDate.of(2000, 7, 1),
                            LocalDate.of(2001, 1, 1), LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1),
                            LocalDate.of(2000, 1, 1));
            assertThat(plans).extracting(PatientPlan::dateOffsetDays).containsOnly(0);
            assertThat(p.timepointBaselines()).isEqualTo(Map.of(
                    "PID-0001", LocalDate.of(2020, 1, 15), "PID-0002", LocalDate.of(2021, 3, 1)));
        }
    }

    @Test
    void aPatientNotSeenInDiscoveryStartsAtItsFirstPlannedStudy() {
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.timepoints(0, 6, 12), SECRET).build();
        assertThat(p.planFor(header("PID-0009", "2.25.8", "20200301"), Origin.ofFile(Path.of("/net"), Path.of("1.dcm")))
                .timepoint())
                .isEqualTo("M00");
        assertThat(p.planFor(header("PID-0009", "2.25.9", "20200901"), Origin.ofFile(Path.of("/net"), Path.of("2.dcm")))
                .timepoint())
                .isEqualTo("M06");
        assertThat(p.timepointBaselines()).isEqualTo(Map.of("PID-0009", LocalDate.of(2020, 3, 1)));
    }

    @Test
    void timepointsNeedDiscovery() {
        assertThat(PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.timepoints(0, 6), SECRET).needsDiscovery())
                .isTrue();
    }
}
