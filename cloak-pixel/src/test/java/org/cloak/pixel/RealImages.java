package org.cloak.pixel;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The real images in the test resources (provenance and licence in their NOTICE). */
public final class RealImages {
    /** Philips ultrasound, 8-bit palette colour, RLE Lossless written by GDCM. */
    public static final String PALETTE_RLE = "OBXXXX1A_rle.dcm";
    /** Philips echo, 8-bit monochrome, JPEG Lossless SV1. */
    public static final String JPEG_LOSSLESS_SV1 = "JPGLosslessP14SV1_1s_1f_8b.dcm";
    /** Philips ultrasound of a test patient with name, ID, dates and institution burned in. */
    public static final String US_BURNED_IN = "us-greyscale.dcm";

    private RealImages() {}

    public static Path path(String name) {
        URL url = RealImages.class.getResource("/org/cloak/pixel/real/" + name);
        if (url == null) {
            throw new AssertionError("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
