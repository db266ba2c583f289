package org.cloak.server.session;

import java.util.Locale;

/**
 * One study as the archive keeps it: the de-identified StudyInstanceUID, pseudonymous subject
 * and session labels, where it is, its state, counts, the recipe versions applied and the QC record.
 *
 * @param project the project ID, "" for the unassigned prearchive
 * @param labelsFixed the labels were given (routing, relabel), not derived from the pseudonyms: a move keeps them
 */
public record Session(long id, String project, String studyUid, String subject, String label, boolean labelsFixed,
                      Area area, State state,
                      Integer siteRecipe, Integer projectRecipe, String anonymizedBy, Boolean verifyPassed,
                      Integer verifyFails, Integer verifyWarnings, String qcState, String qcReviewer, String qcNotes,
                      int files, long bytes, long updatedAt) {

    /** Which tree the session's files are in. */
    public enum Area {
        PREARCHIVE, ARCHIVE;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Where the session is in its life. */
    public enum State {
        RECEIVING, PREARCHIVE, ARCHIVED, QUARANTINED, ERROR;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }
}
