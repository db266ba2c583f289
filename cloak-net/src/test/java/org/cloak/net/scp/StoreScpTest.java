package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.net.Dcmtk;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk storescu sends to our server: every file arrives with its data set byte for byte. */
@Timeout(120)
class StoreScpTest {
    /** Each form with the storescu option that proposes its transfer syntax. */
    private static final Map<String, String> FORMS = Map.of(
            "explicit", "-xe", "implicit", "-xi", "big", "-xb", "deflated", "-xd", "rle", "-xr", "jpeg-lossless",
                    "-xs");

    private static final Map<String, String> SYNTAXES = Map.of(
            "explicit", "1.2.840.10008.1.2.1", "implicit", "1.2.840.10008.1.2", "big", "1.2.840.10008.1.2.2",
            "deflated", "1.2.840.10008.1.2.1.99", "rle", "1.2.840.10008.1.2.5", "jpeg-lossless",
                    "1.2.840.10008.1.2.4.70");

    @TempDir
    Path tmp;

    @Test
    void storescuSendsEveryTransferSyntaxAndTheDataSetsArriveByteIdentical() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0), new FileStoreHandler(out))) {
            server.start();
            int n = 0;
            for (String form : List.of("explicit", "implicit", "big", "deflated", "rle", "jpeg-lossless")) {
                Path sent = Dcmtk.sample(in, ++n, form);
                Oracles.Result r = Dcmtk.run("storescu", "-aec", "CLOAK", "-aet", "STORESCU", FORMS.get(form), "-R",
                        "-to", "10", "-ta", "10", "-td", "20", "127.0.0.1", Integer.toString(server.port()),
                                sent.toString());
                assertThat(r.exitCode()).as(form + ": " + r.output()).isZero();
                DicomFile sentFile = DicomReader.read(sent);
                assertThat(sentFile.transferSyntax().uid()).as(form).isEqualTo(SYNTAXES.get(form));
                String uid = sentFile.dataset().getString(Tag.SOPInstanceUID);
                Path stored = out.resolve(uid + ".dcm");
                assertThat(stored).as(form).exists();
                DicomFile storedFile = DicomReader.read(stored);
                assertThat(storedFile.transferSyntax().uid()).as(form).isEqualTo(sentFile.transferSyntax().uid());
                assertThat(Dcmtk.dataSetBytes(stored)).as(form + ": data set bytes")
                        .isEqualTo(Dcmtk.dataSetBytes(sent));
                assertThat(Dcmtk.dumpOfDataSet(stored)).as(form).isEqualTo(Dcmtk.dumpOfDataSet(sent));
                assertThat(Oracles.dcmdump(stored)).contains("(0002,0016) AE [STORESCU]");
            }
            assertThat(server.stats().stored()).isEqualTo(6);
            try (var files = Files.list(out)) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part")).count())
                        .as("temporary files left").isZero();
            }
        }
    }
}
