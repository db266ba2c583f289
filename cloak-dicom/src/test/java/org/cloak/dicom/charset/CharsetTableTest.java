package org.cloak.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CharsetTableTest {
    private final CharsetTable table = CharsetTable.standard();

    @Test
    void readsAllDefinedTermsOfTablesC12_2To5() {
        List<String> terms = table.terms().stream().map(CharsetTerm::definedTerm).collect(Collectors.toList());
        assertThat(terms).hasSize(33).startsWith("").contains("ISO_IR 100", "ISO_IR 203", "ISO_IR 13",
                "ISO_IR 166", "ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149",
                "ISO 2022 IR 58", "ISO_IR 192", "GB18030", "GBK").doesNotHaveDuplicates();
        assertThat(table.terms().stream().filter(CharsetTerm::codeExtension)).hasSize(17);
    }

    @Test
    void parsesEscapeSequencesFromColumnRowNotation() {
        assertThat(CharsetTable.parseEscape("ESC 02/08 04/02")).containsExactly(0x1B, 0x28, 0x42);
        assertThat(CharsetTable.parseEscape("ESC 02/04 02/09 04/03")).containsExactly(0x1B, 0x24, 0x29, 0x43);
        assertThat(CharsetTable.parseEscape("  ")).isEmpty();
        assertThatThrownBy(() -> CharsetTable.parseEscape("ESC 02/08 04/16"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CharsetTable.parseEscape("02/08 04/02"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termsCarryTheirEscapesAndCharsets() {
        CharsetTerm kanji = table.lookup("ISO 2022 IR 87");
        assertThat(kanji.g0Escape()).containsExactly(0x1B, 0x24, 0x42); // ESC $ B
        assertThat(kanji.g1Escape()).isEmpty();
        assertThat(kanji.multiByte()).isTrue();
        assertThat(kanji.charset().name()).isEqualTo("x-JIS0208");

        CharsetTerm hangul = table.lookup("ISO 2022 IR 149");
        assertThat(hangul.g0Registration()).isEmpty();
        assertThat(hangul.g1Escape()).containsExactly(0x1B, 0x24, 0x29, 0x43); // ESC $ ) C

        assertThat(table.lookup("ISO 2022 IR 159").g0Escape()).containsExactly(0x1B, 0x24, 0x28, 0x44);
        assertThat(table.lookup("ISO 2022 IR 58").g1Escape()).containsExactly(0x1B, 0x24, 0x29, 0x41);
        assertThat(table.lookup("ISO 2022 IR 13").g0Escape()).containsExactly(0x1B, 0x28, 0x4A); // ESC ( J
        assertThat(table.lookup("ISO 2022 IR 13").g1Escape()).containsExactly(0x1B, 0x29, 0x49); // ESC ) I
        assertThat(table.lookup("ISO 2022 IR 203").g1Escape()).containsExactly(0x1B, 0x2D, 0x62); // ESC - b
        assertThat(table.lookup("ISO_IR 100").g1Escape()).isEmpty();
        assertThat(table.lookup("ISO_IR 203").charset().name()).isEqualTo("ISO-8859-15");
        assertThat(table.lookup("").description()).isEqualTo("Default repertoire");
    }

    @Test
    void everyTermHasItsCodeElements() {
        for (CharsetTerm t : table.terms()) {
            boolean unicodeOrGb = t.g0Registration().isEmpty() && t.g1Registration().isEmpty();
            if (!unicodeOrGb) {
                assertThat(table.g0(t) != null || table.g1(t) != null).as(t.toString()).isTrue();
            }
        }
        // ISO_IR 100 and ISO 2022 IR 100 share the code element ISO-IR 100 (G1)
        assertThat(table.g1(table.lookup("ISO_IR 100"))).isSameAs(table.g1(table.lookup("ISO 2022 IR 100")));
    }

    @Test
    void lookupToleratesCommonMisspellings() {
        assertThat(table.lookup(" ISO_IR 100 ").definedTerm()).isEqualTo("ISO_IR 100");
        assertThat(table.lookup("ISO-IR 100").definedTerm()).isEqualTo("ISO_IR 100");
        assertThat(table.lookup("iso_ir 192").definedTerm()).isEqualTo("ISO_IR 192");
        assertThat(table.lookup("ISO 2022 IR100").definedTerm()).isEqualTo("ISO 2022 IR 100");
        assertThat(table.lookup("ISO_IR 6").definedTerm()).isEmpty();
        assertThat(table.lookup("ISO 2022 IR 146")).isNull();
        assertThat(table.lookup(null)).isNull();
    }

    @Test
    void rejectsATableWithMissingColumns() {
        byte[] tsv = "defined_term\tdescription\nISO_IR 100\tLatin\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CharsetTable.read(new ByteArrayInputStream(tsv)))
                .hasMessageContaining("code_extension");
    }
}
