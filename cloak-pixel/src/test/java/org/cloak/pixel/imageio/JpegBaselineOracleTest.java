package org.cloak.pixel.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.pixel.Frame;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Scenes;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.jpeg.DctCleaner;
import org.cloak.pixel.region.Region;
import org.cloak.pixel.value.ValueBytes;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG Baseline and Extended against dcmtk: frames made by dcmcjpeg decode as dcmdjpeg decodes
 * them, and DCT-domain cleaning leaves every pixel outside the blanked MCUs as dcmdjpeg decoded
 * it before, with the coefficients outside unchanged.
 */
class JpegBaselineOracleTest {
    @TempDir
    Path dir;

    @Test
    void greyAndColourFramesDecodeAsDcmdjpegDoes() throws IOException {
        for (PixelFormat f : List.of(TestImages.format(Photometric.MONOCHROME2, 96, 130, 8, 8, false),
                TestImages.format(Photometric.RGB, 80, 112, 8, 8, false))) {
            Path jpeg = jpeg(f, "+eb");
            Frame ours = open(jpeg, Uid.JPEGBaseline8Bit).read(0);
            Frame dcmtk = nativeFrame(OracleTools.dcmdjpeg(jpeg, dir.resolve("d.dcm")));
            assertThat(maxDifference(ours, dcmtk)).as(f.photometric().term()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void dctCleaningKeepsEveryPixelOutsideTheBlankedBlocks() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 100, 140, 8, 8, false);
        for (String[] args : List.of(new String[] {"+eb"}, new String[] {"+eb", "-ho"}, new String[] {"+ee"})) {
            Path jpeg = jpeg(f, args);
            List<Region> regions = List.of(new Region(3, 5, 40, 11), new Region(-30, -20, 30, 20));
            CheckedClean c = cleanAndDecode(jpeg, Uid.JPEGBaseline8Bit, regions, Photometric.MONOCHROME2);
            assertOutsideSame(c, String.join(" ", args));
            assertBlack(c.after, c.blocks, 0, 3);
        }
    }

    @Test
    void dctCleaningOfSubsampledColourKeepsTheCoefficientsOutside() throws IOException {
        PixelFormat f = TestImages.format(Photometric.RGB, 64, 96, 8, 8, false);
        Path jpeg = jpeg(f, "+eb"); // YBR_FULL_422, 4:2:2: MCUs of 16x8
        byte[] before = frameBytes(jpeg);
        DctCleaner.Result r = DctCleaner.clean(before, List.of(new Region(20, 10, 10, 4)),
                Photometric.YBR_FULL_422);
        assertThat(r.blocks()).containsExactly(new Region.Bounds(16, 8, 32, 16));
        assertThat(Coefficients.changedOutside(before, r.data(), r.blocks())).isZero();
    }

    @Test
    void twelveBitExtendedIsCleanedInTheDctDomainThoughImageIoCannotDecodeIt() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 64, 72, 16, 12, false);
        Path jpeg = jpeg(f, "+ee");
        assertThatThrownBy(() -> open(jpeg, Uid.JPEGExtended12Bit).read(0)).isInstanceOf(PixelDecodeException.class);
        CheckedClean c = cleanAndDecode(jpeg, Uid.JPEGExtended12Bit, List.of(new Region(10, 10, 20, 20)),
                Photometric.MONOCHROME2);
        assertOutsideSame(c, "12 bit");
        assertBlack(c.after, c.blocks, 0, 8);
    }

    @Test
    void monochrome1IsBlankedToItsHighestValue() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME1, 48, 48, 8, 8, false);
        Path jpeg = jpeg(f, "+eb");
        CheckedClean c = cleanAndDecode(jpeg, Uid.JPEGBaseline8Bit, List.of(new Region(0, 0, 8, 8)),
                Photometric.MONOCHROME1);
        assertBlack(c.after, c.blocks, 255, 3);
    }

    @Test
    void ourEncoderIsReadByDcmdjpeg() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 40, 56, 8, 8, false);
        Frame scene = Scenes.scene(f, 0);
        Path file = org.cloak.pixel.Encapsulate.write(f, List.of(scene), new JpegBaselineCodec(Uid.JPEGBaseline8Bit),
                false, dir.resolve("ours.dcm"));
        Frame dcmtk = nativeFrame(OracleTools.dcmdjpeg(file, dir.resolve("d.dcm")));
        assertThat(maxDifference(dcmtk, scene)).as("lossy at quality 0.9").isLessThanOrEqualTo(20);
    }

    /** The frame cleaned in the DCT domain, and dcmdjpeg's decoding of the file before and after. */
    private record CheckedClean(Frame before, Frame after, List<Region.Bounds> blocks) {}

    private CheckedClean cleanAndDecode(Path jpeg, String ts, List<Region> regions, Photometric p)
            throws IOException {
        byte[] before = frameBytes(jpeg);
        DctCleaner.Result r = DctCleaner.clean(before, regions, p);
        assertThat(r).isNotNull();
        assertThat(Coefficients.changedOutside(before, r.data(), r.blocks())).isZero();
        DicomFile in = DicomReader.read(jpeg);
        DataSet out = in.dataset();
        out.put(Tag.PixelData, org.cloak.dicom.dict.Vr.OB, new Fragments(List.of(org.cloak.dicom.data.Bytes.EMPTY,
                new org.cloak.dicom.data.Bytes(pad(r.data())))));
        Path cleaned = dir.resolve("cleaned.dcm");
        DicomWriter.write(new DicomFile(new DataSet(), out, in.transferSyntax(), "cleaned", false), cleaned);
        Frame a = nativeFrame(OracleTools.dcmdjpeg(jpeg, dir.resolve("a.dcm")));
        Frame b = nativeFrame(OracleTools.dcmdjpeg(cleaned, dir.resolve("b.dcm")));
        return new CheckedClean(a, b, r.blocks());
    }

    private static void assertOutsideSame(CheckedClean c, String what) {
        PixelFormat f = c.before.format();
        int inside = 0;
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                if (in(c.blocks, x, y)) {
                    inside++;
                    continue;
                }
                assertThat(c.after.sample(0, x, y)).as("%s pixel %d,%d", what, x, y)
                        .isEqualTo(c.before.sample(0, x, y));
            }
        }
        assertThat(inside).as(what).isPositive();
    }

    private static void assertBlack(Frame f, List<Region.Bounds> blocks, long black, long tolerance) {
        for (Region.Bounds b : blocks) {
            for (int y = b.y0(); y < b.y1(); y++) {
                for (int x = b.x0(); x < b.x1(); x++) {
                    assertThat(Math.abs(f.sample(0, x, y) - black)).as("pixel %d,%d", x, y)
                            .isLessThanOrEqualTo(tolerance);
                }
            }
        }
    }

    static boolean in(List<Region.Bounds> blocks, int x, int y) {
        for (Region.Bounds b : blocks) {
            if (x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1()) {
                return true;
            }
        }
        return false;
    }

    private Path jpeg(PixelFormat f, String... args) throws IOException {
        Path in = dir.resolve("native.dcm");
        TestImages.writeAndRead(TestImages.dataset(f, TestImages.pack(f, List.of(Scenes.scene(f, 0)),
                ByteOrder.LITTLE_ENDIAN)), in);
        return Oracles.dcmcjpeg(in, dir.resolve("jpeg.dcm"), args);
    }

    static byte[] frameBytes(Path file) throws IOException {
        DataSet ds = DicomReader.read(file).dataset();
        List<Value> items = ((Fragments) ds.get(Tag.PixelData).value()).items();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Value v : items.subList(1, items.size())) {
            out.writeBytes(ValueBytes.readAll(v));
        }
        return out.toByteArray();
    }

    private static byte[] pad(byte[] b) {
        return (b.length & 1) == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
    }

    static PixelData open(Path file, String ts) throws IOException {
        DicomFile f = DicomReader.read(file);
        assertThat(f.transferSyntax().uid()).isEqualTo(ts);
        return PixelData.open(f.dataset(), ts, PixelCodecs.standard());
    }

    static Frame nativeFrame(Path file) throws IOException {
        DicomFile f = DicomReader.read(file);
        return PixelData.open(f.dataset(), f.transferSyntax().uid(), PixelCodecs.standard()).read(0);
    }

    static long maxDifference(Frame a, Frame b) {
        long max = 0;
        PixelFormat f = a.format();
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    max = Math.max(max, Math.abs(a.sample(p, x, y) - b.sample(p, x, y)));
                }
            }
        }
        return max;
    }
}
