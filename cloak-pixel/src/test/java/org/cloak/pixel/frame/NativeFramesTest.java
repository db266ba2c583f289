package org.cloak.pixel.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.RealImages;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.value.ValueBytes;
import org.cloak.pixel.value.ValueSink;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NativeFramesTest {
    @TempDir
    Path dir;

    static Stream<PixelFormat> formats() {
        return Stream.of(
                TestImages.format(Photometric.MONOCHROME2, 7, 9, 8, 8, false),
                TestImages.format(Photometric.MONOCHROME2, 8, 6, 16, 12, false),
                TestImages.format(Photometric.MONOCHROME1, 5, 6, 16, 16, true),
                TestImages.format(Photometric.MONOCHROME2, 4, 3, 16, 10, true),
                TestImages.format(Photometric.MONOCHROME2, 3, 3, 32, 32, false),
                TestImages.frames(new PixelFormat(3, 5, 1, 1, 1, 0, false, Photometric.MONOCHROME2, 0, 1), 5),
                TestImages.format(Photometric.RGB, 5, 7, 8, 8, false),
                TestImages.format(Photometric.RGB, 5, 7, 8, 8, false).withPlanarConfiguration(1),
                TestImages.format(Photometric.YBR_FULL, 3, 4, 16, 16, false),
                TestImages.format(Photometric.YBR_FULL_422, 4, 6, 8, 8, false),
                TestImages.format(Photometric.PALETTE_COLOR, 6, 5, 8, 8, false),
                TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 3, 3, 8, 8, false), 3),
                TestImages.frames(TestImages.format(Photometric.RGB, 4, 4, 16, 16, false)
                        .withPlanarConfiguration(1), 4));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void framesReadBackAsWrittenAndUnchangedRewritesAreIdentical(PixelFormat f) throws IOException {
        DicomFile file = TestImages.writeAndRead(TestImages.patternDataset(f, true), dir.resolve("in.dcm"));
        NativeFrames frames = NativeFrames.of(file.dataset());
        assertThat(frames.format()).isEqualTo(f);
        for (int n = f.frames() - 1; n >= 0; n--) {
            assertThat(frames.read(n)).isEqualTo(TestImages.pattern(f, n, true));
        }
        Value original = file.dataset().get(Tag.PixelData).value();
        assertThat(frames.rewrite((n, frame) -> false, ValueSink.inMemory())).isSameAs(original);
        Value rewritten = frames.rewrite((n, frame) -> true, ValueSink.inMemory());
        assertThat(ValueBytes.readAll(rewritten)).containsExactly(ValueBytes.readAll(original));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aChangedFrameLeavesEveryOtherBitAlone(PixelFormat f) throws IOException {
        DicomFile file = TestImages.writeAndRead(TestImages.patternDataset(f, true), dir.resolve("in.dcm"));
        NativeFrames frames = NativeFrames.of(file.dataset());
        int target = f.frames() / 2;
        Value v = frames.rewrite((n, frame) -> {
            if (n != target) {
                return false;
            }
            frame.setSample(0, 0, 0, frame.sample(0, 0, 0) == 0 ? 1 : 0);
            return true;
        }, ValueSink.inMemory());
        DataSet out = TestImages.dataset(f, ((Bytes) v).data());
        NativeFrames again = NativeFrames.of(out);
        for (int n = 0; n < f.frames(); n++) {
            Frame expected = TestImages.pattern(f, n, true);
            if (n == target) {
                expected.setSample(0, 0, 0, expected.sample(0, 0, 0) == 0 ? 1 : 0);
            }
            assertThat(again.read(n)).as("frame %d", n).isEqualTo(expected);
        }
    }

    @Test
    void bigEndianFramesFromDcmconvEqualTheLittleEndianOnes() throws IOException {
        for (PixelFormat f : List.of(TestImages.format(Photometric.MONOCHROME2, 5, 7, 16, 12, true),
                TestImages.frames(TestImages.format(Photometric.PALETTE_COLOR, 3, 5, 8, 8, false), 3),
                TestImages.format(Photometric.RGB, 3, 5, 8, 8, false))) {
            Path le = dir.resolve("le.dcm");
            TestImages.writeAndRead(TestImages.patternDataset(f, true), le);
            Path be = Oracles.dcmconv(le, dir.resolve("be.dcm"), "+tb");
            DicomFile beFile = DicomReader.read(be);
            assertThat(beFile.dataset().isBigEndian()).isTrue();
            NativeFrames frames = NativeFrames.of(beFile.dataset());
            for (int n = 0; n < f.frames(); n++) {
                assertThat(frames.read(n)).as("%s frame %d", f, n).isEqualTo(TestImages.pattern(f, n, true));
            }
            // clean the big-endian file, convert the result back with dcmconv: only frame 0's first cell changed
            Value v = frames.rewrite((n, frame) -> {
                frame.setCell(0, 0, 0, 0);
                return n == 0;
            }, ValueSink.inMemory());
            beFile.dataset().put(Tag.PixelData, beFile.dataset().get(Tag.PixelData).vr(), v);
            Path cleaned = dir.resolve("cleaned-be.dcm");
            DicomWriter.write(beFile, cleaned);
            Path back = Oracles.dcmconv(cleaned, dir.resolve("cleaned-le.dcm"), "+te");
            NativeFrames result = NativeFrames.of(DicomReader.read(back).dataset());
            Frame expected = TestImages.pattern(f, 0, true);
            expected.setCell(0, 0, 0, 0);
            assertThat(result.read(0)).isEqualTo(expected);
        }
    }

    @Test
    void planarConfigurationChangedByGdcmconvGivesTheSameFrame() throws IOException {
        PixelFormat f = TestImages.format(Photometric.RGB, 6, 10, 8, 8, false);
        Path in = dir.resolve("pc0.dcm");
        TestImages.writeAndRead(TestImages.patternDataset(f, false), in);
        Path out = Oracles.gdcmconv(in, dir.resolve("pc1.dcm"), "--raw", "--planar-configuration", "1");
        NativeFrames frames = NativeFrames.of(DicomReader.read(out).dataset());
        assertThat(frames.format().planarConfiguration()).isEqualTo(1);
        assertThat(frames.read(0).plane(1)).containsExactly(TestImages.pattern(f, 0, false).plane(1));
    }

    @Test
    void framesOfALargeFileAreReadFromTheFileOneAtATime() throws IOException {
        PixelFormat f = TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 128, 128, 16, 16, false), 40);
        DicomFile file = TestImages.writeAndRead(TestImages.patternDataset(f, false), dir.resolve("big.dcm"));
        BulkRef ref = (BulkRef) file.dataset().get(Tag.PixelData).value();
        assertThat(ref.memory()).isNull();
        NativeFrames frames = NativeFrames.of(file.dataset());
        assertThat(frames.read(39)).isEqualTo(TestImages.pattern(f, 39, false));
        Value v = frames.rewrite((n, frame) -> {
            frame.plane(0)[5] = 0;
            return n == 17;
        }, ValueSink.toFile(dir.resolve("pixels.bin")));
        assertThat(v).isInstanceOf(BulkRef.class);
        assertThat(v.length()).isEqualTo(ref.length());
        int len = f.frameLength();
        assertThat(ValueBytes.read(v, 0, 17 * len)).containsExactly(ValueBytes.read(ref, 0, 17 * len));
        assertThat(ValueBytes.read(v, 18L * len, 22 * len)).containsExactly(ValueBytes.read(ref, 18L * len, 22 * len));
        assertThat(ValueBytes.read(v, 17L * len + 10, 2)).containsExactly(0, 0);
    }

    @Test
    void pixelDataShorterThanTheFramesIsRefused() {
        PixelFormat f = TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 4, 4, 8, 8, false), 3);
        DataSet ds = TestImages.dataset(f, new byte[40]);
        assertThatThrownBy(() -> NativeFrames.of(ds)).isInstanceOf(PixelFormatException.class)
                .hasMessageContaining("PixelData").hasMessageContaining("40 bytes");
    }

    @Test
    void bigEndianEightBitWordsOfARealFileMatchItsLittleEndianTwin() throws IOException {
        Path nativeLe = OracleTools.dcmdrle(RealImages.path(RealImages.PALETTE_RLE), dir.resolve("le.dcm"));
        Path be = Oracles.dcmconv(nativeLe, dir.resolve("be.dcm"), "+tb");
        DataSet beSet = DicomReader.read(be).dataset();
        assertThat(beSet.get(Tag.PixelData).vr().name()).isEqualTo("OW");
        Frame little = NativeFrames.of(DicomReader.read(nativeLe).dataset()).read(0);
        assertThat(NativeFrames.of(beSet).read(0)).isEqualTo(little);
    }
}
