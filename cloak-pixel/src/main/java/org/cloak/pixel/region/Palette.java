package org.cloak.pixel.region;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Tag;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.value.ValueBytes;

/**
 * The red, green and blue palette lookup tables (PS3.3 C.7.6.3.1.5 and C.7.9): descriptors
 * (entries, first mapped value, bits per entry) and 16-bit entries. Segmented tables are not
 * expanded.
 */
record Palette(int firstMapped, int[] red, int[] green, int[] blue) {

    static Palette of(DataSet ds) throws IOException {
        int[] red = descriptor(ds, Tag.RedPaletteColorLookupTableDescriptor);
        int[] green = descriptor(ds, Tag.GreenPaletteColorLookupTableDescriptor);
        int[] blue = descriptor(ds, Tag.BluePaletteColorLookupTableDescriptor);
        return new Palette(red[1],
                table(ds, Tag.RedPaletteColorLookupTableData, red),
                table(ds, Tag.GreenPaletteColorLookupTableData, green),
                table(ds, Tag.BluePaletteColorLookupTableData, blue));
    }

    /** The stored value mapped to the entry with the least red + green + blue (the first of equals). */
    long darkestIndex() {
        int n = Math.min(red.length, Math.min(green.length, blue.length));
        int best = 0;
        long bestSum = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long sum = (long) red[i] + green[i] + blue[i];
            if (sum < bestSum) {
                bestSum = sum;
                best = i;
            }
        }
        return firstMapped + best;
    }

    private static int[] descriptor(DataSet ds, int tag) {
        String[] v = ds.getStrings(tag);
        if (v.length != 3) {
            throw new PixelFormatException(tag, "is missing or does not have 3 values");
        }
        int[] d = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                d[i] = Integer.parseInt(v[i].trim());
            } catch (NumberFormatException e) {
                throw new PixelFormatException(tag, "is not numeric");
            }
        }
        if (d[0] == 0) {
            d[0] = 65536; // PS3.3 C.7.6.3.1.5: 0 stands for 2^16 entries
        }
        return d;
    }

    private static int[] table(DataSet ds, int tag, int[] descriptor) throws IOException {
        Element e = ds.get(tag);
        if (e == null) {
            throw new PixelFormatException(tag, "is missing (segmented palettes need an explicit fill value)");
        }
        byte[] raw = ValueBytes.readAll(e.value());
        ByteBuffer b = ByteBuffer.wrap(raw).order(ds.order());
        int entries = descriptor[0];
        if (raw.length >= 2 * entries) {
            int[] t = new int[entries];
            for (int i = 0; i < entries; i++) {
                t[i] = b.getShort() & 0xFFFF;
            }
            return t;
        }
        if (descriptor[2] == 8 && raw.length >= entries) {
            // 8-bit entries packed two to a word by some writers
            int[] t = new int[entries];
            for (int i = 0; i < entries; i++) {
                t[i] = raw[i] & 0xFF;
            }
            return t;
        }
        throw new PixelFormatException(tag, "holds fewer entries than its descriptor says");
    }
}
