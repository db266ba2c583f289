package org.cloak.pixel;

/** Compressed pixel data that its codec cannot decode: truncated, corrupt or not what the header says. */
public final class PixelDecodeException extends PixelException {
    private static final long serialVersionUID = 1L;

    public PixelDecodeException(String message) {
        super(message);
    }

    public PixelDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
