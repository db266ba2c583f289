package org.cloak.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.dicom.charset.StandardExamplesTest.ascii;
import static org.cloak.dicom.charset.StandardExamplesTest.concat;
import static org.cloak.dicom.charset.StandardExamplesTest.decode;
import static org.cloak.dicom.charset.StandardExamplesTest.hex;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecificCharacterSetTest {

    /** One name per single-byte set; bytes (where given) are those of pydicom's charset test files. */
    static Stream<Arguments> singleByteNames() {
        return Stream.of(
                Arguments.of("100", "Buc^Jérôme", "42 75 63 5e 4a e9 72 f4 6d 65"),
                Arguments.of("100", "Äneas^Rüdiger", "c4 6e 65 61 73 5e 52 fc 64 69 67 65 72"),
                Arguments.of("101", "Dvořák^Antonín", null),
                Arguments.of("109", "Ġużeppi^Ħabib", null),
                Arguments.of("110", "Šķēle^Andris", null),
                Arguments.of("144", "Люкceмбypг", "bb ee da 63 65 dc d1 79 70 d3"),
                Arguments.of("127", "قباني^لنزار", "e2 c8 c7 e6 ea 5e e4 e6 d2 c7 d1"),
                Arguments.of("126", "Διονυσιος", "c4 e9 ef ed f5 f3 e9 ef f2"),
                Arguments.of("138", "שרון^דבורה", "f9 f8 e5 ef 5e e3 e1 e5 f8 e4"),
                Arguments.of("148", "Şahin^Gülşen", null),
                Arguments.of("203", "Bœuf^Zoë€", null),
                Arguments.of("13", "ﾔﾏﾀﾞ^ﾀﾛｳ", "d4 cf c0 de 5e c0 db b3"),
                Arguments.of("166", "สมชาย^ใจดี", null));
    }

    @ParameterizedTest(name = "ISO_IR {0}: {1}")
    @MethodSource("singleByteNames")
    void singleByteSetsRoundTrip(String ir, String name, String bytes) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR " + ir);
        assertThat(cs.isIso2022()).isFalse();
        assertThat(cs.hasUnknownTerms()).isFalse();
        assertThat(cs.canEncode(name)).isTrue();
        byte[] encoded = cs.encode(name, true);
        if (bytes != null) {
            assertThat(encoded).isEqualTo(hex(bytes));
        }
        assertThat(decode(cs, encoded, true)).isEqualTo(name);
        assertThat(SpecificCharacterSet.DEFAULT.canEncode(name)).isFalse();
    }

    @ParameterizedTest(name = "ISO 2022 IR {0}: {1}")
    @MethodSource("singleByteNames")
    void singleByteSetsAsCodeExtensionsRoundTrip(String ir, String name, String bytes) {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR " + ir);
        assertThat(cs.isIso2022()).isTrue();
        String value = "ASCII=" + name + "\\second^" + name;
        assertThat(cs.canEncode(value)).isTrue();
        byte[] encoded = cs.encode(value, true);
        byte[] g1 = CharsetTable.standard().lookup("ISO 2022 IR " + ir).g1Escape();
        assertThat(encoded).startsWith(ascii("ASCII="));
        assertThat(indexOf(encoded, g1)).isPositive(); // designated explicitly, value 1 being empty
        assertThat(decode(cs, encoded, true)).isEqualTo(value);
        // the same set as value 1: its G1 is designated initially, so no escape is written
        SpecificCharacterSet first = SpecificCharacterSet.of("ISO 2022 IR " + ir, "ISO 2022 IR 87");
        byte[] plain = first.encode(name, true);
        assertThat(indexOf(plain, new byte[] {0x1B})).isNegative();
        if (bytes != null) {
            assertThat(plain).isEqualTo(hex(bytes));
        }
        assertThat(decode(first, plain, true)).isEqualTo(name);
    }

    /** pydicom's multi-valued example: each value switches G1, value 1 needs no escape. */
    @Test
    void multipleSingleByteExtensionsAcrossValues() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126");
        byte[] bytes = hex("42 75 63 5e 4a e9 72 f4 6d 65 5c 1b 2d 46 c4 e9 ef ed f5 f3 e9 ef f2 5c 1b 2d 4c "
                + "bb ee da 63 65 dc d1 79 70 d3");
        String value = "Buc^Jérôme\\Διονυσιος\\Люкceмбypг";
        assertThat(decode(cs, bytes, true)).isEqualTo(value);
        assertThat(cs.encode(value, true)).isEqualTo(bytes);
        // a switch in the middle of a text value, and back to Latin-1 later on
        String text = "Dionysios is Διονυσιος, not Jérôme";
        assertThat(decode(cs, cs.encode(text, false), false)).isEqualTo(text);
    }

    @Test
    void personNameDelimitersResetTheCodeElementsOnlyForPn() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 13");
        byte[] noEscapeAfterCaret = concat(ascii("ASCII+"), hex("1b 29 49 d4 cf c0 de 5e c0 db b3"));
        // PN: G1 is undefined again after '^', so the bytes fall back to ISO-8859-1 (as pydicom does)
        assertThat(decode(cs, noEscapeAfterCaret, true)).isEqualTo("ASCII+ﾔﾏﾀﾞ^ÀÛ³");
        assertThat(decode(cs, noEscapeAfterCaret, false)).isEqualTo("ASCII+ﾔﾏﾀﾞ^ﾀﾛｳ");
        // and every line starts over
        byte[] lines = concat(hex("1b 29 49 d4"), ascii("\r\n"), hex("d4"));
        assertThat(decode(cs, lines, false)).isEqualTo("ﾔ\r\nÔ");
    }

    @Test
    void kanjiPairsMayContainDelimiterBytes() {
        // ま is 0x24 0x5E in JIS X 0208: the 0x5E is no '^' while G0 holds ISO-IR 87
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        assertThat(decode(cs, hex("1b 24 42 24 5e 24 5c 1b 28 42 5e 41"), true)).isEqualTo("まぼ^A");
        assertThat(cs.encode("ま\\A", false)).isEqualTo(hex("1b 24 42 24 5e 1b 28 42 5c 41"));
    }

    @Test
    void japaneseMixedInOneComponent() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159");
        // ｲ is a G1 (GR) byte: no need to leave kanji in G0 for it
        String s = "ｱa山ｲ鷗b=ﾔﾏﾀﾞ";
        assertThat(cs.canEncode(s)).isTrue();
        byte[] b = cs.encode(s, true);
        assertThat(b).isEqualTo(hex("b1 61 1b 24 42 3b 33 b2 1b 24 28 44 6c 3f 1b 28 4a 62 3d d4 cf c0 de"));
        assertThat(decode(cs, b, true)).isEqualTo(s);
    }

    @Test
    void multiByteValue1IsAssumedInG1WhenReadingButDesignatedWhenWriting() {
        // seen in the wild: "ISO 2022 IR 149" alone, with EUC-KR bytes and no escape sequence
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 149");
        assertThat(decode(cs, hex("b1 e8 c8 f1 c1 df"), true)).isEqualTo("김희중");
        assertThat(cs.encode("김희중", true)).isEqualTo(hex("1b 24 29 43 b1 e8 c8 f1 c1 df"));
    }

    @Test
    void defaultRepertoireIsAsciiButReadsLatin1Leniently() {
        SpecificCharacterSet cs = SpecificCharacterSet.DEFAULT;
        assertThat(SpecificCharacterSet.of()).isSameAs(cs);
        assertThat(SpecificCharacterSet.of("")).isSameAs(cs);
        assertThat(SpecificCharacterSet.of((String[]) null)).isSameAs(cs);
        assertThat(cs.definedTerms()).isEmpty();
        assertThat(cs.isIso2022()).isFalse();
        assertThat(decode(cs, hex("42 75 63 5e 4a e9 72 f4 6d 65"), true)).isEqualTo("Buc^Jérôme");
        assertThat(cs.canEncode("Jérôme")).isFalse();
        assertThat(cs.encode("Jérôme", true)).isEqualTo(ascii("J?r?me"));
        assertThat(cs.encode("Doe^John\\Roe", true)).isEqualTo(ascii("Doe^John\\Roe"));
    }

    @Test
    void unknownTermsFallBackToTheDefaultRepertoire() {
        SpecificCharacterSet unknown = SpecificCharacterSet.of("ISO_IR 999");
        assertThat(unknown.hasUnknownTerms()).isTrue();
        assertThat(unknown.definedTerms()).containsExactly("ISO_IR 999");
        assertThat(decode(unknown, hex("4a e9"), false)).isEqualTo("Jé");
        assertThat(unknown.canEncode("é")).isFalse();

        SpecificCharacterSet second = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 146");
        assertThat(second.hasUnknownTerms()).isTrue();
        assertThat(decode(second, hex("4a e9 1b 2d 4c bb"), false)).isEqualTo("JéЛ");
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").hasUnknownTerms()).isFalse();
        assertThat(SpecificCharacterSet.of("ISO-IR 100").hasUnknownTerms()).isFalse();
    }

    @Test
    void unicodeAndGbSetsNeverUseEscapes() {
        SpecificCharacterSet utf8 = SpecificCharacterSet.of("ISO_IR 192");
        assertThat(utf8.isIso2022()).isFalse();
        String s = "Ærøskøbing^Σωκράτης=李^😀";
        assertThat(utf8.canEncode(s)).isTrue();
        assertThat(decode(utf8, utf8.encode(s, true), true)).isEqualTo(s);
        SpecificCharacterSet gb = SpecificCharacterSet.of("GB18030");
        assertThat(decode(gb, gb.encode(s, true), true)).isEqualTo(s);
        assertThat(SpecificCharacterSet.of("GBK").canEncode("😀")).isFalse();
    }

    @Test
    void unencodableCharactersBecomeQuestionMarks() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        assertThat(cs.canEncode("山田 Jérôme")).isFalse();
        assertThat(cs.encode("山é", true)).isEqualTo(hex("1b 24 42 3b 33 1b 28 42 3f"));
        assertThat(cs.canEncode("a\u001bb")).isFalse(); // a literal ESC would read back as a designation
        assertThat(SpecificCharacterSet.of("ISO_IR 100").canEncode("Я")).isFalse();
    }

    @Test
    void plainAsciiIsTheSameUnderEverySet() {
        byte[] ascii = ascii("Doe^John\\Roe^Jane=");
        for (String[] terms : new String[][] {{"ISO_IR 100"}, {"ISO_IR 192"}, {"GB18030"}, {"ISO_IR 13"},
                {"", "ISO 2022 IR 87"}, {"ISO 2022 IR 13", "ISO 2022 IR 87"}, {"", "ISO 2022 IR 149"}}) {
            assertThat(decode(SpecificCharacterSet.of(terms), ascii, true)).isEqualTo("Doe^John\\Roe^Jane=");
            assertThat(SpecificCharacterSet.of(terms).encode("Doe^John", true)).isEqualTo(ascii("Doe^John"));
        }
    }

    @Test
    void valueObjectBehaviour() {
        SpecificCharacterSet a = SpecificCharacterSet.of(" ", "ISO 2022 IR 87 ");
        assertThat(a).isEqualTo(SpecificCharacterSet.of("", "ISO 2022 IR 87")).hasSameHashCodeAs(
                SpecificCharacterSet.of("", "ISO 2022 IR 87"));
        assertThat(a.definedTerms()).containsExactly("", "ISO 2022 IR 87");
        assertThat(a.toString()).contains("\\ISO 2022 IR 87");
        a.definedTerms()[1] = "changed";
        assertThat(a.definedTerms()[1]).isEqualTo("ISO 2022 IR 87");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
