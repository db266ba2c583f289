package org.cloak.pixel.text;

import org.cloak.pixel.PixelException;

/** The OCR engine could not run (not installed, failed, timed out); the message holds no image content. */
public final class TextDetectionException extends PixelException {
    private static final long serialVersionUID = 1L;

    public TextDetectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
