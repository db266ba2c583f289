package org.cloak.pixel;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.frame.NativeLayout;
import org.cloak.testkit.Fixtures;

/**
 * Synthetic images for the pixel tests: a deterministic pattern in every frame (so frames
 * differ), with bits above High Bit set in some cells when the cell has room for them.
 */
public final class TestImages {
    private TestImages() {}

    /** Rows x columns, one frame, no planar configuration: the common case of the tests. */
    public static PixelFormat format(Photometric p, int rows, int columns, int bitsAllocated, int bitsStored,
                                     boolean signed) {
        return new PixelFormat(rows, columns, p.samples(), bitsAllocated, bitsStored, bitsStored - 1, signed, p, 0, 1);
    }

    public static PixelFormat frames(PixelFormat f, int frames) {
        return new PixelFormat(f.rows(), f.columns(), f.samplesPerPixel(), f.bitsAllocated(), f.bitsStored(),
                f.highBit(), f.signed(), f.photometric(), f.planarConfiguration(), frames);
    }

    /** A pattern frame; {@code garbage} sets a bit above High Bit in every fifth cell where there is one. */
    public static Frame pattern(PixelFormat f, int seed, boolean garbage) {
        Frame frame = Frame.blank(f);
        long range = f.maxStored() - f.minStored() + 1;
        for (int p = 0; p < f.samplesPerPixel(); p++) {
            int[] plane = frame.plane(p);
            int width = f.planeWidth(p);
            for (int i = 0; i < plane.length; i++) {
                int x = i % width;
                int y = i / width;
                long v = (x * 37L + y * 11L + (x ^ y) * 5L + p * 71L + seed * 131L) % range;
                int cell = Frame.cellOf(f, f.minStored() + v);
                if (garbage && f.highBit() + 1 < f.bitsAllocated() && i % 5 == 0) {
                    cell |= 1 << (f.highBit() + 1);
                }
                plane[i] = cell;
            }
        }
        return frame;
    }

    public static List<Frame> patterns(PixelFormat f, boolean garbage) {
        List<Frame> frames = new ArrayList<>();
        for (int n = 0; n < f.frames(); n++) {
            frames.add(pattern(f, n, garbage));
        }
        return frames;
    }

    /** All frames packed one after the other, padded to an even length. */
    public static byte[] pack(PixelFormat f, List<Frame> frames, ByteOrder order) {
        byte[] buf = new byte[(int) ((f.nativeLength() + 1) & ~1L)];
        for (int n = 0; n < frames.size(); n++) {
            long bit = n * f.frameBits();
            NativeLayout.encode(frames.get(n), buf, (int) (bit >>> 3), (int) (bit & 7), order);
        }
        return buf;
    }

    /** A little-endian data set (a fixture CT with its pixel module replaced) holding the pixel data. */
    public static DataSet dataset(PixelFormat f, byte[] pixelData) {
        DataSet ds = Fixtures.ct().withoutSequences().withoutPrivateBlock().rows(f.rows()).columns(f.columns())
                .build();
        ds.setInts(Tag.SamplesPerPixel, Vr.US, f.samplesPerPixel());
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, f.photometric().term());
        if (f.samplesPerPixel() > 1) {
            ds.setInts(Tag.PlanarConfiguration, Vr.US, f.planarConfiguration());
        }
        if (f.frames() > 1) {
            ds.setString(Tag.NumberOfFrames, Vr.IS, Integer.toString(f.frames()));
        }
        ds.setInts(Tag.BitsAllocated, Vr.US, f.bitsAllocated());
        ds.setInts(Tag.BitsStored, Vr.US, f.bitsStored());
        ds.setInts(Tag.HighBit, Vr.US, f.highBit());
        ds.setInts(Tag.PixelRepresentation, Vr.US, f.signed() ? 1 : 0);
        if (f.photometric() != Photometric.MONOCHROME2) {
            ds.remove(Tag.WindowCenter);
            ds.remove(Tag.WindowWidth);
            ds.remove(Tag.RescaleIntercept);
            ds.remove(Tag.RescaleSlope);
        }
        if (f.photometric() == Photometric.PALETTE_COLOR) {
            addGreyPalette(ds, f.bitsStored());
        }
        ds.put(Tag.PixelData, f.bitsAllocated() > 8 ? Vr.OW : Vr.OB, new Bytes(pixelData));
        return ds;
    }

    /** A data set with the pattern frames, little endian. */
    public static DataSet patternDataset(PixelFormat f, boolean garbage) {
        return dataset(f, pack(f, patterns(f, garbage), ByteOrder.LITTLE_ENDIAN));
    }

    /** Writes the data set in Explicit VR Little Endian and reads it back as the tests' input. */
    public static DicomFile writeAndRead(DataSet ds, Path file) throws IOException {
        Fixtures.write(ds, file);
        return DicomReader.read(file);
    }

    /** A palette whose entry i is grey level 255 - i, so the darkest entry is the last one. */
    private static void addGreyPalette(DataSet ds, int bits) {
        int entries = 1 << bits;
        int[] table = new int[entries];
        for (int i = 0; i < entries; i++) {
            table[i] = (entries - 1 - i) * 257;
        }
        int[] descriptor = {entries == 65536 ? 0 : entries, 0, 16};
        ds.setInts(Tag.RedPaletteColorLookupTableDescriptor, Vr.US, descriptor);
        ds.setInts(Tag.GreenPaletteColorLookupTableDescriptor, Vr.US, descriptor);
        ds.setInts(Tag.BluePaletteColorLookupTableDescriptor, Vr.US, descriptor);
        ds.setInts(Tag.RedPaletteColorLookupTableData, Vr.OW, table);
        ds.setInts(Tag.GreenPaletteColorLookupTableData, Vr.OW, table);
        ds.setInts(Tag.BluePaletteColorLookupTableData, Vr.OW, table);
    }
}
