package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes files written without a per-file fsync durable, many at a time. Implementations are
 * called from one thread ({@link GroupSync}'s), except {@link #written}, which workers call.
 */
public interface Syncer {
    /** Notes a file renamed into place since the last {@link #sync()}. Thread-safe. */
    void written(Path file);

    /** Returns once every file noted before the call is on stable storage, with its folder entry. */
    void sync() throws IOException;

    /** What this syncer does, for the run's log. */
    String describe();

    /**
     * The best syncer for files under {@code root}: one file-system-wide flush ({@code syncfs(2)}
     * through {@code sync -f}) where the platform has it, else an fsync of each file and folder.
     */
    static Syncer forTree(Path root) {
        FileSystemSyncer fs = FileSystemSyncer.probe(root);
        return fs != null ? fs : new PerFileSyncer();
    }
}
