package org.cloak.pipeline.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cloak.dicom.data.DataSet;
import org.cloak.net.scp.ServerOptions;
import org.cloak.pipeline.io.PrivateFolders;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 concurrent storescu processes to the listener: nothing lost, nothing duplicated. 400
 * instances in CI; {@code -Dcloak.listen.load=2000} (bench/listen.sh) for the full figure.
 */
@Timeout(300)
class ListenLoadTest {
    private static final int PROCESSES = 8;

    @TempDir
    Path tmp;

    @Test
    void eightConcurrentSendersLoseAndDuplicateNothing() throws Exception {
        int total = Integer.getInteger("cloak.listen.load", 400);
        int each = total / PROCESSES;
        List<List<Path>> groups = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            Path dir = Files.createDirectories(tmp.resolve("in" + p));
            List<Path> group = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                DataSet ds = Fixtures.ct().patientId("PID-" + p).study(p + 1).series(1).instance(i + 1)
                        .rows(16).columns(16).build();
                group.add(Fixtures.write(ds, dir.resolve(i + ".dcm")));
            }
            groups.add(group);
        }
        Path out = tmp.resolve("out");
        ListenOptions options = ListenOptions.of(ServerOptions.of("CLOAK", 0), out);
        List<Process> running = new ArrayList<>();
        double seconds;
        try (ListenService node = Peers.listener(tmp, options)) {
            long t0 = System.nanoTime();
            for (int p = 0; p < PROCESSES; p++) {
                List<String> args = new ArrayList<>(List.of("-aec", "CLOAK", "-aet", "LOAD" + p, "-to", "10",
                        "-ta", "10", "-td", "60", "127.0.0.1", Integer.toString(node.port())));
                groups.get(p).forEach(f -> args.add(f.toString()));
                running.add(Peers.start("storescu", tmp.resolve("storescu-" + p + ".log"), args));
            }
            for (int p = 0; p < PROCESSES; p++) {
                Process proc = running.get(p);
                assertThat(proc.waitFor(240, TimeUnit.SECONDS)).as("storescu %d finished", p).isTrue();
                assertThat(proc.exitValue()).as(Files.readString(tmp.resolve("storescu-" + p + ".log"))).isZero();
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(node.counts()).isEqualTo(new DeidStoreHandler.Counts(each * PROCESSES, 0, 0));
        } finally {
            running.forEach(Process::destroyForcibly);
        }
        List<Path> outputs = Peers.outputs(out);
        Set<String> uids = new HashSet<>(ForwardingTest.sopUids(outputs));
        assertThat(outputs).hasSize(each * PROCESSES);
        assertThat(uids).hasSize(each * PROCESSES);
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: unknown").replaceAll("\\s+", " ");
        long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(m -> m.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(m -> m.getPeakUsage().getUsed()).sum();
        System.out.printf("listen load: %d instances from %d storescu in %.2f s (%.0f instances/s); %s; peak heap (sum "
                + "of pool peaks) %d MB%n",
                each * PROCESSES, PROCESSES, seconds, each * PROCESSES / seconds, hwm,
                peakHeap >> 20);
        try (var left = Files.list(org.cloak.pipeline.folder.OutputFolder.of(out).spool())) {
            assertThat(left.filter(f -> !f.getFileName().toString().equals(PrivateFolders.MARKER)).count())
                    .as("spool emptied").isZero();
        }
    }
}
