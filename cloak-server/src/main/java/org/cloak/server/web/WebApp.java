package org.cloak.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cloak.server.api.Access;
import org.cloak.server.api.PageFront;
import org.cloak.server.api.ServerParts;

/**
 * The web application: registers every page on the server's Javalin app, sets the security
 * headers on every response, and answers errors of pages as pages (a request without a valid
 * session goes to the sign-in page and comes back after it).
 */
public final class WebApp implements PageFront {
    private final ServerParts parts;
    private final Assets assets = new Assets();
    private final Pages pages = new Pages(assets);

    public WebApp(ServerParts parts) {
        this.parts = parts;
    }

    /** Adds the pages, the assets and the security headers to {@code app}. */
    @Override
    public void register(Javalin app) {
        app.before(SecurityHeaders::apply);
        assets.register(app);
        app.get("/", ctx -> ctx.redirect("/projects", HttpStatus.SEE_OTHER), Access.PUBLIC);
        new LoginPages(parts, pages).register(app);
        new ProjectPages(parts, pages).register(app);
        new UploadPage(parts, pages).register(app);
        new SessionPages(parts, pages).register(app);
        new FilePages(parts, pages).register(app);
        new JobPages(parts, pages).register(app);
        new QcPages(parts, pages).register(app);
        new RecipePages(parts, pages).register(app);
        new AdminPages(parts, pages).register(app);
        new AccountPages(parts, pages).register(app);
        new PrearchivePages(parts, pages).register(app);
    }

    /** Answers a failed page request: sign-in for 401, else an error page with the status and its reason. */
    @Override
    public void error(Context ctx, int status, String detail) {
        if (status == 401 && "GET".equals(ctx.method().name())) {
            String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(status);
        pages.render(ctx, "error.jte", "page", pages.page(ctx, "Error " + status, ""), "status", status,
                "reason", HttpStatus.forStatus(status).getMessage(), "detail", detail);
    }
}
