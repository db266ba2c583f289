package org.cloak.server.web;

import java.util.Set;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;

/**
 * What the signed-in user may do in one project, to show only the controls that will work
 * (the routes check again on every request, as the API does).
 */
public record Rights(boolean owner, boolean reviewer, boolean broker) {

    static Rights of(ServerParts parts, Principal p, String project) {
        if (p.siteAdmin()) {
            return new Rights(true, true, true);
        }
        Set<ProjectRole> held = parts.users().roles(p.id(), project);
        return new Rights(grants(held, ProjectRole.OWNER), grants(held, ProjectRole.REVIEWER),
                grants(held, ProjectRole.BROKER));
    }

    private static boolean grants(Set<ProjectRole> held, ProjectRole needed) {
        return held.stream().anyMatch(r -> r.grants(needed));
    }
}
