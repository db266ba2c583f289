package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import java.util.EnumSet;
import java.util.Set;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.auth.UserService;

/** Users (site administrators) and project members (owners). */
final class UserRoutes {
    private final ServerParts parts;

    UserRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.get(Api.BASE + "/users", ctx -> {
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.users().list().forEach(u -> a.add(Json.object().put("username", u.username())
                    .put("siteAdmin", u.siteAdmin())));
            ctx.json(a);
        }, Access.ADMIN);
        app.post(Api.BASE + "/users", ctx -> {
            JsonNode b = Json.body(ctx, "username", "password", "siteAdmin");
            UserService.User u = parts.users().create(Json.text(b, "username"), Json.text(b, "password"),
                    Json.bool(b, "siteAdmin", false));
            parts.audit().record(Api.principal(ctx).username(), "user-create", null, u.username(),
                    u.siteAdmin() ? "site administrator" : null);
            ctx.status(201).json(Json.object().put("username", u.username()).put("siteAdmin", u.siteAdmin()));
        }, Access.ADMIN);
        app.put(Api.BASE + "/users/{user}/password", ctx -> {
            JsonNode b = Json.body(ctx, "password");
            String user = ctx.pathParam("user");
            if (!parts.users().exists(user)) {
                throw ApiException.notFound("no user " + user);
            }
            parts.users().setPassword(user, Json.text(b, "password"));
            parts.audit().record(Api.principal(ctx).username(), "user-password", null, user, null);
            ctx.status(204);
        }, Access.ADMIN);
        app.get(Api.BASE + "/projects/{id}/members", ctx -> {
            ArrayNode a = Json.MAPPER.createArrayNode();
            parts.users().members(ctx.pathParam("id")).forEach(m -> {
                ArrayNode roles = Json.MAPPER.createArrayNode();
                m.roles().forEach(r -> roles.add(r.wire()));
                a.add(Json.object().put("username", m.username()).set("roles", roles));
            });
            ctx.json(a);
        }, Access.MEMBER);
        app.put(Api.BASE + "/projects/{id}/members/{user}", ctx -> {
            JsonNode b = Json.body(ctx, "roles");
            JsonNode list = b.get("roles");
            if (list == null || !list.isArray()) {
                throw ApiException.badRequest("'roles' is required: a list of member, reviewer, owner, broker");
            }
            Set<ProjectRole> roles = EnumSet.noneOf(ProjectRole.class);
            list.forEach(r -> roles.add(ProjectRole.parse(r.asText())));
            String user = ctx.pathParam("user");
            if (!parts.users().exists(user)) {
                throw ApiException.notFound("no user " + user);
            }
            parts.users().setRoles(ctx.pathParam("id"), user, roles);
            parts.audit().record(Api.principal(ctx).username(), "role-change", ctx.pathParam("id"), user,
                    roles.toString().toLowerCase(java.util.Locale.ROOT));
            ctx.status(204);
        }, Access.OWNER);
    }
}
