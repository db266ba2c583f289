package org.cloak.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {
    @TempDir
    Path dir;

    @Test
    void ctFixtureIsAValidCtImageForDciodvfy() throws Exception {
        Path f = Fixtures.write(Fixtures.ct().patientName("DOE^JANE").patientId("PID-0001").build(),
                dir.resolve("ct.dcm"));
        Oracles.Result r = Oracles.dciodvfy(f);
        assertThat(r.output()).contains("CTImage");
        assertThat(Oracles.dciodvfyErrors(r)).as(r.output()).isEmpty();
    }

    @Test
    void ctFixtureCarriesPhiInNestedSequencesAndThePrivateBlock() throws Exception {
        Path f = Fixtures.write(Fixtures.ct().patientName("DOE^JANE").build(), dir.resolve("ct.dcm"));
        DcmdumpParser.Dump dump = DcmdumpParser.parse(Oracles.dcmdumpForComparison(f));
        assertThat(dump.get("(0010,0010)").text()).isEqualTo("DOE^JANE");
        assertThat(dump.get("(0009,0010)").text()).isEqualTo(Fixtures.PRIVATE_CREATOR);
        assertThat(dump.get("(0009,1001)").text()).isEqualTo("DOE^JANE");
        assertThat(dump.get("(0040,0275)[0].(0040,0008)[0].(0008,0104)").text()).contains("DOE^JANE");
        assertThat(dump.get("(0008,1120)[0].(0008,1155)").text()).startsWith("2.25.");
    }

    @Test
    void sameInputsGiveTheSameUidsAndOtherSeriesGiveOtherOnes() {
        DataSet a = Fixtures.ct().series(1).instance(1).build();
        DataSet b = Fixtures.ct().series(1).instance(1).build();
        DataSet c = Fixtures.ct().series(2).instance(1).build();
        assertThat(a.getString(Tag.SOPInstanceUID)).isEqualTo(b.getString(Tag.SOPInstanceUID)).startsWith("2.25.");
        assertThat(c.getString(Tag.StudyInstanceUID)).isEqualTo(a.getString(Tag.StudyInstanceUID));
        assertThat(c.getString(Tag.SeriesInstanceUID)).isNotEqualTo(a.getString(Tag.SeriesInstanceUID));
        assertThat(Fixtures.uid("x")).matches("2\\.25\\.[1-9][0-9]*").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void settableUidsAndSizeAreHonoured() throws Exception {
        DataSet ds = Fixtures.ct().studyUid("2.25.1").seriesUid("2.25.2").rows(16).columns(8).withoutPrivateBlock()
                .build();
        Path f = Fixtures.write(ds, dir.resolve("small.dcm"));
        DataSet back = DicomReader.read(f).dataset();
        assertThat(back.getString(Tag.StudyInstanceUID)).isEqualTo("2.25.1");
        assertThat(back.getString(Tag.SeriesInstanceUID)).isEqualTo("2.25.2");
        assertThat(back.getInt(Tag.Rows, 0)).isEqualTo(16);
        assertThat(back.get(Tag.PixelData).value().length()).isEqualTo(16 * 8 * 2);
        assertThat(back.privateCreatorOf(Fixtures.PRIVATE_PATIENT_NAME)).isNull();
    }

    @Test
    void missingToolFailsLoudlyWithTheInstallHint() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Oracles.locate("no-such-dicom-tool"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("oracle tool no-such-dicom-tool is not installed")
                .hasMessageContaining("apt-get install dcmtk libgdcm-tools dicom3tools");
    }

    @Test
    void failingToolReportsCommandAndStderr() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Oracles.dcmdump(dir.resolve("absent.dcm")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dcmdump")
                .hasMessageContaining("absent.dcm");
    }
}
