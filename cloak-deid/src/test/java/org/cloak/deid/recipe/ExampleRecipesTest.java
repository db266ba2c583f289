package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.pseudo.Configs;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/** The recipes shipped in recipes/ read, compile and give exactly the documented output. */
class ExampleRecipesTest {
    private static final Path RECIPES = Path.of(System.getProperty("basedir", ".")).resolve("../recipes");
    private static final Set<Integer> MARKERS = Set.of(Tag.PatientIdentityRemoved, Tag.DeidentificationMethod,
            Tag.DeidentificationMethodCodeSequence, Tag.LongitudinalTemporalInformationModified);
    private static final int CSA_CREATOR = Tags.of(0x0029, 0x0010);
    private static final int MEDCOM_CREATOR = Tags.of(0x0029, 0x0011);
    private static final int CSA_IMAGE_HEADER_TYPE = Tags.of(0x0029, 0x1008);
    private static final int CSA_IMAGE_HEADER_VERSION = Tags.of(0x0029, 0x1009);
    private static final int CSA_IMAGE_HEADER_INFO = Tags.of(0x0029, 0x1010);
    private static final int CSA_SERIES_HEADER_VERSION = Tags.of(0x0029, 0x1019);
    private static final int MEDCOM_1109 = Tags.of(0x0029, 0x1109);
    private static final int MEDCOM_1119 = Tags.of(0x0029, 0x1119);
    private static final int ELSCINT_CREATOR = Tags.of(0x00E1, 0x0010);
    private static final int ELSCINT_DLP = Tags.of(0x00E1, 0x1021);

    private static Recipe recipe(String name) throws RecipeException {
        return RecipeReader.read(RECIPES.resolve(name));
    }

    /**
     * A CT of the test kit with every attribute the lab's list names, Siemens private blocks and a safe private one.
     */
    private static DataSet study() {
        DataSet ds = Fixtures.ct().studyDate("20000110").build();
        ds.setString(Tag.InstanceCreationDate, Vr.DA, "20000111");
        ds.setString(Tag.SeriesDate, Vr.DA, "20000110");
        ds.setString(Tag.AcquisitionDate, Vr.DA, "20000110");
        ds.setString(Tag.AcquisitionTime, Vr.TM, "120500");
        ds.setString(Tag.PerformingPhysicianName, Vr.PN, "WHO^DR^OTHER");
        ds.setString(Tag.PatientSize, Vr.DS, "1.75");
        ds.setString(Tag.PatientWeight, Vr.DS, "70");
        ds.setString(Tag.PatientComments, Vr.LT, "FAKE COMMENT ABOUT DOE^JANE");
        ds.setString(Tag.PerformedProcedureStepStartDate, Vr.DA, "20000110");
        ds.setString(Tag.PerformedProcedureStepID, Vr.SH, "PPS-0001");
        ds.setString(CSA_CREATOR, Vr.LO, "SIEMENS CSA HEADER");
        ds.setString(CSA_IMAGE_HEADER_TYPE, Vr.CS, "IMAGE NUM 4");
        ds.setString(CSA_IMAGE_HEADER_VERSION, Vr.LO, "20000110");
        ds.put(CSA_IMAGE_HEADER_INFO, Vr.OB, new Bytes(new byte[] {'S', 'V', '1', '0', 4, 3, 2, 1}));
        ds.setString(CSA_SERIES_HEADER_VERSION, Vr.LO, "20000110");
        ds.setString(MEDCOM_CREATOR, Vr.LO, "SIEMENS MEDCOM HEADER2");
        ds.setString(MEDCOM_1109, Vr.LO, "DOE^JANE");
        ds.put(MEDCOM_1119, Vr.UN, new Bytes("DOE^JANE".getBytes(StandardCharsets.US_ASCII)));
        ds.setString(ELSCINT_CREATOR, Vr.LO, "ELSCINT1");
        ds.setString(ELSCINT_DLP, Vr.DS, "123.4");
        return ds;
    }

    @Test
    void labManualChangesExactlyTheLabsListAndNothingElse() throws RecipeException {
        DataSet in = study();
        DeidConfig config = Engine.compile(recipe("lab-manual.yaml"));
        DataSet out = Engine.run(recipe("lab-manual.yaml"), in, PatientPlan.unchanged("PID-0001", "DOE^JANE"));

        for (int tag : List.of(Tag.ReferringPhysicianName, Tag.PerformingPhysicianName, Tag.PatientName, Tag.PatientID,
                Tag.PatientComments, Tag.PerformedProcedureStepID, CSA_IMAGE_HEADER_VERSION, CSA_SERIES_HEADER_VERSION,
                MEDCOM_1109)) {
            assertThat(out.getText(tag)).as(Tags.toString(tag)).isEqualTo("Anonymous");
            assertThat(out.get(tag).vr()).isEqualTo(in.get(tag).vr());
        }
        for (int tag : List.of(Tag.InstanceCreationDate, Tag.StudyDate, Tag.SeriesDate, Tag.ContentDate,
                Tag.PatientBirthDate, Tag.PatientSize, Tag.PatientWeight, Tag.PerformedProcedureStepStartDate,
                        MEDCOM_1119)) {
            assertThat(out.get(tag).value()).as(Tags.toString(tag)).isEqualTo(Bytes.EMPTY);
        }
        assertThat(out.getString(Tag.AcquisitionDate)).isEqualTo("20260102");

        Set<Integer> touched = Set.of(Tag.InstanceCreationDate, Tag.StudyDate, Tag.SeriesDate, Tag.ContentDate,
                Tag.ReferringPhysicianName, Tag.PerformingPhysicianName, Tag.PatientName, Tag.PatientID,
                Tag.PatientBirthDate, Tag.PatientSize, Tag.PatientWeight, Tag.PatientComments, CSA_IMAGE_HEADER_VERSION,
                CSA_SERIES_HEADER_VERSION, MEDCOM_1109, MEDCOM_1119, Tag.PerformedProcedureStepStartDate,
                Tag.PerformedProcedureStepID, Tag.AcquisitionDate);
        assertUnchangedExcept(in, out, touched);
        Set<Integer> outTags = tags(out);
        outTags.removeAll(tags(in));
        // no CID 7050 code applies to the lab's own list, so the Type 1C code sequence is left out
        assertThat(outTags).isEqualTo(Set.of(Tag.PatientIdentityRemoved, Tag.DeidentificationMethod,
                Tag.LongitudinalTemporalInformationModified));
        assertThat(out.getString(Tag.LongitudinalTemporalInformationModified)).isEqualTo("MODIFIED");
        assertThat(config.method().codes()).isEmpty();
        assertThat(config.method().text()).endsWith(" original; 19 recipe overrides");
        assertThat(in.getText(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void trialTimepointsNumbersPatientsAndMovesDatesToTheirTimePoint() throws RecipeException {
        Recipe r = recipe("trial-timepoints.yaml");
        assertThat(r.patientId()).isEqualTo(Configs.ids("SEQUENTIAL", "P", 1, 3, "per-top-folder", null, 0,
                "UNKNOWN-{n}", "", null, null, null, "ERROR", "id"));
        assertThat(r.dates().schedule()).containsExactly(0, 6, 12, 24);
        DataSet in = study();
        PatientPlan plan = new PatientPlan("P002", "P002", 0, "M06",
                d -> d.equals(LocalDate.of(2000, 1, 10)) || d.equals(LocalDate.of(2000, 1, 11))
                        ? LocalDate.of(2000, 7, 5) : LocalDate.of(1900, 1, 1));
        DataSet out = Engine.run(r, in, plan);

        assertThat(out.getString(Tag.PatientID)).isEqualTo("P002");
        assertThat(out.getString(Tag.PatientName)).isEqualTo("P002");
        assertThat(out.getString(Tag.ClinicalTrialTimePointID)).isEqualTo("M06");
        for (int tag : List.of(Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate,
                Tag.InstanceCreationDate, Tag.PerformedProcedureStepStartDate)) {
            assertThat(out.getString(tag)).as(Tags.toString(tag)).isEqualTo("20000705");
        }
        assertThat(out.getString(Tag.StudyTime)).isEqualTo("000000");
        assertThat(out.getString(Tag.AcquisitionTime)).isEqualTo("000000");
        assertThat(out.getText(Tag.PatientBirthDate)).isEmpty();
        assertThat(out.getString(Tag.InstitutionName)).isEqualTo("ANONYMIZED");
        assertThat(out.contains(Tag.PatientComments)).isFalse();
        assertThat(out.getString(Tag.StudyInstanceUID))
                .isEqualTo(new UidHasher(Engine.SECRET).map(in.getString(Tag.StudyInstanceUID)));
        assertThat(out.contains(CSA_CREATOR)).isFalse();
        assertThat(out.contains(ELSCINT_DLP)).isFalse();
        assertThat(out.getString(Tag.LongitudinalTemporalInformationModified)).isEqualTo("MODIFIED");
        assertThat(codes(out)).containsExactly("113100");
    }

    @Test
    void longitudinalShiftHashesIdsShiftsDatesAndKeepsSafePrivate() throws RecipeException {
        Recipe r = recipe("longitudinal-shift.yaml");
        assertThat(r.patientId().strategy()).isEqualTo(PatientIdConfig.Strategy.DETERMINISTIC);
        assertThat(List.of(r.patientId().prefix(), r.patientId().salt())).containsExactly("S-", "longitudinal-example");
        assertThat(r.patientId().width()).isEqualTo(10);
        assertThat(List.of(r.dates().mode(), r.dates().shiftMinDays(), r.dates().shiftMaxDays()))
                .containsExactly(DateConfig.Mode.SHIFT, -730, -30);
        DataSet in = study();
        DataSet out = Engine.run(r, in, new PatientPlan("S-7QK2M9XW4D", "S-7QK2M9XW4D", -100, null, d -> d));

        assertThat(out.getString(Tag.PatientID)).isEqualTo("S-7QK2M9XW4D");
        assertThat(out.getString(Tag.PatientName)).isEqualTo("S-7QK2M9XW4D");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("19991002");
        assertThat(out.getString(Tag.InstanceCreationDate)).isEqualTo("19991003");
        assertThat(out.getString(Tag.AcquisitionDate)).isEqualTo("19991002");
        assertThat(out.getString(Tag.StudyTime)).isEqualTo("120000");
        assertThat(out.getString(Tag.AcquisitionTime)).isEqualTo("120500");
        assertThat(out.getText(Tag.PatientBirthDate)).isEmpty();
        assertThat(out.contains(Tag.ClinicalTrialTimePointID)).isFalse();
        assertThat(out.getString(ELSCINT_CREATOR)).isEqualTo("ELSCINT1");
        assertThat(out.getString(ELSCINT_DLP)).isEqualTo("123.4");
        assertThat(out.contains(CSA_CREATOR)).isFalse();
        assertThat(out.contains(CSA_IMAGE_HEADER_VERSION)).isFalse();
        assertThat(out.contains(Fixtures.PRIVATE_PATIENT_NAME)).isFalse();
        assertThat(out.getString(Tag.LongitudinalTemporalInformationModified)).isEqualTo("MODIFIED");
        assertThat(codes(out)).containsExactly("113100", "113111", "113107");
    }

    @Test
    void everyShippedRecipeIsExercisedHere() {
        assertThat(RECIPES.resolve("lab-manual.yaml")).isRegularFile();
        assertThat(RECIPES.toFile().list()).containsExactlyInAnyOrder("lab-manual.yaml", "trial-timepoints.yaml",
                "longitudinal-shift.yaml");
    }

    private static List<String> codes(DataSet out) {
        Sequence s = out.getSequence(Tag.DeidentificationMethodCodeSequence);
        return s.items().stream().map(item -> item.getString(Tag.CodeValue)).toList();
    }

    private static Set<Integer> tags(DataSet ds) {
        Set<Integer> tags = new HashSet<>();
        for (Element e : ds) {
            tags.add(e.tag());
        }
        return tags;
    }

    /**
     * Every element outside {@code except} is in the output with the same VR and the same value bytes, at every depth.
     */
    private static void assertUnchangedExcept(DataSet in, DataSet out, Set<Integer> except) {
        for (Element e : in) {
            if (except.contains(e.tag())) {
                continue;
            }
            Element o = out.get(e.tag());
            assertThat(o).as(Tags.toString(e.tag())).isNotNull();
            if (e.value() instanceof Sequence seq) {
                Sequence outSeq = (Sequence) o.value();
                assertThat(outSeq.size()).isEqualTo(seq.size());
                for (int i = 0; i < seq.size(); i++) {
                    assertUnchangedExcept(seq.get(i), outSeq.get(i), except);
                    assertThat(tags(outSeq.get(i))).isEqualTo(tags(seq.get(i)));
                }
            } else {
                assertThat(o).as(Tags.toString(e.tag())).isEqualTo(e);
            }
        }
    }
}
