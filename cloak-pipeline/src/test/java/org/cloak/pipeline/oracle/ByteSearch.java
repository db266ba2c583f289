package org.cloak.pipeline.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Counts occurrences of a string in the raw bytes of files, case-insensitively (like
 * {@code grep -c -i -a} over every byte, pixel data and private blocks included), so a value
 * cannot hide from the check in an attribute the parser does not know.
 */
final class ByteSearch {
    private ByteSearch() {}

    /** The regular files under {@code dir}, the quarantine and other control files left out. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith(".cloak")).sorted()
                    .toList();
        }
    }

    static long count(List<Path> files, String needle) {
        String n = needle.toUpperCase(Locale.ROOT);
        long total = 0;
        for (Path f : files) {
            String hay;
            try {
                hay = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) {
                total++;
            }
        }
        return total;
    }
}
