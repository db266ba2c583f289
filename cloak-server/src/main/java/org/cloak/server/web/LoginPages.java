package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Passwords;
import org.cloak.server.auth.Principal;

/**
 * Sign-in and sign-out. The sign-in form is protected from cross-site posting by a token kept
 * both in a cookie and in the form (there is no session yet to hold one); a successful sign-in
 * sets the same session cookie as {@code POST /api/v1/auth/login} (HttpOnly, SameSite=Strict,
 * Secure under TLS, expiring with the session), with the same rate limit and audit records.
 */
final class LoginPages {
    static final String LOGIN_COOKIE = "cloak_login";

    private final ServerParts parts;
    private final Pages pages;

    LoginPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/login", this::form, Access.PUBLIC);
        app.post("/login", this::signIn, Access.PUBLIC);
        app.post("/logout", ctx -> {
            String c = ctx.cookie(Api.SESSION_COOKIE);
            if (c != null) {
                parts.users().endSession(c);
            }
            ctx.removeCookie(Api.SESSION_COOKIE, "/");
            ctx.redirect("/login?notice=Signed+out", HttpStatus.SEE_OTHER);
        }, Access.USER);
    }

    private void form(Context ctx) {
        show(ctx, null, 200);
    }

    private void show(Context ctx, String error, int status) {
        String token = Passwords.randomSecret();
        ctx.cookie(new Cookie(LOGIN_COOKIE, token, "/login", 600, tls(), 0, true, null, null, SameSite.STRICT));
        ctx.status(status);
        pages.render(ctx, "login.jte", "page", pages.anonymous(ctx, "Sign in", token), "error", error,
                "next", next(ctx));
    }

    private void signIn(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        String form = ctx.formParam("_csrf");
        if (cookie == null || !cookie.equals(form)) {
            show(ctx, "The sign-in form had expired; please sign in again.", 403);
            return;
        }
        String user = ctx.formParam("username");
        String password = ctx.formParam("password");
        String address = ctx.ip();
        if (!parts.limiter().allowed(user, address)) {
            parts.audit().record(user == null ? "?" : user, "login-refused", null, null, "too many failed attempts");
            show(ctx, "Too many failed sign-ins; try again later.", 429);
            return;
        }
        Optional<Principal> p = parts.users().authenticate(user, password);
        if (p.isEmpty()) {
            parts.limiter().failed(user, address);
            parts.audit().record(user == null ? "?" : user, "login-failed", null, null, null);
            show(ctx, "Wrong user name or password.", 401);
            return;
        }
        parts.limiter().succeeded(user);
        parts.audit().record(p.get().username(), "login", null, null, null);
        var s = parts.users().startSession(p.get());
        int maxAge = (int) parts.config().sessionTimeout().toSeconds();
        ctx.cookie(new Cookie(Api.SESSION_COOKIE, s.id(), "/", maxAge, tls(), 0, true, null, null, SameSite.STRICT));
        ctx.removeCookie(LOGIN_COOKIE, "/login");
        ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
    }

    /** Where to go after signing in: a path of this server only (never another site). */
    private static String next(Context ctx) {
        String n = ctx.method().name().equals("POST") ? ctx.formParam("next") : ctx.queryParam("next");
        if (n == null || !n.startsWith("/") || n.startsWith("//") || n.contains("\\") || n.startsWith("/login")) {
            return "/projects";
        }
        return n;
    }

    private boolean tls() {
        return parts.config().httpKeyStore() != null;
    }
}
