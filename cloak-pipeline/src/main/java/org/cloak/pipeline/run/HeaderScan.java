package org.cloak.pipeline.run;

import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.source.DicomSniffer;

/**
 * How the discovery pass reads a file, for every runner (the batch run's threads, a distributed
 * job's tasks): headers only, and which files it places in a study.
 */
public final class HeaderScan {
    /**
     * Discovery reads headers only: values above 256 bytes stay in the file, and from
     * (0021,0000) on values are skipped, not read, and elements not kept (their headers are
     * still checked, so a file the processing pass refuses is unreadable here too and numbered
     * as before). The bound is safe because discovery's readers only look at groups 0008 to
     * 0020: {@link StudyMember#of} (SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID,
     * SeriesNumber, InstanceNumber) and the planner's {@code FileFacts} (PatientID,
     * StudyInstanceUID, StudyDate, SeriesDate, AcquisitionDate, ContentDate, decoded with
     * SpecificCharacterSet). A discovery reader of a later group must move the bound.
     */
    public static final ReadOptions HEADERS_ONLY = ReadOptions.DEFAULT.withBulkThreshold(256)
            .withSkipFrom(Tags.of(0x0021, 0x0000));

    private HeaderScan() {}

    /**
     * Whether discovery places a parsed header in a study (and lets the planner observe it): every
     * DICOM file but a DICOMDIR, which the processing pass skips like a file that is not DICOM.
     */
    public static boolean placed(DicomFile header) {
        return !DicomSniffer.isDicomdir(header);
    }
}
