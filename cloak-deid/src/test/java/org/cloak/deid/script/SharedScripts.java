package org.cloak.deid.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public scripts collected beside the project ({@code ../shared/data/scripts}, see its
 * README and PROVENANCE files: not copied into the project since their licences vary), found
 * from the working folder upwards; null where the folder is absent (outside CI).
 */
public final class SharedScripts {
    private SharedScripts() {}

    /** The folder of one language's scripts, or null when the shared data is not there. */
    public static Path folder(String language) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data/scripts").resolve(language);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every file under the folder whose name passes, sorted. */
    public static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }
}
