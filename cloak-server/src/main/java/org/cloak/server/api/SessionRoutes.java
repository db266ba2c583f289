package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.config.DataDir;
import org.cloak.server.job.Job;
import org.cloak.server.project.Project;
import org.cloak.server.qc.QcService;
import org.cloak.server.session.Labels;
import org.cloak.server.move.RelabelJob;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;
import org.cloak.server.move.TransferJob;

/**
 * Subjects and sessions of a project: listing, archiving from the prearchive, relabel, move,
 * verify, QC sign-off, the tracking board as CSV, and downloads as streamed zip archives; and
 * the unassigned prearchive (site administrators).
 */
final class SessionRoutes {
    private final ServerParts parts;

    SessionRoutes(ServerParts parts) {
        this.parts = parts;
    }

    void register(Javalin app) {
        String s = Api.BASE + "/projects/{id}/sessions";
        app.get(s, ctx -> ctx.json(list(ctx.pathParam("id"))), Access.MEMBER);
        app.get(s + "/{session}", ctx -> ctx.json(Views.session(session(ctx))), Access.MEMBER);
        app.delete(s + "/{session}", ctx -> {
            Session x = session(ctx);
            synchronized (parts.sessions().lock(x.id())) {
                parts.sessions().delete(x.id());
                org.cloak.pipeline.run.Leftovers.deleteTree(parts.sessions().folder(x));
            }
            parts.audit().record(user(ctx), "session-delete", x.project(), "session " + x.id(), x.files() + " file(s)");
            ctx.status(204);
        }, Access.OWNER);
        app.post(s + "/{session}/archive", ctx -> {
            Session x = session(ctx);
            if (x.area() != Session.Area.PREARCHIVE) {
                throw ApiException.conflict("the session is already archived");
            }
            job(ctx, Job.Kind.ARCHIVE, x, "{}");
        }, Access.OWNER);
        app.post(s + "/{session}/relabel", ctx -> {
            Session x = session(ctx);
            JsonNode b = Json.body(ctx, "subject", "label");
            String subject = Labels.checkSubject(Json.text(b, "subject", x.subject()));
            String label = Labels.checkSession(Json.text(b, "label", x.label()));
            if (parts.sessions().labelTaken(x.project(), subject, label, x.id())) {
                throw ApiException.conflict("the subject already has a session labelled " + label);
            }
            job(ctx, Job.Kind.RELABEL, x, RelabelJob.params(x, subject, label));
        }, Access.OWNER);
        app.post(s + "/{session}/move", ctx -> {
            Session x = session(ctx);
            String target = Json.text(Json.body(ctx, "project"), "project");
            if (target.equals(x.project())) {
                throw ApiException.badRequest("the session is in that project already");
            }
            checkTarget(ctx, target);
            job(ctx, Job.Kind.MOVE, x, TransferJob.params(target));
        }, Access.OWNER);
        app.post(s + "/{session}/verify", ctx -> job(ctx, Job.Kind.VERIFY, session(ctx), "{}"), Access.REVIEWER);
        app.get(s + "/{session}/qc", ctx -> {
            Session x = session(ctx);
            var n = Views.session(x);
            var report = parts.qc().report(x.id());
            n.set("report", report.isPresent() ? Json.MAPPER.readTree(report.get()) : null);
            ctx.json(n);
        }, Access.MEMBER);
        app.put(s + "/{session}/qc", ctx -> {
            Session x = session(ctx);
            JsonNode b = Json.body(ctx, "state", "notes");
            QcService.SignOff state = QcService.SignOff.parse(Json.text(b, "state"));
            parts.sessions().setQc(x.id(), state.name(), user(ctx), Json.text(b, "notes", null));
            parts.audit().record(user(ctx), "qc-sign-off", x.project(), "session " + x.id(),
                    state.name().toLowerCase(java.util.Locale.ROOT));
            ctx.json(Views.session(parts.sessions().get(x.id()).orElseThrow()));
        }, Access.REVIEWER);
        app.get(s + "/{session}/export", ctx -> {
            Session x = session(ctx);
            export(ctx, x.project() + "-" + x.subject() + "-" + x.label(), List.of(x));
        }, Access.MEMBER);
        app.get(Api.BASE + "/projects/{id}/subjects", ctx -> {
            TreeMap<String, Integer> subjects = new TreeMap<>();
            parts.sessions().list(ctx.pathParam("id")).forEach(x -> subjects.merge(x.subject(), 1, Integer::sum));
            ArrayNode a = Json.MAPPER.createArrayNode();
            subjects.forEach((k, v) -> a.add(Json.object().put("label", k).put("sessions", v)));
            ctx.json(a);
        }, Access.MEMBER);
        app.post(Api.BASE + "/projects/{id}/subjects/{subject}/relabel", ctx -> {
            String from = ctx.pathParam("subject");
            String to = Labels.checkSubject(Json.text(Json.body(ctx, "label"), "label"));
            List<Session> of = parts.sessions().list(ctx.pathParam("id")).stream()
                    .filter(x -> x.subject().equals(from)).toList();
            if (of.isEmpty()) {
                throw ApiException.notFound("no subject " + from);
            }
            ArrayNode jobs = Json.MAPPER.createArrayNode();
            for (Session x : of) {
                if (parts.sessions().labelTaken(x.project(), to, x.label(), x.id())) {
                    throw ApiException.conflict("the subject " + to + " already has a session labelled " + x.label());
                }
            }
            for (Session x : of) {
                jobs.add(Views.job(submit(ctx, Job.Kind.RELABEL, x, RelabelJob.params(x, to, x.label())),
                        new Job.Counts(0, 0, 0, 0, 0)));
            }
            ctx.status(202).json(Json.object().set("jobs", jobs));
        }, Access.OWNER);
        app.get(Api.BASE + "/projects/{id}/subjects/{subject}/export", ctx -> {
            String subject = ctx.pathParam("subject");
            List<Session> of = parts.sessions().list(ctx.pathParam("id")).stream()
                    .filter(x -> x.subject().equals(subject)).toList();
            if (of.isEmpty()) {
                throw ApiException.notFound("no subject " + subject);
            }
            export(ctx, ctx.pathParam("id") + "-" + subject, of);
        }, Access.MEMBER);
        app.get(Api.BASE + "/projects/{id}/export", ctx -> export(ctx, ctx.pathParam("id"),
                parts.sessions().list(ctx.pathParam("id"))), Access.MEMBER);
        app.get(Api.BASE + "/projects/{id}/board.csv", ctx -> {
            StringBuilder csv = new StringBuilder("session,subject,label,state,files,anonymized_by,verify,sign_off,"
                    + "reviewer,colour,notes\n");
            for (Session x : parts.sessions().list(ctx.pathParam("id"))) {
                csv.append(x.id()).append(',').append(x.subject()).append(',').append(x.label()).append(',')
                        .append(x.state().wire()).append(',').append(x.files()).append(',')
                        .append(cell(x.anonymizedBy())).append(',')
                        .append(x.verifyPassed() == null ? "" : x.verifyPassed() ? "passed" : "failed").append(',')
                        .append(x.qcState().toLowerCase(java.util.Locale.ROOT)).append(',')
                        .append(cell(x.qcReviewer())).append(',').append(Views.colour(x)).append(',')
                        .append(cell(x.qcNotes())).append('\n');
            }
            ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
        }, Access.MEMBER);
        app.get(Api.BASE + "/unassigned", ctx -> ctx.json(list("")), Access.ADMIN);
        app.post(Api.BASE + "/unassigned/{session}/assign", ctx -> {
            Session x = parts.sessions().get(sessionId(ctx)).filter(v -> v.project().isEmpty())
                    .orElseThrow(() -> ApiException.notFound("no unassigned session " + ctx.pathParam("session")));
            String target = Json.text(Json.body(ctx, "project"), "project");
            checkTarget(ctx, target);
            job(ctx, Job.Kind.MOVE, x, TransferJob.params(target));
        }, Access.ADMIN);
    }

    private ArrayNode list(String project) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        parts.sessions().list(project).forEach(x -> a.add(Views.session(x)));
        return a;
    }

    private static long sessionId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("session"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no session " + ctx.pathParam("session"));
        }
    }

    /** The session in the path, which must belong to the project in the path. */
    private Session session(Context ctx) {
        return parts.sessions().get(sessionId(ctx)).filter(x -> x.project().equals(ctx.pathParam("id")))
                .orElseThrow(() -> ApiException.notFound("no session " + ctx.pathParam("session")
                        + " in project " + ctx.pathParam("id")));
    }

    /** A move needs the owner right in the target project too. */
    private void checkTarget(Context ctx, String target) {
        Principal p = Api.principal(ctx);
        Project t = parts.projects().store().get(target).orElse(null);
        if (t == null || (!p.siteAdmin() && parts.users().roles(p.id(), target).stream()
                .noneMatch(r -> r.grants(ProjectRole.OWNER)))) {
            throw ApiException.notFound("no project " + target + " you own");
        }
    }

    private void job(Context ctx, Job.Kind kind, Session x, String params) {
        Job j = submit(ctx, kind, x, params);
        ctx.status(202).json(Views.job(j, new Job.Counts(0, 0, 0, 0, 0)));
    }

    private Job submit(Context ctx, Job.Kind kind, Session x, String params) {
        Job j = parts.jobs().create(kind, x.project(), x.id(), params, user(ctx));
        parts.runner().poke();
        return j;
    }

    private static String user(Context ctx) {
        return Api.principal(ctx).username();
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Streams the sessions' stored files as a zip, {@code SUBJECT/SESSION/SERIES/INSTANCE.dcm}. */
    private void export(Context ctx, String name, List<Session> sessions) throws Exception {
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
        int files = 0;
        List<Session> done = new ArrayList<>();
        try (OutputStream out = ctx.outputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Session x : sessions) {
                SessionStore store = parts.sessions();
                synchronized (store.lock(x.id())) {
                    Path dir = store.folder(x);
                    for (SessionStore.StoredFile f : store.files(x.id())) {
                        Path file = dir.resolve(f.relative());
                        if (!Files.exists(file)) {
                            continue;
                        }
                        zip.putNextEntry(new ZipEntry(DataDir.folder(x.project()) + "/" + x.subject() + "/" + x.label()
                                + "/" + f.relative().toString().replace('\\', '/')));
                        Files.copy(file, zip);
                        zip.closeEntry();
                        files++;
                    }
                }
                done.add(x);
            }
            if (files == 0) {
                zip.putNextEntry(new ZipEntry("EMPTY.txt"));
                zip.write("no files\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        parts.audit().record(user(ctx), "download", sessions.isEmpty() ? ctx.pathParam("id") : sessions.get(0)
                .project(),
                name, done.size() + " session(s), " + files + " file(s)");
    }
}
