package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * deid's own functions (deid_func:), run through the engine. pydicom_uuid is checked against the
 * independent reference deid_values.py (deid/dicom/actions/uids.py: generate_uid(prefix="2.25."
 * by default, entropy_srcs=[str(value)])); jitter against jitter.py's days and years; the random
 * ones (dicom_uuid, suffix_uuid, basic_uuid) against the forms uids.py writes.
 */
class FunctionsTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void pydicomUuidIsStableAndMatchesTheReference() throws Exception {
        CompiledScript s = Run.compile("%header", "REPLACE SOPInstanceUID deid_func:pydicom_uuid",
                "REPLACE StudyInstanceUID deid_func:pydicom_uuid prefix=99999.",
                "REPLACE ReferencedSOPInstanceUID deid_func:pydicom_uuid stable_remapping=true");
        DataSet out = Run.run(s, Fixture.ct());
        List<String> expected = ValueVectorsTest.reference(List.of("uid\t2.25.\t1.2.3.4.5", "uid\t99999.\t1.2.3.4",
                "uid\t2.25.\t1.2.3.9"));
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo(expected.get(0));
        assertThat(out.getString(Tag.StudyInstanceUID)).isEqualTo(expected.get(1));
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).getString(Tag.ReferencedSOPInstanceUID))
                .isEqualTo(expected.get(2));
        assertThat(s.warnings()).anyMatch(w -> w.contains("pydicom_uuid is an unkeyed hash"));
    }

    @Test
    void withoutStableRemappingEveryFieldGetsTheSameUid() throws Exception {
        // uids.py passes entropy_srcs=[] (not None) when stable_remapping is not true: SHA-512 of nothing
        CompiledScript s = Run.compile("%header",
                "REPLACE SOPInstanceUID deid_func:pydicom_uuid stable_remapping=false",
                "REPLACE StudyInstanceUID deid_func:pydicom_uuid stable_remapping=false");
        DataSet out = Run.run(s, Fixture.ct());
        String expected = ValueVectorsTest.reference(List.of("uid\t2.25.\t")).get(0);
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo(expected);
        assertThat(out.getString(Tag.StudyInstanceUID)).isEqualTo(expected);
        assertThat(s.warnings()).anyMatch(w -> w.contains("the same UID"));
    }

    @Test
    void keyedReplacesTheUnkeyedHash() throws ScriptException {
        CompiledScript keyed = Run.compile(Run.switches(false, false, true), "%header",
                "REPLACE SOPInstanceUID deid_func:pydicom_uuid", "REPLACE StudyInstanceUID deid_func:pydicom_uuid"
                        + " prefix=99999.");
        DataSet out = Run.run(keyed, Fixture.ct());
        assertThat(out.getString(Tag.SOPInstanceUID)).startsWith("2.25.")
                .isNotEqualTo(DeidFunctions.generateUid("2.25.", "1.2.3.4.5"));
        assertThat(out.getString(Tag.StudyInstanceUID)).startsWith("99999.");
        assertThat(Run.run(keyed, Fixture.ct()).getString(Tag.SOPInstanceUID)).isEqualTo(out.getString(
                Tag.SOPInstanceUID));
        assertThat(keyed.warnings()).noneMatch(w -> w.contains("unkeyed"));
    }

    @Test
    void jitterFunctionTakesDaysAndYears() throws ScriptException {
        // jitter.py jitter_timestamp_func: days (default 1) plus 365 per year
        DataSet out = Run.run(Run.compile("%header", "REPLACE StudyDate deid_func:jitter days=2 years=1",
                "REPLACE PatientBirthDate deid_func:jitter"), Fixture.ct());
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20210301");
        assertThat(out.getString(Tag.PatientBirthDate)).isEqualTo("19700102");
    }

    @Test
    void randomFunctionsHaveDeidsFormsAndAreDerivedFromTheSecret() throws ScriptException {
        CompiledScript s = Run.compile("%header", "REPLACE SeriesInstanceUID deid_func:dicom_uuid",
                "REPLACE InstitutionName deid_func:dicom_uuid",
                "REPLACE StudyInstanceUID deid_func:dicom_uuid org_root=1.2.3",
                "REPLACE PatientID deid_func:suffix_uuid", "REPLACE AccessionNumber deid_func:basic_uuid",
                "ADD FrameOfReferenceUID deid_func:dicom_uuid org_root=1.2.3");
        DataSet out = Run.run(s, Fixture.ct());
        // uids.py's default org_root "anonymous-organization" is no UID: a UI attribute cannot hold it
        assertThat(out.getString(Tag.InstitutionName)).matches("anonymous-organization\\.\\d+").hasSizeLessThan(65);
        assertThat(out.getString(Tag.SeriesInstanceUID)).isNullOrEmpty();
        assertThat(s.warnings()).anyMatch(w -> w.contains("anonymous-organization"));
        assertThat(out.getString(Tag.StudyInstanceUID)).matches("1\\.2\\.3\\.\\d+").hasSizeLessThan(65);
        assertThat(out.getString(Tag.FrameOfReferenceUID)).matches("1\\.2\\.3\\.\\d+");
        assertThat(out.getString(Tag.PatientID)).matches("patientid-" + UUID);
        assertThat(Fixture.item(out, Tag.ReferencedImageSequence).getString(Tag.PatientID))
                .matches("referencedimagesequence__patientid-" + UUID);
        assertThat(out.getString(Tag.AccessionNumber)).matches(UUID);
        assertThat(Run.run(s, Fixture.ct()).getString(Tag.PatientID)).isEqualTo(out.getString(Tag.PatientID));
        assertThat(s.deviations()).anyMatch(d -> d.startsWith("dicom_uuid is random"))
                .anyMatch(d -> d.startsWith("suffix_uuid is random"))
                .anyMatch(d -> d.startsWith("basic_uuid is random"));
    }
}
