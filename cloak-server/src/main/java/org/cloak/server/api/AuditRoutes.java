package org.cloak.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import java.util.List;
import org.cloak.server.api.ServerParts;
import org.cloak.server.audit.AuditTrail;

/** The audit trail: the whole site's (administrators, JSON and CSV) and a project's (its owners). */
final class AuditRoutes {
    private static final int LIMIT = 10_000;

    private final ServerParts parts;

    AuditRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.get(Api.BASE + "/audit", ctx -> ctx.json(json(parts.audit().list(null, LIMIT))), Access.ADMIN);
        app.get(Api.BASE + "/audit.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .result(csv(parts.audit().list(null, LIMIT))), Access.ADMIN);
        app.get(Api.BASE + "/projects/{id}/audit", ctx -> ctx.json(json(parts.audit().list(ctx.pathParam("id"),
                LIMIT))),
                Access.OWNER);
    }

    private static ArrayNode json(List<AuditTrail.Event> events) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        events.forEach(e -> a.add(Json.object().put("id", e.id()).put("at", e.at()).put("actor", e.actor())
                .put("action", e.action()).put("project", e.project()).put("target", e.target())
                .put("detail", e.detail())));
        return a;
    }

    private static String csv(List<AuditTrail.Event> events) {
        StringBuilder sb = new StringBuilder("id,at,actor,action,project,target,detail\n");
        for (AuditTrail.Event e : events) {
            sb.append(e.id()).append(',').append(e.at()).append(',').append(cell(e.actor())).append(',')
                    .append(cell(e.action())).append(',').append(cell(e.project())).append(',')
                    .append(cell(e.target())).append(',').append(cell(e.detail())).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
