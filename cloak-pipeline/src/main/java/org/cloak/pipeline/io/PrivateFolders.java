package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders that hold original data (the quarantine, the listener's spool, archive entries being
 * processed): created readable by their owner only (0700 where the file system has POSIX
 * permissions), with a marker file that tells {@code cloak send} and a person what they hold.
 */
public final class PrivateFolders {
    /** The marker a folder of originals holds; commands that ship data refuse a tree with one. */
    public static final String MARKER = "ORIGINALS-DO-NOT-SHIP.txt";
    private static final String NOTE = "This folder holds original, identifying DICOM data kept by Cloak"
            + " (quarantined files, files being received or extracted). Handle it like the input;"
            + " never ship it with the de-identified output.\n";

    private PrivateFolders() {}

    /**
     * Creates {@code dir} if needed, with its missing parents, all owner-only, and puts the
     * marker in it; returns it. An existing folder is made owner-only too.
     */
    public static Path create(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        // the folders made here are owner-only, the new parents of dir too (OUT.originals for its quarantine)
        Path top = abs;
        while (top.getParent() != null && !Files.exists(top.getParent())) {
            top = top.getParent();
        }
        Files.createDirectories(abs);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            for (Path p = abs; p != null && p.startsWith(top); p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, NOTE);
        }
        return dir;
    }

    /** Whether {@code path} or a folder above it holds the marker of a folder of originals. */
    public static boolean holdsOriginals(Path path) {
        for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(MARKER))) {
                return true;
            }
        }
        return false;
    }
}
