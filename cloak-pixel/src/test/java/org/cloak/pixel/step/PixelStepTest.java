package org.cloak.pixel.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.Deidentified;
import org.cloak.deid.Outcome;
import org.cloak.deid.pixel.PixelRegion;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.deid.rule.Condition;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFiles;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Scenes;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Region rules through the engine: the rule's rectangles are black in every frame and every
 * other pixel is as it was, in each transfer syntax (made by dcmtk and GDCM); the output is
 * marked; a burned-in image no rule covers is quarantined, one a rule covers is written.
 */
class PixelStepTest {
    private static final PixelRule TOP = PixelRule.regions("top", Condition.on(Tag.Modality, Condition.Op.EQUALS,
            "US"), List.of(new PixelRegion(0, 0, 64, 24), new PixelRegion(-40, -16, 40, 16)), "test");

    @TempDir
    Path dir;

    @Test
    void aRuleBlanksItsRegionsInEveryFrameAndSyntaxAndNothingElse() throws IOException {
        PixelFormat grey = TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false), 2);
        PixelFormat rgb = TestImages.format(Photometric.RGB, 48, 80, 8, 8, false);
        for (PixelFormat f : List.of(grey, rgb)) {
            Path in = usFile(f);
            List<Path> inputs = List.of(in, Oracles.dcmcrle(in, dir.resolve("rle.dcm")),
                    Oracles.dcmcjpeg(in, dir.resolve("jl.dcm"), "+e1"),
                    Oracles.gdcmconv(in, dir.resolve("j2k.dcm"), "--j2k"));
            for (Path p : inputs) {
                Deidentified d = Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), p);
                assertThat(d.outcome()).as(p.getFileName().toString()).isInstanceOf(Outcome.Cleaned.class);
                DicomFile out = Engines.write(d, dir.resolve("out.dcm"));
                assertThat(out.transferSyntax().uid()).isEqualTo(DicomFileTs.of(p));
                assertMarked(out.dataset());
                PixelData before = PixelData.open(org.cloak.dicom.io.DicomReader.read(p).dataset(),
                        DicomFileTs.of(p), PixelCodecs.standard());
                PixelData after = PixelData.open(out.dataset(), out.transferSyntax().uid(), PixelCodecs.standard());
                for (int n = 0; n < before.count(); n++) {
                    assertOnlyRegionsBlack(before.read(n), after.read(n), p.getFileName() + " frame " + n);
                }
            }
        }
    }

    @Test
    void jpegBaselineIsCleanedInTheDctDomain() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false);
        Path jpeg = Oracles.dcmcjpeg(usFile(f), dir.resolve("jb.dcm"), "+eb");
        Deidentified d = Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), jpeg);
        DicomFile out = Engines.write(d, dir.resolve("out.dcm"));
        assertThat(out.transferSyntax().uid()).isEqualTo(Uid.JPEGBaseline8Bit);
        Frame a = PixelFiles.frame(org.cloak.pixel.OracleTools.dcmdjpeg(jpeg, dir.resolve("a.dcm")), 0);
        Frame b = PixelFiles.frame(org.cloak.pixel.OracleTools.dcmdjpeg(dir.resolve("out.dcm"),
                dir.resolve("b.dcm")), 0);
        int changed = 0;
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                boolean inMcu = (x < 64 && y < 24 + 8) || (x >= 56 && y >= 48);
                if (!inMcu) {
                    assertThat(b.sample(0, x, y)).as("%d,%d", x, y).isEqualTo(a.sample(0, x, y));
                } else if (b.sample(0, x, y) != a.sample(0, x, y)) {
                    changed++;
                }
                if ((x < 64 && y < 24) || (x >= 56 && y >= 48)) {
                    assertThat(b.sample(0, x, y)).as("%d,%d", x, y).isLessThanOrEqualTo(3);
                }
            }
        }
        assertThat(changed).isPositive();
        assertMarked(out.dataset());
    }

    @Test
    void keepUltrasoundRegionsBlanksEverythingElse() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 40, 60, 8, 8, false);
        DataSet ds = TestImages.dataset(f, TestImages.pack(f, List.of(Scenes.scene(f, 0)), ByteOrder.LITTLE_ENDIAN));
        us(ds);
        Sequence regions = new Sequence();
        DataSet item = ds.newItem();
        item.setInts(Tag.RegionLocationMinX0, Vr.UL, 10);
        item.setInts(Tag.RegionLocationMinY0, Vr.UL, 5);
        item.setInts(Tag.RegionLocationMaxX1, Vr.UL, 49);
        item.setInts(Tag.RegionLocationMaxY1, Vr.UL, 34);
        regions.add(item);
        ds.put(Tag.SequenceOfUltrasoundRegions, Vr.SQ, regions);
        Path in = dir.resolve("usr.dcm");
        TestImages.writeAndRead(ds, in);
        PixelRule keep = PixelRule.keepUltrasoundRegions("us", Condition.ALWAYS, "test");
        DicomFile out = Engines.write(Engines.run(Engines.with(List.of(keep), TextMode.OFF, TextScope.AT_RISK), in),
                dir.resolve("out.dcm"));
        Frame before = Scenes.scene(f, 0);
        Frame after = PixelData.open(out.dataset(), out.transferSyntax().uid(), PixelCodecs.standard()).read(0);
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.columns(); x++) {
                boolean kept = x >= 10 && x <= 49 && y >= 5 && y <= 34;
                assertThat(after.sample(0, x, y)).as("%d,%d", x, y).isEqualTo(kept ? before.sample(0, x, y) : 0);
            }
        }
    }

    @Test
    void theGateQuarantinesWhatNoRuleCoversAndPassesWhatOneDoes() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 32, 32, 8, 8, false);
        Path in = usFile(f);
        assertThat(Engines.run(Engines.without(), in).outcome()).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.kind()).isEqualTo(Outcome.Reason.BURNED_IN));
        PixelRule other = PixelRule.regions("ct", Condition.on(Tag.Modality, Condition.Op.EQUALS, "CT"),
                List.of(new PixelRegion(0, 0, 4, 4)), "test");
        assertThat(Engines.run(Engines.with(List.of(other), TextMode.OFF, TextScope.AT_RISK), in).outcome())
                .isInstanceOfSatisfying(Outcome.Quarantined.class,
                        q -> assertThat(q.reason()).contains("no pixel rule or OCR covers it"));
        assertThat(Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), in).outcome())
                .isInstanceOf(Outcome.Cleaned.class);
    }

    @Test
    void aSyntaxWithoutCodecIsQuarantinedWhenCleaningIsNeeded() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 32, 32, 8, 8, false);
        Path jls = Oracles.dcmcjpls(usFile(f), dir.resolve("jls.dcm"));
        assertThat(Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), jls).outcome())
                .isInstanceOfSatisfying(Outcome.Quarantined.class, q -> {
                    assertThat(q.kind()).isEqualTo(Outcome.Reason.PIXELS);
                    assertThat(q.reason()).contains("JPEG-LS");
                });
    }

    @Test
    void filesNoRuleMatchesKeepTheirPixelDataAndFlags() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 32, 32, 8, 8, false);
        Path in = dir.resolve("ct.dcm");
        TestImages.writeAndRead(TestImages.dataset(f, TestImages.pack(f, List.of(Scenes.scene(f, 0)),
                ByteOrder.LITTLE_ENDIAN)), in);
        DicomFile plain = Engines.write(Engines.run(Engines.without(), in), dir.resolve("a.dcm"));
        DicomFile withStep = Engines.write(Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), in),
                dir.resolve("b.dcm"));
        assertThat(java.nio.file.Files.readAllBytes(dir.resolve("b.dcm")))
                .isEqualTo(java.nio.file.Files.readAllBytes(dir.resolve("a.dcm")));
        assertThat(withStep.dataset().contains(Tag.BurnedInAnnotation)).isFalse();
        assertThat(plain).isNotNull();
    }

    static void assertMarked(DataSet out) {
        assertThat(out.getString(Tag.BurnedInAnnotation)).isEqualTo("NO");
        Sequence codes = out.getSequence(Tag.DeidentificationMethodCodeSequence);
        assertThat(codes.items()).extracting(i -> i.getString(Tag.CodeValue)).contains("113100", "113101");
    }

    /** Cells inside TOP's regions are 0, all others equal. */
    private static void assertOnlyRegionsBlack(Frame before, Frame after, String what) {
        PixelFormat f = before.format();
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    boolean in = (x < 64 && y < 24) || (x >= f.columns() - 40 && y >= f.rows() - 16);
                    assertThat(after.sample(p, x, y)).as("%s %d,%d,%d", what, p, x, y)
                            .isEqualTo(in ? 0 : before.sample(p, x, y));
                }
            }
        }
    }

    private Path usFile(PixelFormat f) throws IOException {
        DataSet ds = TestImages.dataset(f, TestImages.pack(f, Scenes.scenes(f), ByteOrder.LITTLE_ENDIAN));
        us(ds);
        Path in = dir.resolve("us.dcm");
        TestImages.writeAndRead(ds, in);
        return in;
    }

    private static void us(DataSet ds) {
        ds.setString(Tag.Modality, Vr.CS, "US");
        ds.setString(Tag.SOPClassUID, Vr.UI, Uid.UltrasoundMultiFrameImageStorage);
    }

    /** The transfer syntax a file is in. */
    static final class DicomFileTs {
        private DicomFileTs() {}

        static String of(Path p) throws IOException {
            return org.cloak.dicom.io.DicomReader.read(p).transferSyntax().uid();
        }
    }
}
