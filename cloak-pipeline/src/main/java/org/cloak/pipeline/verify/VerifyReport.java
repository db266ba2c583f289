package org.cloak.pipeline.verify;

import java.util.List;
import org.cloak.deid.verify.Finding;

/**
 * The result of a check: what was checked, pass or fail per study and series, every finding.
 *
 * @param passed no finding of severity FAIL
 * @param notes what the check could not do and why (no originals, no secret...)
 */
public record VerifyReport(String outDir, String inDir, String recipe, String startedAt, long millis,
                           boolean valuesShown, boolean passed, Counts counts, List<StudySummary> studies,
                           List<Finding> findings, List<String> notes) {

    /**
     * @param outputs files in the output folder (state folder aside)
     * @param inputs DICOM files in the input folder
     * @param pairs outputs compared with their input
     * @param quarantined inputs the run quarantined
     */
    public record Counts(int outputs, int inputs, int pairs, int quarantined, long fails, long warnings) {}

    /** One study of the output: its (pseudonymous) patient and UID, its series. */
    public record StudySummary(String patient, String study, int files, long fails, long warnings, boolean passed,
                               List<SeriesSummary> series) {}

    public record SeriesSummary(String series, String modality, int files, long fails, long warnings, boolean passed) {}
}
