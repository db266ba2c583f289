package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.net.AeAddress;
import org.cloak.net.Dcmtk;
import org.cloak.net.dimse.Status;
import org.cloak.net.scu.ScuOptions;
import org.cloak.net.scu.StoreResult;
import org.cloak.net.scu.StoreScu;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the server does with the statuses, exceptions and unread bytes of a StoreHandler. */
@Timeout(60)
class StoreHandlerContractTest {
    @TempDir
    Path dir;

    private List<Path> files(int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            DataSet ds = Fixtures.ct().patientName("DOE^JANE").patientId("PID-0001").instance(i).build();
            files.add(Fixtures.write(ds, dir.resolve(i + ".dcm")));
        }
        return files;
    }

    @Test
    void statusesAndFailuresGoBackPerInstanceAndTheAssociationCarriesOn() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Long> sizes = new CopyOnWriteArrayList<>();
        StoreHandler handler = (request, data) -> {
            seen.add(request.association().callingAeTitle() + " " + request.transferSyntaxUid());
            return switch (seen.size()) {
                case 1 -> Status.SUCCESS; // leaves every byte unread: the server drains them
                case 2 -> throw new IOException("disk full");
                case 3 -> throw new IllegalStateException("bug");
                case 4 -> Status.of(0xB000);
                default -> {
                    sizes.add(data.transferTo(java.io.OutputStream.nullOutputStream()));
                    yield Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
                }
            };
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        List<StoreResult> results;
        List<AssociationInfo> closed = new CopyOnWriteArrayList<>();
        StoreHandler withClose = new StoreHandler() {
            @Override
            public Status store(StoreRequest request, java.io.InputStream dataSet) throws IOException {
                return handler.store(request, dataSet);
            }

            @Override
            public void associationClosed(AssociationInfo association) {
                closed.add(association);
            }
        };
        List<Path> files = files(5);
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0), withClose)) {
            server.start();
            results = new StoreScu(ScuOptions.of("SENDER"))
                    .send(new AeAddress("CLOAK", "127.0.0.1", server.port()), files, r -> { });
            assertThat(server.stats().stored()).isEqualTo(2);
            assertThat(server.stats().failed()).isEqualTo(3);
        } finally {
            System.setErr(err);
        }
        assertThat(results).extracting(r -> r.status().code()).containsExactly(0x0000, 0xA700, 0x0110, 0xB000, 0xA900);
        assertThat(results).extracting(StoreResult::outcome).containsExactly(StoreResult.Outcome.SENT,
                StoreResult.Outcome.FAILED, StoreResult.Outcome.FAILED, StoreResult.Outcome.WARNING,
                        StoreResult.Outcome.FAILED);
        assertThat(seen).hasSize(5).allMatch(s -> s.equals("SENDER 1.2.840.10008.1.2.1"));
        assertThat(sizes).singleElement().isEqualTo(results.get(4).bytes());
        assertThat(closed).singleElement().satisfies(a -> assertThat(a.callingAeTitle()).isEqualTo("SENDER"));
        // no PHI and no UIDs in what the server logged
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("SENDER").contains("A700");
        DataSet first = Fixtures.ct().patientName("DOE^JANE").patientId("PID-0001").instance(1).build();
        assertThat(logged).doesNotContain("DOE").doesNotContain("PID-0001")
                .doesNotContain(first.getString(Tag.SOPInstanceUID))
                        .doesNotContain(first.getString(Tag.StudyInstanceUID));
    }

    @Test
    void theDataSetArrivesAsAStreamInPduSizedPieces() throws Exception {
        List<Integer> reads = new CopyOnWriteArrayList<>();
        StoreHandler handler = (request, data) -> {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = data.read(buf)) >= 0) {
                reads.add(n);
            }
            return Status.SUCCESS;
        };
        Path big = Fixtures.write(Fixtures.ct().rows(512).columns(512).build(), dir.resolve("big.dcm"));
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0).withPduLengths(16384, 1 << 20),
                handler)) {
            server.start();
            Oracles.check(Dcmtk.run("storescu", "-aec", "CLOAK", "--max-send-pdu", "16384", "127.0.0.1",
                    Integer.toString(server.port()), big.toString()));
        }
        assertThat(reads.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(512 * 512 * 2);
        assertThat(reads).allMatch(n -> n <= 16384 - 6);
        assertThat(Files.size(big)).isGreaterThan(512 * 512 * 2);
    }
}
