package org.cloak.spark.study;

import java.io.Serializable;
import java.util.List;
import org.cloak.pipeline.audit.FileRecord;

/**
 * How one study's task ended: its files' audit records (no original values) and counts, the
 * problems to list in the summary, and the output folders it wrote to. Stored as the study's
 * journal entry once all its files are in place.
 *
 * @param runId the run that made it
 * @param problems inputs skipped, quarantined or failed, by path, for the summary
 * @param folders output folders written to, relative to the output folder (for the removal of
 *     temporaries killed attempts left)
 */
public record StudyResult(String leaf, String runId, List<FileRecord> records, long bytesIn, long bytesOut,
                          List<Problem> problems, List<String> folders) implements Serializable {

    /** An input not written: {@code kind} is skipped, quarantined or failed. */
    public record Problem(String input, Kind kind, String reason) implements Serializable {}

    /** How a problem input ended. */
    public enum Kind { SKIPPED, QUARANTINED, FAILED }

    public StudyResult {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
        folders = List.copyOf(folders);
    }

    /** Counts without values. */
    @Override
    public String toString() { return "StudyResult[" + leaf + ", " + records.size() + " files]"; }
}
