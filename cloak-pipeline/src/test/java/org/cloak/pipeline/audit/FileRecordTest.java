package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.junit.jupiter.api.Test;

class FileRecordTest {
    @Test
    void theInputHashIsSha256OfTheRelativePathWithSlashes() {
        assertThat(Digests.inputPath(Path.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.inputPath(Path.of("a", "b", "c.dcm"))).isEqualTo(Digests.sha256Hex("a/b/c.dcm".getBytes()));
    }

    @Test
    void aWrittenRecordCountsTheEnginesChanges() {
        FileRecord r = FileRecord.written(Path.of("x/IM1"), Path.of("P001", "IM0001.dcm"), "2.25.1",
                AuditFixtures.cleaned(AuditFixtures.phiEvents()));
        assertThat(r.outcome()).isEqualTo(FileOutcome.WRITTEN);
        assertThat(r.output()).isEqualTo("P001/IM0001.dcm");
        assertThat(List.of(r.removed(), r.modified(), r.added())).containsExactly(2, 2, 1);
        assertThat(r.changes()).hasSize(5);
        assertThat(r.toString()).doesNotContain("DOE^JANE").contains("-2 ~2 +1");
    }

    @Test
    void withoutValuesKeepsTheChangesButDropsTheirValues() {
        FileRecord r = FileRecord.written(Path.of("x/IM1"), Path.of("o.dcm"), null,
                AuditFixtures.cleaned(AuditFixtures.phiEvents())).withoutValues();
        assertThat(r.changes()).hasSize(5).allMatch(e -> e.oldValue() == null && e.newValue() == null);
        assertThat(r.changes().get(0)).isEqualTo(new AuditEvent("(0010,0010)", "PatientName",
                AuditEvent.Change.MODIFIED, "D", "dicom-basic", null, null));
    }

    @Test
    void aReasonQuotingTheInputPathHasThePathReplaced() {
        FileRecord r = FileRecord.failed(Path.of("DOE_JANE", "IM9.dcm"), "cannot read /data/DOE_JANE/IM9.dcm: denied");
        assertThat(r.reason()).isEqualTo("cannot read /data/<input>: denied");
        assertThat(FileRecord.skipped(Path.of("a", "DOE_JANE.txt"), "not DICOM: DOE_JANE.txt").reason())
                .isEqualTo("not DICOM: <input>");
    }

    @Test
    void anAbsoluteOutputPathIsRefused() {
        assertThatThrownBy(() -> FileRecord.reused(Path.of("a"), Path.of("/out/P001/IM1.dcm"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
