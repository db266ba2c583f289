package org.cloak.deid.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** The recipe's pixels section read into the pixel rule model, and the model's decisions on headers. */
class PixelsRecipeTest {

    private static Recipe read(String yaml) {
        try {
            return RecipeReader.read(new StringReader(yaml), Path.of("."));
        } catch (RecipeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Test
    void rulesModeAndScopeAreRead() {
        Recipe r = read("""
                profile: dicom-basic
                pixels:
                  text: redact-phi
                  scope: [US, SC]
                  rules:
                    - name: acme-us
                      when: {all: [{attribute: Manufacturer, contains: acme}, {attribute: Rows, number-equals: 480}]}
                      regions: [[0, 0, 640, 40], [-120, -30, 120, 30]]
                    - name: us-regions
                      when: {attribute: Modality, equals: US}
                      keep: ultrasound-regions
                """);
        PixelPolicy p = r.pixels();
        assertThat(p.text()).isEqualTo(TextMode.REDACT_PHI);
        assertThat(p.scope().modalities()).containsExactlyInAnyOrder("US", "SC");
        assertThat(p.rules()).extracting(PixelRule::name).containsExactly("acme-us", "us-regions");
        assertThat(p.rules().get(0).regions()).containsExactly(new PixelRegion(0, 0, 640, 40),
                new PixelRegion(-120, -30, 120, 30));
        assertThat(p.rules().get(1).mode()).isEqualTo(PixelRule.Mode.KEEP_ULTRASOUND_REGIONS);

        DataSet us = image("US", "ACME Medical", 480);
        assertThat(p.matching(us)).extracting(PixelRule::name).containsExactly("acme-us", "us-regions");
        assertThat(p.matching(image("CT", "ACME Medical", 512))).isEmpty();
        assertThat(p.covers(us)).isTrue();
        assertThat(p.scans(image("CT", "Other", 512))).isFalse();
    }

    @Test
    void aRecipeWithoutPixelsLeavesThemAlone() {
        assertThat(read("profile: dicom-basic\n").pixels().isEmpty()).isTrue();
    }

    @Test
    void defaultScopeIsAtRisk() {
        PixelPolicy p = read("profile: dicom-basic\npixels:\n  text: redact\n").pixels();
        assertThat(p.scope()).isEqualTo(TextScope.AT_RISK);
        assertThat(p.scans(image("US", "x", 480))).isTrue();
        assertThat(p.scans(image("CT", "x", 512))).isFalse();
        DataSet flagged = image("CT", "x", 512);
        flagged.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        assertThat(p.scans(flagged)).isTrue();
        DataSet sc = image("OT", "x", 512);
        sc.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        assertThat(p.scans(sc)).isFalse();
        assertThat(TextScope.of("all").includes(image("MR", "x", 256))).isTrue();
    }

    @Test
    void detectOnlyDoesNotCoverABurnedInImage() {
        PixelPolicy p = new PixelPolicy(List.of(), TextMode.DETECT, TextScope.ALL);
        assertThat(p.covers(image("US", "x", 480))).isFalse();
        assertThat(p.withText(TextMode.QUARANTINE, TextScope.ALL).covers(image("US", "x", 480))).isTrue();
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> read("pixels:\n  text: blur\n")).hasCauseInstanceOf(RecipeException.class)
                .hasMessageContaining("line 2").hasMessageContaining("redact-phi");
        assertThatThrownBy(() -> read("pixels:\n  rules:\n    - name: a\n      regions: [[0, 0, 10]]\n"))
                .hasCauseInstanceOf(RecipeException.class).hasMessageContaining("line 4");
        assertThatThrownBy(() -> read("pixels:\n  rules:\n    - name: a\n")).hasCauseInstanceOf(RecipeException.class)
                .hasMessageContaining("regions");
        assertThatThrownBy(() -> read("pixels:\n  colour: red\n")).hasCauseInstanceOf(RecipeException.class);
        assertThatThrownBy(() -> read("pixels:\n  scope: 'U S!'\n")).hasCauseInstanceOf(RecipeException.class);
    }

    private static DataSet image(String modality, String manufacturer, int rows) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, Vr.UI, modality.equals("US") ? Uid.UltrasoundImageStorage : Uid.CTImageStorage);
        ds.setString(Tag.Modality, Vr.CS, modality);
        ds.setString(Tag.Manufacturer, Vr.LO, manufacturer);
        ds.setInts(Tag.Rows, Vr.US, rows);
        ds.put(Tag.PixelData, Vr.OB, new org.cloak.dicom.data.Bytes(new byte[2]));
        return ds;
    }
}
