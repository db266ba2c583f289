package org.cloak.server.api;

import io.javalin.security.RouteRole;
import org.cloak.server.auth.ProjectRole;

/**
 * Who may call a route; every route declares one, and a route without one is refused. Project
 * rights are checked against the project in the path ({@code {id}}); a site administrator holds
 * them all.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not (health, OpenAPI, sign-in). */
    PUBLIC(null),
    /** Any signed-in user; the handler shows only what the user may see. */
    USER(null),
    /** Site administrators. */
    ADMIN(null),
    MEMBER(ProjectRole.MEMBER),
    REVIEWER(ProjectRole.REVIEWER),
    OWNER(ProjectRole.OWNER),
    BROKER(ProjectRole.BROKER);

    private final ProjectRole role;

    Access(ProjectRole role) {
        this.role = role;
    }

    /** The project right needed, or null when the route is not about one project. */
    public ProjectRole role() { return role; }
}
