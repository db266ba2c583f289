package org.cloak.pixel.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.Frame;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.RealImages;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.frame.NativeFrames;
import org.cloak.pixel.value.ValueSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
    @TempDir
    Path dir;

    @Test
    void fillsTheRectangleAndNothingElse() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 8, 10, 16, 12, false);
        Frame frame = TestImages.pattern(f, 0, true);
        Frame before = frame.copy();
        assertThat(Redaction.fill(frame, new Region(2, 3, 4, 2), new long[] {0})).isTrue();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = x >= 2 && x < 6 && y >= 3 && y < 5;
                assertThat(frame.cell(0, x, y)).as("%d,%d", x, y).isEqualTo(inside ? 0 : before.cell(0, x, y));
            }
        }
        assertThat(Redaction.fill(frame, new Region(2, 3, 4, 2), new long[] {0})).isFalse();
    }

    @Test
    void negativeCoordinatesCountFromTheRightAndBottomAndRegionsAreClipped() {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 8, 10, 8, 8, false);
        assertThat(new Region(-3, -2, 3, 2).within(10, 8)).isEqualTo(new Region.Bounds(7, 6, 10, 8));
        assertThat(new Region(8, 6, 50, 50).within(10, 8)).isEqualTo(new Region.Bounds(8, 6, 10, 8));
        assertThat(new Region(-50, 0, 40, 1).within(10, 8).isEmpty()).isTrue();
        Frame frame = TestImages.pattern(f, 0, false);
        assertThat(Redaction.fill(frame, new Region(20, 20, 5, 5), new long[] {0})).isFalse();
        assertThat(frame).isEqualTo(TestImages.pattern(f, 0, false));
    }

    @Test
    void blackDependsOnThePhotometricInterpretation() throws IOException {
        assertThat(black(TestImages.format(Photometric.MONOCHROME2, 2, 2, 16, 12, true))).containsExactly(-2048);
        assertThat(black(TestImages.format(Photometric.MONOCHROME2, 2, 2, 16, 12, false))).containsExactly(0);
        assertThat(black(TestImages.format(Photometric.MONOCHROME1, 2, 2, 16, 12, false))).containsExactly(4095);
        assertThat(black(TestImages.format(Photometric.MONOCHROME1, 2, 2, 8, 8, true))).containsExactly(127);
        assertThat(black(TestImages.format(Photometric.RGB, 2, 2, 8, 8, false))).containsExactly(0, 0, 0);
        assertThat(black(TestImages.format(Photometric.YBR_FULL, 2, 2, 8, 8, false))).containsExactly(0, 128, 128);
        assertThat(black(TestImages.format(Photometric.YBR_FULL_422, 2, 2, 16, 16, false)))
                .containsExactly(0, 32768, 32768);
        // the fixture's grey palette runs from white (entry 0) to black (entry 255)
        assertThat(black(TestImages.format(Photometric.PALETTE_COLOR, 2, 2, 8, 8, false))).containsExactly(255);
    }

    @Test
    void blackOfARealPaletteIsItsDarkestEntry() throws IOException {
        Path decoded = OracleTools.dcmdrle(RealImages.path(RealImages.PALETTE_RLE), dir.resolve("n.dcm"));
        DataSet ds = DicomReader.read(decoded).dataset();
        assertThat(Black.of(PixelFormat.of(ds), ds)).containsExactly(0);
    }

    @Test
    void subsampledChromaChangesOnlyForPairsWhollyInside() {
        PixelFormat f = TestImages.format(Photometric.YBR_FULL_422, 2, 8, 8, 8, false);
        Frame frame = TestImages.pattern(f, 0, false);
        Frame before = frame.copy();
        Redaction.fill(frame, new Region(1, 0, 4, 1), new long[] {0, 128, 128});
        assertThat(frame.plane(0)).startsWith(before.cell(0, 0, 0), 0, 0, 0, 0, before.cell(0, 5, 0));
        for (int p = 1; p <= 2; p++) {
            assertThat(frame.cell(p, 0, 0)).isEqualTo(before.cell(p, 0, 0));
            assertThat(frame.cell(p, 1, 0)).isEqualTo(128);
            assertThat(frame.cell(p, 2, 0)).isEqualTo(before.cell(p, 2, 0));
            assertThat(frame.cell(p, 1, 1)).isEqualTo(before.cell(p, 1, 1));
        }
    }

    @Test
    void cleanerFillsEveryFrameAndKeepsTheRestBitExact() throws IOException {
        PixelFormat f = TestImages.frames(TestImages.format(Photometric.MONOCHROME1, 6, 9, 16, 10, false), 4);
        DataSet ds = TestImages.patternDataset(f, true);
        NativeFrames frames = NativeFrames.of(ds);
        List<Region> regions = List.of(new Region(0, 0, 3, 1), new Region(-2, -2, 2, 2));
        byte[] out = ((Bytes) frames.rewrite(new RegionCleaner(regions, Black.of(f, ds)), ValueSink.inMemory())).data();
        NativeFrames cleaned = NativeFrames.of(TestImages.dataset(f, out));
        for (int n = 0; n < 4; n++) {
            Frame expected = TestImages.pattern(f, n, true);
            regions.forEach(r -> Redaction.fill(expected, r, new long[] {1023}));
            assertThat(cleaned.read(n)).isEqualTo(expected);
            assertThat(cleaned.read(n).sample(0, 8, 5)).isEqualTo(1023);
        }
    }

    private static long[] black(PixelFormat f) throws IOException {
        return Black.of(f, TestImages.dataset(f, new byte[f.frameLength() + 1 & ~1]));
    }
}
