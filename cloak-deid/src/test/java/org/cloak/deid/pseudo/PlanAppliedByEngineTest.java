package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.deid.pseudo.Inputs.SECRET;
import static org.cloak.deid.pseudo.Inputs.header;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.Outcome;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Pseudonym;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.action.Timepoint;
import org.cloak.deid.pseudo.Inputs.Input;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** The planner's decisions as the engine writes them into real outputs. */
class PlanAppliedByEngineTest {
    private static final List<Input> STUDIES = List.of(
            new Input(header("PID-0002", "2.25.1", "20200101"), "b/1.dcm"),
            new Input(header("PID-0002", "2.25.2", "20200701"), "b/2.dcm"),
            new Input(header("PID-0001", "2.25.3", "20190505"), "a/3.dcm"));

    private static Deidentifier engine(Action dateAction) {
        RuleSet rules = new RuleSet(List.of(
                new Rule(new Selector.TagIs(Tag.PatientID), new Pseudonym(Pseudonym.Kind.PATIENT_ID), "test"),
                new Rule(new Selector.TagIs(Tag.PatientName), new Pseudonym(Pseudonym.Kind.PATIENT_NAME), "test"),
                new Rule(new Selector.TagIs(Tag.StudyDate), dateAction, "test")));
        return new Deidentifier(new DeidConfig(rules, new DeidConfig.MethodDescription("Cloak test", List.of()),
                Longitudinal.MODIFIED, true, new UidHasher(SECRET), SECRET, LocalDate.of(2024, 1, 1), false));
    }

    private static DataSet run(Deidentifier engine, PseudonymPlanner planner, Input in) {
        Outcome o = engine.deidentify(in.header(),
                planner.planFor(in.header(), Origin.ofFile(in.root(), in.relative()))).outcome();
        assertThat(o).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) o).dataset();
    }

    private static LocalDate date(DataSet ds) {
        return LocalDate.parse(ds.getString(Tag.StudyDate), DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void sequentialIdsAndShiftedDatesKeepEachPatientsIntervals() throws Exception {
        PseudonymPlanner p = Inputs.discover(Inputs.sequential("all"), Inputs.shift(-365, -1), SECRET, STUDIES, 0);
        Deidentifier engine = engine(new ShiftDate(false));
        DataSet first = run(engine, p, STUDIES.get(0));
        DataSet second = run(engine, p, STUDIES.get(1));
        DataSet other = run(engine, p, STUDIES.get(2));
        assertThat(first.getString(Tag.PatientID)).isEqualTo("P002");
        assertThat(first.getString(Tag.PatientName)).isEqualTo("P002");
        assertThat(other.getString(Tag.PatientID)).isEqualTo("P001");
        assertThat(ChronoUnit.DAYS.between(date(first), date(second))).isEqualTo(182);
        assertThat(date(first)).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(p.dateOffsets().get("PID-0002")));
        assertThat(p.dateOffsets().get("PID-0002")).isBetween(-365, -1);
    }

    @Test
    void timepointsAreWrittenToClinicalTrialTimePointIdAndDatesToTheirAnchor() throws Exception {
        DateConfig dates = Inputs.timepoints(0, 6, 12);
        PseudonymPlanner p = Inputs.discover(Inputs.sequential("all"), dates, SECRET, STUDIES, 0);
        Deidentifier engine = engine(new Timepoint());
        DataSet first = run(engine, p, STUDIES.get(0));
        DataSet second = run(engine, p, STUDIES.get(1));
        assertThat(first.getString(Tag.ClinicalTrialTimePointID)).isEqualTo("M00");
        assertThat(first.getString(Tag.StudyDate)).isEqualTo("20000101");
        assertThat(second.getString(Tag.ClinicalTrialTimePointID)).isEqualTo("M06");
        assertThat(second.getString(Tag.StudyDate)).isEqualTo("20000701");
    }
}
