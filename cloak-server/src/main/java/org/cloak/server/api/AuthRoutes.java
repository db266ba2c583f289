package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;

/**
 * Signing in: {@code POST /auth/token} gives an API token for scripts, {@code POST /auth/login}
 * a session cookie (HttpOnly, SameSite=Strict, Secure under TLS) and its CSRF token. Failed
 * attempts are rate-limited per user name and address, and audited.
 */
final class AuthRoutes {
    private final ServerParts parts;

    AuthRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.post(Api.BASE + "/auth/token", ctx -> {
            Principal p = check(ctx);
            String token = parts.users().issueToken(p);
            parts.audit().record(p.username(), "token-issue", null, p.username(), null);
            ctx.status(201).json(Json.object().put("token", token).put("username", p.username()));
        }, Access.PUBLIC);
        app.post(Api.BASE + "/auth/login", ctx -> {
            Principal p = check(ctx);
            var s = parts.users().startSession(p);
            boolean tls = parts.config().httpKeyStore() != null;
            int maxAge = (int) parts.config().sessionTimeout().toSeconds();
            ctx.cookie(new Cookie(Api.SESSION_COOKIE, s.id(), "/", maxAge, tls, 0, true, null, null, SameSite.STRICT));
            ctx.json(Json.object().put("username", p.username()).put("csrf", s.csrf()));
        }, Access.PUBLIC);
        app.post(Api.BASE + "/auth/logout", ctx -> {
            String c = ctx.cookie(Api.SESSION_COOKIE);
            if (c != null) {
                parts.users().endSession(c);
            }
            ctx.removeCookie(Api.SESSION_COOKIE, "/");
            ctx.status(204);
        }, Access.USER);
        app.get(Api.BASE + "/auth/me", ctx -> {
            Principal p = Api.principal(ctx);
            ctx.json(Json.object().put("username", p.username()).put("siteAdmin", p.siteAdmin()));
        }, Access.USER);
    }

    private Principal check(Context ctx) {
        String user;
        String password;
        if (ctx.isFormUrlencoded()) {
            user = ctx.formParam("username");
            password = ctx.formParam("password");
        } else {
            JsonNode b = Json.body(ctx, "username", "password");
            user = Json.text(b, "username");
            password = Json.text(b, "password");
        }
        String address = ctx.ip();
        if (!parts.limiter().allowed(user, address)) {
            parts.audit().record(user == null ? "?" : user, "login-refused", null, null, "too many failed attempts");
            throw new ApiException(429, "too many failed sign-ins; try again later");
        }
        Optional<Principal> p = parts.users().authenticate(user, password);
        if (p.isEmpty()) {
            parts.limiter().failed(user, address);
            parts.audit().record(user == null ? "?" : user, "login-failed", null, null, null);
            throw new ApiException(401, "wrong user name or password");
        }
        parts.limiter().succeeded(user);
        parts.audit().record(p.get().username(), "login", null, null, null);
        return p.get();
    }
}
