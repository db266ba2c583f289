package org.cloak.server.qc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.cloak.pipeline.verify.ReportHtml;
import org.cloak.pipeline.verify.ReportJson;
import org.cloak.pipeline.verify.VerifyOptions;
import org.cloak.pipeline.verify.VerifyReport;
import org.cloak.pipeline.verify.Verifier;
import org.cloak.server.config.DataDir;
import org.cloak.server.job.JobContext;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;

/**
 * The QC record of each session: the automatic check ({@code cloak verify}'s {@link Verifier})
 * run after every anonymization, its report kept in {@code DATA/qc/SESSION.json}, and the
 * reviewer's sign-off (pending, passed, failed with notes).
 */
public final class QcService {
    private final DataDir dirs;
    private final SessionStore sessions;
    private final Deidentifiers deids;

    public QcService(DataDir dirs, SessionStore sessions, Deidentifiers deids) {
        this.dirs = dirs;
        this.sessions = sessions;
        this.deids = deids;
    }

    /** Sign-off states. */
    public enum SignOff {
        PENDING, PASSED, FAILED;

        public static SignOff parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("state must be pending, passed or failed", e);
            }
        }
    }

    /** Verifies the sessions a job touched, logging each result. */
    public void verifySessions(JobContext ctx, Collection<Long> ids) throws IOException, InterruptedException {
        for (long id : ids) {
            if (ctx.cancelled()) {
                return;
            }
            Optional<VerifyReport> r = verify(id);
            r.ifPresent(rep -> ctx.log("session " + id + " verified: " + (rep.passed() ? "passed" : "failed") + ", "
                    + rep.counts().outputs() + " file(s), " + rep.counts().fails() + " finding(s) failing"));
        }
    }

    /** Runs the check on a session's stored files and records the result. */
    public Optional<VerifyReport> verify(long id) throws IOException, InterruptedException {
        Optional<Session> s = sessions.get(id);
        if (s.isEmpty() || !Files.isDirectory(sessions.folder(s.get()))) {
            return Optional.empty();
        }
        Session session = s.get();
        String scope = session.area() == Session.Area.ARCHIVE ? session.project() : RecipeStore.SITE;
        Deidentifiers.Compiled c = deids.current(scope);
        VerifyReport report = new Verifier(VerifyOptions.of(sessions.folder(session))
                .withRecipe(c.recipe(), scope + " recipe version " + c.version()).withSecret(c.vault().secret())
                .withThreads(1)).run();
        ReportJson.write(report, dirs.qcReport(id));
        ReportHtml.write(report, htmlReport(id));
        sessions.setVerify(id, report.passed(), (int) report.counts().fails(), (int) report.counts().warnings());
        return Optional.of(report);
    }

    /** The stored report of a session as the HTML page {@code cloak verify --report} writes. */
    public Optional<String> reportHtml(long id) throws IOException {
        Path f = htmlReport(id);
        return Files.exists(f) ? Optional.of(Files.readString(f)) : Optional.empty();
    }

    private Path htmlReport(long id) {
        return dirs.qcReport(id).resolveSibling(id + ".html");
    }

    /** The stored report of a session, as JSON. */
    public Optional<String> report(long id) throws IOException {
        return Files.exists(dirs.qcReport(id)) ? Optional.of(Files.readString(dirs.qcReport(id))) : Optional.empty();
    }
}
