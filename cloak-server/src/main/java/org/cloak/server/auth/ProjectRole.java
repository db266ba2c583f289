package org.cloak.server.auth;

import java.util.Locale;

/**
 * A user's right in one project. An owner has every right of a member and a reviewer; the
 * honest-broker right (looking up the vault) is given only explicitly.
 */
public enum ProjectRole {
    /** Upload, see the project's sessions, download. */
    MEMBER,
    /** QC sign-off. */
    REVIEWER,
    /** Manage the project, its recipe and its members, relabel and move sessions. */
    OWNER,
    /** Look up the project's re-identification vault. */
    BROKER;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static ProjectRole parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "'; roles: member, reviewer, owner, broker", e);
        }
    }

    /** Whether holding {@code this} gives {@code needed}. */
    public boolean grants(ProjectRole needed) {
        return this == needed || (this == OWNER && needed != BROKER) || (this == REVIEWER && needed == MEMBER);
    }
}
