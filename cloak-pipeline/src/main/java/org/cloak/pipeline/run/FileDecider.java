package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.Origin;
import org.cloak.dicom.io.DicomFile;
import org.cloak.pipeline.layout.LayoutValues;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.source.DicomSniffer;

/**
 * Decides one parsed object: skipped (a DICOMDIR), refused by the input check, held back by the
 * engine, or de-identified with its output path. Writes nothing, so every front end (files on
 * disk, objects on a distributed file system) writes the result its own way. Thread-safe.
 */
final class FileDecider {
    private final Deidentification deid;
    private final OutputLayout layout;
    private final FileProcessor.InputCheck check;

    FileDecider(Deidentification deid, OutputLayout layout, FileProcessor.InputCheck check) {
        this.deid = deid;
        this.layout = layout;
        this.check = check;
    }

    /**
     * @param relative the object's path relative to its input root (mirror layouts keep it)
     * @param position its place from discovery, or null when unknown
     */
    Decision decide(DicomFile in, Path relative, Origin origin, StudyIndex.Position position) {
        if (DicomSniffer.isDicomdir(in)) {
            return new Decision.Skip();
        }
        String refused = check.refuse(in.dataset());
        if (refused != null) {
            return new Decision.Hold(refused);
        }
        Deidentified result = deid.deidentify(in, origin);
        if (result.outcome() instanceof Outcome.Quarantined q) {
            return new Decision.Hold(q.reason());
        }
        if (result.outcome() instanceof Outcome.NeedsReview r) {
            return new Decision.Hold(r.reason());
        }
        try {
            Path target = layout.target(relative, new LayoutValues(result.dataset(), result.plan().timepoint(),
                    position == null ? 0 : position.index(), position == null ? 0 : position.series()));
            return new Decision.Write(target, result);
        } catch (RuntimeException e) {
            return new Decision.Hold("no output path: " + e.getMessage());
        }
    }
}
