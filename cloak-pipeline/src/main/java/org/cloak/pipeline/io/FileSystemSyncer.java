package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Flushes the whole file system holding the output with {@code sync -f} (coreutils' front end to
 * Linux {@code syncfs(2)}): one flush covers every file and rename of a batch, where an fsync per
 * file would force one journal commit each (milliseconds apiece on common disks). The JDK offers
 * no syncfs, so the flush runs as a short child process.
 */
final class FileSystemSyncer implements Syncer {
    private static final List<String> COMMANDS = List.of("/usr/bin/sync", "/bin/sync");
    private static final long TIMEOUT_MINUTES = 30;

    private final String command;
    private final Path root;

    private FileSystemSyncer(String command, Path root) {
        this.command = command;
        this.root = root;
    }

    /** A syncer for {@code root}'s file system when {@code sync -f} works there, else null. */
    static FileSystemSyncer probe(Path root) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        for (String c : COMMANDS) {
            if (Files.isExecutable(Path.of(c))) {
                FileSystemSyncer s = new FileSystemSyncer(c, root);
                try {
                    s.sync();
                    return s;
                } catch (IOException e) {
                    return null; // an old sync without -f, or a file system refusing it
                }
            }
        }
        return null;
    }

    @Override
    public void written(Path file) {
        // the flush covers the whole file system: nothing to remember
    }

    @Override
    public void sync() throws IOException {
        Process p = new ProcessBuilder(command, "-f", root.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("flushing the output to disk did not finish within " + TIMEOUT_MINUTES
                        + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing the output to disk", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("'sync -f' on the output folder failed with status " + p.exitValue());
        }
    }

    @Override
    public String describe() { return "file-system flush (" + command + " -f)"; }
}
