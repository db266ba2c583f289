package org.cloak.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The encoded examples of PS3.5 Annexes H, I, J and K, byte for byte, in both directions. Byte
 * strings are copied in the standard's own notation (column/row or hex).
 */
class StandardExamplesTest {

    /** H.3.1: Value 1 of (0008,0005) is not present ("\ISO 2022 IR 87"). */
    @Test
    void annexH_3_1_japaneseKanjiWithDefaultValue1() {
        check(SpecificCharacterSet.of("", "ISO 2022 IR 87"), "Yamada^Tarou=山田^太郎=やまだ^たろう", colRow(
                "05/09 06/01 06/13 06/01 06/04 06/01 05/14 05/04 06/01 07/02 06/15 07/05 03/13 01/11 02/04 "
                + "04/02 03/11 03/03 04/05 04/04 01/11 02/08 04/02 05/14 01/11 02/04 04/02 04/02 04/00 04/15 "
                + "03/10 01/11 02/08 04/02 03/13 01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 "
                + "02/08 04/02 05/14 01/11 02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/02"));
    }

    /** H.3.2: Value 1 is ISO 2022 IR 13 (half-width katakana in G1, romaji in G0, ESC ( J back). */
    @Test
    void annexH_3_2_katakanaAndKanji() {
        check(SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87"), "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", colRow(
                "13/04 12/15 12/00 13/14 05/14 12/00 13/11 11/03 03/13 01/11 02/04 04/02 03/11 03/03 04/05 "
                + "04/04 01/11 02/08 04/10 05/14 01/11 02/04 04/02 04/02 04/00 04/15 03/10 01/11 02/08 04/10 "
                + "03/13 01/11 02/04 04/02 02/04 06/04 02/04 05/14 02/04 04/00 01/11 02/08 04/10 05/14 01/11 "
                + "02/04 04/02 02/04 03/15 02/04 06/13 02/04 02/06 01/11 02/08 04/10"));
    }

    /**
     * ISO 2022 IR 87 with IR 159 (supplementary kanji: 鷗 is only in JIS X 0212), in the style of
     * Annex H; the bytes are those pydicom's test suite expects for this name.
     */
    @Test
    void supplementaryKanjiIr159MixedWithIr87() {
        check(SpecificCharacterSet.of("ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"),
                "Mori^Ogai=森^鷗外=もり^おうがい", hex(
                "4d 6f 72 69 5e 4f 67 61 69 3d 1b 24 42 3f 39 1b 28 42 5e 1b 24 28 44 6c 3f 1b 24 42 33 30 "
                + "1b 28 42 3d 1b 24 42 24 62 24 6a 1b 28 42 5e 1b 24 42 24 2a 24 26 24 2c 24 24 1b 28 42"));
    }

    /** I.2: Korean, ISO-IR 149 in G1, designated again after each delimiter. */
    @Test
    void annexI_2_korean() {
        check(SpecificCharacterSet.of("", "ISO 2022 IR 149"), "Hong^Gildong=洪^吉洞=홍^길동", colRow(
                "04/08 06/15 06/14 06/07 05/14 04/07 06/09 06/12 06/04 06/15 06/14 06/07 03/13 01/11 02/04 "
                + "02/09 04/03 15/11 15/03 05/14 01/11 02/04 02/09 04/03 13/01 12/14 13/04 13/07 03/13 01/11 "
                + "02/04 02/09 04/03 12/08 10/11 05/14 01/11 02/04 02/09 04/03 11/01 14/06 11/05 11/15"));
    }

    /**
     * I.3: Korean long text with ESC $ ) C at the head of each line (the standard gives no bytes, only
     * the escapes). Our encoder designates just before the first Hangul instead: both decode alike.
     */
    @Test
    void annexI_3_koreanLongText() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        String text = "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line";
        byte[] escapeFirst = concat(hex("1b 24 29 43"), ascii("The first line includes "), hex("c7 d1 b1 db"),
                ascii(".\r\n"), hex("1b 24 29 43"), ascii("The second line includes "), hex("c7 d1 b1 db"),
                ascii(", too.\r\nThe third line"));
        assertThat(decode(cs, escapeFirst, false)).isEqualTo(text);
        byte[] ours = cs.encode(text, false);
        assertThat(ours).isEqualTo(concat(ascii("The first line includes "), hex("1b 24 29 43 c7 d1 b1 db"),
                ascii(".\r\nThe second line includes "), hex("1b 24 29 43 c7 d1 b1 db"),
                ascii(", too.\r\nThe third line")));
        assertThat(decode(cs, ours, false)).isEqualTo(text);
    }

    /** J.1: Chinese person name in UTF-8. */
    @Test
    void annexJ_1_unicodePersonName() {
        check(SpecificCharacterSet.of("ISO_IR 192"), "Wang^XiaoDong=王^小東=", concat(ascii("Wang^XiaoDong="),
                hex("e7 8e 8b 5e e5 b0 8f e6 9d b1 3d")));
    }

    /** J.2: long text in UTF-8. */
    @Test
    void annexJ_2_unicodeLongText() {
        check(SpecificCharacterSet.of("ISO_IR 192"), J_TEXT, hex(
                "54 68 65 20 66 69 72 73 74 20 6c 69 6e 65 20 69 6e 63 6c 75 64 65 73 e4 b8 ad e6 96 87 2e 0d "
                + "0a 54 68 65 20 73 65 63 6f 6e 64 20 6c 69 6e 65 20 69 6e 63 6c 75 64 65 73 e4 b8 ad e6 96 87 "
                + "2c 20 74 6f 6f 2e 0d 0a 54 68 65 20 74 68 69 72 64 20 6c 69 6e 65 2e 0d 0a"));
    }

    /** J.3: person name in GB18030; per Annex J the same bytes serve for GBK. */
    @Test
    void annexJ_3_gb18030AndGbkPersonName() {
        byte[] bytes = hex("57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d cd f5 5e d0 a1 b6 ab 3d");
        check(SpecificCharacterSet.of("GB18030"), "Wang^XiaoDong=王^小东=", bytes);
        check(SpecificCharacterSet.of("GBK"), "Wang^XiaoDong=王^小东=", bytes);
    }

    /** J.4: long text in GB18030 (and GBK). */
    @Test
    void annexJ_4_gb18030AndGbkLongText() {
        byte[] bytes = hex(
                "54 68 65 20 66 69 72 73 74 20 6c 69 6e 65 20 69 6e 63 6c 75 64 65 73 d6 d0 ce c4 2e 0d 0a 54 "
                + "68 65 20 73 65 63 6f 6e 64 20 6c 69 6e 65 20 69 6e 63 6c 75 64 65 73 d6 d0 ce c4 2c 20 74 6f "
                + "6f 2e 0d 0a 54 68 65 20 74 68 69 72 64 20 6c 69 6e 65 2e 0d 0a");
        check(SpecificCharacterSet.of("GB18030"), J_TEXT, bytes);
        check(SpecificCharacterSet.of("GBK"), J_TEXT, bytes);
    }

    /** K.2: GB2312 (ISO-IR 58) in G1; the trailing 0x20 is padding, which decode keeps. */
    @Test
    void annexK_2_gb2312PersonName() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
        byte[] padded = hex("5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D 1B 24 29 41 D5 C5 5E 1B 24 29 41 D0 "
                + "A1 B6 AB 3D 20");
        String name = "Zhang^XiaoDong=张^小东=";
        assertThat(decode(cs, padded, true)).isEqualTo(name + " ");
        assertThat(cs.encode(name, true)).isEqualTo(Arrays.copyOf(padded, padded.length - 1));
    }

    /** K.3: GB2312 long text, G1 designated again on each line, no return to ASCII needed. */
    @Test
    void annexK_3_gb2312LongText() {
        check(SpecificCharacterSet.of("", "ISO 2022 IR 58"), "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n", hex(
                "31 2e 1B 24 29 41 B5 DA D2 BB D0 D0 CE C4 D7 D6 A1 A3 0D 0A "
                + "32 2e 1B 24 29 41 B5 DA B6 FE D0 D0 CE C4 D7 D6 A1 A3 0D 0A "
                + "33 2e 1B 24 29 41 B5 DA C8 FD D0 D0 CE C4 D7 D6 A1 A3 0D 0A"), false);
    }

    private static final String J_TEXT =
            "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n";

    private static void check(SpecificCharacterSet cs, String text, byte[] bytes) {
        check(cs, text, bytes, true);
    }

    private static void check(SpecificCharacterSet cs, String text, byte[] bytes, boolean personName) {
        assertThat(decode(cs, bytes, personName)).as("decode").isEqualTo(text);
        assertThat(cs.canEncode(text)).as("canEncode").isTrue();
        assertThat(cs.encode(text, personName)).as("encode").isEqualTo(bytes);
    }

    static String decode(SpecificCharacterSet cs, byte[] b, boolean personName) {
        // decode a slice of a larger buffer, as readers do
        byte[] framed = concat(hex("ff ff"), b, hex("ff"));
        return cs.decode(framed, 2, b.length, personName);
    }

    /** Bytes in the standard's column/row notation, e.g. "05/09 01/11". */
    static byte[] colRow(String s) {
        String[] t = s.trim().split("\\s+");
        byte[] out = new byte[t.length];
        for (int i = 0; i < t.length; i++) {
            String[] cr = t[i].split("/");
            out[i] = (byte) (Integer.parseInt(cr[0]) * 16 + Integer.parseInt(cr[1]));
        }
        return out;
    }

    static byte[] hex(String s) {
        String[] t = s.trim().split("\\s+");
        byte[] out = new byte[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = (byte) Integer.parseInt(t[i], 16);
        }
        return out;
    }

    static byte[] ascii(String s) { return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII); }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
