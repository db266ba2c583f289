package org.cloak.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.pipeline.io.AtomicFiles;

/** Removes what a killed run left in an output folder: temporary files of atomic writes
 * (archive entries extracted into {@link RunOptions#tmpDir()} are removed with {@link #deleteTree}). */
public final class Leftovers {
    private Leftovers() {}

    /** @return how many temporary files were removed */
    public static int clean(RunOptions options) throws IOException {
        int n = 0;
        for (Path dir : List.of(options.outputDir(), options.quarantineDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Leftovers::isTemp).toList()) {
                    Files.deleteIfExists(p);
                    n++;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return n;
    }

    static boolean isTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(AtomicFiles.TEMP_PREFIX) && name.endsWith(AtomicFiles.TEMP_SUFFIX)
                && Files.isRegularFile(p);
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
