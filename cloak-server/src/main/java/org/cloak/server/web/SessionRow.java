package org.cloak.server.web;

import org.cloak.server.session.Session;

/**
 * One session as the project page and the QC board list it.
 *
 * @param date the StudyDate as stored, i.e. as the project's recipe left it (shifted, kept or removed), or ""
 * @param modalities the modalities of its series, comma-separated
 * @param anonymizedAt when its instances were de-identified (UTC, minutes), or ""
 */
public record SessionRow(Session session, String date, String modalities, int series, QcStatus status,
                         String anonymizedAt) {

    public long id() { return session.id(); }

    public String project() { return session.project(); }

    public String subject() { return session.subject(); }

    public String label() { return session.label(); }

    /** The verify result in words. */
    public String verify() {
        Boolean v = session.verifyPassed();
        if (v == null) {
            return "not run";
        }
        return v ? "passed" : "failed (" + session.verifyFails() + " finding(s))";
    }

    public String signOff() {
        return session.qcState().toLowerCase(java.util.Locale.ROOT);
    }

    public String reviewer() { return session.qcReviewer() == null ? "" : session.qcReviewer(); }

    public String notes() { return session.qcNotes() == null ? "" : session.qcNotes(); }

    public String anonymizedBy() { return session.anonymizedBy() == null ? "" : session.anonymizedBy(); }
}
