package org.cloak.server.web;

import io.javalin.Javalin;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.cloak.server.api.ServerParts;
import org.cloak.server.project.Project;

/**
 * The upload page: files, folders and zip archives dropped or chosen are sent by the page's
 * script to the API ({@code POST /api/v1/projects/{id}/uploads}: a zip as itself, loose files in
 * multipart batches), with per-file and total progress, and each resulting job is followed until
 * it has finished, listing what was stored, quarantined or rejected and why.
 */
final class UploadPage {
    /** Loose files are sent in batches of at most this many bytes, each one request and one job. */
    static final long BATCH_BYTES = 64L * 1024 * 1024;

    private final ServerParts parts;
    private final Pages pages;

    UploadPage(ServerParts parts, Pages pages) {
        this.parts = parts;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/projects/{id}/upload", ctx -> {
            Project p = parts.projects().store().get(ctx.pathParam("id")).orElseThrow();
            pages.render(ctx, "upload.jte", "page", pages.page(ctx, "Upload · " + p.id(), "projects"), "project", p,
                    "api", Api.BASE + "/projects/" + ProjectPages.enc(p.id()) + "/uploads", "maxBytes",
                    parts.config().maxUploadBytes(), "batchBytes", Math.min(BATCH_BYTES,
                            parts.config().maxUploadBytes()));
        }, Access.MEMBER);
    }
}
