package org.cloak.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dcmtk as an independent oracle: our encoder's bytes go into a dump file, dump2dcm writes them to
 * a DICOM file unchanged, and {@code dcmdump +U8} renders them in UTF-8 with dcmtk's own reading of
 * (0008,0005). We also decode the bytes dcmtk stored.
 */
class DcmtkOracleTest {
    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final Path DUMP2DCM = Path.of("/usr/bin/dump2dcm");
    /**
     * Sets dcmtk 3.6.7 with glibc iconv (Debian 12) cannot convert: it lacks ISO-IR 203 and iconv
     * lacks JIS X 0208/0212 as ISO 2022 elements. For these only the stored bytes are checked, and
     * dcmtk must still refuse them: if it learns them, move them to the full check.
     */
    private static final Set<String> DCMTK_CANNOT_CONVERT = Set.of(
            "ISO_IR 203", "\\ISO 2022 IR 203", "\\ISO 2022 IR 87", "ISO 2022 IR 13\\ISO 2022 IR 87",
            "ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159");

    @TempDir
    Path dir;

    @BeforeAll
    static void dcmtkIsInstalled() {
        for (Path tool : List.of(DCMDUMP, DUMP2DCM)) {
            if (!Files.isExecutable(tool)) {
                fail(tool + " is missing: this test needs dcmtk (Debian/Ubuntu: apt-get install dcmtk)");
            }
        }
    }

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        String[][] single = {
                {"100", "Buc^Jérôme"}, {"101", "Dvořák^Antonín"}, {"109", "Ġużeppi^Ħabib"},
                {"110", "Šķēle^Andris"}, {"144", "Люкceмбypг"}, {"127", "قباني^لنزار"},
                {"126", "Διονυσιος"}, {"138", "שרון^דבורה"}, {"148", "Şahin^Gülşen"},
                {"203", "Bœuf^Zoë€"}, {"13", "ﾔﾏﾀﾞ^ﾀﾛｳ"}, {"166", "สมชาย^ใจดี"}};
        for (String[] s : single) {
            out.add(Arguments.of("ISO_IR " + s[0], s[1]));
            out.add(Arguments.of("\\ISO 2022 IR " + s[0], "ASCII=" + s[1]));
        }
        out.add(Arguments.of("ISO 2022 IR 100\\ISO 2022 IR 144\\ISO 2022 IR 126",
                "Buc^Jérôme=Διονυσιος=Люкceмбypг"));
        out.add(Arguments.of("ISO_IR 192", "Wang^XiaoDong=王^小東="));
        out.add(Arguments.of("GB18030", "Wang^XiaoDong=王^小东="));
        out.add(Arguments.of("GBK", "Wang^XiaoDong=王^小东="));
        out.add(Arguments.of("\\ISO 2022 IR 149", "Hong^Gildong=洪^吉洞=홍^길동"));
        out.add(Arguments.of("\\ISO 2022 IR 58", "Zhang^XiaoDong=张^小东="));
        out.add(Arguments.of("\\ISO 2022 IR 87", "Yamada^Tarou=山田^太郎=やまだ^たろう"));
        out.add(Arguments.of("ISO 2022 IR 13\\ISO 2022 IR 87", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"));
        out.add(Arguments.of("ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", "Mori^Ogai=森^鷗外=もり^おうがい"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void dcmtkReadsWhatWeWrite(String charsetValue, String name) throws Exception {
        SpecificCharacterSet cs = SpecificCharacterSet.of(charsetValue.split("\\\\", -1));
        assertThat(cs.hasUnknownTerms()).isFalse();
        assertThat(cs.canEncode(name)).isTrue();
        byte[] pn = cs.encode(name, true);

        Path dump = dir.resolve("in.dump");
        Path dcm = dir.resolve("out.dcm");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes(("(0008,0005) CS [" + charsetValue + "]\n(0010,0010) PN [").getBytes(StandardCharsets.UTF_8));
        text.writeBytes(pn);
        text.writeBytes(("]\n(0008,0016) UI =SecondaryCaptureImageStorage\n"
                + "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.1]\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dump, text.toByteArray());
        run(true, DUMP2DCM.toString(), "+te", dump.toString(), dcm.toString());

        // dcmtk stores our bytes as they are (plus one space of padding to an even length)
        byte[] stored = explicitLittleEndianValue(Files.readAllBytes(dcm), 0x00100010);
        byte[] expected = pn.length % 2 == 0 ? pn : Arrays.copyOf(pn, pn.length + 1);
        if (pn.length % 2 != 0) {
            expected[pn.length] = ' ';
        }
        assertThat(stored).as("bytes dcmtk stored").isEqualTo(expected);
        assertThat(cs.decode(stored, 0, stored.length, true).stripTrailing()).isEqualTo(name);

        Result utf8 = run(false, DCMDUMP.toString(), "+U8", "+L", "+P", "0010,0010", dcm.toString());
        if (DCMTK_CANNOT_CONVERT.contains(charsetValue)) {
            assertThat(utf8.exit).as("dcmtk now converts %s: move it to the full check", charsetValue)
                    .isNotZero();
            assertThat(utf8.stderr).contains("not supported");
            return;
        }
        if (utf8.exit != 0) {
            fail("dcmdump failed (" + utf8.exit + "): " + utf8.stderr);
        }
        String line = utf8.stdout.lines().filter(l -> l.startsWith("(0010,0010)")).findFirst()
                .orElseThrow(() -> new AssertionError("no PatientName in: " + utf8.stdout));
        String value = line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'));
        assertThat(value.stripTrailing()).as("dcmtk's UTF-8 rendering").isEqualTo(name);
    }

    /** The value of a top-level element in a Part 10 file with explicit VR little endian data set. */
    private static byte[] explicitLittleEndianValue(byte[] file, int tag) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132); // preamble and "DICM"
        Set<String> longVrs = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
        while (b.remaining() >= 8) {
            int t = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
            int len;
            if (longVrs.contains(vr)) {
                b.getShort();
                len = b.getInt();
            } else {
                len = b.getShort() & 0xFFFF;
            }
            byte[] value = new byte[len];
            b.get(value);
            if (t == tag) {
                return value;
            }
        }
        throw new AssertionError(String.format("no element %08X in the file dcmtk wrote", tag));
    }

    private static final class Result {
        final int exit;
        final String stdout;
        final String stderr;

        Result(int exit, String stdout, String stderr) {
            this.exit = exit;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    /** Runs a tool with a 60 s limit; when mustSucceed, a nonzero exit fails the test with stderr. */
    private Result run(boolean mustSucceed, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        Result r = new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        if (mustSucceed && r.exit != 0) {
            fail(String.join(" ", command) + " exited with " + r.exit + ": " + r.stderr);
        }
        return r;
    }
}
