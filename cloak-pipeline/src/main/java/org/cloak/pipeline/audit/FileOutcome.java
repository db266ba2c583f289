package org.cloak.pipeline.audit;

/** How one input file ended in a run. */
public enum FileOutcome {
    /** De-identified and written in this run. */
    WRITTEN,
    /** Already written by an earlier, interrupted run of the same job and kept (resume). */
    REUSED,
    /** Not written; copied to the quarantine with a reason. */
    QUARANTINED,
    /** Not DICOM; left alone and listed. */
    SKIPPED,
    /** Neither written nor quarantined. */
    FAILED
}
