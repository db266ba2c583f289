package org.cloak.server.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloak.deid.Deidentified;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.Origin;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomInput;
import org.cloak.dicom.io.DicomParseException;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.source.DicomSniffer;
import org.cloak.server.config.DataDir;
import org.cloak.server.metrics.Metrics;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.Project;
import org.cloak.server.project.ProjectStore;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.session.FileChange;
import org.cloak.server.session.InstanceFiles;
import org.cloak.server.session.Labels;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/**
 * One file entering the server, whatever the route (upload, DICOM send, folder import): read,
 * routed, de-identified by the site recipe and, when the project archives directly, by the
 * project's recipe, labelled, and written atomically into its session, which is found or made
 * by its de-identified StudyInstanceUID. Every file ends stored, quarantined (with reason,
 * original encrypted) or rejected (with reason). Thread-safe.
 */
public final class Ingest {
    private final DataDir dirs;
    private final Deidentifiers deids;
    private final ProjectStore projects;
    private final SessionStore sessions;
    private final QuarantineStore quarantine;
    private final Metrics metrics;

    public Ingest(DataDir dirs, Deidentifiers deids, ProjectStore projects, SessionStore sessions,
                  QuarantineStore quarantine, Metrics metrics) {
        this.dirs = dirs;
        this.deids = deids;
        this.projects = projects;
        this.sessions = sessions;
        this.quarantine = quarantine;
        this.metrics = metrics;
    }

    /**
     * Where a file is meant to go.
     *
     * @param project the project, or null to route by the comments (else to the unassigned prearchive)
     * @param receiving whether more instances of its session may follow (a DICOM association):
     *     the session stays "receiving" until the quiet time has passed
     * @param job the job it belongs to, or null
     * @param actor who sent it, for the session's record
     */
    public record Target(Project project, boolean receiving, Long job, String actor) {}

    /** How one file ended. */
    public sealed interface Result {
        long bytes();
    }

    public record Stored(long session, String sopUid, long bytes) implements Result {}

    public record Quarantined(String reason, String name, long bytes) implements Result {}

    public record Rejected(String reason, long bytes) implements Result {}

    /** Takes one file in; never throws for a problem of the file. */
    public Result ingest(Path file, Origin origin, Target target) {
        Result r;
        try {
            r = run(file, origin, target);
        } catch (IOException e) {
            r = new Rejected("could not store the file: " + e.getClass().getSimpleName(), size(file));
            metrics.inc("cloak_errors_total{kind=\"io\"}");
        } catch (RuntimeException e) {
            r = hold(target.project() == null ? "" : target.project().id(), target, file,
                    "internal error: " + e.getClass().getName(), size(file));
        }
        String outcome = r instanceof Stored ? "stored" : r instanceof Quarantined ? "quarantined" : "rejected";
        metrics.inc("cloak_files_total{outcome=\"" + outcome + "\"}");
        metrics.add("cloak_bytes_total{outcome=\"" + outcome + "\"}", r.bytes());
        return r;
    }

    private Result run(Path file, Origin origin, Target target) throws IOException {
        long size = Files.size(file);
        DicomFile in;
        try (DicomInput input = DicomInput.open(file, ReadOptions.DEFAULT)) {
            if (!DicomSniffer.isDicom(input)) {
                return new Rejected("not a DICOM file", size);
            }
            in = input.read();
        } catch (DicomParseException e) {
            String project = target.project() == null ? "" : target.project().id();
            return hold(project, target, file, "not readable as DICOM: " + e.getMessage(), size);
        }
        Project project = target.project();
        Routing.Route route = null;
        if (project == null) {
            Optional<Routing.Route> r = Routing.of(in.dataset());
            if (r.isPresent()) {
                Optional<Project> p = projects.get(r.get().project());
                if (p.isPresent()) {
                    project = p.get();
                    route = r.get();
                }
            }
        }
        String projectId = project == null ? "" : project.id();
        Deidentifiers.Compiled site = deids.current(RecipeStore.SITE);
        Deidentified s = site.deid().deidentify(in, origin);
        if (!s.cleaned()) {
            return hold(projectId, target, file, reason(s.outcome()), size);
        }
        Deidentified out = s;
        Integer projectVersion = null;
        boolean archive = project != null && project.newSessions() == Project.NewSessions.ARCHIVE;
        if (archive) {
            Deidentifiers.Compiled pc = deids.current(project.id());
            out = pc.deid().deidentify(new DicomFile(in.fileMeta(), s.dataset(), s.transferSyntax(), in.source(),
                    false),
                    origin);
            if (!out.cleaned()) {
                return hold(projectId, target, file, reason(out.outcome()), size);
            }
            projectVersion = pc.version();
        }
        DataSet ds = out.dataset();
        String study = ds.getString(Tag.StudyInstanceUID);
        if (study == null || study.isBlank()) {
            return hold(projectId, target, file, "no StudyInstanceUID", size);
        }
        String subject = route != null
                && Labels.validSubject(route.subject()) ? route.subject() : Labels.subjectFrom(ds);
        String label = route != null && Labels.validSession(route.session()) ? route.session()
                : Labels.sessionFrom(study);
        Session.State state = target.receiving() ? Session.State.RECEIVING
                : archive ? Session.State.ARCHIVED : Session.State.PREARCHIVE;
        boolean fixed = route != null && route.subject() != null;
        Session.Area area = archive ? Session.Area.ARCHIVE : Session.Area.PREARCHIVE;
        Session session = sessions.findOrCreate(new SessionStore.NewSession(projectId, study.strip(), subject, label,
                fixed, area, state, site.version(), projectVersion, target.actor()));
        synchronized (sessions.lock(session.id())) {
            Session now = sessions.get(session.id()).orElseThrow();
            Labels.apply(ds, now.subject(), now.label());
            SessionStore.StoredFile f = InstanceFiles.write(sessions.folder(now), ds, out.transferSyntax());
            List<FileChange> changes = new ArrayList<>(FileChange.of(s.events()));
            if (out != s) {
                changes.addAll(FileChange.of(out.events()));
            }
            sessions.putFile(now.id(), f, FileChange.withLabels(changes));
            if (project != null && project.keepArrival()) {
                keepArrival(project.id(), f.sopUid(), file);
            }
            return new Stored(now.id(), f.sopUid(), size);
        }
    }

    /** An encrypted copy of what arrived, named by the de-identified instance UID. */
    private void keepArrival(String project, String sop, Path original) throws IOException {
        Path target = dirs.arrival(project).resolve(sop + ".enc");
        byte[] sealed = deids.vault(project).seal(target.getFileName().toString(), Files.readAllBytes(original));
        AtomicFiles.write(target, ch -> {
            ByteBuffer b = ByteBuffer.wrap(sealed);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        });
    }

    private Result hold(String project, Target target, Path file, String reason, long size) {
        try {
            return new Quarantined(reason, quarantine.put(project, target.job(), file, reason), size);
        } catch (IOException e) {
            return new Rejected(reason + "; and it could not be quarantined: " + e.getClass().getSimpleName(), size);
        }
    }

    private static String reason(Outcome o) {
        if (o instanceof Outcome.Quarantined q) {
            return q.reason();
        }
        if (o instanceof Outcome.NeedsReview r) {
            return r.reason();
        }
        return "not de-identified";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
