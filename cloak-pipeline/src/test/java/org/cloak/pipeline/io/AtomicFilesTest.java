package org.cloak.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long entries(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesTheContentCreatingFoldersAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/out.dcm");
        long size = AtomicFiles.write(target, ch -> ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertThat(size).isEqualTo(3);
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(entries(target.getParent())).isEqualTo(1);
    }

    @Test
    void aFailedWriteRemovesItsTemporaryFileAndKeepsTheOldTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("out.dcm"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, ch -> {
            ch.write(ByteBuffer.wrap(new byte[100]));
            throw new IOException("disk full (simulated)");
        })).hasMessage("disk full (simulated)");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("new.dcm");
        assertThatThrownBy(() -> AtomicFiles.write(target, ch -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(entries(dir)).isZero();
    }

    @Test
    void replacesAnExistingFileAndCopiesBytesExactly() throws IOException {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Path src = Files.write(dir.resolve("src"), data);
        Path target = Files.writeString(dir.resolve("copy"), "previous");
        assertThat(AtomicFiles.copy(src, target)).isEqualTo(data.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }
}
