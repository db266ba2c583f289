package org.cloak.pipeline.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UIDs are flushed as segments of what was added (a run records four a file, so rewriting the
 * whole map at every flush would grow with the square of the run), read back on open, and folded
 * into the map file when the vault is closed.
 */
class VaultSegmentsTest {
    @TempDir
    Path tmp;

    private KeySource key() { return new KeySource.KeyFile(tmp.resolve("vault.key")); }

    @Test
    void aFlushWritesOnlyTheNewUidsAndCloseFoldsThemIn() throws IOException {
        Path dir = tmp.resolve("vault");
        Vault v = Vault.openOrCreate(dir, key());
        v.record(ReidMap.patient("PID-1", "P001", 3, null));
        v.flush();
        byte[] mapAfterPatient = Files.readAllBytes(dir.resolve(Vault.MAP_FILE));
        v.record(ReidMap.uid("1.2.3.1", "2.25.1"), ReidMap.uid("1.2.3.2", "2.25.2"));
        v.flush();
        v.record(ReidMap.uid("1.2.3.3", "2.25.3"));
        v.flush();

        assertThat(Files.readAllBytes(dir.resolve(Vault.MAP_FILE))).as("the map file is not rewritten for UIDs")
                .isEqualTo(mapAfterPatient);
        assertThat(segments(dir)).hasSize(2);
        try (Vault other = Vault.open(dir, key())) {
            assertThat(other.lookup("2.25.3")).containsExactly(ReidMap.uid("1.2.3.3", "2.25.3"));
            assertThat(other.uidCount()).isEqualTo(3);
        }
        v.close();

        assertThat(segments(dir)).isEmpty();
        try (Vault again = Vault.open(dir, key())) {
            assertThat(again.uidCount()).isEqualTo(3);
            assertThat(again.patientCount()).isEqualTo(1);
            assertThat(again.lookup("1.2.3.1")).containsExactly(ReidMap.uid("1.2.3.1", "2.25.1"));
        }
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("uids-")).toList();
        }
    }
}
