package org.cloak.pipeline.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.cloak.pipeline.folder.OutputFolder;

/**
 * The inputs a run quarantined, read from the reason files of its quarantine (each starts with a
 * line {@code input-sha256: HASH}, the input's audit hash), so that verify does not report them as lost.
 */
final class QuarantineList {
    private static final String PREFIX = "input-sha256: ";

    private QuarantineList() {}

    /** The audit hashes of the quarantined inputs' relative paths ({@code Digests.inputPath}). */
    static Set<String> read(Path outDir) throws IOException {
        Path dir = OutputFolder.of(outDir).quarantine();
        Set<String> inputs = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return inputs;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".reason.txt")).toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (line.startsWith(PREFIX)) {
                        inputs.add(line.substring(PREFIX.length()).trim());
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return inputs;
    }
}
