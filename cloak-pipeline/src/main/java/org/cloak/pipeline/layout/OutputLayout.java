package org.cloak.pipeline.layout;

import java.nio.file.Path;
import org.cloak.pipeline.source.InputItem;

/** Where the de-identified copy of an input goes. */
public interface OutputLayout {

    /** The output file for {@code item}, always inside the output folder. */
    Path target(InputItem item);
}
