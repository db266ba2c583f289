package org.cloak.deid.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeDiffTest {
    @TempDir
    Path tmp;

    private static DataSet withRefs(String... uids) {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        Sequence s = new Sequence();
        for (String u : uids) {
            DataSet item = ds.newItem();
            item.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, u);
            s.add(item);
        }
        ds.put(Tag.ReferencedImageSequence, Vr.SQ, s);
        return ds;
    }

    private static List<String> lines(List<Difference> d) {
        return d.stream().map(x -> x.change() + " " + x.path() + " " + x.keyword() + " "
                + (x.before() == null ? "-" : ValueText.of(x.before().owner(), x.before().element())) + " -> "
                + (x.after() == null ? "-" : ValueText.of(x.after().owner(), x.after().element()))).toList();
    }

    @Test
    void reportsAddedRemovedAndChangedAttributesWithNestedItemsMatchedByPosition() {
        DataSet a = withRefs("1.2.3", "1.2.4");
        DataSet b = withRefs("1.2.3", "9.9.9", "1.2.5");
        b.remove(Tag.PatientName);
        b.setString(Tag.PatientIdentityRemoved, Vr.CS, "YES");
        assertThat(lines(AttributeDiff.diff(a, b))).containsExactly(
                "CHANGED (0008,1140)[1](0008,1155) ReferencedSOPInstanceUID 1.2.4 -> 9.9.9",
                "ADDED (0008,1140)[2](0008,1155) ReferencedSOPInstanceUID - -> 1.2.5",
                "REMOVED (0010,0010) PatientName DOE^JANE -> -",
                "ADDED (0012,0062) PatientIdentityRemoved - -> YES");
    }

    @Test
    void textIsComparedAsDecodedSoPaddingAndCharacterSetDoNotCount() {
        DataSet a = new DataSet();
        a.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        a.setString(Tag.PatientName, Vr.PN, "MÜLLER^ANNA");
        DataSet b = new DataSet();
        b.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 192");
        b.setString(Tag.PatientName, Vr.PN, "MÜLLER^ANNA");
        assertThat(lines(AttributeDiff.diff(a, b))).containsExactly(
                "CHANGED (0008,0005) SpecificCharacterSet ISO_IR 100 -> ISO_IR 192");
    }

    @Test
    void bulkValuesAreComparedByContentNotByWhereTheyLie() throws Exception {
        byte[] pixels = new byte[3 << 20];
        pixels[(2 << 20) + 7] = 1;
        Path f1 = Files.write(tmp.resolve("a.bin"), pixels);
        byte[] shifted = new byte[pixels.length + 10];
        System.arraycopy(pixels, 0, shifted, 10, pixels.length);
        Path f2 = Files.write(tmp.resolve("b.bin"), shifted);
        DataSet a = new DataSet();
        a.put(Tag.PixelData, Vr.OW, new BulkRef(f1, 0, pixels.length));
        DataSet b = new DataSet();
        b.put(Tag.PixelData, Vr.OW, new BulkRef(f2, 10, pixels.length));
        assertThat(AttributeDiff.diff(a, b)).isEmpty();
        shifted[10 + (2 << 20) + 7] = 2;
        Files.write(f2, shifted);
        assertThat(lines(AttributeDiff.diff(a, b))).containsExactly(
                "CHANGED (7FE0,0010) PixelData (3145728 bytes) -> (3145728 bytes)");
    }
}
