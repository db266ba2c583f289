package org.cloak.server.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.run.Leftovers;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.job.JobContext;
import org.cloak.server.job.JobHandler;
import org.cloak.server.session.InstanceFiles;
import org.cloak.server.session.Labels;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionFolders;
import org.cloak.server.session.SessionStore;

/**
 * Changes a session's subject and/or session label: every instance is rewritten with the new
 * labels (PatientName, PatientID, StudyID, see {@link Labels}) into the folder of the new
 * labels, the database is switched, and the old folder removed. A crash before the switch
 * leaves the old folder whole (the resumed job rewrites again); after it, the resumed job only
 * removes the old folder, named in the job's parameters.
 */
public final class RelabelJob implements JobHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionStore sessions;
    private final AuditTrail audit;

    public RelabelJob(SessionStore sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The parameters: the labels before and after. */
    public static String params(Session s, String subject, String label) {
        return JSON.createObjectNode().put("fromSubject", s.subject()).put("fromLabel", s.label())
                .put("subject", subject).put("label", label).toString();
    }

    @Override
    public void run(JobContext ctx) throws IOException {
        JsonNode p = JSON.readTree(ctx.job().params());
        Optional<Session> found = sessions.get(ctx.job().session());
        if (found.isEmpty()) {
            throw new IllegalStateException("the session no longer exists");
        }
        Session s = found.get();
        String subject = p.path("subject").asText();
        String label = p.path("label").asText();
        Path old = sessions.folder(s.area(), s.project(), p.path("fromSubject").asText(), p.path("fromLabel").asText());
        Path target = sessions.folder(s.area(), s.project(), subject, label);
        synchronized (sessions.lock(s.id())) {
            if (!(s.subject().equals(subject) && s.label().equals(label))) {
                List<SessionStore.StoredFile> files = sessions.files(s.id());
                ctx.totals(files.size(), files.stream().mapToLong(SessionStore.StoredFile::size).sum());
                for (SessionStore.StoredFile f : files) {
                    DicomFile in = DicomReader.read(old.resolve(f.relative()));
                    Labels.apply(in.dataset(), subject, label);
                    SessionStore.StoredFile out = InstanceFiles.write(target, in.dataset(), in.transferSyntax());
                    sessions.putFile(s.id(), out);
                    ctx.done(f.sopUid(), "STORED", null, out.size(), s.id());
                }
                sessions.setLabels(s.id(), subject, label);
            }
            if (!old.equals(target)) {
                Leftovers.deleteTree(old);
                SessionFolders.pruneEmpty(old.getParent());
            }
        }
        audit.record(ctx.job().createdBy(), "relabel", s.project(), "session " + s.id(),
                "subject " + p.path("fromSubject").asText() + " -> " + subject + ", session "
                        + p.path("fromLabel").asText() + " -> " + label);
        ctx.log("relabelled session " + s.id() + ": subject " + subject + ", session " + label);
    }
}
