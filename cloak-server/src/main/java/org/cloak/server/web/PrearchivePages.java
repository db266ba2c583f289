package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.job.Job;
import org.cloak.server.move.TransferJob;
import org.cloak.server.session.Session;

/**
 * The unassigned prearchive (site administrators): sessions that arrived for no project, and
 * their assignment to a project, one or many at once, as {@code POST /api/v1/unassigned/{s}/assign}
 * does (a move job: the project's recipe is applied).
 */
final class PrearchivePages {
    private final ServerParts parts;
    private final Pages pages;
    private final SessionRows rows;

    PrearchivePages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
        this.rows = new SessionRows(parts.sessions());
    }

    void register(Javalin app) {
        app.get("/prearchive", ctx -> pages.render(ctx, "prearchive.jte", "page", pages.page(ctx,
                "Unassigned prearchive", "admin"), "rows", rows.rows(parts.sessions().list("")), "projects",
                parts.projects().list()), Access.ADMIN);
        app.post("/prearchive/assign", this::assign, Access.ADMIN);
    }

    private void assign(Context ctx) {
        String target = ProjectPages.norm(ctx.formParam("project"));
        if (parts.projects().store().get(target).isEmpty()) {
            throw ApiException.notFound("no project " + target);
        }
        List<Session> chosen = new ArrayList<>();
        for (String id : ctx.formParams("session")) {
            try {
                chosen.add(parts.sessions().get(Long.parseLong(id)).filter(v -> v.project().isEmpty())
                        .orElseThrow(() -> ApiException.notFound("no unassigned session " + id)));
            } catch (NumberFormatException e) {
                throw ApiException.notFound("no unassigned session " + id);
            }
        }
        if (chosen.isEmpty()) {
            throw ApiException.badRequest("choose at least one session");
        }
        for (Session x : chosen) {
            parts.jobs().create(Job.Kind.MOVE, x.project(), x.id(), TransferJob.params(target),
                    Api.principal(ctx).username());
        }
        parts.runner().poke();
        ctx.redirect("/prearchive?notice=" + ProjectPages.enc(chosen.size() + " session(s) being moved to " + target),
                HttpStatus.SEE_OTHER);
    }
}
