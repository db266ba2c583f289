package org.cloak.pipeline.layout;

import java.nio.file.Path;
import org.cloak.pipeline.source.Input;

/**
 * Keeps each file's path relative to its input folder: {@code --in /data/study1} holding
 * {@code a/b.dcm} gives {@code OUT/a/b.dcm}; a file given directly keeps its name. Folder and
 * file names are the user's own: if they hold identifying text, a template layout (a later
 * issue) is the way to rename them.
 */
public final class MirrorLayout implements OutputLayout {
    private final Path out;

    public MirrorLayout(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    @Override
    public Path target(Input item) {
        return target(item.relative(), null);
    }

    @Override
    public Path target(Path relative, LayoutValues values) {
        Path t = out.resolve(relative.toString()).normalize();
        if (!t.startsWith(out) || t.equals(out)) {
            throw new IllegalArgumentException("an input path leads outside the output folder: " + relative);
        }
        return t;
    }
}
