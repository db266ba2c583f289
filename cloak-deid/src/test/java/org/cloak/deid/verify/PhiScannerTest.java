package org.cloak.deid.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class PhiScannerTest {
    private static IdentifierMatcher physicianHead() {
        DataSet original = new DataSet();
        original.setString(Tag.ReferringPhysicianName, Vr.PN, "HEAD^ALBERT");
        return new IdentifierMatcher(OriginalIdentifiers.valuesOf(original));
    }

    @Test
    void aLoneNameWordInACodeIsNotAFindingButTheWholeNameAndFreeTextAre() {
        DataSet out = new DataSet();
        DataSet code = out.newItem();
        code.setString(Tag.CodeValue, Vr.SH, "HEAD");
        code.setString(Tag.CodeMeaning, Vr.LO, "Head, seen by Dr Head");
        Sequence s = new Sequence();
        s.add(code);
        out.put(Tag.ProcedureCodeSequence, Vr.SQ, s);
        out.setString(Tag.BodyPartExamined, Vr.CS, "HEAD");
        out.setString(Tag.StudyID, Vr.SH, "ALBERT HEAD");
        FindingSink sink = new FindingSink(true);
        PhiScanner.scan("f.dcm", out, null, physicianHead(), null, sink);
        assertThat(sink.sorted()).extracting(f -> f.path() + " " + f.value()).containsExactly(
                "(0008,1032)[0](0008,0104) Head", "(0020,0010) ALBERT HEAD");
    }

    @Test
    void pixelSamplesAreNotSearchedButOtherBinaryValuesAre() {
        DataSet out = new DataSet();
        byte[] text = "..HEAD^ALBERT..".getBytes();
        out.put(Tags.of(0x0029, 0x0010), Vr.LO, new Bytes("X 1.0 ".getBytes()));
        out.put(Tags.of(0x0029, 0x1010), Vr.OB,
                new Bytes(text.length % 2 == 0 ? text : java.util.Arrays.copyOf(text, 16)));
        out.put(Tag.PixelData, Vr.OW, new Bytes(java.util.Arrays.copyOf(text, 16)));
        FindingSink sink = new FindingSink(false);
        PhiScanner.scan("f.dcm", out, null, physicianHead(), null, sink);
        assertThat(sink.sorted()).extracting(f -> f.path() + " " + f.detail() + " " + f.value())
                .containsExactly("(0029,1010) name from ReferringPhysicianName, in the raw bytes (file charset) "
                        + "H**********");
    }
}
