package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.deid.Deidentified;
import org.cloak.dicom.dict.Tag;

/** What becomes of one parsed object, before anything is written: written, skipped or held back. */
public sealed interface Decision {

    /** De-identified, to be written to {@code target}. */
    record Write(Path target, Deidentified result) implements Decision {
        /** The new StudyInstanceUID, "" when the output has none. */
        public String newStudy() {
            String s = result.dataset().getString(Tag.StudyInstanceUID);
            return s == null ? "" : s.strip();
        }
    }

    /** Not to be de-identified (a DICOMDIR, a file that is not DICOM): left alone and listed. */
    record Skip() implements Decision {}

    /** Not to be written: quarantined with a reason that names no value. */
    record Hold(String reason) implements Decision {}
}
