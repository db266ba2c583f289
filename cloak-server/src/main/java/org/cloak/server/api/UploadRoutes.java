package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Passwords;
import org.cloak.server.entry.UploadJob;
import org.cloak.server.job.Job;
import org.cloak.server.project.Project;

/**
 * Entry by HTTP: {@code POST /projects/{id}/uploads} with a zip archive ({@code application/zip})
 * or files ({@code multipart/form-data}, field {@code files}), streamed to disk within the size
 * limit, answered with the queued job; and the server-side folder import (site administrators,
 * allow-listed folders only).
 */
final class UploadRoutes {
    private final ServerParts parts;

    UploadRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        app.post(Api.BASE + "/projects/{id}/uploads", this::upload, Access.MEMBER);
        app.post(Api.BASE + "/imports", ctx -> {
            JsonNode b = Json.body(ctx, "project", "folder");
            Project p = parts.projects().store().get(Json.text(b, "project"))
                    .orElseThrow(() -> ApiException.notFound("no project " + b.get("project").asText()));
            Path folder = Path.of(Json.text(b, "folder")).toAbsolutePath().normalize();
            boolean allowed = parts.config().importRoots().stream().anyMatch(folder::startsWith);
            if (!allowed || !Files.isDirectory(folder)) {
                throw ApiException.forbidden("the folder is not under an import root of the configuration");
            }
            Job j = parts.jobs().create(Job.Kind.IMPORT, p.id(), null, UploadJob.importParams(folder),
                    Api.principal(ctx).username());
            parts.audit().record(Api.principal(ctx).username(), "import", p.id(), "job " + j.id(), null);
            parts.runner().poke();
            ctx.status(202).json(Views.job(j, new Job.Counts(0, 0, 0, 0, 0)));
        }, Access.ADMIN);
    }

    private void upload(Context ctx) throws IOException {
        String project = ctx.pathParam("id");
        if (ctx.contentLength() > parts.config().maxUploadBytes()) {
            throw new ApiException(413, "the upload is larger than the limit of " + parts.config().maxUploadBytes()
                    + " bytes");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        String token = "u" + Passwords.digest(Passwords.randomSecret()).substring(0, 24);
        Path dir = parts.dirs().jobsRoot().resolve(token);
        Files.createDirectories(dir);
        boolean ok = false;
        try {
            long size;
            if (type.startsWith("application/zip") || type.startsWith("application/x-zip-compressed")) {
                Path zip = dir.resolve(UploadJob.ARCHIVE);
                size = copy(ctx.bodyInputStream(), zip, parts.config().maxUploadBytes());
                checkZip(zip);
            } else if (type.startsWith("multipart/form-data")) {
                size = multipart(ctx, dir.resolve(UploadJob.FILES));
            } else {
                throw new ApiException(415, "send a zip archive (application/zip) or files (multipart/form-data)");
            }
            Job j = parts.jobs().create(Job.Kind.UPLOAD, project, null, UploadJob.uploadParams(token),
                    Api.principal(ctx).username());
            parts.audit().record(Api.principal(ctx).username(), "upload", project, "job " + j.id(), size + " bytes");
            parts.metrics().add("cloak_upload_bytes_total", size);
            ok = true;
            parts.runner().poke();
            ctx.status(202).json(Views.job(j, new Job.Counts(0, 0, 0, 0, 0)));
        } finally {
            if (!ok) {
                Leftovers.deleteTree(dir);
            }
        }
    }

    private long multipart(Context ctx, Path files) throws IOException {
        Files.createDirectories(files);
        List<UploadedFile> uploaded = ctx.uploadedFiles("files");
        if (uploaded.isEmpty()) {
            throw ApiException.badRequest("no files in the form field 'files'");
        }
        long total = 0;
        int n = 0;
        for (UploadedFile f : uploaded) {
            // the part's own file name may name a patient: it is not kept
            try (InputStream in = f.content()) {
                total += copy(in, files.resolve(String.format("%06d.dcm", ++n)),
                        parts.config().maxUploadBytes() - total);
            }
        }
        return total;
    }

    /** Copies at most {@code limit} bytes; more is refused with 413. */
    private static long copy(InputStream in, Path target, long limit) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                n += r;
                if (n > limit) {
                    throw new ApiException(413, "the upload is larger than the limit of " + limit + " bytes");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    /** A zip archive starts with a local file header or, when empty, the end record. */
    private static void checkZip(Path zip) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(zip)) {
            int n = in.readNBytes(head, 0, 4);
            boolean local = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
            boolean empty = n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6;
            if (!local && !empty) {
                throw ApiException.badRequest("the body is not a zip archive");
            }
        }
    }
}
