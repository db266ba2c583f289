package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.net.Dcmtk;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A quick load sanity check: 8 concurrent storescu processes of 25 instances each. */
@Timeout(90)
class LoadTest {
    private static final int PROCESSES = 8;
    private static final int FILES_EACH = 25;

    @TempDir
    Path tmp;

    @Test
    void concurrentSendersLoseAndDuplicateNothing() throws Exception {
        Path out = tmp.resolve("out");
        List<List<Path>> groups = new ArrayList<>();
        Set<String> sentUids = new HashSet<>();
        for (int p = 0; p < PROCESSES; p++) {
            Path dir = Files.createDirectories(tmp.resolve("in" + p));
            List<Path> group = new ArrayList<>();
            for (int i = 0; i < FILES_EACH; i++) {
                var ds = Fixtures.ct().series(p + 1).instance(i + 1).build();
                sentUids.add(ds.getString(Tag.SOPInstanceUID));
                group.add(Fixtures.write(ds, dir.resolve(i + ".dcm")));
            }
            groups.add(group);
        }
        assertThat(sentUids).hasSize(PROCESSES * FILES_EACH);
        List<Process> running = new ArrayList<>();
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0), new FileStoreHandler(out))) {
            server.start();
            long t0 = System.nanoTime();
            for (int p = 0; p < PROCESSES; p++) {
                List<String> args = new ArrayList<>(List.of("-aec", "CLOAK", "-aet", "LOAD" + p, "-to", "10",
                        "-ta", "10", "-td", "30", "127.0.0.1", Integer.toString(server.port())));
                groups.get(p).forEach(f -> args.add(f.toString()));
                running.add(Dcmtk.start("storescu", tmp.resolve("storescu-" + p + ".log"),
                        args.toArray(String[]::new)));
            }
            for (int p = 0; p < PROCESSES; p++) {
                Process proc = running.get(p);
                assertThat(proc.waitFor(60, TimeUnit.SECONDS)).as("storescu %d finished", p).isTrue();
                assertThat(proc.exitValue()).as(Files.readString(tmp.resolve("storescu-" + p + ".log"))).isZero();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("load: %d instances from %d associations in %.2f s (%.0f instances/s)%n",
                    PROCESSES * FILES_EACH, PROCESSES, seconds, PROCESSES * FILES_EACH / seconds);
            assertThat(server.stats().stored()).isEqualTo(PROCESSES * FILES_EACH);
            assertThat(server.stats().failed()).isZero();
        } finally {
            for (Process proc : running) {
                proc.destroyForcibly();
            }
        }
        Set<String> storedUids = new HashSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertThat(f.getFileName().toString()).endsWith(".dcm");
                assertThat(storedUids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID)))
                        .as("duplicate " + f).isTrue();
            }
        }
        assertThat(storedUids).isEqualTo(sentUids);
    }
}
