package org.cloak.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Pages served by the same app as the API (the web application): registered after the API's
 * routes, behind the same {@link Access} check, and answering the errors of their own paths.
 */
public interface PageFront {
    /** Adds the pages' routes to the app. */
    void register(Javalin app);

    /** Answers a failed request to a page (not under {@value Api#BASE}). */
    void error(Context ctx, int status, String detail);
}
