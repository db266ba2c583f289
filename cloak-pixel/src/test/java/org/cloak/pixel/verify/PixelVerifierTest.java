package org.cloak.pixel.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cloak.deid.pixel.PixelRegion;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.FindingKind;
import org.cloak.deid.verify.FindingSink;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.Frame;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFiles;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Scenes;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.corpus.BurnedInCorpus;
import org.cloak.pixel.step.Engines;
import org.cloak.pixel.text.TesseractCli;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pixel checks of verify on outputs of the real pixel step: a clean result passes in every
 * syntax, one changed sample outside the blanked areas fails, a re-encoded JPEG fails, and OCR
 * finds the patient's name that a rule left in the image (and none after redaction).
 */
class PixelVerifierTest {
    private static final PixelRule TOP = PixelRule.regions("top", Condition.on(Tag.Modality, Condition.Op.EQUALS,
            "US"), List.of(new PixelRegion(0, 0, 64, 24)), "test");
    private static final PixelVerifier NO_OCR = new PixelVerifier(PixelCodecs.standard(), null);

    @TempDir
    Path dir;

    @Test
    void aCleanResultPassesInEveryLosslessSyntax() throws IOException {
        Path in = usFile(TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false));
        List<Path> inputs = List.of(in, Oracles.dcmcrle(in, dir.resolve("rle.dcm")),
                Oracles.dcmcjpeg(in, dir.resolve("jl.dcm"), "+e1"), Oracles.gdcmconv(in, dir.resolve("j2k.dcm"),
                        "--j2k"));
        for (Path p : inputs) {
            DicomFile out = clean(p, "out-" + p.getFileName());
            assertThat(findings(NO_OCR, out, DicomReader.read(p))).as(p.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void oneSampleChangedOutsideTheBlankedAreaFails() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false);
        Path in = usFile(f);
        clean(in, "out.dcm");
        Frame frame = PixelFiles.frame(dir.resolve("out.dcm"), 0);
        frame.setSample(0, 80, 50, frame.sample(0, 80, 50) ^ 1);
        DataSet tampered = DicomReader.read(dir.resolve("out.dcm")).dataset();
        tampered.put(Tag.PixelData, Vr.OB, new Bytes(TestImages.pack(f, List.of(frame), ByteOrder.LITTLE_ENDIAN)));

        List<Finding> found = findings(NO_OCR, TestImages.writeAndRead(tampered, dir.resolve("t.dcm")),
                DicomReader.read(in));

        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.PIXELS_CHANGED_OUTSIDE);
        assertThat(found.get(0).detail()).isEqualTo("frame 1: 1 samples changed that are not blank");
    }

    @Test
    void jpegBaselineCleanedInTheDctDomainPassesAndAReEncodedOneFails() throws IOException {
        Path raw = usFile(TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false));
        Path jpeg = Oracles.dcmcjpeg(raw, dir.resolve("jb.dcm"), "+eb");
        DicomFile out = clean(jpeg, "out.dcm");
        assertThat(out.transferSyntax().uid()).isEqualTo(Uid.JPEGBaseline8Bit);
        assertThat(findings(NO_OCR, out, DicomReader.read(jpeg))).isEmpty();

        // the same image encoded again at another quality, marked as if it had been cleaned
        Path other = Oracles.dcmcjpeg(raw, dir.resolve("q50.dcm"), "+eb", "+q", "50");
        DicomFile reencoded = DicomReader.read(other);
        reencoded.dataset().put(Tag.DeidentificationMethodCodeSequence, Vr.SQ,
                out.dataset().get(Tag.DeidentificationMethodCodeSequence).value());
        List<Finding> found = findings(NO_OCR, reencoded, DicomReader.read(jpeg));
        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.PIXELS_CHANGED_OUTSIDE);
        assertThat(found.get(0).detail()).matches("frame 1: [0-9]+ DCT blocks changed that are not blanked");
    }

    @Test
    void ocrReadsTheNameARuleLeftInTheImageAndNothingAfterRedaction() throws IOException {
        BurnedInCorpus.Image sc = BurnedInCorpus.image(BurnedInCorpus.Kind.SC, 1, new Random(7), true);
        Path in = dir.resolve("sc.dcm");
        DicomFile original = TestImages.writeAndRead(sc.dataset(), in);
        PixelRule corner = PixelRule.regions("corner", Condition.on(Tag.Modality, Condition.Op.EQUALS, "OT"),
                List.of(new PixelRegion(0, -4, 4, 4)), "test");
        PixelVerifier verifier = new PixelVerifier(PixelCodecs.standard(), TesseractCli.standard());

        DicomFile ruleOnly = Engines.write(Engines.run(Engines.with(List.of(corner), TextMode.OFF,
                TextScope.AT_RISK), in), dir.resolve("rule.dcm"));
        List<Finding> left = findings(verifier, ruleOnly, original);
        assertThat(left).extracting(Finding::kind).contains(FindingKind.PIXEL_TEXT_IDENTIFIER)
                .doesNotContain(FindingKind.PIXELS_CHANGED_OUTSIDE);
        assertThat(left).filteredOn(x -> x.kind() == FindingKind.PIXEL_TEXT_IDENTIFIER)
                .allSatisfy(x -> assertThat(x.value()).as("the word read is masked").doesNotContain("SMITH"));

        DicomFile redacted = Engines.write(Engines.run(Engines.with(List.of(corner), TextMode.REDACT,
                TextScope.ALL), in), dir.resolve("redacted.dcm"));
        assertThat(findings(verifier, redacted, original)).extracting(Finding::kind)
                .doesNotContain(FindingKind.PIXEL_TEXT_IDENTIFIER, FindingKind.PIXELS_CHANGED_OUTSIDE);
    }

    @Test
    void anOutputNotMarkedCleanedIsLeftToTheReplay() throws IOException {
        PixelFormat f = TestImages.format(Photometric.MONOCHROME2, 64, 96, 8, 8, false);
        Path in = dir.resolve("ct.dcm");
        TestImages.writeAndRead(TestImages.dataset(f, TestImages.pack(f, Scenes.scenes(f), ByteOrder.LITTLE_ENDIAN)),
                in);
        DicomFile plain = Engines.write(Engines.run(Engines.without(), in), dir.resolve("plain.dcm"));
        assertThat(findings(NO_OCR, plain, DicomReader.read(in))).isEmpty();
    }

    private DicomFile clean(Path in, String name) throws IOException {
        return Engines.write(Engines.run(Engines.with(List.of(TOP), TextMode.OFF, TextScope.AT_RISK), in),
                dir.resolve(name));
    }

    private static List<Finding> findings(PixelVerifier v, DicomFile out, DicomFile original) {
        FindingSink sink = new FindingSink(false);
        v.check("out.dcm", out, original, sink);
        return new ArrayList<>(sink.sorted());
    }

    private Path usFile(PixelFormat f) throws IOException {
        DataSet ds = TestImages.dataset(f, TestImages.pack(f, Scenes.scenes(f), ByteOrder.LITTLE_ENDIAN));
        ds.setString(Tag.Modality, Vr.CS, "US");
        ds.setString(Tag.SOPClassUID, Vr.UI, Uid.UltrasoundMultiFrameImageStorage);
        Path in = dir.resolve("us.dcm");
        TestImages.writeAndRead(ds, in);
        return in;
    }
}
