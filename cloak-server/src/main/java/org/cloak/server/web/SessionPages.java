package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.job.Job;
import org.cloak.server.project.Project;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/**
 * A session's page (series with thumbnails, its QC record, relabel, move, archive, verify) and
 * its verify report.
 */
final class SessionPages {
    /** The report page is the self-contained HTML of {@code cloak verify}: its own style, no script at all. */
    private static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private final ServerParts parts;
    private final Pages pages;
    private final SessionActions actions;
    private final SessionRows rows;

    SessionPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
        this.actions = new SessionActions(parts);
        this.rows = new SessionRows(parts.sessions());
    }

    void register(Javalin app) {
        String s = "/projects/{id}/sessions/{session}";
        app.get(s, this::show, Access.MEMBER);
        app.post(s + "/relabel", ctx -> toJob(ctx, actions.relabel(ctx, actions.session(ctx),
                ctx.formParam("subject"), ctx.formParam("label"))), Access.OWNER);
        app.post(s + "/move", ctx -> toJob(ctx, actions.move(ctx, actions.session(ctx), ctx.formParam("project"))),
                Access.OWNER);
        app.post(s + "/archive", ctx -> toJob(ctx, actions.archive(ctx, actions.session(ctx))), Access.OWNER);
        app.post(s + "/verify", ctx -> toJob(ctx, actions.verify(ctx, actions.session(ctx))), Access.REVIEWER);
        app.post("/projects/{id}/sessions/bulk", this::bulk, Access.OWNER);
        app.get(s + "/report", ctx -> {
            Session x = actions.session(ctx);
            String html = parts.qc().reportHtml(x.id()).orElseThrow(() -> ApiException.notFound(
                    "session " + x.id() + " has no verify report yet"));
            ctx.header("Content-Security-Policy", REPORT_CSP).html(html);
        }, Access.MEMBER);
    }

    private void show(Context ctx) throws java.io.IOException {
        Session x = actions.session(ctx);
        Project project = parts.projects().store().get(x.project()).orElseThrow();
        Map<String, List<SessionStore.StoredFile>> bySeries = new LinkedHashMap<>();
        for (SessionStore.StoredFile f : parts.sessions().files(x.id())) {
            bySeries.computeIfAbsent(f.seriesUid(), k -> new ArrayList<>()).add(f);
        }
        List<SeriesView> series = new ArrayList<>();
        bySeries.forEach((uid, files) -> series.add(new SeriesView(uid, files.get(0).modality() == null ? ""
                : files.get(0).modality(), files)));
        Principal p = Api.principal(ctx);
        Rights rights = Rights.of(parts, p, x.project());
        List<Project> targets = parts.projects().list().stream().filter(t -> !t.id().equals(x.project()))
                .filter(t -> Rights.of(parts, p, t.id()).owner()).toList();
        boolean report = parts.qc().report(x.id()).isPresent();
        pages.render(ctx, "session.jte", "page", pages.page(ctx, "Session " + x.label(), "projects"), "project",
                project, "row", rows.row(x), "series", series, "rights", rights, "targets", targets, "report",
                report);
    }

    /** Archive, move or delete the chosen sessions of the project (the prearchive's actions, for many at once). */
    private void bulk(Context ctx) throws java.io.IOException {
        String project = ctx.pathParam("id");
        String action = ProjectPages.norm(ctx.formParam("action"));
        List<String> ids = ctx.formParams("session");
        if (ids.isEmpty()) {
            throw ApiException.badRequest("choose at least one session");
        }
        List<Session> chosen = new ArrayList<>();
        for (String id : ids) {
            try {
                chosen.add(parts.sessions().get(Long.parseLong(id)).filter(x -> x.project().equals(project))
                        .orElseThrow(() -> ApiException.notFound("no session " + id + " in project " + project)));
            } catch (NumberFormatException e) {
                throw ApiException.notFound("no session " + id);
            }
        }
        int n = 0;
        for (Session x : chosen) {
            switch (action) {
                case "archive" -> {
                    if (x.area() == Session.Area.PREARCHIVE) {
                        actions.archive(ctx, x);
                        n++;
                    }
                }
                case "move" -> {
                    actions.move(ctx, x, ctx.formParam("target"));
                    n++;
                }
                case "delete" -> {
                    actions.delete(ctx, x);
                    n++;
                }
                default -> throw ApiException.badRequest("the action is archive, move or delete");
            }
        }
        ctx.redirect("/projects/" + ProjectPages.enc(project) + "?notice=" + ProjectPages.enc(action + ": " + n
                + " session(s)" + (action.equals("delete") ? "" : ", see the jobs page")), HttpStatus.SEE_OTHER);
    }

    private static void toJob(Context ctx, Job j) {
        ctx.redirect("/jobs/" + j.id() + "?notice=" + ProjectPages.enc(j.kind().wire() + " job " + j.id()
                + " started"), HttpStatus.SEE_OTHER);
    }
}
