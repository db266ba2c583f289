package org.cloak.pixel.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.Encapsulate;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameAssert;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Scenes;
import org.cloak.pixel.TestImages;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG 2000 against GDCM: its lossless frames decode to the original, ours decode with gdcmconv
 * --raw; 16-bit frames, which the jai-imageio writer does not keep lossless, are refused.
 */
class Jpeg2000OracleTest {
    private static final List<PixelFormat> FORMATS = List.of(
            TestImages.format(Photometric.MONOCHROME2, 40, 52, 8, 8, false),
            TestImages.format(Photometric.MONOCHROME2, 33, 47, 16, 12, false),
            TestImages.format(Photometric.MONOCHROME2, 32, 32, 16, 16, true),
            TestImages.format(Photometric.MONOCHROME2, 32, 32, 16, 12, true),
            TestImages.format(Photometric.RGB, 30, 44, 8, 8, false));

    @TempDir
    Path dir;

    @Test
    void gdcmLosslessFramesDecodeToTheOriginal() throws IOException {
        for (PixelFormat f : FORMATS) {
            Frame original = Scenes.scene(f, 0);
            Path j2k = Oracles.gdcmconv(nativeFile(f, original), dir.resolve("j2k.dcm"), "--j2k");
            DicomFile read = DicomReader.read(j2k);
            assertThat(read.transferSyntax().uid()).isEqualTo(Uid.JPEG2000Lossless);
            Frame ours = JpegBaselineOracleTest.open(j2k, Uid.JPEG2000Lossless).read(0);
            FrameAssert.sameSamples(ours, original, f.toString());
            Frame gdcm = JpegBaselineOracleTest.nativeFrame(OracleTools.gdcmRaw(j2k, dir.resolve("raw.dcm")));
            sameBits(ours, gdcm, "gdcm " + f);
        }
    }

    @Test
    void ourLosslessFramesDecodeToTheOriginalWithGdcm() throws IOException {
        for (PixelFormat f : FORMATS) {
            if (f.bitsStored() == 16) {
                assertThatThrownBy(() -> new Jpeg2000Codec(Uid.JPEG2000Lossless).encode(Scenes.scene(f, 1)))
                        .isInstanceOf(UnsupportedOperationException.class);
                continue;
            }
            Frame original = Scenes.scene(f, 1);
            Path ours = Encapsulate.write(f, List.of(original), new Jpeg2000Codec(Uid.JPEG2000Lossless), false,
                    dir.resolve("ours.dcm"));
            Frame gdcm = JpegBaselineOracleTest.nativeFrame(OracleTools.gdcmRaw(ours, dir.resolve("raw.dcm")));
            sameBits(gdcm, original, f.toString());
        }
    }

    @Test
    void lossyInputDecodesAsGdcmDecodesIt() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 48, 48, 8, 8, false);
        Path lossy = Oracles.gdcmconv(nativeFile(f, Scenes.scene(f, 2)), dir.resolve("lossy.dcm"), "--j2k",
                "--lossy", "-q", "30");
        Frame ours = JpegBaselineOracleTest.open(lossy, Uid.JPEG2000).read(0);
        Frame gdcm = JpegBaselineOracleTest.nativeFrame(OracleTools.gdcmRaw(lossy, dir.resolve("raw.dcm")));
        assertThat(JpegBaselineOracleTest.maxDifference(ours, gdcm)).isLessThanOrEqualTo(1);
    }

    /** Same stored bits (GDCM writes signed data as unsigned codestream samples and back). */
    private static void sameBits(Frame actual, Frame expected, String what) {
        PixelFormat f = expected.format();
        long mask = (1L << f.bitsStored()) - 1;
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            for (int i = 0; i < expected.plane(p).length; i++) {
                int x = i % f.columns();
                int y = i / f.columns();
                assertThat(actual.sample(p, x, y) & mask).as("%s %d,%d", what, x, y)
                        .isEqualTo(expected.sample(p, x, y) & mask);
            }
        }
    }

    private Path nativeFile(PixelFormat f, Frame frame) throws IOException {
        Path in = dir.resolve("native.dcm");
        TestImages.writeAndRead(TestImages.dataset(f, TestImages.pack(f, List.of(frame), ByteOrder.LITTLE_ENDIAN)),
                in);
        return in;
    }
}
