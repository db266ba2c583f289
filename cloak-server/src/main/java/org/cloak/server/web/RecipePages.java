package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipes;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.deid.error.DeidException;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeExplainer;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.project.RecipeVersion;
import org.cloak.server.session.FileChange;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/**
 * The recipe editor of a project and of the site: the latest version in a text area checked as
 * one types (htmx posts the text to the checker and shows its line and message, or the explain
 * listing), save as a new version, the version history, the diff of any two versions and
 * rollback (the old text saved as a new version, so history is never rewritten).
 */
final class RecipePages {
    private final ServerParts parts;
    private final Pages pages;

    RecipePages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    /** Whose recipe a page is about: a project's (its ID) or the site's. */
    private record Scope(String id, String base, boolean editable) {}

    void register(Javalin app) {
        app.get("/projects/{id}/recipe", ctx -> editor(ctx, project(ctx)), Access.MEMBER);
        app.post("/projects/{id}/recipe/check", this::check, Access.MEMBER);
        app.post("/projects/{id}/recipe", ctx -> save(ctx, project(ctx)), Access.OWNER);
        app.post("/projects/{id}/recipe/rollback", ctx -> rollback(ctx, project(ctx)), Access.OWNER);
        app.post("/projects/{id}/recipe/preview", this::preview, Access.MEMBER);
        app.get("/site/recipe", ctx -> editor(ctx, site(ctx)), Access.USER);
        app.post("/site/recipe/check", this::check, Access.USER);
        app.post("/site/recipe", ctx -> save(ctx, site(ctx)), Access.ADMIN);
        app.post("/site/recipe/rollback", ctx -> rollback(ctx, site(ctx)), Access.ADMIN);
    }

    private Scope project(Context ctx) {
        String id = ctx.pathParam("id");
        return new Scope(id, "/projects/" + ProjectPages.enc(id) + "/recipe",
                Rights.of(parts, Api.principal(ctx), id).owner());
    }

    private static Scope site(Context ctx) {
        return new Scope(RecipeStore.SITE, "/site/recipe", Api.principal(ctx).siteAdmin());
    }

    private void editor(Context ctx, Scope scope) {
        List<RecipeVersion> history = parts.recipes().history(scope.id());
        RecipeVersion latest = parts.recipes().latest(scope.id()).orElseThrow();
        int a = intParam(ctx, "a", Math.max(1, latest.version() - 1));
        int b = intParam(ctx, "b", latest.version());
        String left = version(scope, a).body();
        String right = version(scope, b).body();
        String title = scope.id().equals(RecipeStore.SITE) ? "Site recipe" : "Recipe · " + scope.id();
        pages.render(ctx, "recipe.jte", "page", pages.page(ctx, title, "projects"), "title", title, "base",
                scope.base(), "editable", scope.editable(), "latest", latest, "history", history, "check",
                check(latest.body()), "a", a, "b", b, "diff", LineDiff.of(left, right), "files",
                scope.id().equals(RecipeStore.SITE) ? List.of() : files(scope.id()));
    }

    /** The first stored instances of the project's sessions (one per session), to try a recipe on. */
    private List<PreviewFile> files(String project) {
        List<PreviewFile> out = new ArrayList<>();
        for (Session s : parts.sessions().list(project)) {
            List<SessionStore.StoredFile> f = parts.sessions().files(s.id());
            if (!f.isEmpty()) {
                out.add(new PreviewFile(s.id(), f.get(0).sopUid(), s.subject(), s.label()));
            }
            if (out.size() >= 50) {
                break;
            }
        }
        return out;
    }

    /**
     * The recipe text tried on a stored instance of the project, with a random secret and no
     * vault: only which attributes change is shown, never a value, and nothing is written.
     */
    private void preview(Context ctx) throws IOException {
        String project = ctx.pathParam("id");
        String key = ProjectPages.norm(ctx.formParam("file"));
        int slash = key.indexOf('/');
        PreviewFile chosen = slash < 0 ? null : files(project).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElse(null);
        if (chosen == null) {
            throw ApiException.notFound("no such stored instance in project " + project);
        }
        RecipePreview result;
        RecipeCheck check = check(ProjectPages.norm(ctx.formParam("body")).isEmpty() ? "" : ctx.formParam("body"));
        if (!check.ok()) {
            result = new RecipePreview("the recipe has an error: fix it first", List.of());
        } else {
            Session s = parts.sessions().get(chosen.session()).orElseThrow();
            SessionStore.StoredFile f = parts.sessions().files(s.id()).stream()
                    .filter(x -> x.sopUid().equals(chosen.sop())).findFirst().orElseThrow();
            DicomFile in;
            synchronized (parts.sessions().lock(s.id())) {
                in = DicomReader.read(parts.sessions().folder(s).resolve(f.relative()));
            }
            Deidentification d = Recipes.prepare(parts.recipes().parse(ctx.formParam("body")), Secret.random(),
                    parts.clock(), false).build();
            Deidentified out = d.deidentify(in, new Origin("preview", null, List.of(), null, null));
            result = new RecipePreview(out.cleaned() ? "would be stored" : "would be held: "
                    + out.outcome().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    FileChange.of(out.events()));
        }
        pages.render(ctx, "tag/recipepreview.jte", "preview", result);
    }

    private RecipeVersion version(Scope scope, int v) {
        return parts.recipes().get(scope.id(), v).orElseThrow(() -> ApiException.notFound("no recipe version " + v));
    }

    private void check(Context ctx) {
        String body = ctx.formParam("body");
        pages.render(ctx, "tag/recipecheck.jte", "check", check(body == null ? "" : body));
    }

    /** The server's own check (the one a save runs), with the explain listing when it passes. */
    RecipeCheck check(String body) {
        try {
            Recipe r = parts.recipes().parse(body);
            return new RecipeCheck(true, 0, "no errors", RecipeExplainer.explain(r));
        } catch (IllegalArgumentException e) {
            int line = e.getCause() instanceof RecipeException re ? re.line() : 0;
            String detail = e.getCause() instanceof RecipeException re ? re.detail() : e.getMessage();
            return new RecipeCheck(false, line, detail, List.of());
        } catch (DeidException e) {
            return new RecipeCheck(false, 0, e.getMessage(), List.of());
        }
    }

    private void save(Context ctx, Scope scope) {
        String body = ctx.formParam("body");
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the recipe is empty");
        }
        RecipeVersion v = parts.projects().saveRecipe(scope.id(), body.replace("\r\n", "\n"),
                Api.principal(ctx).username(), ProjectPages.norm(ctx.formParam("comment")));
        ctx.redirect(scope.base() + "?notice=" + ProjectPages.enc("Saved as version " + v.version()),
                HttpStatus.SEE_OTHER);
    }

    private void rollback(Context ctx, Scope scope) {
        int to = intParam(ctx, "version", 0);
        RecipeVersion old = version(scope, to);
        RecipeVersion v = parts.projects().saveRecipe(scope.id(), old.body(), Api.principal(ctx).username(),
                "rollback to version " + to);
        ctx.redirect(scope.base() + "?notice=" + ProjectPages.enc("Version " + to + " restored as version "
                + v.version()), HttpStatus.SEE_OTHER);
    }

    private static int intParam(Context ctx, String name, int def) {
        String v = ctx.method().name().equals("POST") ? ctx.formParam(name) : ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is a version number");
        }
    }
}
