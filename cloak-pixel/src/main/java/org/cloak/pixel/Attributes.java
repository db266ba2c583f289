package org.cloak.pixel;

import org.cloak.dicom.data.DataSet;

/** Reads the integer and text attributes of the pixel description, telling absent from malformed. */
final class Attributes {
    private Attributes() {}

    static String requiredText(DataSet ds, int tag) {
        String s = ds.getString(tag);
        if (s == null) {
            throw new PixelFormatException(tag, "is missing or empty");
        }
        return s;
    }

    static int requiredInt(DataSet ds, int tag) {
        return parse(requiredText(ds, tag), tag);
    }

    static int optionalInt(DataSet ds, int tag, int def) {
        String s = ds.getString(tag);
        return s == null ? def : parse(s, tag);
    }

    private static int parse(String s, int tag) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new PixelFormatException(tag, "is not an integer");
        }
    }
}
