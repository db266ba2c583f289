package org.cloak.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk reference held in memory serves the same bytes as one read from its file, and is the same reference. */
class BulkRefTest {
    @TempDir
    Path dir;

    @Test
    void inMemoryAndInFileAgree() throws IOException {
        byte[] file = new byte[100];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) i;
        }
        Path p = Files.write(dir.resolve("f"), file);
        BulkRef onDisk = new BulkRef(p, 10, 20);
        BulkRef held = BulkRef.inMemory(p, 10, 20, file);

        assertThat(held).isEqualTo(onDisk).hasSameHashCodeAs(onDisk);
        assertThat(held.toString()).isEqualTo(onDisk.toString());
        assertThat(onDisk.memory()).isNull();
        assertThat(held.readAll(20)).isEqualTo(onDisk.readAll(20));
        try (InputStream a = held.open(); InputStream b = onDisk.open()) {
            assertThat(a.readAllBytes()).isEqualTo(b.readAllBytes()).hasSize(20).startsWith(10, 11);
        }
        ByteBuffer m = held.memory();
        assertThat(m.remaining()).isEqualTo(20);
        assertThat(m.get(m.position())).isEqualTo((byte) 10);
        assertThatThrownBy(() -> m.put((byte) 0)).isInstanceOf(ReadOnlyBufferException.class);

        Files.delete(p); // held in memory: the file is not needed any more
        assertThat(held.readAll(20)).hasSize(20);
        assertThatThrownBy(() -> held.readAll(19)).isInstanceOf(IOException.class);
    }

    @Test
    void aReferenceOutsideTheHeldBytesIsRefused() {
        assertThatThrownBy(() -> BulkRef.inMemory(Path.of("f"), 90, 20, new byte[100]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
