package org.cloak.server.web;

import org.cloak.server.session.Session;

/**
 * A session's place on the tracking board, as text and as colour (the colour is never the only
 * signal): the same rule as the API's {@code qc.colour}: red when the reviewer or the automatic
 * check failed it, green when signed off as passed, amber when checked and waiting for a person,
 * grey when not checked yet.
 */
public record QcStatus(String text, String colour) {

    public static QcStatus of(Session s) {
        if ("FAILED".equals(s.qcState())) {
            return new QcStatus("failed by reviewer", "red");
        }
        if (Boolean.FALSE.equals(s.verifyPassed())) {
            return new QcStatus("verify failed", "red");
        }
        if ("PASSED".equals(s.qcState())) {
            return new QcStatus("signed off", "green");
        }
        return s.verifyPassed() == null ? new QcStatus("not checked", "grey")
                : new QcStatus("waiting for sign-off", "amber");
    }

    /** Whether a person still has to sign the session off. */
    public boolean pending() {
        return colour.equals("amber") || colour.equals("grey");
    }
}
