package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.project.Project;
import org.cloak.server.session.Session;

/**
 * The projects list (with a search over the projects and the subjects and sessions the user may
 * see), a new project (site administrators), and a project's page with its sessions table and
 * filters.
 */
final class ProjectPages {
    private final ServerParts parts;
    private final Pages pages;
    private final SessionRows rows;

    ProjectPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
        this.rows = new SessionRows(parts.sessions());
    }

    void register(Javalin app) {
        app.get("/projects", this::list, Access.USER);
        app.post("/projects", this::create, Access.ADMIN);
        app.get("/projects/{id}", this::project, Access.MEMBER);
        app.post("/projects/{id}/settings", this::settings, Access.OWNER);
    }

    /** The projects the user holds a role in (all of them for a site administrator). */
    private List<Project> visible(Principal p) {
        Set<String> mine = p.siteAdmin() ? null : parts.users().projectsOf(p.id());
        return parts.projects().list().stream().filter(x -> mine == null || mine.contains(x.id())).toList();
    }

    private void list(Context ctx) {
        Principal p = Api.principal(ctx);
        String q = norm(ctx.queryParam("q"));
        List<Project> projects = visible(p);
        List<Project> shown = projects.stream().filter(x -> q.isEmpty() || contains(x.id(), q)
                || contains(x.name(), q) || contains(x.description(), q)).toList();
        List<SessionRow> hits = q.isEmpty() ? List.of() : projects.stream()
                .flatMap(x -> parts.sessions().list(x.id()).stream())
                .filter(s -> contains(s.subject(), q) || contains(s.label(), q)).limit(200).map(rows::row).toList();
        pages.render(ctx, "projects.jte", "page", pages.page(ctx, "Projects", "projects"), "projects", shown,
                "q", q, "hits", hits);
    }

    private void create(Context ctx) {
        String id = norm(ctx.formParam("id"));
        String ae = norm(ctx.formParam("aeTitle"));
        Project p = new Project(id, norm(ctx.formParam("name")).isEmpty() ? id : norm(ctx.formParam("name")),
                norm(ctx.formParam("description")), ae.isEmpty() ? id.toUpperCase(Locale.ROOT) : ae,
                Project.NewSessions.parse(norm(ctx.formParam("newSessions")).isEmpty() ? "archive"
                        : norm(ctx.formParam("newSessions"))), false);
        String profile = norm(ctx.formParam("profile"));
        String recipe = profile.isEmpty() ? null : "profile: " + profile + "\n";
        parts.projects().create(p, recipe, Api.principal(ctx).username());
        ctx.redirect("/projects/" + enc(p.id()) + "?notice=" + enc("Project " + p.id() + " created"),
                HttpStatus.SEE_OTHER);
    }

    private void project(Context ctx) {
        Project project = parts.projects().store().get(ctx.pathParam("id")).orElseThrow();
        String q = norm(ctx.queryParam("q"));
        String state = norm(ctx.queryParam("state"));
        String qc = norm(ctx.queryParam("qc"));
        List<Session> all = parts.sessions().list(project.id());
        List<SessionRow> shown = rows.rows(all.stream()
                .filter(s -> q.isEmpty() || contains(s.subject(), q) || contains(s.label(), q))
                .filter(s -> state.isEmpty() || s.state().wire().equals(state)).toList()).stream()
                .filter(r -> qc.isEmpty() || r.status().colour().equals(qc)).toList();
        Rights rights = Rights.of(parts, Api.principal(ctx), project.id());
        pages.render(ctx, "project.jte", "page", pages.page(ctx, project.name(), "projects"), "project", project,
                "rows", shown, "total", all.size(), "q", q, "state", state, "qc", qc, "rights", rights);
    }

    /** The project's settings, as {@code PATCH /api/v1/projects/{id}} changes them. */
    private void settings(Context ctx) {
        Project old = parts.projects().store().get(ctx.pathParam("id")).orElseThrow();
        String name = norm(ctx.formParam("name"));
        String ae = norm(ctx.formParam("aeTitle"));
        String target = norm(ctx.formParam("newSessions"));
        Project p = new Project(old.id(), name.isEmpty() ? old.name() : name, norm(ctx.formParam("description")),
                ae.isEmpty() ? old.aeTitle() : ae, target.isEmpty() ? old.newSessions()
                : Project.NewSessions.parse(target), "on".equals(ctx.formParam("keepArrival")));
        parts.projects().update(p, Api.principal(ctx).username());
        ctx.redirect("/projects/" + enc(p.id()) + "?notice=" + enc("Settings saved"), HttpStatus.SEE_OTHER);
    }

    static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean contains(String hay, String q) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
