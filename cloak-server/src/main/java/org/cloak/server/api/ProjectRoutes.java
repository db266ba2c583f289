package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.cloak.pipeline.vault.ReidMap;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.project.Project;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.project.RecipeVersion;

/** Projects, their versioned recipes, the site recipe, the quarantine and the vault look-up. */
final class ProjectRoutes {
    private final ServerParts parts;

    ProjectRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.get(Api.BASE + "/projects", ctx -> {
            Principal p = Api.principal(ctx);
            Set<String> mine = p.siteAdmin() ? null : parts.users().projectsOf(p.id());
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.projects().list().stream().filter(x -> mine == null || mine.contains(x.id()))
                    .forEach(x -> a.add(Views.project(x)));
            ctx.json(a);
        }, Access.USER);
        app.post(Api.BASE + "/projects", ctx -> {
            JsonNode b = Json.body(ctx, "id", "name", "description", "aeTitle", "newSessions", "keepArrival", "recipe");
            String id = Json.text(b, "id");
            Project p = new Project(id, Json.text(b, "name", id), Json.text(b, "description", ""),
                    Json.text(b, "aeTitle"), Project.NewSessions.parse(Json.text(b, "newSessions", "archive")),
                    Json.bool(b, "keepArrival", false));
            parts.projects().create(p, Json.text(b, "recipe", null), Api.principal(ctx).username());
            ctx.status(201).json(Views.project(p));
        }, Access.ADMIN);
        app.get(Api.BASE + "/projects/{id}", ctx -> ctx.json(Views.project(project(ctx))), Access.MEMBER);
        app.patch(Api.BASE + "/projects/{id}", ctx -> {
            Project old = project(ctx);
            JsonNode b = Json.body(ctx, "name", "description", "aeTitle", "newSessions", "keepArrival");
            Project p = new Project(old.id(), Json.text(b, "name", old.name()),
                    Json.text(b, "description", old.description()), Json.text(b, "aeTitle", old.aeTitle()),
                    Project.NewSessions.parse(Json.text(b, "newSessions", old.newSessions().wire())),
                    Json.bool(b, "keepArrival", old.keepArrival()));
            ctx.json(Views.project(parts.projects().update(p, Api.principal(ctx).username())));
        }, Access.OWNER);
        app.delete(Api.BASE + "/projects/{id}", ctx -> {
            Project p = project(ctx);
            if (!parts.sessions().list(p.id()).isEmpty()) {
                throw ApiException.conflict("the project still holds sessions; move or delete them first");
            }
            parts.projects().delete(p.id(), Api.principal(ctx).username());
            ctx.status(204);
        }, Access.ADMIN);
        app.get(Api.BASE + "/projects/{id}/recipes", ctx -> ctx.json(history(ctx.pathParam("id"))), Access.MEMBER);
        app.post(Api.BASE + "/projects/{id}/recipes", ctx -> saveRecipe(ctx, ctx.pathParam("id")), Access.OWNER);
        app.get(Api.BASE + "/projects/{id}/recipes/{version}", ctx -> ctx.json(Views.recipe(version(ctx.pathParam("id"),
                ctx.pathParam("version")), true)), Access.MEMBER);
        app.get(Api.BASE + "/site/recipes", ctx -> ctx.json(history(RecipeStore.SITE)), Access.USER);
        app.post(Api.BASE + "/site/recipes", ctx -> saveRecipe(ctx, RecipeStore.SITE), Access.ADMIN);
        app.get(Api.BASE + "/site/recipes/{version}", ctx -> ctx.json(Views.recipe(version(RecipeStore.SITE,
                ctx.pathParam("version")), true)), Access.USER);
        app.get(Api.BASE + "/projects/{id}/quarantine", ctx -> {
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.quarantine().list(ctx.pathParam("id")).forEach(e -> a.add(Json.object().put("name", e.name())
                    .put("reason", e.reason()).put("size", e.size()).put("at", e.at())
                    .put("job", e.job())));
            ctx.json(a);
        }, Access.OWNER);
        app.post(Api.BASE + "/projects/{id}/vault/lookup", ctx -> {
            JsonNode b = Json.body(ctx, "id");
            String id = Json.text(b, "id");
            var found = parts.deids().vault(ctx.pathParam("id")).lookup(id);
            // the looked-up value may be an original ID: the audit keeps that a look-up happened, not what
            parts.audit().record(Api.principal(ctx).username(), "vault-lookup", ctx.pathParam("id"), null,
                    found.size() + " entr" + (found.size() == 1 ? "y" : "ies") + " found");
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (ReidMap.Entry e : found) {
                if (e instanceof ReidMap.Patient pt) {
                    var n = Json.object().put("type", "patient").put("originalId", pt.originalId());
                    pt.pseudonyms().forEach(n.putArray("pseudonyms")::add);
                    pt.dateOffsets().forEach(n.putArray("dateOffsets")::add);
                    var bl = n.putArray("baselines");
                    pt.timepointBaselines().forEach(d -> bl.add(d.toString()));
                    a.add(n);
                } else if (e instanceof ReidMap.Uid u) {
                    a.add(Json.object().put("type", "uid").put("original", u.original())
                            .put("replacement", u.replacement()));
                }
            }
            ctx.json(a);
        }, Access.BROKER);
    }

    private Project project(Context ctx) {
        return parts.projects().store().get(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no project " + ctx.pathParam("id")));
    }

    private ArrayNode history(String scope) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        parts.recipes().history(scope).forEach(r -> a.add(Views.recipe(r, false)));
        return a;
    }

    private RecipeVersion version(String scope, String v) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("a recipe version is a number");
        }
        return parts.recipes().get(scope, n).orElseThrow(() -> ApiException.notFound("no recipe version " + v));
    }

    private void saveRecipe(Context ctx, String scope) {
        JsonNode b = Json.body(ctx, "body", "comment");
        RecipeVersion v = parts.projects().saveRecipe(scope, Json.text(b, "body"), Api.principal(ctx).username(),
                Json.text(b, "comment", ""));
        ctx.status(201).json(Views.recipe(v, false));
    }
}
