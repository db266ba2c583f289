package org.cloak.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.config.ConfigException;
import org.cloak.server.project.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: Javalin with the REST API under {@value #BASE}. Before every matched route,
 * the caller is identified (API token in {@code Authorization: Bearer}, or the session cookie)
 * and the route's {@link Access} is checked on the server side: anonymous callers get 401, a
 * user without the right 403, and a project the user holds no role in is answered 404, as if it
 * did not exist. State-changing requests that come with the session cookie need the session's
 * CSRF token ({@value #CSRF_HEADER} header or {@code _csrf} form field); API tokens need none.
 * Errors are {@code application/problem+json}.
 */
public final class Api {
    public static final String BASE = "/api/v1";
    public static final String SESSION_COOKIE = "cloak_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String PRINCIPAL = "principal";
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    /** A registered route, as the router has it. */
    public record Route(String method, String path, Set<RouteRole> roles) {}

    private final ServerParts parts;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final Javalin app;

    /** The API alone: every path is answered as the API answers. */
    public Api(ServerParts parts, TlsConnector tls) {
        this(parts, tls, null);
    }

    /** The API and, when {@code web} is not null, the web pages beside it. */
    public Api(ServerParts parts, TlsConnector tls, PageFront web) {
        this.parts = parts;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = 10L * 1024 * 1024;
            cfg.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod() && h.getHttpMethod() != HandlerType.HEAD) {
                    routes.add(new Route(h.getHttpMethod().name(), h.getPath(), Set.copyOf(h.getRoles())));
                }
            });
            if (tls != null) {
                cfg.jetty.addConnector(tls::connector);
            }
        });
        app.beforeMatched(this::authorize);
        // the web pages answer their errors as pages (a sign-in redirect for 401), the API as problem details
        app.exception(ApiException.class, (e, ctx) -> fail(web, ctx, e.status(), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> fail(web, ctx, 400, e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> fail(web, ctx, 409, e.getMessage()));
        app.exception(java.util.NoSuchElementException.class, (e, ctx) -> fail(web, ctx, 404, e.getMessage()));
        app.exception(ConfigException.class, (e, ctx) -> fail(web, ctx, 500, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request failed: {}", e.getClass().getName());
            parts.metrics().inc("cloak_errors_total{kind=\"http\"}");
            fail(web, ctx, 500, "internal error (" + e.getClass().getSimpleName() + ")");
        });
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (!"application/problem+json".equals(type) && (type == null || !type.startsWith("text/html"))) {
                fail(web, ctx, 404, "no such resource");
            }
        });
        app.error(405, ctx -> fail(web, ctx, 405, "method not allowed"));
        new SystemRoutes(parts, this).register(app);
        new AuthRoutes(parts).register(app);
        new UserRoutes(parts).register(app);
        new ProjectRoutes(parts).register(app);
        new SessionRoutes(parts).register(app);
        new UploadRoutes(parts).register(app);
        new JobRoutes(parts).register(app);
        new AuditRoutes(parts).register(app);
        if (web != null) {
            web.register(app);
        }
    }

    private static void fail(PageFront web, Context ctx, int status, String detail) {
        if (web == null || ctx.path().startsWith(BASE + "/") || ctx.path().equals(BASE)) {
            Problems.write(ctx, status, detail);
        } else {
            web.error(ctx, status, detail);
        }
    }

    public Javalin app() { return app; }

    /** Every route of the REST API the router registered (HEAD aside). */
    public List<Route> routes() {
        synchronized (routes) {
            return routes.stream().filter(r -> r.path().startsWith(BASE + "/")).toList();
        }
    }

    /** Every route of the web pages (and their assets) the router registered (HEAD aside). */
    public List<Route> pageRoutes() {
        synchronized (routes) {
            return routes.stream().filter(r -> !r.path().startsWith(BASE + "/")).toList();
        }
    }

    public void start(String host, int port) {
        app.start(host, port);
    }

    public int port() { return app.port(); }

    public void stop() {
        app.stop();
    }

    private void authorize(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            throw new ApiException(500, "the route declares no access rule");
        }
        Access access = (Access) roles.iterator().next();
        if (access == Access.PUBLIC) {
            return;
        }
        Principal p = identify(ctx).orElseThrow(() -> new ApiException(401, "sign in or give an API token"));
        ctx.attribute(PRINCIPAL, p);
        if (p.csrf() != null && !safe(ctx)) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null && ctx.isFormUrlencoded()) {
                token = ctx.formParam("_csrf");
            }
            if (!p.csrf().equals(token)) {
                throw ApiException.forbidden("missing or wrong CSRF token");
            }
        }
        if (access == Access.ADMIN && !p.siteAdmin()) {
            throw ApiException.forbidden("site administrators only");
        }
        if (access.role() != null) {
            requireProject(ctx, p, ctx.pathParam("id"), access.role());
        }
    }

    /** Checks a right in a project: 404 when the user holds no role there (or it does not exist), else 403. */
    Project requireProject(Context ctx, Principal p, String id, ProjectRole needed) {
        Optional<Project> project = parts.projects().store().get(id);
        if (p.siteAdmin()) {
            return project.orElseThrow(() -> ApiException.notFound("no project " + id));
        }
        Set<ProjectRole> held = project.isEmpty() ? Set.of() : parts.users().roles(p.id(), id);
        if (held.isEmpty()) {
            throw ApiException.notFound("no project " + id);
        }
        if (held.stream().noneMatch(r -> r.grants(needed))) {
            throw ApiException.forbidden("this needs the " + needed.wire() + " right in project " + id);
        }
        return project.get();
    }

    private Optional<Principal> identify(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return parts.users().byToken(auth.substring(7).strip());
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : parts.users().bySession(cookie);
    }

    private static boolean safe(Context ctx) {
        HandlerType m = ctx.method();
        return m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
    }

    /** The caller of an authorised route (API or page). */
    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }
}
