package org.cloak.pixel.jpeg;

import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelFormat;

/**
 * JPEG Lossless, process 14 (any predictor) and its selection value 1 subset: decoded with
 * every predictor, encoded with predictor 1, which both transfer syntaxes allow.
 */
public final class JpegLosslessCodec implements FrameCodec {
    private final String transferSyntaxUid;

    /** @param transferSyntaxUid {@code Uid.JPEGLossless} or {@code Uid.JPEGLosslessSV1} */
    public JpegLosslessCodec(String transferSyntaxUid) {
        if (!Uid.JPEGLossless.equals(transferSyntaxUid) && !Uid.JPEGLosslessSV1.equals(transferSyntaxUid)) {
            throw new IllegalArgumentException(transferSyntaxUid + " is not a JPEG Lossless transfer syntax");
        }
        this.transferSyntaxUid = transferSyntaxUid;
    }

    @Override
    public String transferSyntaxUid() { return transferSyntaxUid; }

    @Override
    public Frame decode(byte[] encoded, PixelFormat format) {
        return JpegLosslessDecoder.decode(encoded, format);
    }

    @Override
    public byte[] encode(Frame frame) {
        return JpegLosslessEncoder.encode(frame);
    }

    /** A JPEG frame starts with SOI. */
    @Override
    public boolean startsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == Markers.SOI;
    }
}
