package org.cloak.dicom.io;

import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/** Builds the File Meta Information group (PS3.10 7.1) that Cloak writes in front of a data set. */
public final class FileMeta {
    /** Cloak's Implementation Class UID (a UUID-derived 2.25 UID, PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.339775844894895595180818321829349416884";
    public static final String IMPLEMENTATION_VERSION_NAME = "CLOAK_" + Version.VERSION;

    private FileMeta() {}

    /**
     * A fresh meta group: version, SOP class and instance taken from the data set (falling back
     * to the original meta), the transfer syntax, Cloak's implementation identity, and the
     * optional AE titles and private information of the original meta.
     */
    public static DataSet build(DataSet original, DataSet dataset, TransferSyntax ts) {
        DataSet meta = new DataSet();
        meta.put(Tag.FileMetaInformationVersion, Vr.OB, new Bytes(new byte[] {0, 1}));
        meta.setString(Tag.MediaStorageSOPClassUID, Vr.UI,
                firstOf(dataset, Tag.SOPClassUID, original, Tag.MediaStorageSOPClassUID));
        meta.setString(Tag.MediaStorageSOPInstanceUID, Vr.UI,
                firstOf(dataset, Tag.SOPInstanceUID, original, Tag.MediaStorageSOPInstanceUID));
        meta.setString(Tag.TransferSyntaxUID, Vr.UI, ts.uid());
        meta.setString(Tag.ImplementationClassUID, Vr.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, Vr.SH, IMPLEMENTATION_VERSION_NAME);
        if (original != null) {
            for (Element e : original) {
                int el = Tags.element(e.tag());
                boolean kept = e.tag() == Tag.SourceApplicationEntityTitle
                        || e.tag() == Tag.SendingApplicationEntityTitle
                        || e.tag() == Tag.ReceivingApplicationEntityTitle || el >= 0x0100;
                if (Tags.group(e.tag()) == 2 && kept) {
                    meta.put(e);
                }
            }
        }
        return meta;
    }

    private static String firstOf(DataSet ds, int tag, DataSet fallback, int fallbackTag) {
        String v = ds.getString(tag);
        if (v == null && fallback != null) {
            v = fallback.getString(fallbackTag);
        }
        return v == null ? "" : v;
    }
}
