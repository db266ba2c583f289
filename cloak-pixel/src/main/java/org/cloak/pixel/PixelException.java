package org.cloak.pixel;

/**
 * Root of the pixel module's unchecked exceptions. Messages name attributes, frames and byte
 * positions, never a pixel or attribute value of the image.
 */
public class PixelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PixelException(String message) {
        super(message);
    }

    public PixelException(String message, Throwable cause) {
        super(message, cause);
    }
}
