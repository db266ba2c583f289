package org.cloak.testkit.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.dict.Uid;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;

/**
 * Test files produced by independent writers (dcmtk, GDCM) at test time, one per encoding
 * feature. Nothing here is written by Cloak, so the codec is judged against other toolkits.
 */
final class Corpus {
    static final int CT_ROWS = 64;
    static final int CT_COLUMNS = 64;

    /**
     * One corpus file.
     *
     * @param tsUid transfer syntax the producing tool was asked for
     * @param nativePixels the expected Pixel Data value bytes for native encodings, else null
     * @param hasMeta false for raw data sets written without file meta
     */
    record Entry(String name, Path file, String tsUid, byte[] nativePixels, boolean hasMeta) {
        @Override
        public String toString() { return name; }
    }

    private Corpus() {}

    static List<Entry> build(Path dir) {
        try {
            return doBuild(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> doBuild(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        byte[] ct = Fixtures.phantom(CT_ROWS, CT_COLUMNS);
        byte[] ctBe = swap16(ct);
        byte[] mf = multiframePixels();
        Files.write(dir.resolve("ct16.raw"), ct);
        Files.write(dir.resolve("mf16.raw"), mf);
        Path allVrs = copyResource("all-vrs.dump", dir);
        Path multiframe = copyResource("multiframe.dump", dir);
        Path bmp = dir.resolve("rgb.bmp");
        Files.write(bmp, rgbBitmap(48, 32));

        // Explicit VR Little Endian, sequences and items of defined length (dump2dcm's default)
        Path el = Oracles.dump2dcm(allVrs, dir.resolve("explicit-le-defined.dcm"));
        out.add(new Entry("explicit-le-defined", el, Uid.ExplicitVRLittleEndian, ct, true));
        // ... and of undefined length
        Path elU = Oracles.dump2dcm(allVrs, dir.resolve("explicit-le-undefined.dcm"), "-e");
        out.add(new Entry("explicit-le-undefined", elU, Uid.ExplicitVRLittleEndian, ct, true));
        out.add(new Entry("explicit-le-group-lengths",
                Oracles.dcmconv(el, dir.resolve("group-lengths.dcm"), "+g"), Uid.ExplicitVRLittleEndian, ct, true));
        out.add(new Entry("explicit-le-trailing-padding",
                Oracles.dcmconv(el, dir.resolve("padding.dcm"), "+p", "256", "0"), Uid.ExplicitVRLittleEndian, ct,
                        true));
        out.add(new Entry("implicit-le-dcmtk",
                Oracles.dcmconv(el, dir.resolve("implicit-dcmtk.dcm"), "+ti"), Uid.ImplicitVRLittleEndian, ct, true));
        out.add(new Entry("implicit-le-undefined-dcmtk",
                Oracles.dcmconv(elU, dir.resolve("implicit-undef-dcmtk.dcm"), "+ti", "-e"), Uid.ImplicitVRLittleEndian,
                        ct, true));
        Path gImplicit = Oracles.gdcmconv(el, dir.resolve("implicit-gdcm.dcm"), "--implicit");
        out.add(new Entry("implicit-le-gdcm", gImplicit, Uid.ImplicitVRLittleEndian, ct, true));
        out.add(new Entry("explicit-le-gdcm",
                Oracles.gdcmconv(gImplicit, dir.resolve("explicit-gdcm.dcm"), "--explicit"), Uid.ExplicitVRLittleEndian,
                        ct, true));
        out.add(new Entry("explicit-be-dcmtk",
                Oracles.dcmconv(el, dir.resolve("big-endian.dcm"), "+tb"), Uid.ExplicitVRBigEndian, ctBe, true));
        out.add(new Entry("deflated-dcmtk",
                Oracles.dcmconv(el, dir.resolve("deflated-dcmtk.dcm"), "+td"), Uid.DeflatedExplicitVRLittleEndian, ct,
                        true));
        out.add(new Entry("deflated-gdcm",
                Oracles.gdcmconv(el, dir.resolve("deflated-gdcm.dcm"), "--deflated"),
                        Uid.DeflatedExplicitVRLittleEndian, ct, true));
        out.add(new Entry("no-meta-explicit-le",
                Oracles.dcmconv(el, dir.resolve("no-meta-explicit.dcm"), "-F"), Uid.ExplicitVRLittleEndian, ct, false));
        out.add(new Entry("no-meta-implicit-le",
                Oracles.dcmconv(el, dir.resolve("no-meta-implicit.dcm"), "-F", "+ti"), Uid.ImplicitVRLittleEndian, ct,
                        false));

        // encapsulated pixel data, 16-bit CT
        out.add(new Entry("rle-gdcm",
                Oracles.gdcmconv(el, dir.resolve("rle-gdcm.dcm"), "--rle"), Uid.RLELossless, null, true));
        Path jpegSv1 = Oracles.gdcmconv(el, dir.resolve("jpeg-sv1-gdcm.dcm"), "--jpeg");
        out.add(new Entry("jpeg-lossless-sv1-gdcm", jpegSv1, Uid.JPEGLosslessSV1, null, true));
        out.add(new Entry("jpeg-lossless-split-fragments-gdcm",
                Oracles.gdcmconv(jpegSv1, dir.resolve("jpeg-split.dcm"), "--split", "1000"), Uid.JPEGLosslessSV1, null,
                        true));
        out.add(new Entry("jpeg-lossless-p14-dcmtk",
                Oracles.dcmcjpeg(el, dir.resolve("jpeg-p14-dcmtk.dcm"), "+el"), Uid.JPEGLossless, null, true));
        out.add(new Entry("jpeg-extended-dcmtk",
                Oracles.dcmcjpeg(el, dir.resolve("jpeg-extended-dcmtk.dcm"), "+ee"), Uid.JPEGExtended12Bit, null,
                        true));
        out.add(new Entry("jpeg2000-lossless-gdcm",
                Oracles.gdcmconv(el, dir.resolve("j2k-gdcm.dcm"), "--j2k"), Uid.JPEG2000Lossless, null, true));
        out.add(new Entry("jpegls-lossless-gdcm",
                Oracles.gdcmconv(el, dir.resolve("jpegls-gdcm.dcm"), "--jpegls"), Uid.JPEGLSLossless, null, true));

        // multi-frame 16-bit
        Path mfFile = Oracles.dump2dcm(multiframe, dir.resolve("multiframe.dcm"));
        out.add(new Entry("multiframe-explicit-le", mfFile, Uid.ExplicitVRLittleEndian, mf, true));
        out.add(new Entry("multiframe-rle-dcmtk",
                Oracles.dcmcrle(mfFile, dir.resolve("multiframe-rle.dcm")), Uid.RLELossless, null, true));
        out.add(new Entry("multiframe-jpegls-dcmtk",
                Oracles.dcmcjpls(mfFile, dir.resolve("multiframe-jpegls.dcm")), Uid.JPEGLSLossless, null, true));

        // a private sequence encoded as UN of undefined length, items in Implicit VR Little Endian
        Path unSeq = Oracles.dump2dcm(copyResource("un-sequence.dump", dir), dir.resolve("un-sequence.dcm"));
        Files.write(unSeq, unSequenceElements(), java.nio.file.StandardOpenOption.APPEND);
        out.add(new Entry("explicit-le-un-undefined-length", unSeq, Uid.ExplicitVRLittleEndian, null, true));

        // 8-bit RGB from a bitmap
        Path sc = Oracles.img2dcm(bmp, dir.resolve("img2dcm-rgb.dcm"), "-i", "BMP",
                "-k", "PatientName=DOE^JOHN", "-k", "PatientID=PID-0002");
        out.add(new Entry("img2dcm-rgb", sc, Uid.ExplicitVRLittleEndian, null, true));
        out.add(new Entry("jpeg-baseline-rgb-dcmtk",
                Oracles.dcmcjpeg(sc, dir.resolve("jpeg-baseline-rgb.dcm"), "+eb"), Uid.JPEGBaseline8Bit, null, true));
        out.add(new Entry("rle-rgb-gdcm",
                Oracles.gdcmconv(sc, dir.resolve("rle-rgb-gdcm.dcm"), "--rle"), Uid.RLELossless, null, true));
        out.add(new Entry("jpeg2000-rgb-gdcm",
                Oracles.gdcmconv(sc, dir.resolve("j2k-rgb-gdcm.dcm"), "--j2k"), Uid.JPEG2000Lossless, null, true));
        return out;
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    /**
     * (0011,0010) LO "ACME 1.0" and (0011,1001) UN of undefined length holding two implicit VR
     * items, one of undefined and one of defined length; appended after the (0010,xxxx) group.
     */
    private static byte[] unSequenceElements() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0011).putShort((short) 0x0010).put((byte) 'L').put((byte) 'O').putShort((short) 8)
                .put("ACME 1.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putShort((short) 0x0011).putShort((short) 0x1001).put((byte) 'U').put((byte) 'N').putShort((short) 0)
                .putInt(-1);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1);
        b.putShort((short) 0x0010).putShort((short) 0x0010).putInt(14)
                .put("NESTED^UN^FAKE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putShort((short) 0xFFFE).putShort((short) 0xE00D).putInt(0);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(12);
        b.putShort((short) 0x0008).putShort((short) 0x0100).putInt(4)
                .put("CODE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    static byte[] swap16(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i + 1 < le.length; i += 2) {
            be[i] = le[i + 1];
            be[i + 1] = le[i];
        }
        return be;
    }

    /** Three 32x32 frames of 16-bit ramps, each frame different. */
    private static byte[] multiframePixels() {
        ByteBuffer b = ByteBuffer.allocate(3 * 32 * 32 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < 3; f++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    b.putShort((short) (f * 20000 + x * 300 + y * 17));
                }
            }
        }
        return b.array();
    }

    /** A 24-bit BMP (bottom-up rows padded to 4 bytes) with colour gradients. */
    private static byte[] rgbBitmap(int w, int h) {
        int rowSize = (w * 3 + 3) & ~3;
        int size = 54 + rowSize * h;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(size).putInt(0).putInt(54);
        b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(rowSize * h).putInt(2835).putInt(2835).putInt(0).putInt(0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.put((byte) (x * 5)).put((byte) (y * 8)).put((byte) ((x + y) * 3));
            }
            for (int p = w * 3; p < rowSize; p++) {
                b.put((byte) 0);
            }
        }
        return b.array();
    }
}
