package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.JobAccess;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.job.Job;

/**
 * Jobs: the list of the user's projects' jobs, a job's page whose progress part polls itself
 * (htmx, every second until the job has finished), and cancel, with the API's rules: a job of a
 * project the user holds no role in does not exist for them; cancel is for who started it, the
 * project's owners and administrators.
 */
final class JobPages {
    private final ServerParts parts;
    private final Pages pages;

    JobPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/jobs", ctx -> {
            Principal p = Api.principal(ctx);
            Set<String> mine = p.siteAdmin() ? null : parts.users().projectsOf(p.id());
            List<JobView> jobs = parts.jobs().list(mine, 200).stream()
                    .map(j -> new JobView(j, parts.jobs().counts(j.id()), List.of(), List.of(), false)).toList();
            pages.render(ctx, "jobs.jte", "page", pages.page(ctx, "Jobs", "jobs"), "jobs", jobs);
        }, Access.USER);
        app.get("/jobs/{job}", ctx -> pages.render(ctx, "job.jte", "page", pages.page(ctx, "Job", "jobs"), "view",
                view(ctx)), Access.USER);
        app.get("/jobs/{job}/progress", ctx -> pages.render(ctx, "tag/jobprogress.jte", "view", view(ctx),
                "page", pages.page(ctx, "Job", "jobs")), Access.USER);
        app.post("/jobs/{job}/cancel", ctx -> {
            Job j = job(ctx);
            if (!mayCancel(Api.principal(ctx), j)) {
                throw ApiException.forbidden("only who started the job, a project owner or an administrator may "
                        + "cancel it");
            }
            if (!parts.jobs().requestCancel(j.id())) {
                throw ApiException.conflict("the job has finished");
            }
            parts.audit().record(Api.principal(ctx).username(), "job-cancel", j.project(), "job " + j.id(), null);
            ctx.redirect("/jobs/" + j.id() + "?notice=" + ProjectPages.enc("Cancel requested"), HttpStatus.SEE_OTHER);
        }, Access.USER);
    }

    private JobView view(Context ctx) {
        Job j = job(ctx);
        return new JobView(j, parts.jobs().counts(j.id()), parts.jobs().problems(j.id()),
                parts.jobs().logLines(j.id()), !j.state().finished() && mayCancel(Api.principal(ctx), j));
    }

    private boolean mayCancel(Principal p, Job j) {
        return p.siteAdmin() || p.username().equals(j.createdBy())
                || parts.users().roles(p.id(), j.project()).stream().anyMatch(r -> r.grants(ProjectRole.OWNER));
    }

    /** The job in the path, when the caller may see its project (404 otherwise), as the API decides it. */
    private Job job(Context ctx) {
        return JobAccess.visible(parts, ctx, ProjectRole.MEMBER);
    }
}
