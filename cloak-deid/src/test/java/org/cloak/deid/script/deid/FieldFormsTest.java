package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every FIELD form. Expected selections from deid's documentation (recipe-headers.md "Field
 * Expansion": endswith, startswith, contains, select:group:, select:VR:, all, except; "Does this
 * include private tags?": contains:0019 selects the group's elements by tag;
 * examples/deid/deid.dicom-private-creator-syntax; recipe-groups.md: %fields) and from
 * deid/dicom/fields.py (a field is matched by its nested name Sequence__Keyword lower-cased, its
 * keyword and its tag).
 */
class FieldFormsTest {

    private static DataSet run(String... lines) throws ScriptException {
        String[] all = new String[lines.length + 1];
        all[0] = "%header";
        System.arraycopy(lines, 0, all, 1, lines.length);
        return Run.run(Run.compile(all), Fixture.ct());
    }

    @Test
    void aKeywordNamesTheFieldAtEveryDepth() throws ScriptException {
        DataSet out = run("REMOVE PatientID");
        assertThat(out.contains(Tag.PatientID)).isFalse();
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).contains(Tag.PatientID)).isFalse();
        assertThat(Fixture.item(out, Tag.OtherPatientIDsSequence).contains(Tag.PatientID)).isFalse();
    }

    @Test
    void tagsInEveryWriting() throws ScriptException {
        DataSet out = run("REMOVE 00080080", "REMOVE (0008, 0090)", "REMOVE (0008,1070)", "REMOVE 0x00100030");
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.contains(Tag.ReferringPhysicianName)).isFalse();
        assertThat(out.contains(Tag.OperatorsName)).isFalse();
        assertThat(out.contains(Tag.PatientBirthDate)).isFalse();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void privateCreatorForm() throws ScriptException {
        DataSet out = run("REMOVE (0029,\"SIEMENS CSA HEADER\",08)");
        assertThat(out.contains(0x00291008)).isFalse();
        assertThat(out.getString(0x00291009)).isEqualTo("kept");
    }

    @Test
    void startsWithTakesTopLevelNamesAndWhatTopLevelSequencesOfThatNameHold() throws ScriptException {
        // recipe-headers.md: REMOVE startswith:Patient -> PatientAddress, PatientAge, PatientBirthDate, PatientID...
        DataSet out = run("REMOVE startswith:Patient");
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(out.contains(Tag.PatientID)).isFalse();
        assertThat(out.contains(Tag.PatientBirthDate)).isFalse();
        // the nested name referencedimagesequence__patientid does not start with "patient"
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).getString(Tag.PatientID)).isEqualTo("PID-0001");
    }

    @Test
    void endsWithIgnoresCase() throws ScriptException {
        // recipe-headers.md: JITTER endswith:Date -> AcquisitionDate, ContentDate, ..., PatientBirthDate, StudyDate
        DataSet out = run("JITTER endswith:date 1");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20200229");
        assertThat(out.getString(Tag.PatientBirthDate)).isEqualTo("19700102");
        assertThat(out.getString(Tag.AcquisitionDateTime)).isEqualTo("20200101123000.123456+0100");
    }

    @Test
    void containsSearchesTheNestedName() throws ScriptException {
        // recipe-headers.md: BLANK contains:Name -> InstitutionName, ..., OperatorsName, PatientName,
        // ReferringPhysicianName
        DataSet out = run("BLANK contains:Name", "REMOVE contains:otherpatient");
        assertThat(out.getString(Tag.InstitutionName)).isNullOrEmpty();
        assertThat(out.getString(Tag.OperatorsName)).isNullOrEmpty();
        assertThat(out.getString(Tag.PatientName)).isNullOrEmpty();
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(out.contains(Tag.OtherPatientIDsSequence)).isFalse();
    }

    @Test
    void containsAlsoTakesWhatASequenceOfThatNameHolds() throws ScriptException {
        // fields.py: a nested field's name is referencedimagesequence__patientid, which contains "referencedimage"
        DataSet out = run("REPLACE contains:ReferencedImage 9.9");
        DataSet item = Fixture.item(out, Tag.ReferencedImageSequence);
        assertThat(item.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("9.9");
        assertThat(item.getString(Tag.PatientID)).isEqualTo("9.9");
        assertThat(out.getString(Tag.PatientID)).isEqualTo("PID-0001");
    }

    @Test
    void digitsOfATag() throws ScriptException {
        // recipe-headers.md: REMOVE contains:0019 selects (0019,0010), (0019,1007)...: here group 0029
        DataSet out = run("REMOVE contains:0029");
        assertThat(out.contains(0x00291008)).isFalse();
        assertThat(out.contains(0x00291009)).isFalse();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void exceptKeepsWhatItsPatternNames() throws ScriptException {
        // recipe-headers.md: "REMOVE except:Manufacturer" preserves Manufacturer and ManufacturerModelName
        DataSet out = run("REMOVE except:Manufacturer|Modality|SOP|SpecificCharacterSet");
        assertThat(out.getString(Tag.Manufacturer)).isEqualTo("ACME");
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo("1.2.3.4.5");
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(out.contains(Tag.StudyDate)).isFalse();
        assertThat(out.contains(0x00291009)).isFalse();
    }

    @Test
    void selectByGroupAndByVr() throws ScriptException {
        DataSet out = run("REMOVE select:group:0010", "BLANK select:VR:PN");
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(out.contains(Tag.PatientSex)).isFalse();
        assertThat(out.contains(Tag.OperatorsName)).isTrue();
        assertThat(out.getString(Tag.OperatorsName)).isNullOrEmpty();
        assertThat(out.getString(Tag.ReferringPhysicianName)).isNullOrEmpty();
        assertThat(out.getString(Tag.InstitutionName)).isEqualTo("FAKE HOSPITAL");
    }

    @Test
    void allFields() throws ScriptException {
        DataSet out = run("BLANK ALL", "KEEP Modality");
        assertThat(out.getString(Tag.PatientName)).isNullOrEmpty();
        assertThat(out.getString(Tag.StudyDate)).isNullOrEmpty();
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
    }

    @Test
    void fieldsGroup() throws ScriptException {
        // examples/deid/deid.dicom-groups: %fields instance_fields / FIELD contains:Instance / REMOVE fields:...
        DataSet out = Run.run(Run.compile("%fields instance_fields", "FIELD contains:Instance",
                "FIELD OperatorsName", "%header", "REMOVE fields:instance_fields"), Fixture.ct());
        assertThat(out.contains(Tag.SOPInstanceUID)).isFalse();
        assertThat(out.contains(Tag.StudyInstanceUID)).isFalse();
        assertThat(out.contains(Tag.OperatorsName)).isFalse();
        assertThat(out.contains(Tag.SeriesInstanceUID)).isFalse();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void nestedNames() throws ScriptException {
        DataSet out = run("REPLACE ReferencedImageSequence__ReferencedSOPInstanceUID 9.9",
                "REPLACE OtherPatientIDsSequence__0__PatientID NEW", "REPLACE OtherPatientIDsSequence__1__PatientID X");
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).getString(Tag.ReferencedSOPInstanceUID))
                .isEqualTo("9.9");
        assertThat(Fixture.item(out, Tag.OtherPatientIDsSequence).getString(Tag.PatientID)).isEqualTo("NEW");
        assertThat(out.getString(Tag.PatientID)).isEqualTo("PID-0001");
    }

    @Test
    void valuesGroups() throws ScriptException {
        // examples/deid/deid.dicom-groups and recipe-groups.md: SPLIT by= and minlength=, FIELD with
        // expanders; a values: FIELD takes every field whose value holds one of the values, case ignored
        DataSet in = Fixture.ct();
        in.setString(Tag.PatientComments, org.cloak.dicom.dict.Vr.LT, "seen at fake hospital");
        in.setString(Tag.StudyDescription, org.cloak.dicom.dict.Vr.LO, "CHEST");
        DataSet out = Run.run(Run.compile(Run.vars("id", "SUBJ-7"), "%values cookie_names",
                "SPLIT PatientName by=\"^\";minlength=4", "%values places", "FIELD startswith:Institution",
                "%header", "REPLACE values:cookie_names var:id", "REMOVE values:places"), in);
        assertThat(out.getString(Tag.PatientName)).isEqualTo("SUBJ-7");
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.contains(Tag.PatientComments)).isFalse();
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("CHEST");
        assertThat(out.getString(Tag.OperatorsName)).isEqualTo("OP^ONE");
    }
}
