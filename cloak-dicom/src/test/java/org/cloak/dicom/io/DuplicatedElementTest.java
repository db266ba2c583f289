package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set holding one element twice (pydicom's palettes/winter.dcm has two SOP Instance UIDs)
 * is read as dcmtk reads it: the first is kept, and the repair is reported without the value.
 */
class DuplicatedElementTest {
    @TempDir
    Path dir;

    @Test
    void theFirstOfTwoEqualTagsIsKeptAndTheRepairNamed() throws IOException {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4");
        ds.setString(Tag.Modality, Vr.CS, "OT");
        byte[] bytes = DicomWriter.toBytes(new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, "t", false));
        // the element (0008,0018) UI "1.2.3.4\0", then the same tag again with another value
        byte[] first = {0x08, 0x00, 0x18, 0x00, 'U', 'I', 8, 0, '1', '.', '2', '.', '3', '.', '4', 0};
        int at = indexOf(bytes, first);
        assertThat(at).isPositive();
        byte[] second = {0x08, 0x00, 0x18, 0x00, 'U', 'I', 8, 0, '9', '.', '8', '.', '7', '.', '6', 0};
        byte[] spliced = new byte[bytes.length + second.length];
        System.arraycopy(bytes, 0, spliced, 0, at + first.length);
        System.arraycopy(second, 0, spliced, at + first.length, second.length);
        System.arraycopy(bytes, at + first.length, spliced, at + first.length + second.length,
                bytes.length - at - first.length);
        Path f = Files.write(dir.resolve("dup.dcm"), spliced);

        DicomFile read = DicomReader.read(f);

        assertThat(read.dataset().getString(Tag.SOPInstanceUID)).isEqualTo("1.2.3.4");
        assertThat(read.dataset().getString(Tag.Modality)).isEqualTo("OT");
        assertThat(read.repairs()).containsExactly("duplicated element (0008,0018): the first is kept");
        assertThat(new String(spliced, StandardCharsets.ISO_8859_1)).contains("9.8.7.6");
        assertThat(DicomReader.read(DicomWriter.toBytes(read), "again").repairs()).isEmpty();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
