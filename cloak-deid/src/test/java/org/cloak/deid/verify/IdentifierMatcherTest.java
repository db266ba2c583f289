package org.cloak.deid.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloak.dicom.charset.SpecificCharacterSet;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class IdentifierMatcherTest {
    private static IdentifierMatcher janeDoe() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19700102");
        return new IdentifierMatcher(OriginalIdentifiers.valuesOf(ds));
    }

    private static List<String> found(IdentifierMatcher m, String text) {
        return m.find(text).stream().map(IdentifierMatcher.Hit::found).toList();
    }

    @Test
    void namesAreFoundInAnyOrderSeparatorAndCaseButOnlyAsWholeWords() {
        IdentifierMatcher m = janeDoe();
        assertThat(found(m, "seen: Jane Doe")).containsExactly("Jane Doe");
        assertThat(found(m, "DOE, JANE")).containsExactly("DOE, JANE");
        assertThat(found(m, "doe^jane")).containsExactly("doe^jane");
        assertThat(found(m, "Mrs Doe")).containsExactly("Doe");
        assertThat(found(m, "DOES NOT MATCH JANET")).isEmpty();
    }

    @Test
    void datesAreFoundInEveryCommonFormatAndInsideDateTimes() {
        IdentifierMatcher m = janeDoe();
        assertThat(found(m, "born 01/02/1970")).containsExactly("01/02/1970");
        assertThat(found(m, "02.01.1970")).containsExactly("02.01.1970");
        assertThat(found(m, "1970-01-02")).containsExactly("1970-01-02");
        assertThat(found(m, "19700102093000.000")).containsExactly("19700102");
        assertThat(found(m, "2.25.119700102")).isEmpty();
    }

    @Test
    void rawBytesAreSearchedInEveryEncodingAcrossChunkBoundaries() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.PatientName, Vr.PN, "MÜSTERMANN^ERIKA");
        IdentifierMatcher m = new IdentifierMatcher(OriginalIdentifiers.valuesOf(ds));
        for (String enc : List.of("UTF-8", "ISO-8859-1")) {
            byte[] data = ("\u0000\u0007müstermann\u0000").getBytes(java.nio.charset.Charset.forName(enc));
            ByteScanner s = m.scanner(SpecificCharacterSet.DEFAULT);
            for (byte b : data) {
                s.feed(new byte[] {b}, 1);
            }
            assertThat(s.finish()).as(enc).extracting(h -> h.identifier().value()).containsExactly("MÜSTERMANN");
        }
        ByteScanner s = m.scanner(SpecificCharacterSet.DEFAULT);
        s.feed("ERIKASON".getBytes(StandardCharsets.US_ASCII), 8);
        assertThat(s.finish()).isEmpty();
    }
}
