package org.cloak.server.session;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tidying of session folders after a move or relabel. */
public final class SessionFolders {
    private SessionFolders() {}

    /** Removes {@code dir} when it is empty (a subject folder whose last session left). */
    public static void pruneEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // other sessions are still there
        } catch (IOException e) {
            // left for a later tidy-up: an empty folder holds nothing
        }
    }
}
