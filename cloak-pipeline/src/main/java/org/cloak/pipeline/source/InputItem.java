package org.cloak.pipeline.source;

import java.nio.file.Path;
import org.cloak.deid.pseudo.Origin;

/**
 * One input file and where it came from.
 *
 * @param file the file to read
 * @param root the input it was found under: the folder given on the command line, or the
 *     parent of a file given directly
 * @param relative the file's path relative to {@code root} (for a file given directly, its name);
 *     layouts and pseudonym strategies that look at folder names use it
 */
public record InputItem(Path file, Path root, Path relative) implements Input {

    /** Where the file lies, as the de-identification API sees it. */
    @Override
    public Origin origin() { return Origin.ofFile(root, relative); }
}
