package org.cloak.server.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.cloak.server.api.Access;

/**
 * The pages' static files, served from the classpath under fingerprinted names
 * ({@code /assets/app-3f2a9c1d.css}): the name changes with the content, so a browser may keep
 * each for a year and never runs an old script with a new page. htmx comes from its webjar.
 */
public final class Assets {
    /** The URL prefix of every asset. */
    public static final String PREFIX = "/assets/";
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private record Asset(byte[] body, String type) {}

    private final Map<String, Asset> byUrl = new HashMap<>();
    private final Map<String, String> urlOf = new HashMap<>();

    public Assets() {
        add("app.css", "/org/cloak/server/web/static/app.css", "text/css; charset=utf-8");
        add("app.js", "/org/cloak/server/web/static/app.js", "text/javascript; charset=utf-8");
        add("htmx.js", HTMX, "text/javascript; charset=utf-8");
        add("favicon.svg", "/org/cloak/server/web/static/favicon.svg", "image/svg+xml");
    }

    private void add(String name, String resource, String type) {
        byte[] body;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the web asset " + name + " is missing from the build");
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the web asset " + name, e);
        }
        int dot = name.lastIndexOf('.');
        String url = PREFIX + name.substring(0, dot) + "-" + digest(body).substring(0, 12) + name.substring(dot);
        byUrl.put(url, new Asset(body, type));
        urlOf.put(name, url);
    }

    /** The fingerprinted URL of an asset by its plain name ({@code app.css}). */
    public String url(String name) {
        String u = urlOf.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no web asset " + name);
        }
        return u;
    }

    void register(Javalin app) {
        app.get(PREFIX + "{file}", ctx -> {
            Asset a = byUrl.get(PREFIX + ctx.pathParam("file"));
            if (a == null) {
                ctx.status(404).contentType("text/plain").result("no such asset");
                return;
            }
            ctx.header("Cache-Control", "public, max-age=31536000, immutable").contentType(a.type()).result(a.body());
        }, Access.PUBLIC);
    }

    private static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
