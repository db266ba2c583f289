package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.cloak.deid.script.load.Scripts;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CTP's shipped DICOM-PS3.15-Basic profile run through the library's public entry points
 * ({@code Scripts.compile}, {@code Recipe.ofScripts}, {@code Recipes.prepare}, and
 * {@code Deidentification.deidentify}) over a PHI-rich CT written to a file and read back.
 * The expected values are the profile's lines read as CTP runs them; the hashes come from the
 * independent Python implementation.
 */
class BasicProfileRunTest {
    private static final String ROOT = "1.3.6.1.4.1.14519.5.2.1.9999.9999"; // the profile's UIDROOT

    @Test
    void thePs315BasicProfileRemovesTheIdentifiersAsCtpDoes(@TempDir Path tmp) throws Exception {
        Path dir = SharedScripts.folder("ctp");
        assumeTrue(dir != null, "../shared/data/scripts/ctp is absent: the CTP Basic profile run is not checked");
        Path profile = dir.resolve("johnperry+CTP/source/files/profiles/dicom/DICOM-PS3.15-Basic");
        assumeTrue(Files.exists(profile), "DICOM-PS3.15-Basic is not in the shared scripts");
        String text = SharedScripts.text(profile);
        assertThat(ScriptFormat.detect("DICOM-PS3.15-Basic", text)).isEqualTo(ScriptFormat.CTP);

        DataSet original = Fixtures.ct().patientName("DOE^JANE").patientId("PID-0001").birthDate("19700101")
                .accessionNumber("ACC-0001").institution("FAKE GENERAL HOSPITAL").referringPhysician("WHO^DR^FAKE")
                .build();
        DicomFile in = DicomReader.read(Fixtures.write(original, tmp.resolve("in.dcm")));

        CompiledScript script = Scripts.compile("DICOM-PS3.15-Basic", text, null, ScriptInputs.none());
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC);
        Deidentification deid = Recipes.prepare(Recipe.ofScripts(List.of(script), null), CtpRun.SECRET, clock,
                false).build();
        Deidentified out = deid.deidentify(in, Origin.unknown());
        assertThat(out.cleaned()).as(out.outcome().toString()).isTrue();
        DataSet ds = out.dataset();

        List<String> want = CtpVectorsTest.python(List.of(List.of("hash", "DOE^JANE", 64),
                List.of("hash", "PID-0001", 64), List.of("hash", "ACC-0001", 16),
                List.of("hashuid", ROOT, original.getString(Tag.SOPInstanceUID)),
                List.of("hashuid", ROOT, original.getString(Tag.StudyInstanceUID)),
                List.of("hashuid", ROOT, original.getString(Tag.SeriesInstanceUID)),
                List.of("hashuid", ROOT, original.getString(Tag.FrameOfReferenceUID))));
        assertThat(ds.getString(Tag.PatientName)).isEqualTo(want.get(0));
        assertThat(ds.getString(Tag.PatientID)).isEqualTo(want.get(1));
        assertThat(ds.getString(Tag.AccessionNumber)).isEqualTo(want.get(2));
        assertThat(ds.getString(Tag.SOPInstanceUID)).isEqualTo(want.get(3));
        assertThat(ds.getString(Tag.StudyInstanceUID)).isEqualTo(want.get(4));
        assertThat(ds.getString(Tag.SeriesInstanceUID)).isEqualTo(want.get(5));
        assertThat(ds.getString(Tag.FrameOfReferenceUID)).isEqualTo(want.get(6));
        // @date() is the run's date; @time() a time of day from the secret (documented deviations)
        assertThat(ds.getString(Tag.StudyDate)).isEqualTo("20260102");
        assertThat(ds.getString(Tag.StudyTime)).matches("\\d{6}");
        for (int removed : new int[] {Tag.InstitutionName, Tag.StudyDescription, Tag.SeriesDescription,
                Tag.ReferencedPatientSequence, Tag.RequestAttributesSequence, Fixtures.PRIVATE_PATIENT_NAME,
                Fixtures.PRIVATE_DOSE, Fixtures.PRIVATE_CREATOR_TAG}) {
            assertThat(ds.contains(removed)).as(Integer.toHexString(removed)).isFalse();
        }
        for (int empty : new int[] {Tag.ReferringPhysicianName, Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyID}) {
            assertThat(ds.contains(empty)).as(Integer.toHexString(empty)).isTrue();
            assertThat(ds.getText(empty)).as(Integer.toHexString(empty)).isEmpty();
        }
        assertThat(ds.getString(Tag.Manufacturer)).isEqualTo("CLOAK TESTKIT");
        assertThat(ds.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(ds.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(ds.get(Tag.PixelData).value()).isEqualTo(in.dataset().get(Tag.PixelData).value()); // untouched
        String everything = dump(ds);
        for (String phi : new String[] {"DOE", "JANE", "PID-0001", "ACC-0001", "FAKE GENERAL", "WHO^DR", "19700101"}) {
            assertThat(everything).as(phi).doesNotContain(phi);
        }
        assertThat(script.warnings()).anySatisfy(w -> assertThat(w).contains("unkeyed MD5"));
        assertThat(script.deviations()).anySatisfy(d -> assertThat(d).contains("@date()"));
    }

    private static String dump(DataSet ds) {
        StringBuilder sb = new StringBuilder();
        for (org.cloak.dicom.data.Element e : ds) {
            if (e.value() instanceof org.cloak.dicom.data.Sequence seq) {
                for (DataSet item : seq) {
                    sb.append(dump(item));
                }
            } else if (e.vr().isText()) {
                sb.append(ds.getText(e.tag())).append('\n');
            }
        }
        return sb.toString();
    }
}
