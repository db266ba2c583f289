package org.cloak.net.scu;

import java.nio.file.Path;
import org.cloak.net.dimse.Status;

/**
 * What happened to one file given to {@link StoreScu}.
 *
 * @param file    the file
 * @param outcome sent, sent with a warning, failed or skipped
 * @param status  the peer's C-STORE-RSP status, or null when no response was received
 * @param reason  why it failed or was skipped (no attribute values), or null when sent
 * @param bytes   data set bytes sent
 */
public record StoreResult(Path file, Outcome outcome, Status status, String reason, long bytes) {

    /** The four ends a file can come to. */
    public enum Outcome {
        /** The peer answered success. */
        SENT,
        /** The peer stored it with a warning status (e.g. B000 coercion of data elements). */
        WARNING,
        /** Not stored: refused by the peer, no acceptable presentation context, or a network failure. */
        FAILED,
        /** Not a DICOM instance (or a DICOMDIR): not sent. */
        SKIPPED
    }

    public boolean ok() {
        return outcome == Outcome.SENT || outcome == Outcome.WARNING;
    }

    static StoreResult failed(Path file, Status status, String reason) {
        return new StoreResult(file, Outcome.FAILED, status, reason, 0);
    }
}
