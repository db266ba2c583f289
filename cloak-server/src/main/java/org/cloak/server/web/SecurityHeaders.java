package org.cloak.server.web;

import io.javalin.http.Context;

/**
 * Headers on every response: a Content-Security-Policy that allows scripts, styles and images
 * from the server alone (no inline script, no eval, no other origin), no framing (clickjacking),
 * no MIME sniffing, no referrer, and pages that are never cached (they may show pseudonyms a
 * later user must not see from the cache).
 */
final class SecurityHeaders {
    /** The policy of every page. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith(Assets.PREFIX)) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
