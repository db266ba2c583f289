package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.project.Project;
import org.cloak.server.qc.QcService;
import org.cloak.server.session.Session;

/**
 * The QC board, the tracking spreadsheet replaced: one row per session with who anonymized it
 * and when, the automatic verify result (link to its report), the reviewer's sign-off and notes,
 * and the status as text and colour; filters (pending, failed, mine), sign-off of one or many
 * sessions, and the board as CSV and XLSX.
 */
final class QcPages {
    private final ServerParts parts;
    private final Pages pages;
    private final SessionRows rows;

    QcPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
        this.rows = new SessionRows(parts.sessions());
    }

    void register(Javalin app) {
        app.get("/projects/{id}/qc", this::board, Access.MEMBER);
        app.post("/projects/{id}/qc", this::signOff, Access.REVIEWER);
        app.get("/projects/{id}/qc.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + "-qc.csv\"")
                .result(BoardExport.csv(all(ctx))), Access.MEMBER);
        app.get("/projects/{id}/qc.xlsx", ctx -> ctx
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + "-qc.xlsx\"")
                .result(BoardExport.xlsx(all(ctx))), Access.MEMBER);
    }

    private List<SessionRow> all(Context ctx) {
        return rows.rows(parts.sessions().list(ctx.pathParam("id")));
    }

    private void board(Context ctx) {
        Project project = parts.projects().store().get(ctx.pathParam("id")).orElseThrow();
        String filter = ProjectPages.norm(ctx.queryParam("show"));
        String me = Api.principal(ctx).username();
        List<SessionRow> shown = all(ctx).stream().filter(r -> switch (filter) {
            case "pending" -> r.status().pending();
            case "failed" -> r.status().colour().equals("red");
            case "mine" -> me.equals(r.session().qcReviewer()) || me.equals(r.session().anonymizedBy());
            default -> true;
        }).toList();
        pages.render(ctx, "qc.jte", "page", pages.page(ctx, "QC board · " + project.id(), "projects"), "project",
                project, "rows", shown, "show", filter, "rights", Rights.of(parts, Api.principal(ctx), project.id()));
    }

    private void signOff(Context ctx) {
        String project = ctx.pathParam("id");
        QcService.SignOff state = QcService.SignOff.parse(ctx.formParam("state"));
        List<String> ids = ctx.formParams("session");
        if (ids.isEmpty()) {
            throw ApiException.badRequest("choose at least one session to sign off");
        }
        String notes = ProjectPages.norm(ctx.formParam("notes"));
        String user = Api.principal(ctx).username();
        for (String id : ids) {
            Session x;
            try {
                x = parts.sessions().get(Long.parseLong(id)).filter(s -> s.project().equals(project))
                        .orElseThrow(() -> ApiException.notFound("no session " + id + " in project " + project));
            } catch (NumberFormatException e) {
                throw ApiException.notFound("no session " + id);
            }
            parts.sessions().setQc(x.id(), state.name(), user, notes.isEmpty() ? null : notes);
            parts.audit().record(user, "qc-sign-off", x.project(), "session " + x.id(),
                    state.name().toLowerCase(Locale.ROOT));
        }
        String show = ProjectPages.norm(ctx.formParam("show"));
        ctx.redirect("/projects/" + ProjectPages.enc(project) + "/qc?" + (show.isEmpty() ? "" : "show="
                + ProjectPages.enc(show) + "&") + "notice=" + ProjectPages.enc(ids.size() + " session(s) signed off as "
                + state.name().toLowerCase(Locale.ROOT)), HttpStatus.SEE_OTHER);
    }
}
