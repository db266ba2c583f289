package org.cloak.pipeline.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.pipeline.source.InputItem;

/**
 * Refuses path set-ups that would make a run read its own output or overwrite its input: an
 * output folder inside an input folder (the walk would pick up written files) or an input
 * inside the output folder (files would be replaced by their de-identified copies), and two
 * inputs that a layout sends to the same output file.
 */
public final class PathChecks {
    private PathChecks() {}

    /**
     * @throws IllegalArgumentException naming the two paths when {@code inner} is {@code outer}
     *     or inside it, in either direction
     */
    public static void requireDisjoint(String innerRole, Path a, String outerRole, Path b) {
        Path x = real(a);
        Path y = real(b);
        if (x.startsWith(y)) {
            throw new IllegalArgumentException(innerRole + " " + a + " is inside " + outerRole + " " + b);
        }
        if (y.startsWith(x)) {
            throw new IllegalArgumentException(outerRole + " " + b + " is inside " + innerRole + " " + a);
        }
    }

    /** The output folder must be outside every input, and no input inside it. */
    public static void requireOutputOutsideInputs(List<Path> inputs, Path out) {
        for (Path in : inputs) {
            requireDisjoint("output folder", out, "input", in);
        }
    }

    /**
     * @throws IllegalArgumentException when two inputs map to the same output file
     */
    public static void requireDistinctTargets(List<InputItem> items, OutputLayout layout) {
        Map<Path, Path> seen = new HashMap<>();
        for (InputItem item : items) {
            Path previous = seen.putIfAbsent(layout.target(item), item.file());
            if (previous != null) {
                throw new IllegalArgumentException("inputs " + previous + " and " + item.file()
                        + " would both be written to " + layout.target(item));
            }
        }
    }

    /**
     * The path with symbolic links resolved as far as it exists, so that {@code out -> in/x}
     * through a link is still caught.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
