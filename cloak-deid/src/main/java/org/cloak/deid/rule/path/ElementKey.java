package org.cloak.deid.rule.path;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;

/**
 * One element of a data set: a tag, or a private element addressed by its creator as
 * (gggg,{CREATOR}ee), found in whichever block (gggg,10ee) to (gggg,FFee) that creator reserved.
 *
 * @param tag the whole tag; for a creator-addressed element, the group and the element's offset
 *     in the block (gggg,00ee)
 * @param creator the private creator, or null
 */
public record ElementKey(int tag, String creator) {

    public static ElementKey of(int tag) { return new ElementKey(tag, null); }

    /** Element {@code offset} of the block that {@code creator} reserved in {@code group}. */
    public static ElementKey privateOf(int group, String creator, int offset) {
        return new ElementKey(Tags.of(group, offset & 0xFF), creator.trim());
    }

    /** The element in a data set, or null. */
    public Element find(DataSet ds) {
        if (creator == null) {
            return ds.get(tag);
        }
        int group = Tags.group(tag);
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tags.of(group, block);
            if (ds.contains(creatorTag) && creator.equals(trimmed(ds.getString(creatorTag)))) {
                return ds.get(Tags.of(group, (block << 8) | (tag & 0xFF)));
            }
        }
        return null;
    }

    /** The keyword where the dictionary has one, else the tag; (gggg,{CREATOR}ee) for a private one. */
    public String describe() {
        if (creator != null) {
            return String.format("(%04X,{%s}%02X)", Tags.group(tag), creator, tag & 0xFF);
        }
        String keyword = Tags.isPrivate(tag) ? "" : ElementDictionary.standard().keywordOf(tag);
        return keyword.isEmpty() ? Tags.toString(tag) : keyword;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
