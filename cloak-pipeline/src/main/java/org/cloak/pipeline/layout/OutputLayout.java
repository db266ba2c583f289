package org.cloak.pipeline.layout;

import java.nio.file.Path;
import org.cloak.pipeline.source.Input;

/** Where the de-identified copy of an input goes. */
public interface OutputLayout {

    /** The output file for {@code item}, always inside the output folder. */
    Path target(Input item);

    /** The output file for {@code item} once it is de-identified. */
    default Path target(Input item, LayoutValues values) {
        return target(item.relative(), values);
    }

    /**
     * The output file for an input known only by its path relative to its input root (an object
     * of a distributed file system, say) once it is de-identified; layouts that name files after
     * their new values read {@code values}.
     */
    Path target(Path relative, LayoutValues values);

    /** Whether {@link #target(Input)} alone decides the path, so collisions can be found before the run. */
    default boolean pathOnly() {
        return true;
    }
}
