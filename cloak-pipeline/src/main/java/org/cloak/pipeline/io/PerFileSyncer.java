package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The portable syncer: an fsync of every file noted since the last sync, then of their folders
 * so the renames last too (where a folder can be opened; Windows cannot, and needs no such step).
 */
final class PerFileSyncer implements Syncer {
    private List<Path> pending = new ArrayList<>();

    @Override
    public synchronized void written(Path file) {
        pending.add(file);
    }

    @Override
    public void sync() throws IOException {
        List<Path> files;
        synchronized (this) {
            files = pending;
            pending = new ArrayList<>();
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (Path f : files) {
            force(f, StandardOpenOption.WRITE);
            folders.add(f.toAbsolutePath().getParent());
        }
        for (Path d : folders) {
            try {
                force(d, StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                // a platform that cannot open folders makes renames durable by itself
            }
        }
    }

    private static void force(Path p, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(p, mode)) {
            ch.force(true);
        }
    }

    @Override
    public String describe() { return "fsync of each file"; }
}
