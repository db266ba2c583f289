package org.cloak.deid.verify;

import org.cloak.deid.verify.AttributePath.Located;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/**
 * One attribute that differs between two data sets.
 *
 * @param before the attribute in the first data set, null when ADDED
 * @param after the attribute in the second data set, null when REMOVED
 */
public record Difference(AttributePath path, Change change, Located before, Located after) {

    public enum Change { ADDED, REMOVED, CHANGED }

    /** The keyword, or the private creator in brackets, or "" when unknown. */
    public String keyword() {
        Located side = after != null ? after : before;
        return side == null ? "" : keywordOf(side.owner(), path.tag());
    }

    static String keywordOf(DataSet owner, int tag) {
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tags.isPrivate(tag)) {
            String c = owner.privateCreatorOf(tag);
            return c == null ? "(private, no creator)" : "[" + c + "]";
        }
        return DataSet.keywordOf(tag);
    }
}
