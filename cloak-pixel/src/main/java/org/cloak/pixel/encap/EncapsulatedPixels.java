package org.cloak.pixel.encap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * Rewritten encapsulated Pixel Data and where its frames are.
 *
 * @param frameOffsets offset of each frame's first item from the first fragment's item tag
 * @param frameLengths bytes of each frame's encoded data (its fragments' values)
 */
public record EncapsulatedPixels(Fragments pixelData, long[] frameOffsets, long[] frameLengths) {

    /**
     * Puts the Pixel Data into a data set, and a matching Extended Offset Table and Lengths
     * when the data set has them (PS3.3 C.7.6.3.1.8: a table that no longer matches would
     * point into the wrong frames).
     */
    public void applyTo(DataSet target) {
        target.put(Tag.PixelData, Vr.OB, pixelData);
        if (target.contains(Tag.ExtendedOffsetTable)) {
            target.put(Tag.ExtendedOffsetTable, Vr.OV, longs(frameOffsets));
            target.put(Tag.ExtendedOffsetTableLengths, Vr.OV, longs(frameLengths));
        }
    }

    private static Bytes longs(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return new Bytes(b.array());
    }
}
