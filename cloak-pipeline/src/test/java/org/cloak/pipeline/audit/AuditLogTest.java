package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.io.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path tmp;

    @Test
    void theSummaryCountsEveryOutcomeAndTheTagsOfWrittenFiles() throws IOException {
        try (AuditLog log = new AuditLog(tmp, false)) {
            AuditFixtures.fill(log);
            AuditSummary s = log.summary(AuditFixtures.T0, AuditFixtures.T0.plusSeconds(90), "abc123");
            assertThat(s).isEqualTo(new AuditSummary(6, 2, 1, 1, 1, 1, 3, 2, 4, 1, AuditFixtures.T0,
                    Duration.ofSeconds(90), "abc123", Version.VERSION, false));
            assertThat(log.studies()).containsExactly(
                    new StudyCounts("", 0, 0, 0, 1),
                    new StudyCounts("2.25.11", 2, 0, 1, 0),
                    new StudyCounts("2.25.22", 0, 1, 0, 0));
        }
    }

    @Test
    void recordsFromManyThreadsAreAllKept() throws Exception {
        try (AuditLog log = new AuditLog(tmp, false)) {
            Thread[] ts = new Thread[6];
            for (int t = 0; t < ts.length; t++) {
                int w = t;
                ts[t] = new Thread(() -> {
                    for (int i = 0; i < 1000; i++) {
                        log.add(FileRecord.written(Path.of("in", w + "-" + i), Path.of("out", w + "-" + i),
                                "2.25." + w, AuditFixtures.cleaned(AuditFixtures.phiEvents())));
                    }
                });
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            List<String> outputs = new ArrayList<>();
            log.forEachRecord(r -> outputs.add(r.output()));
            assertThat(outputs).hasSize(6000).doesNotHaveDuplicates();
            assertThat(log.summary(AuditFixtures.T0, AuditFixtures.T0, null).tagsModified()).isEqualTo(12_000);
            assertThat(log.studies()).hasSize(6).allMatch(s -> s.written() == 1000);
        }
    }

    @Test
    void valuesAreDroppedUnlessRecordedAndTheSpoolIsEncryptedAndDeleted() throws IOException {
        try (AuditLog plain = new AuditLog(tmp.resolve("a"), false); AuditLog values = new AuditLog(tmp.resolve("b"),
                true)) {
            AuditFixtures.fill(plain);
            AuditFixtures.fill(values);
            List<String> olds = new ArrayList<>();
            plain.forEachRecord(r -> r.changes().forEach(e -> olds.add(e.oldValue())));
            assertThat(olds).hasSize(7).containsOnlyNulls();
            List<String> kept = new ArrayList<>();
            values.forEachRecord(r -> r.changes().forEach(e -> kept.add(e.oldValue())));
            assertThat(kept).contains("DOE^JANE", "PID-0001", "SAINT ELSEWHERE HOSPITAL");
            String raw;
            try (InputStream in = values.spool().raw()) {
                raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            assertThat(raw).isNotEmpty();
            AuditFixtures.PHI.forEach(phi -> assertThat(raw).doesNotContain(phi));
            assertThat(raw).doesNotContain("P001/M00");
        }
        try (Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
