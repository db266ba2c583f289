package org.cloak.pixel.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.pixel.Encapsulate;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameAssert;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.RealImages;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.frame.NativeFrames;
import org.cloak.pixel.region.Redaction;
import org.cloak.pixel.region.Region;
import org.cloak.pixel.region.RegionCleaner;
import org.cloak.pixel.value.ValueSink;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JPEG Lossless against dcmtk (dcmcjpeg, dcmdjpeg) and GDCM in both directions. */
class JpegLosslessOracleTest {
    private static final List<PixelFormat> FORMATS = List.of(
            TestImages.format(Photometric.MONOCHROME2, 21, 19, 8, 8, false),
            TestImages.format(Photometric.MONOCHROME2, 17, 23, 16, 12, false),
            TestImages.format(Photometric.MONOCHROME2, 10, 12, 16, 16, false),
            TestImages.format(Photometric.MONOCHROME2, 10, 12, 16, 12, true),
            TestImages.format(Photometric.RGB, 14, 9, 8, 8, false));

    @TempDir
    Path dir;

    @Test
    void realFileDecodesAsDcmdjpegDoes() throws IOException {
        Path jpeg = RealImages.path(RealImages.JPEG_LOSSLESS_SV1);
        Frame ours = open(jpeg, Uid.JPEGLosslessSV1).read(0);
        Frame dcmtk = nativeFrames(OracleTools.dcmdjpeg(jpeg, dir.resolve("n.dcm"))).read(0);
        assertThat(ours).isEqualTo(dcmtk);
    }

    @Test
    void everyPredictorOfDcmcjpegDecodesToTheOriginal() throws IOException {
        for (PixelFormat f : FORMATS) {
            Path in = dir.resolve("native.dcm");
            TestImages.writeAndRead(TestImages.patternDataset(f, false), in);
            for (int sv = 1; sv <= 7; sv++) {
                Path jpeg = Oracles.dcmcjpeg(in, dir.resolve("sv.dcm"), "+el", "+sv", Integer.toString(sv));
                FrameAssert.sameSamples(open(jpeg, Uid.JPEGLossless).read(0), TestImages.pattern(f, 0, false),
                        f + " predictor " + sv);
            }
            Path sv1 = Oracles.dcmcjpeg(in, dir.resolve("sv1.dcm"), "+e1");
            FrameAssert.sameSamples(open(sv1, Uid.JPEGLosslessSV1).read(0), TestImages.pattern(f, 0, false),
                    f + " SV1");
        }
    }

    @Test
    void pointTransformDecodesAsDcmdjpegDoes() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 12, 12, 16, 12, false);
        Path in = dir.resolve("native.dcm");
        TestImages.writeAndRead(TestImages.patternDataset(f, false), in);
        Path jpeg = Oracles.dcmcjpeg(in, dir.resolve("pt.dcm"), "+el", "+sv", "4", "+pt", "3");
        Frame dcmtk = nativeFrames(OracleTools.dcmdjpeg(jpeg, dir.resolve("n.dcm"))).read(0);
        FrameAssert.samePlanes(open(jpeg, Uid.JPEGLossless).read(0), dcmtk, "point transform 3");
    }

    @Test
    void framesSplitIntoManyFragmentsAreFoundWithOrWithoutAnOffsetTable() throws IOException {
        PixelFormat f = TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 64, 64, 16, 16, false), 3);
        Path in = dir.resolve("native.dcm");
        TestImages.writeAndRead(TestImages.patternDataset(f, false), in);
        for (String table : List.of("+ot", "-ot")) {
            Path jpeg = Oracles.dcmcjpeg(in, dir.resolve("frag.dcm"), "+e1", "+fs", "1", table);
            DicomFile file = DicomReader.read(jpeg);
            assertThat(((Fragments) file.dataset().get(Tag.PixelData).value()).items().size()).isGreaterThan(4);
            PixelData pd = open(jpeg, Uid.JPEGLosslessSV1);
            for (int n = 0; n < 3; n++) {
                assertThat(pd.read(n)).as("%s frame %d", table, n).isEqualTo(TestImages.pattern(f, n, false));
            }
        }
    }

    @Test
    void ourFramesDecodeByDcmdjpegAndGdcmToTheOriginal() throws IOException {
        for (PixelFormat f : FORMATS) {
            PixelFormat multi = TestImages.frames(f, 2);
            List<Frame> frames = TestImages.patterns(multi, false);
            Path jpeg = Encapsulate.write(multi, frames, new JpegLosslessCodec(Uid.JPEGLosslessSV1), true,
                    dir.resolve("ours.dcm"));
            NativeFrames dcmtk = nativeFrames(OracleTools.dcmdjpeg(jpeg, dir.resolve("d.dcm")));
            NativeFrames gdcm = nativeFrames(OracleTools.gdcmRaw(jpeg, dir.resolve("g.dcm")));
            for (int n = 0; n < 2; n++) {
                FrameAssert.sameSamples(dcmtk.read(n), frames.get(n), f + " dcmdjpeg");
                FrameAssert.sameSamples(gdcm.read(n), frames.get(n), f + " gdcmconv");
            }
        }
    }

    @Test
    void cleaningARealJpegFileChangesOnlyTheRegionForDcmdjpeg() throws IOException {
        Path jpeg = RealImages.path(RealImages.JPEG_LOSSLESS_SV1);
        DicomFile file = DicomReader.read(jpeg);
        PixelData pd = open(jpeg, Uid.JPEGLosslessSV1);
        Frame before = pd.read(0);
        Region corner = new Region(-300, 0, 300, 120);
        assertThat(pd.rewrite(new RegionCleaner(List.of(corner), new long[] {0}), ValueSink.inMemory(), file.dataset()))
                .isTrue();
        Path cleaned = dir.resolve("cleaned.dcm");
        DicomWriter.write(file, cleaned);
        Frame after = nativeFrames(OracleTools.dcmdjpeg(cleaned, dir.resolve("n.dcm"))).read(0);
        Frame expected = before.copy();
        Redaction.fill(expected, corner, new long[] {0});
        assertThat(after).isEqualTo(expected);
        assertThat(after.cell(0, 1023, 0)).isZero();
    }

    private static NativeFrames nativeFrames(Path file) throws IOException {
        return NativeFrames.of(DicomReader.read(file).dataset());
    }

    private static PixelData open(Path file, String uid) throws IOException {
        DicomFile f = DicomReader.read(file);
        assertThat(f.transferSyntax().uid()).isEqualTo(uid);
        return PixelData.open(f.dataset(), uid, PixelCodecs.standard());
    }
}
