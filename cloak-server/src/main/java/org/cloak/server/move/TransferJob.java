package org.cloak.server.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cloak.deid.Deidentified;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.Origin;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.entry.QuarantineStore;
import org.cloak.server.job.Job;
import org.cloak.server.job.JobContext;
import org.cloak.server.job.JobHandler;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.Project;
import org.cloak.server.project.ProjectStore;
import org.cloak.server.qc.QcService;
import org.cloak.server.session.FileChange;
import org.cloak.server.session.InstanceFiles;
import org.cloak.server.session.Labels;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionFolders;
import org.cloak.server.session.SessionStore;

/**
 * Moves a session into a project's archive, re-applying that project's recipe with its own
 * vault: an ARCHIVE job takes a prearchive session into its project's archive, a MOVE job takes
 * a session to another project. Every instance is rewritten into the target session first; only
 * then is the source removed, so a crash leaves the source whole and the resumed job finishes
 * the move (rewrites are deterministic and replace what an interrupted run wrote).
 */
public final class TransferJob implements JobHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore projects;
    private final SessionStore sessions;
    private final Deidentifiers deids;
    private final QuarantineStore quarantine;
    private final QcService qc;
    private final AuditTrail audit;

    public TransferJob(ProjectStore projects, SessionStore sessions, Deidentifiers deids, QuarantineStore quarantine,
                       QcService qc, AuditTrail audit) {
        this.projects = projects;
        this.sessions = sessions;
        this.deids = deids;
        this.quarantine = quarantine;
        this.qc = qc;
        this.audit = audit;
    }

    /** The parameters of a move: the target project. */
    public static String params(String target) {
        return JSON.createObjectNode().put("target", target).toString();
    }

    @Override
    public void run(JobContext ctx) throws IOException, InterruptedException {
        Job job = ctx.job();
        Optional<Session> found = sessions.get(job.session());
        if (found.isEmpty()) {
            ctx.log("the session was moved before the interruption; nothing left to do");
            return;
        }
        Session src = found.get();
        JsonNode p = JSON.readTree(job.params());
        String targetId = job.kind() == Job.Kind.ARCHIVE ? src.project() : p.path("target").asText();
        Project target = projects.get(targetId).orElseThrow(
                () -> new IllegalStateException("the target project does not exist"));
        boolean toArchive = job.kind() == Job.Kind.ARCHIVE || src.area() == Session.Area.ARCHIVE
                || target.newSessions() == Project.NewSessions.ARCHIVE;
        Session.Area area = toArchive ? Session.Area.ARCHIVE : Session.Area.PREARCHIVE;
        Deidentifiers.Compiled recipe = toArchive ? deids.current(target.id()) : null;
        List<SessionStore.StoredFile> files = sessions.files(src.id());
        ctx.totals(files.size(), files.stream().mapToLong(SessionStore.StoredFile::size).sum());
        Path from = sessions.folder(src);
        Set<String> done = ctx.doneNames();
        Set<Long> targets = new LinkedHashSet<>(ctx.sessions());
        for (SessionStore.StoredFile f : files) {
            if (done.contains(f.sopUid())) {
                continue;
            }
            if (ctx.cancelled()) {
                return;
            }
            Path file = from.resolve(f.relative());
            DicomFile in = DicomReader.read(file);
            DataSet ds = in.dataset();
            Deidentified d = null;
            if (recipe != null) {
                d = recipe.deid().deidentify(in, new Origin("session:" + src.id(), null, List.of(), null, null));
                if (!d.cleaned()) {
                    String reason = d.outcome() instanceof Outcome.Quarantined q ? q.reason() : "held for review";
                    quarantine.put(target.id(), job.id(), file, reason);
                    ctx.done(f.sopUid(), "QUARANTINED", reason, f.size(), null);
                    continue;
                }
                ds = d.dataset();
            }
            String study = ds.getString(Tag.StudyInstanceUID).strip();
            String subject = src.labelsFixed() ? src.subject() : Labels.subjectFrom(ds);
            Session dst = sessions.findOrCreate(new SessionStore.NewSession(target.id(), study, subject, src.label(),
                    src.labelsFixed(), area, Session.State.RECEIVING, src.siteRecipe(),
                    recipe == null ? null : recipe.version(), job.createdBy()));
            synchronized (sessions.lock(dst.id())) {
                Session now = sessions.get(dst.id()).orElseThrow();
                Labels.apply(ds, now.subject(), now.label());
                SessionStore.StoredFile out = InstanceFiles.write(sessions.folder(now), ds,
                        d == null ? in.transferSyntax() : d.transferSyntax());
                // the change record travels with the instance: what entry changed, then what this recipe changed
                List<FileChange> changes = new ArrayList<>(sessions.changes(src.id(), f.sopUid()));
                if (d != null) {
                    changes.addAll(FileChange.of(d.events()));
                }
                sessions.putFile(now.id(), out, changes);
            }
            targets.add(dst.id());
            ctx.done(f.sopUid(), "STORED", null, f.size(), dst.id());
        }
        if (recipe != null) {
            recipe.checkpoint();
        }
        for (long t : targets) {
            sessions.setState(t, toArchive ? Session.State.ARCHIVED : Session.State.PREARCHIVE);
        }
        synchronized (sessions.lock(src.id())) {
            sessions.delete(src.id());
            Leftovers.deleteTree(from);
            SessionFolders.pruneEmpty(from.getParent());
        }
        audit.record(job.createdBy(), job.kind() == Job.Kind.ARCHIVE ? "archive" : "move", src.project(),
                "session " + src.id(), "to project " + target.id() + " as session(s) " + targets + ", "
                        + files.size() + " file(s)");
        ctx.log((job.kind() == Job.Kind.ARCHIVE ? "archived" : "moved") + " session " + src.id() + " to project "
                + target.id() + " as session(s) " + targets);
        qc.verifySessions(ctx, targets);
    }
}
