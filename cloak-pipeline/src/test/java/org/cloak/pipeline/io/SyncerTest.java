package org.cloak.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SyncerTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxFlushesTheWholeFileSystemAtOnce() throws IOException {
        Syncer s = Syncer.forTree(dir);
        assertThat(s).isInstanceOf(FileSystemSyncer.class);
        assertThat(s.describe()).contains("sync -f");
        AtomicFiles.writeUnforced(dir.resolve("a/x.dcm"), ch -> ch.write(java.nio.ByteBuffer.wrap(new byte[] {1})));
        s.written(dir.resolve("a/x.dcm"));
        s.sync();
    }

    @Test
    void perFileSyncForcesEveryNotedFileAndItsFolderOnce() throws IOException {
        PerFileSyncer s = new PerFileSyncer();
        Path a = Files.writeString(Files.createDirectories(dir.resolve("s1")).resolve("a.dcm"), "a");
        Path b = Files.writeString(dir.resolve("s1/b.dcm"), "b");
        s.written(a);
        s.written(b);
        s.sync();
        s.sync(); // nothing left: a second sync has nothing to do
        assertThat(Files.readString(a)).isEqualTo("a");
    }

    @Test
    void perFileSyncReportsAFileThatVanishedBeforeItsFlush() throws IOException {
        PerFileSyncer s = new PerFileSyncer();
        s.written(dir.resolve("gone.dcm"));
        assertThatThrownBy(s::sync).isInstanceOf(NoSuchFileException.class);
    }
}
