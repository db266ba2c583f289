package org.cloak.deid;

import org.cloak.dicom.data.DataSet;

/** How the engine ended for one data set. */
public sealed interface Outcome {

    /** De-identified: the data set to write (the file meta is made anew by the writer). */
    record Cleaned(DataSet dataset) implements Outcome {}

    /** Not written: the reason (never holding PHI) goes to the quarantine. */
    record Quarantined(Reason kind, String reason) implements Outcome {}

    /**
     * De-identified as far as the engine could, but a person must look before it may leave
     * (e.g. text found in the pixels that no rule covers); held like a quarantined file.
     */
    record NeedsReview(Reason kind, String reason, DataSet dataset) implements Outcome {}

    /** Why a file was held back: a front end maps it to an audit category, an exit status or an HTTP status. */
    enum Reason {
        /** Burned-in text suspected and no pixel rule cleans it. */
        BURNED_IN,
        /** Not readable as DICOM. */
        UNREADABLE,
        /** The pseudonyms could not be planned (an ID missing from a mapping, say). */
        PSEUDONYMS,
        /** A check of the original refused it (strict private data, say). */
        REFUSED,
        /** The pixel step could not clean it (a transfer syntax without a codec, text left). */
        PIXELS,
        /** The engine failed unexpectedly; nothing was passed through. */
        ENGINE_FAILURE,
        /** The output could not be named or written. */
        OUTPUT
    }
}
