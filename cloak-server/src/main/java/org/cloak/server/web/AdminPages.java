package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.auth.UserService;

/**
 * Administration (users, project roles, server status), the audit log (the site's for
 * administrators, a project's for its owners; filtered; CSV export) and the vault look-up for
 * a project's honest brokers, where every look-up is recorded in the audit trail.
 */
final class AdminPages {
    private static final int LIMIT = 2000;

    private final ServerParts parts;
    private final Pages pages;

    AdminPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/admin", this::admin, Access.ADMIN);
        app.post("/admin/users", ctx -> {
            String name = ProjectPages.norm(ctx.formParam("username"));
            boolean admin = "on".equals(ctx.formParam("siteAdmin"));
            UserService.User u = parts.users().create(name, ctx.formParam("password"), admin);
            parts.audit().record(Api.principal(ctx).username(), "user-create", null, u.username(),
                    u.siteAdmin() ? "site administrator" : null);
            ctx.redirect("/admin?notice=" + ProjectPages.enc("User " + u.username() + " created"),
                    HttpStatus.SEE_OTHER);
        }, Access.ADMIN);
        app.post("/projects/{id}/members", ctx -> {
            String user = ProjectPages.norm(ctx.formParam("username"));
            if (!parts.users().exists(user)) {
                throw ApiException.notFound("no user " + user);
            }
            Set<ProjectRole> roles = EnumSet.noneOf(ProjectRole.class);
            ctx.formParams("role").forEach(r -> roles.add(ProjectRole.parse(r)));
            parts.users().setRoles(ctx.pathParam("id"), user, roles);
            parts.audit().record(Api.principal(ctx).username(), "role-change", ctx.pathParam("id"), user,
                    roles.toString().toLowerCase(Locale.ROOT));
            ctx.redirect("/projects/" + ProjectPages.enc(ctx.pathParam("id")) + "?notice="
                    + ProjectPages.enc("Roles of " + user + " set"), HttpStatus.SEE_OTHER);
        }, Access.OWNER);
        app.get("/audit", ctx -> audit(ctx, null), Access.ADMIN);
        app.get("/projects/{id}/audit", ctx -> audit(ctx, ctx.pathParam("id")), Access.OWNER);
        app.get("/projects/{id}/audit.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + "-audit.csv\"")
                .result(AuditCsv.csv(filtered(ctx, ctx.pathParam("id")))), Access.OWNER);
        app.get("/audit.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .result(AuditCsv.csv(filtered(ctx, null))), Access.ADMIN);
        app.get("/projects/{id}/vault", ctx -> vault(ctx, null, List.of()), Access.BROKER);
        app.post("/projects/{id}/vault", this::lookup, Access.BROKER);
    }

    private void admin(Context ctx) throws IOException {
        FileStore store = Files.getFileStore(parts.dirs().root());
        ServerStatus status = new ServerStatus(parts.jobs().queued(), parts.jobs().running(),
                parts.db().kind().name().toLowerCase(Locale.ROOT), parts.db().ready(),
                store.getUsableSpace() >> 20, store.getTotalSpace() >> 20,
                parts.config().dicomEnabled() ? parts.config().dicomAeTitle() : "off");
        List<UserService.Membership> members = new ArrayList<>();
        parts.projects().list().forEach(p -> members.addAll(parts.users().members(p.id())));
        pages.render(ctx, "admin.jte", "page", pages.page(ctx, "Administration", "admin"), "users",
                parts.users().list(), "members", members, "projects", parts.projects().list(), "status", status);
    }

    private List<AuditTrail.Event> filtered(Context ctx, String project) {
        String actor = ProjectPages.norm(ctx.queryParam("actor"));
        String action = ProjectPages.norm(ctx.queryParam("action"));
        String text = ProjectPages.norm(ctx.queryParam("q")).toLowerCase(Locale.ROOT);
        return parts.audit().list(project, LIMIT).stream()
                .filter(e -> actor.isEmpty() || actor.equals(e.actor()))
                .filter(e -> action.isEmpty() || action.equals(e.action()))
                .filter(e -> text.isEmpty() || (e.target() != null && e.target().toLowerCase(Locale.ROOT)
                        .contains(text)) || (e.detail() != null && e.detail().toLowerCase(Locale.ROOT).contains(text)))
                .toList();
    }

    private void audit(Context ctx, String project) {
        String csv = (project == null ? "/audit.csv" : "/projects/" + ProjectPages.enc(project) + "/audit.csv")
                + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        pages.render(ctx, "audit.jte", "page", pages.page(ctx, "Audit log", project == null ? "audit" : "projects"),
                "project", project == null ? "" : project, "events", filtered(ctx, project), "actor",
                ProjectPages.norm(ctx.queryParam("actor")), "action", ProjectPages.norm(ctx.queryParam("action")),
                "q", ProjectPages.norm(ctx.queryParam("q")), "csv", csv);
    }

    private void lookup(Context ctx) {
        String project = ctx.pathParam("id");
        String id = ProjectPages.norm(ctx.formParam("lookup"));
        if (id.isEmpty()) {
            throw ApiException.badRequest("give an ID, UID or pseudonym to look up");
        }
        var found = parts.deids().vault(project).lookup(id);
        // as the API does: the audit keeps that a look-up happened, not what was looked up (it may be an original ID)
        parts.audit().record(Api.principal(ctx).username(), "vault-lookup", project, null,
                found.size() + " entr" + (found.size() == 1 ? "y" : "ies") + " found");
        List<VaultEntry> entries = new ArrayList<>();
        for (ReidMap.Entry e : found) {
            if (e instanceof ReidMap.Patient pt) {
                entries.add(new VaultEntry("patient", pt.originalId(), String.join(", ", pt.pseudonyms()),
                        "date offsets " + pt.dateOffsets() + ", baselines " + pt.timepointBaselines()));
            } else if (e instanceof ReidMap.Uid u) {
                entries.add(new VaultEntry("uid", u.original(), u.replacement(), ""));
            }
        }
        vault(ctx, id, entries);
    }

    private void vault(Context ctx, String asked, List<VaultEntry> entries) {
        pages.render(ctx, "vault.jte", "page", pages.page(ctx, "Vault look-up", "projects"), "project",
                ctx.pathParam("id"), "asked", asked, "entries", entries);
    }
}
