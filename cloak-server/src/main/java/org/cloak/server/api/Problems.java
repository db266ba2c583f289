package org.cloak.server.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Errors as RFC 9457 problem details. */
final class Problems {
    private Problems() {}

    static void write(Context ctx, int status, String detail) {
        HttpStatus s = HttpStatus.forStatus(status);
        ctx.status(status).contentType("application/problem+json").result(Json.object().put("type", "about:blank")
                .put("title", s.getMessage()).put("status", status).put("detail", detail).toString());
    }
}
