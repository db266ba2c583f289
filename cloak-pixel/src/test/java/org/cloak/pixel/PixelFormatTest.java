package org.cloak.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class PixelFormatTest {

    private static DataSet ct() {
        return TestImages.dataset(TestImages.format(Photometric.MONOCHROME2, 4, 6, 16, 12, false), new byte[48]);
    }

    @Test
    void readsTheImagePixelModule() {
        DataSet ds = ct();
        ds.setInts(Tag.PixelRepresentation, Vr.US, 1);
        ds.setString(Tag.NumberOfFrames, Vr.IS, "3");
        PixelFormat f = PixelFormat.of(ds);
        assertThat(f).isEqualTo(new PixelFormat(4, 6, 1, 16, 12, 11, true, Photometric.MONOCHROME2, 0, 3));
        assertThat(f.frameLength()).isEqualTo(48);
        assertThat(f.nativeLength()).isEqualTo(144);
        assertThat(f.minStored()).isEqualTo(-2048);
        assertThat(f.maxStored()).isEqualTo(2047);
        assertThat(f.lowBit()).isZero();
    }

    @Test
    void numberOfFramesAndPlanarConfigurationHaveDefaults() {
        DataSet ds = TestImages.dataset(TestImages.format(Photometric.RGB, 2, 2, 8, 8, false), new byte[12]);
        ds.remove(Tag.PlanarConfiguration);
        PixelFormat f = PixelFormat.of(ds);
        assertThat(f.frames()).isEqualTo(1);
        assertThat(f.planarConfiguration()).isZero();
        assertThat(f.frameLength()).isEqualTo(12);
    }

    @Test
    void lengthsOfPackedAndSubsampledLayouts() {
        PixelFormat bits = new PixelFormat(3, 5, 1, 1, 1, 0, false, Photometric.MONOCHROME2, 0, 3);
        assertThat(bits.frameBits()).isEqualTo(15);
        assertThat(bits.frameLength()).isEqualTo(2);
        assertThat(bits.nativeLength()).isEqualTo(6); // 45 bits: frames are not byte-aligned
        PixelFormat ybr = TestImages.format(Photometric.YBR_FULL_422, 2, 4, 8, 8, false);
        assertThat(ybr.planeWidth(0)).isEqualTo(4);
        assertThat(ybr.planeWidth(1)).isEqualTo(2);
        assertThat(ybr.frameLength()).isEqualTo(16);
        assertThat(TestImages.format(Photometric.RGB, 2, 3, 16, 16, false).frameLength()).isEqualTo(36);
    }

    @Test
    void missingAttributeIsNamed() {
        DataSet ds = ct();
        ds.remove(Tag.Rows);
        assertThatThrownBy(() -> PixelFormat.of(ds)).isInstanceOf(PixelFormatException.class)
                .hasMessageContaining("Rows (0028,0010)").hasMessageContaining("missing")
                .satisfies(e -> assertThat(((PixelFormatException) e).tag()).isEqualTo(Tag.Rows));
    }

    @Test
    void inconsistentHeadersAreRefusedNamingTheAttribute() {
        assertRefused(ds -> ds.setInts(Tag.BitsStored, Vr.US, 17), "BitsStored");
        assertRefused(ds -> ds.setInts(Tag.HighBit, Vr.US, 16), "HighBit");
        assertRefused(ds -> ds.setInts(Tag.HighBit, Vr.US, 10), "HighBit");
        assertRefused(ds -> ds.setInts(Tag.BitsAllocated, Vr.US, 12), "BitsAllocated");
        assertRefused(ds -> ds.setInts(Tag.SamplesPerPixel, Vr.US, 3), "SamplesPerPixel");
        assertRefused(ds -> ds.setInts(Tag.PixelRepresentation, Vr.US, 2), "PixelRepresentation");
        assertRefused(ds -> ds.setString(Tag.PhotometricInterpretation, Vr.CS, "CMYK"), "PhotometricInterpretation");
        assertRefused(ds -> ds.setString(Tag.NumberOfFrames, Vr.IS, "0"), "NumberOfFrames");
        assertRefused(ds -> ds.setString(Tag.NumberOfFrames, Vr.IS, "many"), "NumberOfFrames");
        assertRefused(ds -> ds.setInts(Tag.Columns, Vr.US, 0), "Columns");
    }

    @Test
    void subsampledColourNeedsEvenColumnsAndPlanarZero() {
        assertThatThrownBy(() -> TestImages.format(Photometric.YBR_FULL_422, 2, 5, 8, 8, false))
                .isInstanceOf(PixelFormatException.class).hasMessageContaining("Columns");
        assertThatThrownBy(() -> TestImages.format(Photometric.YBR_FULL_422, 2, 4, 8, 8, false)
                .withPlanarConfiguration(1)).hasMessageContaining("PlanarConfiguration");
    }

    @Test
    void messagesCarryNoPatientValue() {
        DataSet ds = ct();
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "DOE^JANE");
        assertThatThrownBy(() -> PixelFormat.of(ds)).message().doesNotContain("DOE");
    }

    private static void assertRefused(Consumer<DataSet> change, String keyword) {
        DataSet ds = ct();
        change.accept(ds);
        assertThatThrownBy(() -> PixelFormat.of(ds)).isInstanceOf(PixelFormatException.class)
                .hasMessageContaining(keyword);
    }
}
