package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.cloak.deid.script.load.Scripts;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/**
 * deid's default recipe (pydicom/deid deid/data/deid.dicom, read from the shared collection) run
 * through the public API on a PHI-rich header. The expected results are read off the recipe: its
 * %header removes every field whose name ends with Time, Date, ID or IDs or contains UID or
 * Trial, and the listed names, then ADDs the var: values; its %filter groups flag a GE CT dose
 * report (graylist LABEL "Dose Report": Modality CT, Manufacturer GE, SeriesDescription Dose
 * Report) and nothing on this ACME CT.
 */
class DefaultRecipeTest {
    private static final ScriptInputs INPUTS = new ScriptInputs(Map.of("entity_timestamp", "20000101",
            "item_timestamp", "20200101", "entity_id", "SUBJ-01", "item_id", "ACC-01"), Map.of(), Map.of(), true,
            false, false);

    private static Deidentification engine() throws Exception {
        Path dir = SharedScripts.folder("deid");
        assumeTrue(dir != null, "../shared/data/scripts/deid is absent: deid's default recipe is not run");
        Path file = dir.resolve("pydicom+deid/deid/data/deid.dicom");
        CompiledScript s = Scripts.compile("deid.dicom", SharedScripts.text(file), null, INPUTS);
        return Recipes.prepare(Recipe.ofScripts(List.of(s), null), Run.SECRET, LocalDate.of(2026, 1, 2), false)
                .build();
    }

    private static DataSet phiRich() {
        DataSet ds = Fixture.ct();
        ds.setString(Tag.SeriesDate, Vr.DA, "20200228");
        ds.setString(Tag.ContentTime, Vr.TM, "101500");
        ds.setString(Tag.OtherPatientNames, Vr.PN, "ROE^JANE");
        ds.setString(Tag.PatientAddress, Vr.LO, "1 FAKE STREET");
        ds.setString(Tag.PatientTelephoneNumbers, Vr.SH, "555-0100");
        ds.setString(Tag.ClinicalTrialSubjectID, Vr.LO, "TRIAL-9");
        ds.setString(Tag.PatientComments, Vr.LT, "lives with DOE^JOHN");
        ds.setString(Tag.DeviceSerialNumber, Vr.LO, "SN-77");
        return ds;
    }

    private static Deidentified run(Deidentification d, DataSet ds) {
        return d.deidentify(new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, "phi-rich", false),
                Origin.unknown());
    }

    @Test
    void theDefaultRecipeOnAPhiRichHeader() throws Exception {
        Deidentified out = run(engine(), phiRich());
        assertThat(out.outcome()).as(out.outcome().toString()).isInstanceOf(Outcome.Cleaned.class);
        DataSet ds = ((Outcome.Cleaned) out.outcome()).dataset();
        for (int gone : new int[] {Tag.PatientName, Tag.OtherPatientNames, Tag.PatientAddress, Tag.StudyTime,
            Tag.ContentTime, Tag.SeriesDate, Tag.AcquisitionDateTime, Tag.StudyInstanceUID, Tag.SeriesInstanceUID,
            Tag.SOPInstanceUID, Tag.ReferringPhysicianName, Tag.OperatorsName, Tag.OtherPatientIDsSequence,
            Tag.ClinicalTrialSubjectID, Tag.PatientComments, 0x00291008, 0x00291009}) {
            assertThat(ds.contains(gone)).as(org.cloak.dicom.dict.Tags.toString(gone)).isFalse();
        }
        // startswith:PatientTelephoneNumber
        assertThat(ds.contains(Tag.PatientTelephoneNumbers)).isFalse();
        // inside a kept sequence: ReferencedSOPInstanceUID contains UID, PatientID ends with ID
        DataSet ref = Fixture.item(ds, Tag.ReferencedImageSequence);
        assertThat(ref.contains(Tag.ReferencedSOPInstanceUID)).isFalse();
        assertThat(ref.contains(Tag.PatientID)).isFalse();
        // the ADDs at the end
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("SUBJ-01");
        assertThat(ds.getString(Tag.AccessionNumber)).isEqualTo("ACC-01");
        assertThat(ds.getString(Tag.StudyDate)).isEqualTo("20200101");
        assertThat(ds.getString(Tag.PatientBirthDate)).isEqualTo("20000101");
        assertThat(ds.getString(Tag.IssuerOfPatientID)).isEqualTo("STARR");
        assertThat(ds.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        // what the recipe does not name stays
        assertThat(ds.getString(Tag.InstitutionName)).isEqualTo("FAKE HOSPITAL");
        assertThat(ds.getString(Tag.DeviceSerialNumber)).isEqualTo("SN-77");
        assertThat(ds.getString(Tag.Modality)).isEqualTo("CT");
    }

    @Test
    void aGeCtIsHeldByTheGraylist() throws Exception {
        DataSet ge = phiRich();
        ge.setString(Tag.Manufacturer, Vr.LO, "GE MEDICAL SYSTEMS");
        ge.setString(Tag.SeriesDescription, Vr.LO, "Dose Report");
        Deidentified out = run(engine(), ge);
        assertThat(out.outcome()).isInstanceOf(Outcome.Quarantined.class);
        Outcome.Quarantined q = (Outcome.Quarantined) out.outcome();
        assertThat(q.kind()).isEqualTo(Outcome.Reason.PIXELS);
        assertThat(q.reason()).contains("%filter graylist LABEL \"Dose Report\"").doesNotContain("DOE");
    }
}
