package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileFactsTest {
    @Test
    void readsTheDatesBasicIsoDateReads() {
        for (String v : List.of("20240115", "19600229", "20000229", "00000101", "99991231", "20240115120000",
                "19000229", "20241301", "20240100", "20240431", "2024011", "2024-01-15", "2024O115", "+2024011",
                "２０２４０１１５", " 2024011", "20240115 ")) {
            if (v.length() < 8) {
                continue;
            }
            assertThat(FileFacts.basicIsoDate(v)).as(v).isEqualTo(reference(v.substring(0, 8)));
        }
    }

    @Test
    void theStudyDateComesFromTheFirstDateThatParses() {
        FileFacts f = FileFacts.of(Inputs.header("P1", "1.2.3", "20240230"), Origin.unknown());
        assertThat(f.date()).isNull();
        assertThat(FileFacts.of(Inputs.header("P1", "1.2.3", "20240229"), Origin.unknown()).date())
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    private static LocalDate reference(String v) {
        try {
            return LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
