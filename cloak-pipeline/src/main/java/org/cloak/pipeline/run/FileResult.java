package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.deid.DeidResult;
import org.cloak.pipeline.source.Input;

/** How one input ended: exactly one of written, skipped, quarantined or failed. */
public sealed interface FileResult {

    Input item();

    /** Bytes of the input file. */
    long bytesIn();

    /** De-identified and written to {@code target}; {@code result} holds the engine's changes (null when not kept). */
    record Written(Input item, Path target, long bytesIn, long bytesOut, DeidResult result) implements FileResult {
        public Written(Input item, Path target, long bytesIn, long bytesOut) {
            this(item, target, bytesIn, bytesOut, null);
        }
    }

    /** Not DICOM: left alone and listed. */
    record Skipped(Input item, long bytesIn) implements FileResult {}

    /** Not written; a copy and the reason are in the quarantine under {@code name}. */
    record Quarantined(Input item, String reason, String name, long bytesIn) implements FileResult {}

    /** Neither written nor quarantined (e.g. unreadable input, full disk); the reason says why. */
    record Failed(Input item, String reason, long bytesIn) implements FileResult {}
}
