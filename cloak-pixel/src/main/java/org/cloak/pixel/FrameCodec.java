package org.cloak.pixel;

/** Decodes and encodes the frames of one compressed transfer syntax, one frame's bytes at a time. */
public interface FrameCodec {

    /** The transfer syntax whose frames this codec reads and writes. */
    String transferSyntaxUid();

    /**
     * Decodes one frame.
     *
     * @param encoded the frame's bytes (its fragments joined, padding included)
     * @param format the data set's description, which the encoded frame must match
     * @throws PixelDecodeException when the data is corrupt or does not match the format
     */
    Frame decode(byte[] encoded, PixelFormat format);

    /** Encodes one frame, losslessly unless the transfer syntax is lossy. */
    byte[] encode(Frame frame);

    /**
     * Whether a fragment beginning with these bytes starts a frame: how frames are told apart
     * when several fragments hold one frame and there is no offset table. False when the
     * format has no mark to tell.
     */
    default boolean startsFrame(byte[] head) { return false; }
}
