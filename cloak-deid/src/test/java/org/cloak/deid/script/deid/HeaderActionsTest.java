package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * The %header actions and deid's precedence between them. Expected behaviour from deid's
 * documentation (docs/_docs/user-docs/recipe-headers.md, "Actions" and "Jitter") and from its
 * parser (deid/dicom/parser.py: actions run in recipe order; KEEP fields are left out of the
 * fields every other action searches; add_field writes whatever the field holds; REMOVE spares a
 * field a REPLACE or JITTER names; deid/dicom/config.json: the protected fields).
 */
class HeaderActionsTest {

    @Test
    void eachActionDoesWhatTheDocumentationSays() throws ScriptException {
        DataSet out = Run.run(Run.compile("%header",
                "ADD PatientIdentityRemoved YES",
                "ADD ClinicalTrialSponsorName FAKE SPONSOR",
                "BLANK OperatorsName",
                "REPLACE PatientName ANON",
                "REMOVE InstitutionName",
                "KEEP Modality",
                "JITTER StudyDate 2",
                "JITTER AcquisitionDateTime -3"), Fixture.ct());
        assertThat(out.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(out.getString(Tag.ClinicalTrialSponsorName)).isEqualTo("FAKE SPONSOR");
        assertThat(out.contains(Tag.OperatorsName)).isTrue();
        assertThat(out.getString(Tag.OperatorsName)).isNullOrEmpty();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("ANON");
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
        // jitter.py: DA +2 days as %Y%m%d (2020 is a leap year); DT keeps its time, %Y%m%d%H%M%S.%f%z
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20200301");
        assertThat(out.getString(Tag.AcquisitionDateTime)).isEqualTo("20191229123000.123456+0100");
    }

    @Test
    void keepProtectsFromRemoveBlankReplaceAndJitterAtEveryDepth() throws ScriptException {
        DataSet out = Run.run(Run.compile("%header",
                "REMOVE PatientID", "BLANK PatientID", "REPLACE PatientID X", "KEEP PatientID",
                "KEEP StudyDate", "JITTER StudyDate 5"), Fixture.ct());
        assertThat(out.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20200228");
    }

    @Test
    void addWritesEvenAKeptField() throws ScriptException {
        // parser.add_field: a kept field is not among the parsed fields, so ADD makes a new element
        // and dicom.add() replaces the kept one
        DataSet out = Run.run(Run.compile("%header", "KEEP PatientID", "ADD PatientID NEW-ID", "REMOVE PatientID"),
                Fixture.ct());
        assertThat(out.getString(Tag.PatientID)).isEqualTo("NEW-ID");
    }

    @Test
    void removeAllSparesKeptProtectedAndReplacedFields() throws ScriptException {
        DataSet in = Fixture.ct();
        in.setInts(Tag.PixelData, org.cloak.dicom.dict.Vr.OW, 1, 2, 3, 4);
        DataSet out = Run.run(Run.compile("%header", "REMOVE ALL", "KEEP Modality", "KEEP SOPClassUID",
                "KEEP SOPInstanceUID", "REPLACE PatientName ANON"), in);
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(out.getString(Tag.PatientName)).isEqualTo("ANON");
        assertThat(out.contains(Tag.PixelData)).isTrue();
        assertThat(out.contains(Tag.PatientID)).isFalse();
        assertThat(out.contains(Tag.StudyDate)).isFalse();
        assertThat(out.contains(Tag.ReferencedImageSequence)).isFalse();
        assertThat(out.contains(0x00291008)).isFalse();
    }

    @Test
    void actionsRunInRecipeOrder() throws ScriptException {
        // recipe-headers.md: "If I specify to replace a header and blank it, it will be blanked";
        // and the other way round the later REPLACE writes; a JITTER moves what a REPLACE wrote
        DataSet out = Run.run(Run.compile("%header",
                "REPLACE OperatorsName X", "BLANK OperatorsName",
                "BLANK ReferringPhysicianName", "REPLACE ReferringPhysicianName DOC^NEW",
                "REPLACE StudyDate 20000101", "JITTER StudyDate 1",
                "JITTER PatientBirthDate 1", "JITTER PatientBirthDate 1"), Fixture.ct());
        assertThat(out.getString(Tag.OperatorsName)).isNullOrEmpty();
        assertThat(out.getString(Tag.ReferringPhysicianName)).isEqualTo("DOC^NEW");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20000102");
        assertThat(out.getString(Tag.PatientBirthDate)).isEqualTo("19700103");
    }

    @Test
    void aRemovedFieldIsGoneForLaterActionsButAddPutsItBack() throws ScriptException {
        CompiledScript s = Run.compile("%header", "REMOVE OperatorsName", "BLANK OperatorsName",
                "REMOVE StudyDate", "ADD StudyDate 20000101", "REMOVE AccessionNumber", "ADD PatientComments NEW");
        DataSet out = Run.run(s, Fixture.ct());
        assertThat(out.contains(Tag.OperatorsName)).isFalse();
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20000101");
        assertThat(out.contains(Tag.AccessionNumber)).isFalse();
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("NEW");
        assertThat(s.stages()).hasSize(2);
    }

    @Test
    void replaceAndJitterOnlyChangeFieldsThatAreThere() throws ScriptException {
        DataSet out = Run.run(Run.compile("%header", "REPLACE PatientComments X", "JITTER SeriesDate 3"), Fixture.ct());
        assertThat(out.contains(Tag.PatientComments)).isFalse();
        assertThat(out.contains(Tag.SeriesDate)).isFalse();
    }

    @Test
    void removeWithValueFilters() throws ScriptException {
        // recipe-headers.md "Value Expansion": contains, notcontains, equals, notequals on the field's value
        DataSet out = Run.run(Run.compile("%header", "REMOVE PatientID equals:OLD-1",
                "REMOVE OperatorsName contains:^op", "REMOVE Manufacturer notcontains:ACME",
                "REMOVE InstitutionName notequals:FAKE HOSPITAL"), Fixture.ct());
        assertThat(out.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(Fixture.item(out, Tag.OtherPatientIDsSequence).contains(Tag.PatientID)).isFalse();
        assertThat(out.contains(Tag.OperatorsName)).isFalse();
        assertThat(out.getString(Tag.Manufacturer)).isEqualTo("ACME");
        assertThat(out.getString(Tag.InstitutionName)).isEqualTo("FAKE HOSPITAL");
    }

    @Test
    void variablesComeFromTheInputs() throws ScriptException {
        DataSet out = Run.run(Run.compile(Run.vars("id", "SUBJ-7", "jitter", "-1"), "%header",
                "REPLACE PatientID var:id", "JITTER StudyDate var:jitter"), Fixture.ct());
        assertThat(out.getString(Tag.PatientID)).isEqualTo("SUBJ-7");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20200227");
    }

    @Test
    void removePrivateAndStripSequencesRunFirst() throws ScriptException {
        DataSet out = Run.run(Run.compile(Run.switches(true, true, false), "%header", "KEEP ReferencedImageSequence",
                "KEEP (0029,\"SIEMENS CSA HEADER\",09)"), Fixture.ct());
        assertThat(out.contains(Tag.ReferencedImageSequence)).isFalse();
        assertThat(out.contains(Tag.OtherPatientIDsSequence)).isFalse();
        assertThat(out.contains(0x00291009)).isFalse();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        DataSet kept = Run.run(Run.compile("%header", "REMOVE PatientName"), Fixture.ct());
        assertThat(kept.contains(Tag.ReferencedImageSequence)).isTrue();
        assertThat(kept.getString(0x00291009)).isEqualTo("kept");
    }

    @Test
    void labelsAreListedNotApplied() throws ScriptException {
        CompiledScript s = Run.compile("%header", "ADD PatientIdentityRemoved YES", "%labels",
                "ADD MAINTAINER someone@example.org");
        assertThat(s.warnings()).anyMatch(w -> w.contains("%labels ADD MAINTAINER"));
        assertThat(Run.run(s, Fixture.ct()).getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
    }

    @Test
    void aNameThatIsNoKeywordMatchesNothingAndSaysSo() throws ScriptException {
        CompiledScript s = Run.compile("%header", "REMOVE PatientsName", "REMOVE patientname");
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("4:8: PatientsName is not a DICOM keyword"));
        DataSet out = Run.run(s, Fixture.ct());
        // deid matches the lower-cased nested name too, which a top-level field has alone
        assertThat(out.contains(Tag.PatientName)).isFalse();
    }

    @Test
    void theFileMetaIsWrittenAnew() throws ScriptException {
        // examples/dicom/header-manipulation/file-meta/deid.dicom changes MediaStorageSOPInstanceUID
        CompiledScript s = Run.compile("%header", "REPLACE MediaStorageSOPInstanceUID new-id");
        assertThat(s.deviations()).anyMatch(d -> d.startsWith("actions on the file meta (group 0002) have no effect"));
    }

    @Test
    void aByteOrderMarkBeforeFormatIsNoPartOfTheRecipe() throws ScriptException {
        CompiledScript s = DeidRecipes.compile("bom.dicom", "\uFEFFFORMAT dicom\n%header\nREMOVE PatientName\n",
                org.cloak.deid.script.ScriptInputs.none());
        assertThat(Run.run(s, Fixture.ct()).contains(Tag.PatientName)).isFalse();
    }
}
