package org.cloak.pipeline.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.source.InputItem;
import org.junit.jupiter.api.Test;

class TemplateLayoutTest {
    private final Path out = Path.of("/data/out");
    private final InputItem item = new InputItem(Path.of("/in/DOE_JANE/CT/a.dcm"), Path.of("/in"),
            Path.of("DOE_JANE/CT/a.dcm"));

    private static DataSet ds() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, Vr.LO, "P001");
        ds.setString(Tag.SeriesNumber, Vr.IS, "7");
        ds.setString(Tag.InstanceNumber, Vr.IS, "12");
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.StudyDate, Vr.DA, "20200102");
        return ds;
    }

    @Test
    void theDefaultLayoutGivesNilsStylePathsWithTheTimepointOrElseTheStudyDate() {
        TemplateLayout l = new TemplateLayout(out, TemplateLayout.DEFAULT);
        assertThat(l.target(item, new LayoutValues(ds(), "M00", 1, 1)))
                .isEqualTo(Path.of("/data/out/P001/M00/series1/IM0001.dcm"));
        assertThat(l.target(item, new LayoutValues(ds(), null, 23, 2)))
                .isEqualTo(Path.of("/data/out/P001/20200102/series2/IM0023.dcm"));
    }

    @Test
    void keywordsPaddingAndMissingValues() {
        TemplateLayout l = new TemplateLayout(out,
                "{PatientID}/{timepoint}/{SeriesNumber}_{Modality}/{InstanceNumber:05}_{AccessionNumber}.dcm");
        assertThat(l.target(item, new LayoutValues(ds(), null, 0, 0)))
                .isEqualTo(Path.of("/data/out/P001/NA/7_CT/00012_NA.dcm"));
    }

    @Test
    void valuesCannotAddSeparatorsHiddenNamesOrLongComponents() {
        DataSet ds = ds();
        ds.setString(Tag.PatientID, Vr.LO, "../x/y");
        TemplateLayout l = new TemplateLayout(out, "{PatientID}/{Modality}.dcm");
        assertThat(l.target(item, new LayoutValues(ds, null, 0, 0))).isEqualTo(Path.of("/data/out/___x_y/CT.dcm"));
        assertThat(PathComponents.sanitise("a\u0001b")).isEqualTo("a_b");
        assertThat(PathComponents.sanitise("")).isEqualTo("NA");
        assertThat(PathComponents.sanitise("x".repeat(100) + ".dcm")).hasSize(64).endsWith("x.dcm");
    }

    @Test
    void mirrorRenamedReplacesTheTopFolderByTheNewPatientId() {
        OutputLayout l = LayoutSpec.parse("mirror-renamed").in(out);
        assertThat(l.target(item, new LayoutValues(ds(), null, 0, 0))).isEqualTo(Path.of("/data/out/P001/CT/a.dcm"));
        assertThat(LayoutSpec.parse("mirror").in(out).target(item)).isEqualTo(Path.of("/data/out/DOE_JANE/CT/a.dcm"));
    }

    @Test
    void faultyTemplatesAreRefused() {
        assertThatThrownBy(() -> LayoutSpec.parse("{Nope}/x.dcm"))
                .hasMessageStartingWith("unknown field 'Nope'");
        assertThatThrownBy(() -> LayoutSpec.parse("{PatientID:4}/x.dcm"))
                .hasMessageContaining("only zero padding");
        assertThatThrownBy(() -> LayoutSpec.parse("{PatientID}/../x.dcm")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> LayoutSpec.parse("{PatientID/x.dcm")).hasMessageContaining("unclosed");
    }
}
