package org.cloak.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloak.server.api.Api;
import org.cloak.server.auth.Principal;

/**
 * Renders the precompiled templates (generated from {@code src/main/jte} at build time, HTML
 * content type: every {@code ${...}} is escaped for where it stands) into responses.
 */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Assets assets;

    Pages(Assets assets) {
        this.assets = assets;
    }

    /** The layout model of a signed-in page. */
    Page page(Context ctx, String title, String nav) {
        Principal p = Api.principal(ctx);
        return new Page(title, p == null ? null : p.username(), p != null && p.siteAdmin(),
                p == null ? "" : p.csrf(), assets.url("app.css"), assets.url("app.js"), assets.url("htmx.js"),
                assets.url("favicon.svg"), nav,
                ctx.queryParam("notice"));
    }

    /** The layout model of a page shown before sign-in. */
    Page anonymous(Context ctx, String title, String csrf) {
        return new Page(title, null, false, csrf, assets.url("app.css"), assets.url("app.js"), assets.url("htmx.js"),
                assets.url("favicon.svg"), "", ctx.queryParam("notice"));
    }

    /** Renders {@code template} with the named parameters as the response (HTML, not cached). */
    void render(Context ctx, String template, Object... namesAndValues) {
        ctx.html(html(template, namesAndValues));
    }

    String html(String template, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }
}
