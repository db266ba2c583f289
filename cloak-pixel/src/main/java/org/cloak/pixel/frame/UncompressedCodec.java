package org.cloak.pixel.frame;

import java.nio.ByteOrder;
import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;

/** Encapsulated Uncompressed Explicit VR Little Endian: each frame native, little endian, in its own fragments. */
public final class UncompressedCodec implements FrameCodec {

    @Override
    public String transferSyntaxUid() { return Uid.EncapsulatedUncompressedExplicitVRLittleEndian; }

    @Override
    public Frame decode(byte[] encoded, PixelFormat format) {
        if (encoded.length < format.frameLength()) {
            throw new PixelDecodeException("uncompressed frame of " + encoded.length + " bytes, the pixel description"
                    + " needs " + format.frameLength());
        }
        return NativeLayout.decode(format, encoded, 0, 0, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public byte[] encode(Frame frame) {
        return NativeLayout.encode(frame, ByteOrder.LITTLE_ENDIAN);
    }
}
