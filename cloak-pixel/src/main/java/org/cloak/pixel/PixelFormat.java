package org.cloak.pixel;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * How the pixels of a data set are laid out: the Image Pixel module (PS3.3 C.7.6.3) and Number
 * of Frames, checked for consistency on construction. Lengths are those of native
 * (uncompressed) data, PS3.5 8.1.1 and 8.2: for YBR_FULL_422 a row holds one Cb and one Cr per
 * two pixels, and 1-bit frames are packed without padding between them.
 *
 * @param signed Pixel Representation 1: stored values are two's complement in Bits Stored bits
 * @param planarConfiguration 0 (samples of a pixel together) or 1 (one plane after the other)
 */
public record PixelFormat(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                          int highBit, boolean signed, Photometric photometric, int planarConfiguration,
                          int frames) {

    public PixelFormat {
        positive(rows, Tag.Rows);
        positive(columns, Tag.Columns);
        positive(frames, Tag.NumberOfFrames);
        if (samplesPerPixel != photometric.samples()) {
            throw new PixelFormatException(Tag.SamplesPerPixel, "does not match the photometric interpretation "
                    + photometric.term());
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new PixelFormatException(Tag.BitsAllocated, "is " + bitsAllocated + ", not 1, 8, 16 or 32");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new PixelFormatException(Tag.BitsStored, "is " + bitsStored + ", outside 1.." + bitsAllocated);
        }
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new PixelFormatException(Tag.HighBit, "is " + highBit + ", outside " + (bitsStored - 1) + ".."
                    + (bitsAllocated - 1));
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new PixelFormatException(Tag.PlanarConfiguration, "is " + planarConfiguration + ", not 0 or 1");
        }
        if (bitsAllocated == 1 && samplesPerPixel != 1) {
            throw new PixelFormatException(Tag.BitsAllocated, "is 1 with " + samplesPerPixel + " samples per pixel");
        }
        if (photometric.isHorizontallySubsampled()) {
            if ((columns & 1) != 0) {
                throw new PixelFormatException(Tag.Columns, "is odd, " + photometric.term() + " pairs columns");
            }
            if (planarConfiguration != 0) {
                throw new PixelFormatException(Tag.PlanarConfiguration, "is 1, " + photometric.term() + " needs 0");
            }
        }
        if ((long) rows * columns * samplesPerPixel * bitsAllocated > 8L * Integer.MAX_VALUE) {
            throw new PixelFormatException(Tag.Rows, "and Columns give a frame larger than 2 GiB");
        }
    }

    /** Reads and checks the description; Planar Configuration defaults to 0 and Number of Frames to 1. */
    public static PixelFormat of(DataSet ds) {
        String term = Attributes.requiredText(ds, Tag.PhotometricInterpretation);
        Photometric photometric = Photometric.of(term).orElseThrow(() -> new PixelFormatException(
                Tag.PhotometricInterpretation, "is not a supported defined term"));
        int pixelRepresentation = Attributes.requiredInt(ds, Tag.PixelRepresentation);
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new PixelFormatException(Tag.PixelRepresentation, "is " + pixelRepresentation + ", not 0 or 1");
        }
        return new PixelFormat(
                Attributes.requiredInt(ds, Tag.Rows),
                Attributes.requiredInt(ds, Tag.Columns),
                Attributes.requiredInt(ds, Tag.SamplesPerPixel),
                Attributes.requiredInt(ds, Tag.BitsAllocated),
                Attributes.requiredInt(ds, Tag.BitsStored),
                Attributes.requiredInt(ds, Tag.HighBit),
                pixelRepresentation == 1,
                photometric,
                Attributes.optionalInt(ds, Tag.PlanarConfiguration, 0),
                Attributes.optionalInt(ds, Tag.NumberOfFrames, 1));
    }

    /** The same layout with another photometric interpretation (what a codec's output is in). */
    public PixelFormat withPhotometric(Photometric p) {
        return new PixelFormat(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed, p,
                p.isHorizontallySubsampled() ? 0 : planarConfiguration, frames);
    }

    /** The same layout with another planar configuration. */
    public PixelFormat withPlanarConfiguration(int pc) {
        return new PixelFormat(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed,
                photometric, pc, frames);
    }

    /** Lowest bit of a sample's stored value within its allocated cell. */
    public int lowBit() { return highBit - bitsStored + 1; }

    /** Width of a plane: half the columns for the colour differences of YBR_FULL_422. */
    public int planeWidth(int plane) {
        return plane > 0 && photometric.isHorizontallySubsampled() ? columns / 2 : columns;
    }

    /** Samples in one plane of one frame. */
    public int planeLength(int plane) { return rows * planeWidth(plane); }

    /** Samples in one frame, all planes. */
    public long samplesPerFrame() {
        long n = 0;
        for (int p = 0; p < samplesPerPixel; p++) {
            n += planeLength(p);
        }
        return n;
    }

    /** Bits of one native frame. */
    public long frameBits() { return samplesPerFrame() * bitsAllocated; }

    /** Bytes of one native frame (1-bit frames rounded up to a whole byte). */
    public int frameLength() { return (int) ((frameBits() + 7) / 8); }

    /** Bytes of all native frames, before the even-length padding of the value. */
    public long nativeLength() { return (frameBits() * frames + 7) / 8; }

    /** Smallest stored value a sample can take. */
    public long minStored() { return signed ? -(1L << (bitsStored - 1)) : 0; }

    /** Largest stored value a sample can take. */
    public long maxStored() { return signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1; }

    private static void positive(int v, int tag) {
        if (v < 1) {
            throw new PixelFormatException(tag, "is " + v + ", not a positive number");
        }
    }
}
