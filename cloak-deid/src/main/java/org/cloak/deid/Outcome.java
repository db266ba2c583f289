package org.cloak.deid;

import org.cloak.dicom.data.DataSet;

/** How the engine ended for one data set. */
public sealed interface Outcome {

    /** De-identified; {@code fileMeta} holds only what may be carried over into the output's meta. */
    record Cleaned(DataSet fileMeta, DataSet dataset) implements Outcome {}

    /** Not written: the reason (never holding PHI) goes to the quarantine. */
    record Quarantined(String reason) implements Outcome {}
}
