package org.cloak.pixel.rle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.DataSet;
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
import org.cloak.pixel.region.Region;
import org.cloak.pixel.region.RegionCleaner;
import org.cloak.pixel.value.ValueSink;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RLE against dcmtk (dcmcrle, dcmdrle) and GDCM (gdcmconv) in both directions. */
class RleOracleTest {
    private static final List<PixelFormat> FORMATS = List.of(
            TestImages.format(Photometric.MONOCHROME2, 20, 33, 8, 8, false),
            TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 16, 17, 16, 12, true), 3),
            TestImages.format(Photometric.RGB, 12, 15, 8, 8, false),
            TestImages.format(Photometric.RGB, 12, 15, 8, 8, false).withPlanarConfiguration(1),
            TestImages.format(Photometric.RGB, 5, 6, 16, 16, false),
            TestImages.format(Photometric.PALETTE_COLOR, 10, 10, 8, 8, false));

    @TempDir
    Path dir;

    @Test
    void realFileDecodesAsDcmdrleDoes() throws IOException {
        Path rle = RealImages.path(RealImages.PALETTE_RLE);
        Frame ours = open(rle).read(0);
        Frame dcmtk = nativeFrames(OracleTools.dcmdrle(rle, dir.resolve("n.dcm"))).read(0);
        assertThat(ours).isEqualTo(dcmtk);
    }

    @Test
    void framesEncodedByDcmcrleAndGdcmDecodeToTheOriginal() throws IOException {
        for (PixelFormat f : FORMATS) {
            Path in = dir.resolve("native.dcm");
            TestImages.writeAndRead(TestImages.patternDataset(f, false), in);
            for (Path encoded : List.of(Oracles.dcmcrle(in, dir.resolve("dcmtk.dcm")),
                    Oracles.gdcmconv(in, dir.resolve("gdcm.dcm"), "--rle"))) {
                PixelData pd = open(encoded);
                for (int n = 0; n < f.frames(); n++) {
                    FrameAssert.samePlanes(pd.read(n), TestImages.pattern(f, n, false),
                            f + " " + encoded.getFileName());
                }
            }
        }
    }

    @Test
    void ourFramesDecodeByDcmdrleAndGdcmToTheOriginal() throws IOException {
        for (PixelFormat f : FORMATS) {
            List<Frame> frames = TestImages.patterns(f, false);
            Path rle = Encapsulate.write(f, frames, new RleCodec(), f.frames() > 1, dir.resolve("ours.dcm"));
            NativeFrames dcmtk = nativeFrames(OracleTools.dcmdrle(rle, dir.resolve("d.dcm")));
            NativeFrames gdcm = nativeFrames(OracleTools.gdcmRaw(rle, dir.resolve("g.dcm")));
            for (int n = 0; n < f.frames(); n++) {
                FrameAssert.samePlanes(dcmtk.read(n), frames.get(n), f + " dcmdrle");
                // GDCM sign-extends signed stored values into the whole cell; its decoder (3.0.21) mixes
                // up the planes of 16-bit colour RLE, dcmcrle's output as well as ours
                if (f.bitsAllocated() == 8 || f.samplesPerPixel() == 1) {
                    FrameAssert.sameSamples(gdcm.read(n), frames.get(n), f + " gdcmconv");
                }
            }
        }
    }

    @Test
    void cleaningAnRleFileChangesOnlyTheRegion() throws IOException {
        Path rle = RealImages.path(RealImages.PALETTE_RLE);
        DicomFile file = DicomReader.read(rle);
        PixelData pd = open(rle);
        Frame before = pd.read(0);
        DataSet out = file.dataset();
        Region banner = new Region(0, 0, 800, 30);
        assertThat(pd.rewrite(new RegionCleaner(List.of(banner), new long[] {0}), ValueSink.inMemory(), out)).isTrue();
        Path cleaned = dir.resolve("cleaned.dcm");
        DicomWriter.write(file, cleaned);
        Frame after = NativeFrames.of(DicomReader.read(OracleTools.dcmdrle(cleaned, dir.resolve("n.dcm"))).dataset())
                .read(0);
        PixelFormat f = before.format();
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                assertThat(after.cell(0, x, y)).isEqualTo(y < 30 ? 0 : before.cell(0, x, y));
            }
        }
    }

    private static NativeFrames nativeFrames(Path file) throws IOException {
        return NativeFrames.of(DicomReader.read(file).dataset());
    }

    private static PixelData open(Path file) throws IOException {
        DicomFile f = DicomReader.read(file);
        assertThat(f.transferSyntax().uid()).isEqualTo(Uid.RLELossless);
        return PixelData.open(f.dataset(), f.transferSyntax().uid(), PixelCodecs.standard());
    }
}
