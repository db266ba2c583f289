package org.cloak.pipeline.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.pipeline.folder.OutputFolder;

/**
 * The files of a tree, sorted, without the state folder {@value OutputFolder#STATE} at its top (where
 * a run keeps its quarantine, which holds original data, and where sign-offs are recorded).
 * Links to folders are not followed.
 */
public final class TreeFiles {

    private TreeFiles() {}

    /** Paths relative to {@code root}; a single file gives its own name. */
    public static List<Path> list(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root.getFileName());
        }
        Path state = OutputFolder.of(root).state();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.startsWith(state) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(root::relativize).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
