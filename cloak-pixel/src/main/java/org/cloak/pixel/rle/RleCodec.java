package org.cloak.pixel.rle;

import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelFormat;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits
 * segment per byte of each sample, most significant byte first, sample after sample.
 */
public final class RleCodec implements FrameCodec {

    @Override
    public String transferSyntaxUid() { return Uid.RLELossless; }

    @Override
    public Frame decode(byte[] encoded, PixelFormat format) {
        return RleDecoder.decode(encoded, format);
    }

    @Override
    public byte[] encode(Frame frame) {
        return RleEncoder.encode(frame);
    }
}
