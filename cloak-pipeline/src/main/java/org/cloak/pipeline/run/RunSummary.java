package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did. Lists name inputs by path (as given on the command line) and never hold
 * attribute values.
 *
 * @param seen input files found
 * @param written files de-identified and written
 * @param skipped inputs that are not DICOM, left alone
 * @param quarantined files not written, with their reasons, copied to the quarantine
 * @param failed files neither written nor quarantined, with their reasons
 * @param bytesIn size of all inputs seen
 * @param bytesOut size of all outputs written
 * @param seconds wall-clock time of the run
 */
public record RunSummary(long seen, long written, List<Path> skipped, List<Problem> quarantined,
                         List<Problem> failed, long bytesIn, long bytesOut, double seconds) {

    /** An input that was not written, and why. */
    public record Problem(Path input, String reason) {}

    /** True when every DICOM input was written (skipped non-DICOM files do not count against it). */
    public boolean allWritten() { return quarantined.isEmpty() && failed.isEmpty(); }

    /** Input megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() { return seconds > 0 ? bytesIn / 1e6 / seconds : 0; }

    public double filesPerSecond() { return seconds > 0 ? seen / seconds : 0; }
}
