package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.dimse.Status;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreHandlerTest {
    private static final AssociationInfo FROM = new AssociationInfo(1, "MODALITY", "CLOAK",
            new InetSocketAddress("127.0.0.1", 4242), "1.2.3", "TEST");

    @TempDir
    Path dir;

    private static byte[] encode(DataSet ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataSet(ds, TransferSyntax.EXPLICIT_LE, Channels.newChannel(out));
        return out.toByteArray();
    }

    private static StoreRequest request(DataSet ds) {
        return new StoreRequest(FROM, ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID),
                TransferSyntax.EXPLICIT_LE_UID, 1, 0);
    }

    private long leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void writesAPart10FileWithTheReceivedBytesAfterAFreshMeta() throws Exception {
        DataSet ds = Fixtures.ct().build();
        byte[] bytes = encode(ds);
        Status s = new FileStoreHandler(dir).store(request(ds), new ByteArrayInputStream(bytes));
        assertThat(s).isEqualTo(Status.SUCCESS);
        Path stored = dir.resolve(ds.getString(Tag.SOPInstanceUID) + ".dcm");
        DicomFile f = DicomReader.read(stored);
        assertThat(f.fileMeta().getString(Tag.MediaStorageSOPClassUID)).isEqualTo(Uid.CTImageStorage);
        assertThat(f.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(TransferSyntax.EXPLICIT_LE_UID);
        assertThat(f.fileMeta().getString(Tag.SourceApplicationEntityTitle)).isEqualTo("MODALITY");
        assertThat(f.fileMeta().getString(Tag.ReceivingApplicationEntityTitle)).isEqualTo("CLOAK");
        byte[] file = Files.readAllBytes(stored);
        assertThat(java.util.Arrays.copyOfRange(file, file.length - bytes.length, file.length)).isEqualTo(bytes);
        Oracles.dcmdump(stored); // dcmtk reads it
        assertThat(leftovers()).isZero();
    }

    @Test
    void aDataSetOfAnotherInstanceIsRefusedWithA900() throws Exception {
        DataSet ds = Fixtures.ct().build();
        StoreRequest other = new StoreRequest(FROM, Uid.CTImageStorage, "1.2.3.4", TransferSyntax.EXPLICIT_LE_UID, 1,
                0);
        assertThat(new FileStoreHandler(dir).store(other, new ByteArrayInputStream(encode(ds))).code())
                .isEqualTo(0xA900);
        assertThat(dir.resolve("1.2.3.4.dcm")).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void bytesThatDoNotParseAreRefusedWithC000() throws Exception {
        StoreRequest r = new StoreRequest(FROM, Uid.CTImageStorage, "1.2.3.4", TransferSyntax.EXPLICIT_LE_UID, 1, 0);
        byte[] junk = {8, 0, 0x18, 0, 'U', 'I', (byte) 0xFF, 0x7F, 1, 2};
        assertThat(new FileStoreHandler(dir).store(r, new ByteArrayInputStream(junk)).code()).isEqualTo(0xC000);
        assertThat(leftovers()).isZero();
    }

    @Test
    void aSopInstanceUidThatIsNoUidNeverBecomesAFileName() throws Exception {
        StoreRequest r = new StoreRequest(FROM, Uid.CTImageStorage, "../../etc/passwd", TransferSyntax.EXPLICIT_LE_UID,
                1, 0);
        assertThat(new FileStoreHandler(dir).store(r, new ByteArrayInputStream(new byte[0])).code()).isEqualTo(0xC000);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void aBrokenStreamLeavesNothingBehind() throws Exception {
        DataSet ds = Fixtures.ct().build();
        InputStream breaking = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (++n > 100) {
                    throw new IOException("association aborted");
                }
                return 0;
            }
        };
        FileStoreHandler h = new FileStoreHandler(dir);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.store(request(ds), breaking))
                .isInstanceOf(IOException.class);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
