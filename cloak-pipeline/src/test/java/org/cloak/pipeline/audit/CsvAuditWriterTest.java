package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.io.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAuditWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesOneRowPerFileAndTheSummaryBesideIt() throws IOException {
        Path csv = tmp.resolve("report.csv");
        try (AuditLog log = new AuditLog(tmp, false)) {
            log.add(new FileRecord("h1", "P001/IM1.dcm", "2.25.1", FileOutcome.WRITTEN, 3, 4, 5, AuditFixtures.T0,
                    null, List.of()));
            log.add(new FileRecord("h2", null, null, FileOutcome.QUARANTINED, 0, 0, 0, AuditFixtures.T0.plusSeconds(1),
                    "burned-in annotation, \"flagged\"", List.of()));
            log.add(new FileRecord("h3", "-rf/=cmd", null, FileOutcome.WRITTEN, 0, 0, 0, AuditFixtures.T0, null,
                    List.of()));
            CsvAuditWriter.write(csv, log, log.summary(AuditFixtures.T0, AuditFixtures.T0.plusMillis(2500), "d1g"));
        }
        assertThat(Files.readString(csv)).isEqualTo("""
                input_sha256,output,study_instance_uid,outcome,tags_removed,tags_modified,tags_added,time,reason
                h1,P001/IM1.dcm,2.25.1,WRITTEN,3,4,5,2024-05-06T07:08:09Z,
                h2,,,QUARANTINED,0,0,0,2024-05-06T07:08:10Z,"burned-in annotation, ""flagged\"\""
                h3,'-rf/=cmd,,WRITTEN,0,0,0,2024-05-06T07:08:09Z,
                """);
        assertThat(Files.readString(tmp.resolve("report.summary.csv"))).isEqualTo("""
                key,value
                cloak_version,%s
                recipe_sha256,d1g
                started,2024-05-06T07:08:09Z
                duration_seconds,2.5
                files_processed,3
                files_written,2
                files_reused,0
                files_quarantined,1
                files_skipped,0
                files_failed,0
                studies,2
                tags_removed,3
                tags_modified,4
                tags_added,5
                original_values_recorded,no
                """.formatted(Version.VERSION));
    }

    @Test
    void theSummaryFileNameFollowsTheReportName() {
        assertThat(CsvAuditWriter.summaryPath(Path.of("a/report.csv"))).isEqualTo(Path.of("a/report.summary.csv"));
        assertThat(CsvAuditWriter.summaryPath(Path.of("audit"))).isEqualTo(Path.of("audit.summary.csv"));
    }

    @Test
    void aCsvFromARunRecordingValuesStillHasNone() throws IOException {
        Path csv = tmp.resolve("r.csv");
        try (AuditLog log = new AuditLog(tmp, true)) {
            AuditFixtures.fill(log);
            CsvAuditWriter.write(csv, log, log.summary(AuditFixtures.T0, AuditFixtures.T0, null));
        }
        String text = Files.readString(csv) + Files.readString(tmp.resolve("r.summary.csv"));
        AuditFixtures.PHI.forEach(phi -> assertThat(text).doesNotContain(phi));
        assertThat(text).contains("P001/M00/series1/IM0001.dcm", "<input>");
    }
}
