package org.cloak.server.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cloak.server.api.ServerParts;

/** Health, readiness, metrics and the OpenAPI document. */
final class SystemRoutes {
    /** The OpenAPI document, a resource checked against the routes by a test. */
    static final String OPENAPI = "/org/cloak/server/api/openapi.json";

    private final ServerParts parts;
    private final Api api;

    SystemRoutes(ServerParts parts, Api api) {
        this.parts = parts;
        this.api = api;
    }

    void register(Javalin app) {
        app.get(Api.BASE + "/health", ctx -> ctx.json(Json.object().put("status", "ok")), Access.PUBLIC);
        app.get(Api.BASE + "/ready", ctx -> {
            boolean db = parts.db().ready();
            ctx.status(db ? 200 : 503).json(Json.object().put("status", db ? "ready" : "database unavailable")
                    .put("database", parts.db().kind().name().toLowerCase(java.util.Locale.ROOT)));
        }, Access.PUBLIC);
        app.get(Api.BASE + "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
                .result(parts.metrics().render()), Access.PUBLIC);
        String doc = document();
        app.get(Api.BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(doc), Access.PUBLIC);
    }

    static String document() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document", e);
        }
    }
}
