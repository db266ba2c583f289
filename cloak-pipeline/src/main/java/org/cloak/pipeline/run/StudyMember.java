package org.cloak.pipeline.run;

import java.io.Serializable;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * What discovery keeps of one file to place it in its study: its original study, series and
 * instance keys. Original UIDs: it stays inside the run (a batch run's memory, a distributed
 * job's shuffle) and is never written or logged.
 *
 * @param name the file's path relative to its input root, with {@code /}: the last tie-break of the order
 * @param study original StudyInstanceUID, "" when absent
 * @param series original SeriesInstanceUID, "" when absent
 * @param seriesNumber SeriesNumber, {@link Integer#MAX_VALUE} when absent or not a number
 * @param instanceNumber InstanceNumber, {@link Integer#MAX_VALUE} when absent or not a number
 * @param sop original SOPInstanceUID, "" when absent
 */
public record StudyMember(String name, String study, String series, int seriesNumber, int instanceNumber, String sop)
        implements Serializable {

    /** The keys of a header read in discovery. */
    public static StudyMember of(String name, DataSet ds) {
        return new StudyMember(name, text(ds, Tag.StudyInstanceUID), text(ds, Tag.SeriesInstanceUID),
                number(ds, Tag.SeriesNumber), number(ds, Tag.InstanceNumber), text(ds, Tag.SOPInstanceUID));
    }

    /** The leaf (resume unit) the file belongs to: {@link StudyIndex#leafId} of its study. */
    public String leaf() { return StudyIndex.leafId(study); }

    /** Names the file only by its hash: the record may be printed by a framework. */
    @Override
    public String toString() { return "StudyMember[" + leaf() + "]"; }

    private static String text(DataSet ds, int tag) {
        String s = ds.getString(tag);
        return s == null ? "" : s.trim();
    }

    private static int number(DataSet ds, int tag) {
        try {
            String s = ds.getString(tag);
            return s == null ? Integer.MAX_VALUE : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
