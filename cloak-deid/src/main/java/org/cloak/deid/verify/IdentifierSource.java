package org.cloak.deid.verify;

import org.cloak.dicom.data.DataSet;

/**
 * Where the identifying values searched in an output come from: the originals
 * ({@link OriginalIdentifiers}), a values file a reviewer keeps,
 * or the vault's re-identification map (the command line's adapter, since the vault lives in the pipeline).
 * Implementations are thread-safe.
 */
public interface IdentifierSource {

    /**
     * The matcher for one output file.
     *
     * @param output the output's data set (its PatientID is the pseudonym)
     * @param original the paired original's data set, or null when there is none
     */
    IdentifierMatcher matcherFor(DataSet output, DataSet original);

    /** What the report should say about this source's reach (what it cannot find), or null. */
    default String note() { return null; }

    /** No values: the scan finds nothing (flags and integrity checks still run). */
    IdentifierSource NONE = (output, original) -> IdentifierMatcher.empty();
}
