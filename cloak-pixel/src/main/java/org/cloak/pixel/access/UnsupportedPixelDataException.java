package org.cloak.pixel.access;

import org.cloak.pixel.PixelException;

/** Pixel data in a transfer syntax whose frames cannot be decoded; {@link PixelCodecs#lookup} tells beforehand. */
public final class UnsupportedPixelDataException extends PixelException {
    private static final long serialVersionUID = 1L;

    private final transient CodecLookup.Unsupported lookup;

    public UnsupportedPixelDataException(CodecLookup.Unsupported lookup) {
        super("Could not decode the pixel data: " + lookup.detail());
        this.lookup = lookup;
    }

    public CodecLookup.Reason reason() { return lookup.reason(); }
}
