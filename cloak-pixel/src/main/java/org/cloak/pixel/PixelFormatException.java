package org.cloak.pixel;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/** The Image Pixel attributes are missing, malformed or contradict each other or the pixel data. */
public final class PixelFormatException extends PixelException {
    private static final long serialVersionUID = 1L;

    private final int tag;

    /** @param problem what is wrong, without the attribute's value */
    public PixelFormatException(int tag, String problem) {
        super("Could not read the pixel description: " + DataSet.keywordOf(tag) + " " + Tags.toString(tag) + " "
                + problem);
        this.tag = tag;
    }

    /** The attribute at fault. */
    public int tag() { return tag; }
}
