package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.Map;
import org.cloak.deid.DeidResult;
import org.cloak.pipeline.source.Input;

/** How one input ended: exactly one of written, skipped, quarantined or failed. */
public sealed interface FileResult {

    Input item();

    /** Bytes of the input file. */
    long bytesIn();

    /**
     * De-identified and written to {@code target}; {@code result} holds the engine's changes (null when not kept);
     * {@code replacedUids} maps the original Study, Series, SOP Instance and Frame of Reference UIDs the engine
     * replaced to their new values, for the vault.
     */
    record Written(Input item, Path target, long bytesIn, long bytesOut, DeidResult result,
                   Map<String, String> replacedUids) implements FileResult {
        public Written {
            replacedUids = Map.copyOf(replacedUids);
        }

        public Written(Input item, Path target, long bytesIn, long bytesOut, DeidResult result) {
            this(item, target, bytesIn, bytesOut, result, Map.of());
        }

        public Written(Input item, Path target, long bytesIn, long bytesOut) {
            this(item, target, bytesIn, bytesOut, null, Map.of());
        }
    }

    /** Not DICOM: left alone and listed. */
    record Skipped(Input item, long bytesIn) implements FileResult {}

    /** Not written; a copy and the reason are in the quarantine under {@code name}. */
    record Quarantined(Input item, String reason, String name, long bytesIn) implements FileResult {}

    /** Neither written nor quarantined (e.g. unreadable input, full disk); the reason says why. */
    record Failed(Input item, String reason, long bytesIn) implements FileResult {}
}
