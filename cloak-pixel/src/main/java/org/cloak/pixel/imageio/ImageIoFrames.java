package org.cloak.pixel.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.cloak.pixel.Frame;
import org.cloak.pixel.PixelDecodeException;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.Photometric;

/**
 * Frames to and from Java ImageIO readers and writers: a raster's samples become a frame's
 * cells and back. Colour frames are decoded to RGB (the codec's colour transform undone), so
 * their format is the data set's with Photometric Interpretation RGB.
 */
final class ImageIoFrames {
    private ImageIoFrames() {}

    /** The format a decoded frame has: RGB for three samples, else the data set's. */
    static PixelFormat decodedFormat(PixelFormat f) {
        if (f.samplesPerPixel() == 3) {
            return f.withPhotometric(Photometric.RGB).withPlanarConfiguration(0);
        }
        return f;
    }

    /** Reads the first image as a raster, converted to RGB for three samples when {@code convert}. */
    static Frame read(ImageReader reader, byte[] encoded, PixelFormat format, boolean convert) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in, true, true);
            Raster raster = convert && format.samplesPerPixel() == 3 ? reader.read(0).getRaster()
                    : reader.readRaster(0, null);
            return toFrame(raster, format);
        } catch (IOException | RuntimeException e) {
            throw new PixelDecodeException("could not decode the frame: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } finally {
            reader.dispose();
        }
    }

    static Frame toFrame(Raster raster, PixelFormat format) {
        PixelFormat f = decodedFormat(format);
        if (raster.getWidth() != f.columns() || raster.getHeight() != f.rows()
                || raster.getNumBands() != f.samplesPerPixel()) {
            throw new PixelDecodeException("frame of " + raster.getWidth() + "x" + raster.getHeight() + "x"
                    + raster.getNumBands() + " does not match the header's " + f.columns() + "x" + f.rows() + "x"
                    + f.samplesPerPixel());
        }
        Frame frame = Frame.blank(f);
        int[] row = new int[f.columns()];
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            int[] plane = frame.plane(p);
            for (int y = 0; y < f.rows(); y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, f.columns(), 1, p, row);
                for (int x = 0; x < f.columns(); x++) {
                    plane[y * f.columns() + x] = Frame.cellOf(f, row[x]);
                }
            }
        }
        return frame;
    }

    /** A raster image of the frame's stored values (unsigned bits), 8-bit bytes or 16-bit shorts. */
    static BufferedImage toImage(Frame frame) {
        PixelFormat f = frame.format();
        int bands = f.samplesPerPixel();
        BufferedImage img;
        if (bands == 1) {
            img = new BufferedImage(f.columns(), f.rows(), f.bitsStored() <= 8 ? BufferedImage.TYPE_BYTE_GRAY
                    : BufferedImage.TYPE_USHORT_GRAY);
        } else if (bands == 3 && f.bitsStored() <= 8 && f.photometric() == Photometric.RGB) {
            img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_3BYTE_BGR);
        } else {
            throw new IllegalArgumentException("frames of " + bands + " samples in " + f.photometric().term()
                    + " with " + f.bitsStored() + " bits are not written by this codec");
        }
        WritableRaster r = img.getRaster();
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
        return img;
    }

    /** Encodes with the writer and its parameters. */
    static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage img) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the frame: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bos.toByteArray();
    }

    /** A new reader of the given provider class name (so no other plug-in registered for the format is used). */
    static ImageReader reader(String format, String spiClass) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        while (it.hasNext()) {
            ImageReader r = it.next();
            ImageReaderSpi spi = r.getOriginatingProvider();
            if (spiClass == null || (spi != null && spi.getClass().getName().equals(spiClass))) {
                return r;
            }
        }
        throw new IllegalStateException("no ImageIO reader for " + format + " (" + spiClass + ")");
    }

    /** A new writer of the given provider class name. */
    static ImageWriter writer(String format, String spiClass) {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        while (it.hasNext()) {
            ImageWriter w = it.next();
            ImageWriterSpi spi = w.getOriginatingProvider();
            if (spiClass == null || (spi != null && spi.getClass().getName().equals(spiClass))) {
                return w;
            }
        }
        throw new IllegalStateException("no ImageIO writer for " + format + " (" + spiClass + ")");
    }
}
