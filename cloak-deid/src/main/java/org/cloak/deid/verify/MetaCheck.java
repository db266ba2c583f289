package org.cloak.deid.verify;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.io.DicomFile;

/** The file meta information names the same SOP instance and class as the data set (PS3.10 7.1). */
public final class MetaCheck {
    private MetaCheck() {}

    public static void check(String file, DicomFile f, FindingSink sink) {
        DataSet meta = f.fileMeta();
        if (meta.isEmpty()) {
            sink.add(FindingKind.META_MISMATCH, file, "", "", "", "no file meta information", "");
            return;
        }
        agree(file, meta, Tag.MediaStorageSOPInstanceUID, f.dataset(), Tag.SOPInstanceUID, sink);
        agree(file, meta, Tag.MediaStorageSOPClassUID, f.dataset(), Tag.SOPClassUID, sink);
    }

    private static void agree(String file, DataSet meta, int metaTag, DataSet ds, int dsTag, FindingSink sink) {
        String m = meta.getString(metaTag);
        String d = ds.getString(dsTag);
        if (m == null || !m.equals(d)) {
            sink.add(FindingKind.META_MISMATCH, file, Tags.toString(metaTag), DataSet.keywordOf(metaTag), "",
                    "differs from " + DataSet.keywordOf(dsTag) + " of the data set", m);
        }
    }
}
