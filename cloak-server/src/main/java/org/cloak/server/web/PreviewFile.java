package org.cloak.server.web;

/** A stored instance the recipe editor can try a recipe on, named by its session's labels and its UID. */
public record PreviewFile(long session, String sop, String subject, String label) {

    /** The value of its option: {@code SESSION/SOP}. */
    public String key() { return session + "/" + sop; }
}
