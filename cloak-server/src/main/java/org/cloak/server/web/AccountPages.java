package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;

/**
 * The signed-in user's account: a new password (the current one is asked for first) and a new
 * API token for scripts, shown once and kept on the server only as its digest.
 */
final class AccountPages {
    private final ServerParts parts;
    private final Pages pages;

    AccountPages(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/account", ctx -> show(ctx, null, null), Access.USER);
        app.post("/account/password", ctx -> {
            Principal p = Api.principal(ctx);
            if (parts.users().authenticate(p.username(), ctx.formParam("current")).isEmpty()) {
                ctx.status(400);
                show(ctx, null, "The current password is wrong; nothing was changed.");
                return;
            }
            parts.users().setPassword(p.username(), ctx.formParam("password"));
            parts.audit().record(p.username(), "user-password", null, p.username(), "changed by the user");
            ctx.redirect("/account?notice=" + ProjectPages.enc("Password changed"), HttpStatus.SEE_OTHER);
        }, Access.USER);
        app.post("/account/tokens", ctx -> {
            Principal p = Api.principal(ctx);
            String token = parts.users().issueToken(p);
            parts.audit().record(p.username(), "token-issue", null, p.username(), null);
            show(ctx, token, null);
        }, Access.USER);
    }

    private void show(Context ctx, String token, String error) {
        pages.render(ctx, "account.jte", "page", pages.page(ctx, "Account", "account"), "token", token, "error",
                error);
    }
}
