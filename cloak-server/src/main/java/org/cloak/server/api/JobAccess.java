package org.cloak.server.api;

import io.javalin.http.Context;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.job.Job;

/** Who may see a job: one rule for the API and the pages. */
public final class JobAccess {
    private JobAccess() {}

    /** The job in the path, when the caller holds {@code needed} in its project (404 otherwise: as if none). */
    public static Job visible(ServerParts parts, Context ctx, ProjectRole needed) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("job"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no job " + ctx.pathParam("job"));
        }
        Job j = parts.jobs().get(id).orElseThrow(() -> ApiException.notFound("no job " + id));
        Principal p = Api.principal(ctx);
        if (p.siteAdmin()) {
            return j;
        }
        if (j.project().isEmpty() || parts.users().roles(p.id(), j.project()).stream()
                .noneMatch(r -> r.grants(needed))) {
            throw ApiException.notFound("no job " + id);
        }
        return j;
    }
}
