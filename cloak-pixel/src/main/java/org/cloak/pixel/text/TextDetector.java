package org.cloak.pixel.text;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds words in an 8-bit grey image (see {@link Render}); implementations must be thread-safe. */
@FunctionalInterface
public interface TextDetector {

    /**
     * The words found, in the image's coordinates.
     *
     * @throws TextDetectionException when the OCR engine cannot run
     */
    List<TextBox> detect(BufferedImage grey);
}
