package org.cloak.pixel.imageio;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.awt.Point;
import javax.imageio.ImageWriter;
import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelFormat;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, 1.2.840.10008.1.2.4.91) through the
 * jai-imageio-jpeg2000 reader and writer (pure Java). Frames are written as raw codestreams,
 * always with the reversible 5/3 wavelet and no colour transform, so a re-encoded frame is
 * lossless whatever the input was: a lossless input stays lossless and a lossy one loses
 * nothing more. Colour frames decode to RGB.
 */
public final class Jpeg2000Codec implements FrameCodec {
    private static final String READER = "com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi";
    private static final String WRITER = "com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi";
    private final String transferSyntaxUid;

    /** @param transferSyntaxUid {@code Uid.JPEG2000Lossless} or {@code Uid.JPEG2000} */
    public Jpeg2000Codec(String transferSyntaxUid) {
        if (!Uid.JPEG2000Lossless.equals(transferSyntaxUid) && !Uid.JPEG2000.equals(transferSyntaxUid)) {
            throw new IllegalArgumentException(transferSyntaxUid + " is not a JPEG 2000 transfer syntax");
        }
        this.transferSyntaxUid = transferSyntaxUid;
    }

    @Override
    public String transferSyntaxUid() { return transferSyntaxUid; }

    @Override
    public Frame decode(byte[] encoded, PixelFormat format) {
        return ImageIoFrames.read(ImageIoFrames.reader("jpeg2000", READER), encoded, format, false);
    }

    /**
     * Encodes losslessly; frames of 16 stored bits are refused with an
     * {@link UnsupportedOperationException}: the jai-imageio writer does not reproduce them exactly.
     */
    @Override
    public byte[] encode(Frame frame) {
        if (frame.format().bitsStored() > 15) {
            throw new UnsupportedOperationException("JPEG 2000 frames of " + frame.format().bitsStored()
                    + " bits cannot be re-encoded losslessly here");
        }
        ImageWriter writer = ImageIoFrames.writer("jpeg2000", WRITER);
        J2KImageWriteParam param = new J2KImageWriteParam();
        param.setLossless(true);
        param.setEncodingRate(Double.MAX_VALUE);
        param.setFilter(J2KImageWriteParam.FILTER_53);
        param.setComponentTransformation(false);
        param.setWriteCodeStreamOnly(true);
        return ImageIoFrames.write(writer, param, image(frame));
    }

    /** A codestream starts with SOC (0xFF4F). */
    @Override
    public boolean startsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0x4F;
    }

    /** An image whose bands hold the stored values' Bits Stored bits (signed values as their bit patterns). */
    private static BufferedImage image(Frame frame) {
        PixelFormat f = frame.format();
        int bands = f.samplesPerPixel();
        int type = f.bitsStored() <= 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        int[] bits = new int[bands];
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            bits[b] = f.bitsStored();
            offsets[b] = b;
        }
        ColorSpace cs = ColorSpace.getInstance(bands == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel cm = new ComponentColorModel(cs, bits, false, false, java.awt.Transparency.OPAQUE, type);
        PixelInterleavedSampleModel sm = new PixelInterleavedSampleModel(type, f.columns(), f.rows(), bands,
                f.columns() * bands, offsets);
        WritableRaster r = Raster.createWritableRaster(sm, new Point(0, 0));
        long mask = (1L << f.bitsStored()) - 1;
        int[] row = new int[f.columns()];
        for (int p = 0; p < bands; p++) {
            for (int y = 0; y < f.rows(); y++) {
                for (int x = 0; x < f.columns(); x++) {
                    row[x] = (int) (frame.sample(p, x, y) & mask);
                }
                r.setSamples(0, y, f.columns(), 1, p, row);
            }
        }
        return new BufferedImage(cm, r, false, null);
    }
}
