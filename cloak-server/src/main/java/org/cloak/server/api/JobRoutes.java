package org.cloak.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.job.Job;
import org.cloak.server.job.JobStore;

/** Jobs: state and counts, the inputs that did not end stored, the log, cancel. */
final class JobRoutes {
    private final ServerParts parts;

    JobRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.get(Api.BASE + "/jobs", ctx -> {
            Principal p = Api.principal(ctx);
            Set<String> mine = p.siteAdmin() ? null : parts.users().projectsOf(p.id());
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.jobs().list(mine, 200).forEach(j -> a.add(Views.job(j, parts.jobs().counts(j.id()))));
            ctx.json(a);
        }, Access.USER);
        app.get(Api.BASE + "/jobs/{job}", ctx -> {
            Job j = job(ctx, ProjectRole.MEMBER);
            ObjectNode n = Views.job(j, parts.jobs().counts(j.id()));
            ArrayNode problems = n.putArray("problems");
            for (JobStore.Problem x : parts.jobs().problems(j.id())) {
                problems.add(Json.object().put("input", x.name()).put("outcome", x.outcome().toLowerCase(
                        java.util.Locale.ROOT)).put("reason", x.reason()));
            }
            ctx.json(n);
        }, Access.USER);
        app.get(Api.BASE + "/jobs/{job}/log", ctx -> {
            Job j = job(ctx, ProjectRole.MEMBER);
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.jobs().logLines(j.id()).forEach(l -> a.add(Json.object().put("at", l.at()).put("level", l.level())
                    .put("message", l.message())));
            ctx.json(a);
        }, Access.USER);
        app.post(Api.BASE + "/jobs/{job}/cancel", ctx -> {
            Job j = job(ctx, ProjectRole.MEMBER);
            Principal p = Api.principal(ctx);
            if (!p.siteAdmin() && !p.username().equals(j.createdBy())
                    && parts.users().roles(p.id(), j.project()).stream().noneMatch(r -> r.grants(ProjectRole.OWNER))) {
                throw ApiException.forbidden("only who started the job, a project owner or an administrator may "
                        + "cancel it");
            }
            if (!parts.jobs().requestCancel(j.id())) {
                throw ApiException.conflict("the job has finished");
            }
            parts.audit().record(p.username(), "job-cancel", j.project(), "job " + j.id(), null);
            Job now = parts.jobs().get(j.id()).orElseThrow();
            ctx.status(202).json(Views.job(now, parts.jobs().counts(j.id())));
        }, Access.USER);
    }

    /** The job in the path, when the caller may see its project (404 otherwise). */
    private Job job(Context ctx, ProjectRole needed) {
        return JobAccess.visible(parts, ctx, needed);
    }
}
