package org.cloak.pixel.access;

import org.cloak.pixel.FrameCodec;

/** What the module can do with the pixel data of a transfer syntax. */
public sealed interface CodecLookup {

    /** Whether frames can be decoded (and re-encoded) in this transfer syntax. */
    default boolean canDecode() { return !(this instanceof Unsupported); }

    /** Native pixel data: read and written by {@link org.cloak.pixel.frame.NativeFrames}. */
    record Native() implements CodecLookup {}

    /** Encapsulated pixel data with a codec for its frames. */
    record Encapsulated(FrameCodec codec) implements CodecLookup {}

    /** The frames cannot be decoded: the caller quarantines or passes the pixel data through untouched. */
    record Unsupported(Reason reason, String detail) implements CodecLookup {}

    /** Why pixel data cannot be decoded. */
    enum Reason {
        /** No transfer syntax, or one the standard does not define. */
        UNKNOWN_SYNTAX,
        /** A compressed syntax this module has no codec for. */
        NO_CODEC,
        /** A video stream, whose frames are not coded one by one. */
        VIDEO,
        /** The pixels are not in the data set (JPIP). */
        REFERENCED
    }
}
