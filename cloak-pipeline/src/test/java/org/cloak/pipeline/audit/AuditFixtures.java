package org.cloak.pipeline.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Outcome;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.dicom.data.DataSet;

/** A small run with obviously fake PHI in its audit events and input paths. */
final class AuditFixtures {
    /** Every string here must never appear in a plain artefact. */
    static final List<String> PHI = List.of("DOE^JANE", "PID-0001", "19700101", "SAINT ELSEWHERE HOSPITAL",
            "DOE_JANE", "SMITH^JOHN");
    static final Instant T0 = Instant.parse("2024-05-06T07:08:09Z");

    private AuditFixtures() {}

    static DeidResult cleaned(List<AuditEvent> events) {
        return new DeidResult(new Outcome.Cleaned(new DataSet()), events);
    }

    static List<AuditEvent> phiEvents() {
        return List.of(
                new AuditEvent("(0010,0010)", "PatientName", AuditEvent.Change.MODIFIED, "D", "dicom-basic", "DOE^JANE",
                        "P001"),
                new AuditEvent("(0010,0020)", "PatientID", AuditEvent.Change.MODIFIED, "D", "dicom-basic", "PID-0001",
                        "P001"),
                new AuditEvent("(0010,0030)", "PatientBirthDate", AuditEvent.Change.REMOVED, "X", "dicom-basic",
                        "19700101", null),
                new AuditEvent("(0008,0080)", "InstitutionName", AuditEvent.Change.REMOVED, "X", "dicom-basic",
                        "SAINT ELSEWHERE HOSPITAL", null),
                new AuditEvent("(0012,0062)", "PatientIdentityRemoved", AuditEvent.Change.ADDED, "K", "marker", null,
                        "YES"));
    }

    /** Three written files in two studies, one quarantined (its reason quoting its path), one skipped, one failed. */
    static void fill(AuditLog log) {
        log.add(FileRecord.written(Path.of("DOE_JANE/CT/IM1.dcm"), Path.of("P001/M00/series1/IM0001.dcm"), "2.25.11",
                cleaned(phiEvents())));
        log.add(FileRecord.written(Path.of("DOE_JANE/CT/IM2.dcm"), Path.of("P001/M00/series1/IM0002.dcm"), "2.25.11",
                cleaned(phiEvents().subList(0, 2))));
        log.add(FileRecord.reused(Path.of("SMITH^JOHN/MR/IM1.dcm"), Path.of("P002/M00/series1/IM0001.dcm"), "2.25.22"));
        log.add(FileRecord.quarantined(Path.of("DOE_JANE/US/IM9.dcm"), "2.25.11",
                "burned-in annotation; cannot read DOE_JANE/US/IM9.dcm"));
        log.add(FileRecord.skipped(Path.of("DOE_JANE/notes.txt"), "not DICOM"));
        log.add(FileRecord.failed(Path.of("SMITH^JOHN/MR/IM2.dcm"),
                "cannot read the input: /data/SMITH^JOHN/MR/IM2.dcm"));
    }
}
