package org.cloak.bench;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/** The Image Pixel and CT Image attributes the synthetic corpora share: 16-bit monochrome, 12 bits stored. */
final class CtImage {
    private CtImage() {}

    static void pixelModule(DataSet ds, int rows, int columns, String pixelSpacing) {
        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, Vr.US, rows);
        ds.setInts(Tag.Columns, Vr.US, columns);
        ds.setString(Tag.PixelSpacing, Vr.DS, pixelSpacing, pixelSpacing);
        ds.setInts(Tag.BitsAllocated, Vr.US, 16);
        ds.setInts(Tag.BitsStored, Vr.US, 12);
        ds.setInts(Tag.HighBit, Vr.US, 11);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        ds.setString(Tag.WindowCenter, Vr.DS, "40");
        ds.setString(Tag.WindowWidth, Vr.DS, "400");
        ds.setString(Tag.RescaleIntercept, Vr.DS, "-1024");
        ds.setString(Tag.RescaleSlope, Vr.DS, "1");
    }
}
