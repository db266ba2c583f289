package org.cloak.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.server.config.DataDir;
import org.cloak.server.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change record of stored instances: the engine's audit events as removed / emptied /
 * replaced / added (PS3.15 action Z is "replace with a zero-length value": emptied), the
 * server's labels on top, and the rows kept per instance in the database.
 */
class FileChangeTest {
    @TempDir
    Path tmp;

    private static AuditEvent event(String path, String keyword, AuditEvent.Change c, String action) {
        return new AuditEvent(path, keyword, c, action, "PS3.15 E.1-1 basic", null, null);
    }

    @Test
    void eventsBecomeWhatAPersonSees() {
        List<FileChange> c = FileChange.of(List.of(
                event("(0010,0030)", "PatientBirthDate", AuditEvent.Change.MODIFIED, "Z"),
                event("(0008,0080)", "InstitutionName", AuditEvent.Change.REMOVED, "X"),
                event("(0008,0018)", "SOPInstanceUID", AuditEvent.Change.MODIFIED, "U"),
                event("(0012,0062)", "PatientIdentityRemoved", AuditEvent.Change.ADDED, "mark")));
        assertThat(c).extracting(FileChange::kind).containsExactly(FileChange.Kind.EMPTIED, FileChange.Kind.REMOVED,
                FileChange.Kind.REPLACED, FileChange.Kind.ADDED);
    }

    @Test
    void theLabelsReplaceWhatTheRecipeLeftOfPatientNamePatientIdAndStudyId() {
        List<FileChange> c = FileChange.withLabels(FileChange.of(List.of(
                event("(0010,0010)", "PatientName", AuditEvent.Change.MODIFIED, "D"),
                event("(0020,0010)", "StudyID", AuditEvent.Change.MODIFIED, "Z"))));
        assertThat(c).extracting(FileChange::path).containsExactly("(0010,0010)", "(0020,0010)", "(0010,0020)");
        assertThat(c.get(0).action()).isEqualTo("D");
        assertThat(c.get(1).kind()).isEqualTo(FileChange.Kind.REPLACED);
        assertThat(c.get(1).action()).isEqualTo("label");
        assertThat(c.get(2).keyword()).isEqualTo("PatientID");
    }

    @Test
    void theRecordIsKeptPerInstanceAndReplacedWhenTheInstanceIsStoredAgain() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (Database db = Database.embedded(tmp.resolve("db"))) {
            SessionStore store = new SessionStore(db.jdbi(), clock, new DataDir(tmp.resolve("data")).create());
            Session s = store.findOrCreate(new SessionStore.NewSession("p", "2.25.1", "S1", "E1", false,
                    Session.Area.ARCHIVE, Session.State.ARCHIVED, 1, 1, "admin"));
            assertThat(store.anonymizedAt(s.id())).isNull();
            SessionStore.StoredFile f = new SessionStore.StoredFile("2.25.9", "2.25.8", "CT", 10, "ab");
            List<FileChange> first = FileChange.of(List.of(
                    event("(0010,0030)", "PatientBirthDate", AuditEvent.Change.MODIFIED, "Z"),
                    event("(0008,1120)[0](0008,1155)", "ReferencedSOPInstanceUID", AuditEvent.Change.MODIFIED, "U")));
            store.putFile(s.id(), f, first);
            assertThat(store.changes(s.id(), "2.25.9")).isEqualTo(first);
            assertThat(store.changes(s.id(), "2.25.7")).isEmpty();
            assertThat(store.anonymizedAt(s.id())).isEqualTo(clock.millis());
            List<FileChange> again = FileChange.of(List.of(event("(0008,0080)", "InstitutionName",
                    AuditEvent.Change.REMOVED, "X")));
            store.putFile(s.id(), f, again);
            assertThat(store.changes(s.id(), "2.25.9")).isEqualTo(again);
            assertThat(store.files(s.id())).hasSize(1);
            store.delete(s.id());
            assertThat(store.changes(s.id(), "2.25.9")).isEmpty();
        }
    }
}
