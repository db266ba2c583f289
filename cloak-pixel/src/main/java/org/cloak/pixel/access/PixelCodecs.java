package org.cloak.pixel.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.UidEntry;
import org.cloak.dicom.dict.UidRegistry;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.frame.UncompressedCodec;
import org.cloak.pixel.imageio.Jpeg2000Codec;
import org.cloak.pixel.imageio.JpegBaselineCodec;
import org.cloak.pixel.jpeg.JpegLosslessCodec;
import org.cloak.pixel.rle.RleCodec;

/** The frame codecs by transfer syntax UID; immutable, built once and passed to whoever needs it. */
public final class PixelCodecs {
    private static final List<String> NATIVE = List.of(Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian,
            Uid.ExplicitVRBigEndian, Uid.DeflatedExplicitVRLittleEndian);

    private final Map<String, FrameCodec> codecs = new HashMap<>();

    public PixelCodecs(List<FrameCodec> codecs) {
        for (FrameCodec c : codecs) {
            this.codecs.put(c.transferSyntaxUid(), c);
        }
    }

    /**
     * The codecs of this module: RLE Lossless, JPEG Lossless (process 14 and its SV1), encapsulated
     * uncompressed, JPEG Baseline and Extended, JPEG 2000.
     */
    public static PixelCodecs standard() {
        return new PixelCodecs(List.of(new RleCodec(), new JpegLosslessCodec(Uid.JPEGLossless),
                new JpegLosslessCodec(Uid.JPEGLosslessSV1), new UncompressedCodec(),
                new JpegBaselineCodec(Uid.JPEGBaseline8Bit), new JpegBaselineCodec(Uid.JPEGExtended12Bit),
                new Jpeg2000Codec(Uid.JPEG2000Lossless), new Jpeg2000Codec(Uid.JPEG2000)));
    }

    /** What can be done with pixel data in this transfer syntax (null: the file did not say). */
    public CodecLookup lookup(String transferSyntaxUid) {
        if (transferSyntaxUid != null && NATIVE.contains(transferSyntaxUid)) {
            return new CodecLookup.Native();
        }
        FrameCodec c = transferSyntaxUid == null ? null : codecs.get(transferSyntaxUid);
        if (c != null) {
            return new CodecLookup.Encapsulated(c);
        }
        UidEntry e = UidRegistry.standard().lookup(transferSyntaxUid);
        if (e == null || !UidRegistry.standard().isTransferSyntax(transferSyntaxUid)) {
            return new CodecLookup.Unsupported(CodecLookup.Reason.UNKNOWN_SYNTAX,
                    "transfer syntax " + transferSyntaxUid + " is not one of the standard's");
        }
        if (e.name().contains("JPIP")) {
            return new CodecLookup.Unsupported(CodecLookup.Reason.REFERENCED, e.name() + ": the pixels are elsewhere");
        }
        if (e.name().contains("MPEG") || e.name().contains("HEVC")) {
            return new CodecLookup.Unsupported(CodecLookup.Reason.VIDEO, e.name() + " is a video stream");
        }
        return new CodecLookup.Unsupported(CodecLookup.Reason.NO_CODEC, "no decoder for " + e.name());
    }
}
