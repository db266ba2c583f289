package org.cloak.net.scu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.net.AeAddress;
import org.cloak.net.Dcmtk;
import org.cloak.net.scu.StoreResult.Outcome;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Our StoreScu sends to dcmtk storescp: the received files equal the sent ones. */
@Timeout(120)
class StoreScuTest {
    @TempDir
    Path tmp;

    private static Map<String, Path> bySopInstance(Path dir) throws Exception {
        Map<String, Path> m = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(DicomReader.read(p).dataset().getString(Tag.SOPInstanceUID), p);
            }
        }
        return m;
    }

    @Test
    void sentFilesArriveUnchangedInEveryTransferSyntax() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (String form : List.of("explicit", "implicit", "big", "deflated", "rle", "jpeg-lossless")) {
            files.add(Dcmtk.sample(in, ++n, form));
        }
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        try (Dcmtk.Peer storescp = Dcmtk.storescp(out, "-aet", "STORESCP", "+xa", "+B")) {
            List<StoreResult> seen = new ArrayList<>();
            List<StoreResult> results = new StoreScu(ScuOptions.of("CLOAK"))
                    .send(new AeAddress("STORESCP", "127.0.0.1", storescp.port()), StoreScu.expand(List.of(in)),
                            seen::add);
            assertThat(results).isEqualTo(seen).hasSize(7);
            assertThat(results).filteredOn(r -> r.outcome() == Outcome.SKIPPED).singleElement()
                    .satisfies(r -> assertThat(r.file().getFileName().toString()).isEqualTo("notes.txt"));
            assertThat(results).filteredOn(r -> r.outcome() == Outcome.SENT).hasSize(6);
            Map<String, Path> received = bySopInstance(out);
            assertThat(received).hasSize(6);
            for (Path sent : files) {
                Path got = received.get(DicomReader.read(sent).dataset().getString(Tag.SOPInstanceUID));
                assertThat(got).as(sent.toString()).isNotNull();
                assertThat(Dcmtk.dumpOfDataSet(got)).as(sent.toString()).isEqualTo(Dcmtk.dumpOfDataSet(sent));
                assertThat(Dcmtk.dataSetBytes(got)).as(sent.toString()).isEqualTo(Dcmtk.dataSetBytes(sent));
                assertThat(DicomReader.read(got).transferSyntax()).isEqualTo(DicomReader.read(sent).transferSyntax());
            }
        }
    }

    @Test
    void aPeerThatTakesOnlyImplicitLittleEndianGetsTheFallbackAndRefusesWhatCannotBeConverted() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path explicit = Dcmtk.sample(in, Fixtures.ct().instance(1).withoutPrivateBlock().build(), 1, "explicit");
        Path rle = Dcmtk.sample(in, 2, "rle");
        try (Dcmtk.Peer storescp = Dcmtk.storescp(out, "-aet", "STORESCP", "+xi")) {
            List<StoreResult> results = new StoreScu(ScuOptions.of("CLOAK"))
                    .send(new AeAddress("STORESCP", "127.0.0.1", storescp.port()), List.of(explicit, rle), r -> { });
            assertThat(results.get(0).outcome()).as(results.get(0).toString()).isEqualTo(Outcome.SENT);
            assertThat(results.get(1).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(results.get(1).reason()).contains("no presentation context");
            Path got = bySopInstance(out).values().iterator().next();
            assertThat(DicomReader.read(got).transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2");
            // the same data set as dcmtk's own conversion to implicit VR (sequence lengths change with the encoding)
            Path reference = Oracles.dcmconv(explicit, tmp.resolve("reference.dcm"), "+ti");
            assertThat(Dcmtk.dumpOfDataSet(got)).isEqualTo(Dcmtk.dumpOfDataSet(reference));
        }
    }

    @Test
    void anUnreachablePeerFailsEveryFileWithTheReason() throws Exception {
        Path file = Dcmtk.sample(tmp, 1, "explicit");
        int port = Dcmtk.freePort();
        List<StoreResult> results = new StoreScu(ScuOptions.of("CLOAK"))
                .send(new AeAddress("NOBODY", "127.0.0.1", port), List.of(file, file), r -> { });
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).startsWith("could not associate with NOBODY@127.0.0.1:" + port);
        });
    }
}
