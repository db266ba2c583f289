package org.cloak.pixel.imageio;

import java.util.List;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.jpeg.DctCleaner;
import org.cloak.pixel.region.CompressedDomainCleaner;
import org.cloak.pixel.region.Region;

/**
 * JPEG Baseline (process 1, 1.2.840.10008.1.2.4.50) and Extended (process 2 and 4,
 * 1.2.840.10008.1.2.4.51): frames decoded by the JDK's ImageIO JPEG reader (8-bit samples;
 * 12-bit Extended data is refused by it and so reported undecodable), encoded lossy by its
 * writer; cleaned without re-encoding by {@link DctCleaner}, which is what the pixel step uses.
 */
public final class JpegBaselineCodec implements FrameCodec, CompressedDomainCleaner {
    private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final String JDK_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";
    private final String transferSyntaxUid;

    /** @param transferSyntaxUid {@code Uid.JPEGBaseline8Bit} or {@code Uid.JPEGExtended12Bit} */
    public JpegBaselineCodec(String transferSyntaxUid) {
        if (!Uid.JPEGBaseline8Bit.equals(transferSyntaxUid) && !Uid.JPEGExtended12Bit.equals(transferSyntaxUid)) {
            throw new IllegalArgumentException(transferSyntaxUid + " is not JPEG Baseline or Extended");
        }
        this.transferSyntaxUid = transferSyntaxUid;
    }

    @Override
    public String transferSyntaxUid() { return transferSyntaxUid; }

    /** Colour frames come out as RGB, with the JPEG's YCbCr transform undone as libjpeg does. */
    @Override
    public Frame decode(byte[] encoded, PixelFormat format) {
        return ImageIoFrames.read(ImageIoFrames.reader("jpeg", JDK_READER), encoded, format, true);
    }

    /** Lossy (quality 0.9); colour frames are written as YCbCr with the writer's JFIF subsampling. */
    @Override
    public byte[] encode(Frame frame) {
        ImageWriter writer = ImageIoFrames.writer("jpeg", JDK_WRITER);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        return ImageIoFrames.write(writer, param, ImageIoFrames.toImage(frame));
    }

    @Override
    public boolean startsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
    }

    @Override
    public Cleaned clean(byte[] encoded, PixelFormat format, List<Region> regions) {
        DctCleaner.Result r = DctCleaner.clean(encoded, regions, format.photometric());
        return r == null ? null : new Cleaned(r.data(), r.blocks());
    }
}
