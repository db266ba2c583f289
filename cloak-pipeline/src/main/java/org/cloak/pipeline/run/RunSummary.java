package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did. Lists name inputs by path (as given on the command line) and never hold
 * attribute values.
 *
 * @param seen input files found
 * @param written files de-identified and written
 * @param reused files of studies finished by an earlier, interrupted run, left as they were
 * @param studies studies (resume units) found in discovery
 * @param skipped inputs that are not DICOM, left alone
 * @param refused inputs refused before processing (zip entries leaving the archive), with reasons
 * @param quarantined files not written, with their reasons, copied to the quarantine
 * @param failed files neither written nor quarantined, with their reasons
 * @param bytesIn size of all inputs seen
 * @param bytesOut size of all outputs written
 * @param seconds wall-clock time of the run
 * @param identifyingNames inputs whose folder or file names, copied into the output by the layout,
 *     hold their patient's name, ID or dates
 */
public record RunSummary(long seen, long written, long reused, long studies, List<Path> skipped,
                         List<Problem> refused, List<Problem> quarantined, List<Problem> failed,
                         long bytesIn, long bytesOut, double seconds, long identifyingNames) {

    /** The summary of a run without resume or archives. */
    public RunSummary(long seen, long written, List<Path> skipped, List<Problem> quarantined,
                      List<Problem> failed, long bytesIn, long bytesOut, double seconds) {
        this(seen, written, 0, 0, skipped, List.of(), quarantined, failed, bytesIn, bytesOut, seconds, 0);
    }

    /** An input that was not written, and why. */
    public record Problem(Path input, String reason) {}

    /** True when every DICOM input was written (skipped non-DICOM files do not count against it). */
    public boolean allWritten() { return quarantined.isEmpty() && failed.isEmpty(); }

    /** Input megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() { return seconds > 0 ? bytesIn / 1e6 / seconds : 0; }

    public double filesPerSecond() { return seconds > 0 ? seen / seconds : 0; }
}
