package org.cloak.server.project;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A project: its ID (also its folder name), name, description, the AE title that routes DICOM
 * sends to it, where new sessions go, and whether an encrypted copy of what arrived is kept.
 */
public record Project(String id, String name, String description, String aeTitle, NewSessions newSessions,
                      boolean keepArrival) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** Where a new session goes: the prearchive (waits for a person) or straight into the archive. */
    public enum NewSessions {
        PREARCHIVE, ARCHIVE;

        public String wire() { return name().toLowerCase(Locale.ROOT); }

        public static NewSessions parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("new-sessions must be 'prearchive' or 'archive'", e);
            }
        }
    }

    /** Refuses an ID that is not 1 to 64 letters, digits, '_' or '-' starting with a letter or digit. */
    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a project ID is 1 to 64 letters, digits, '_' or '-', starting with a"
                    + " letter or digit");
        }
    }
}
