package org.cloak.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.server.api.Api;
import org.cloak.server.api.ApiException;
import org.cloak.server.api.ServerParts;
import org.cloak.server.auth.Principal;
import org.cloak.server.auth.ProjectRole;
import org.cloak.server.job.Job;
import org.cloak.server.move.RelabelJob;
import org.cloak.server.move.TransferJob;
import org.cloak.server.project.Project;
import org.cloak.server.session.Labels;
import org.cloak.server.session.Session;

/**
 * The session look-up and the actions the pages start, with the same checks as the API's
 * session routes: the session must belong to the project in the path, labels are checked and
 * must be free, a move needs the owner right in the target project too.
 */
final class SessionActions {
    private final ServerParts parts;

    SessionActions(ServerParts parts) {
        this.parts = parts;
    }

    /** The session in the path ({@code {session}}), which must belong to the project in the path. */
    Session session(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("session"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no session " + ctx.pathParam("session"));
        }
        return parts.sessions().get(id).filter(x -> x.project().equals(ctx.pathParam("id")))
                .orElseThrow(() -> ApiException.notFound("no session " + id + " in project " + ctx.pathParam("id")));
    }

    Job relabel(Context ctx, Session x, String subject, String label) {
        String s = Labels.checkSubject(subject == null || subject.isBlank() ? x.subject() : subject.strip());
        String l = Labels.checkSession(label == null || label.isBlank() ? x.label() : label.strip());
        if (parts.sessions().labelTaken(x.project(), s, l, x.id())) {
            throw ApiException.conflict("the subject already has a session labelled " + l);
        }
        return submit(ctx, Job.Kind.RELABEL, x, RelabelJob.params(x, s, l));
    }

    Job move(Context ctx, Session x, String target) {
        if (target == null || target.equals(x.project())) {
            throw ApiException.badRequest("the session is in that project already");
        }
        Principal p = Api.principal(ctx);
        Project t = parts.projects().store().get(target).orElse(null);
        if (t == null || (!p.siteAdmin() && parts.users().roles(p.id(), target).stream()
                .noneMatch(r -> r.grants(ProjectRole.OWNER)))) {
            throw ApiException.notFound("no project " + target + " you own");
        }
        return submit(ctx, Job.Kind.MOVE, x, TransferJob.params(target));
    }

    Job archive(Context ctx, Session x) {
        if (x.area() != Session.Area.PREARCHIVE) {
            throw ApiException.conflict("the session is already archived");
        }
        return submit(ctx, Job.Kind.ARCHIVE, x, "{}");
    }

    /** Deletes a session and its files, as {@code DELETE .../sessions/{session}} does. */
    void delete(Context ctx, Session x) throws IOException {
        synchronized (parts.sessions().lock(x.id())) {
            parts.sessions().delete(x.id());
            Leftovers.deleteTree(parts.sessions().folder(x));
        }
        parts.audit().record(Api.principal(ctx).username(), "session-delete", x.project(), "session " + x.id(),
                x.files() + " file(s)");
    }

    Job verify(Context ctx, Session x) {
        return submit(ctx, Job.Kind.VERIFY, x, "{}");
    }

    private Job submit(Context ctx, Job.Kind kind, Session x, String params) {
        Job j = parts.jobs().create(kind, x.project(), x.id(), params, Api.principal(ctx).username());
        parts.runner().poke();
        return j;
    }
}
