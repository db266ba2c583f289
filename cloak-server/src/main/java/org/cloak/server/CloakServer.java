package org.cloak.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cloak.net.TlsOptions;
import org.cloak.net.scp.DicomServer;
import org.cloak.net.scp.ServerOptions;
import org.cloak.server.api.Api;
import org.cloak.server.api.ServerParts;
import org.cloak.server.api.TlsConnector;
import org.cloak.server.audit.AuditTrail;
import org.cloak.server.auth.LoginLimiter;
import org.cloak.server.auth.Passwords;
import org.cloak.server.auth.UserService;
import org.cloak.server.config.DataDir;
import org.cloak.server.config.ServerConfig;
import org.cloak.server.db.Database;
import org.cloak.server.entry.DicomEntry;
import org.cloak.server.entry.Ingest;
import org.cloak.server.entry.QuarantineStore;
import org.cloak.server.entry.UploadJob;
import org.cloak.server.job.Job;
import org.cloak.server.job.JobRunner;
import org.cloak.server.job.JobStore;
import org.cloak.server.metrics.Metrics;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.Project;
import org.cloak.server.project.ProjectService;
import org.cloak.server.project.ProjectStore;
import org.cloak.server.project.RecipeStore;
import org.cloak.server.qc.QcService;
import org.cloak.server.qc.VerifyJob;
import org.cloak.server.move.RelabelJob;
import org.cloak.server.session.Session;
import org.cloak.server.session.SessionStore;
import org.cloak.server.move.TransferJob;
import org.cloak.server.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive server in one process: the database (migrated at start), the job runner (which
 * resumes what a killed process left), the HTTP API and the DICOM listener. The composition
 * root: everything is built here and nowhere else.
 *
 * <pre>{@code
 * try (CloakServer s = CloakServer.start(ConfigLoader.load(null, System.getenv(), Map.of()), System.getenv())) {
 *     System.out.println(s.url());
 * }
 * }</pre>
 */
public final class CloakServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloakServer.class);
    /** The demo project made on a first start. */
    public static final String DEMO = "demo";

    private final ServerParts parts;
    private final Api api;
    private final DicomServer dicom;
    private final ScheduledExecutorService timer;
    private final String adminPassword;

    private CloakServer(ServerParts parts, Api api, DicomServer dicom, ScheduledExecutorService timer,
                        String adminPassword) {
        this.parts = parts;
        this.api = api;
        this.dicom = dicom;
        this.timer = timer;
        this.adminPassword = adminPassword;
    }

    /** Starts the server; throws {@link org.cloak.server.config.ConfigException} for a setting that cannot work. */
    public static CloakServer start(ServerConfig c, Map<String, String> env) throws IOException {
        Clock clock = Clock.systemUTC();
        DataDir dirs = new DataDir(c.data()).create();
        org.cloak.pipeline.run.Leftovers.deleteTree(dirs.tmp());
        Files.createDirectories(dirs.tmp());
        Database db = c.dbUrl() == null ? Database.embedded(dirs.db())
                : Database.open(c.dbUrl(), c.dbUser(), c.dbPassword(env));
        Metrics metrics = new Metrics();
        UserService users = new UserService(db.jdbi(), clock, c.sessionTimeout());
        AuditTrail audit = new AuditTrail(db.jdbi(), clock);
        RecipeStore recipes = new RecipeStore(db.jdbi(), clock, dirs.root());
        char[] passphrase = c.vaultPassphraseFile() == null ? null
                : ServerConfig.firstLine(c.vaultPassphraseFile(), "vault passphrase file").toCharArray();
        Deidentifiers deids = new Deidentifiers(recipes, dirs, c.vaultKeyDir(), passphrase, clock);
        ProjectStore projectStore = new ProjectStore(db.jdbi(), clock);
        ProjectService projects = new ProjectService(projectStore, recipes, deids, audit, c.dicomAeTitle());
        SessionStore sessions = new SessionStore(db.jdbi(), clock, dirs);
        JobStore jobs = new JobStore(db.jdbi(), clock);
        JobRunner runner = new JobRunner(jobs, metrics, c.workers());
        QuarantineStore quarantine = new QuarantineStore(db.jdbi(), dirs, deids, clock);
        Ingest ingest = new Ingest(dirs, deids, projectStore, sessions, quarantine, metrics);
        QcService qc = new QcService(dirs, sessions, deids);
        ServerParts parts = new ServerParts(c, clock, dirs, db, users, new LoginLimiter(clock), audit, projects,
                recipes, deids, sessions, jobs, runner, ingest, quarantine, qc, metrics);
        metrics.gauge("cloak_jobs_queued", "jobs waiting for a worker", jobs::queued);
        metrics.gauge("cloak_jobs_running", "jobs running", jobs::running);
        metrics.describe("cloak_files_total", "files taken in, by outcome");
        metrics.describe("cloak_bytes_total", "bytes taken in, by outcome");
        metrics.describe("cloak_jobs_total", "jobs finished, by state");
        metrics.describe("cloak_errors_total", "errors, by kind");

        if (recipes.latest(RecipeStore.SITE).isEmpty()) {
            recipes.save(RecipeStore.SITE, RecipeStore.DEFAULT_BODY, "system", "the default site recipe");
        }
        String adminPassword = bootstrapAdmin(c, users, audit);
        runner.register(Job.Kind.UPLOAD, new UploadJob(dirs, projectStore, ingest, qc));
        runner.register(Job.Kind.IMPORT, new UploadJob(dirs, projectStore, ingest, qc));
        runner.register(Job.Kind.ARCHIVE, new TransferJob(projectStore, sessions, deids, quarantine, qc, audit));
        runner.register(Job.Kind.MOVE, new TransferJob(projectStore, sessions, deids, quarantine, qc, audit));
        runner.register(Job.Kind.RELABEL, new RelabelJob(sessions, audit));
        runner.register(Job.Kind.VERIFY, new VerifyJob(qc));
        runner.start();
        if (c.demo() && projectStore.get(DEMO).isEmpty()) {
            demo(parts);
        }
        TlsConnector tls = c.httpKeyStore() == null ? null : new TlsConnector(c.httpKeyStore(),
                c.httpKeyStorePasswordFile() == null ? "" : ServerConfig.firstLine(c.httpKeyStorePasswordFile(),
                        "key store password file"), c.httpBind(), c.httpPort());
        Api api = new Api(parts, tls, new WebApp(parts));
        DicomServer dicom = null;
        try {
            api.start(c.httpBind(), tls == null ? c.httpPort() : 0);
            if (c.dicomEnabled()) {
                ServerOptions o = ServerOptions.of(c.dicomAeTitle(), c.dicomPort())
                        .withBindAddress(InetAddress.getByName(c.httpBind()));
                if (c.dicomKeyStore() != null) {
                    char[] pw = c.dicomKeyStorePasswordFile() == null ? new char[0]
                            : ServerConfig.firstLine(c.dicomKeyStorePasswordFile(), "key store password file")
                            .toCharArray();
                    o = o.withTls(TlsOptions.server(c.dicomKeyStore(), pw, null, null, false));
                }
                dicom = new DicomServer(o, new DicomEntry(c.dicomAeTitle(), dirs, projectStore, ingest, deids, audit));
                dicom.start();
            }
        } catch (IOException | RuntimeException e) {
            api.stop();
            runner.close();
            deids.close();
            db.close();
            throw e;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloak-timer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, Math.min(5, c.quietTime().toSeconds()));
        timer.scheduleWithFixedDelay(() -> completeQuiet(parts), every, every, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> safely(deids::checkpointAll), 5, 5, TimeUnit.SECONDS);
        CloakServer s = new CloakServer(parts, api, dicom, timer, adminPassword);
        LOG.info("Cloak server listening on {} (DICOM {})", s.url(), dicom == null ? "off" : c.dicomAeTitle() + ":"
                + dicom.port());
        return s;
    }

    private static String bootstrapAdmin(ServerConfig c, UserService users, AuditTrail audit) {
        if (!users.list().isEmpty()) {
            return null;
        }
        String password = c.adminPasswordFile() != null
                ? ServerConfig.firstLine(c.adminPasswordFile(), "admin password file") : Passwords.randomPassword();
        users.create("admin", password, true);
        audit.record("system", "user-create", null, "admin", "site administrator, first start");
        return c.adminPasswordFile() != null ? null : password;
    }

    /** The demo project (ID demo, AE title DEMO), with the bundled samples imported when they are at hand. */
    private static void demo(ServerParts parts) {
        parts.projects().create(new Project(DEMO, "Demo", "Made on the first start with the bundled samples", "DEMO",
                Project.NewSessions.ARCHIVE, false), null, "system");
        if (parts.config().demoSamples() != null && Files.isDirectory(parts.config().demoSamples())) {
            parts.jobs().create(Job.Kind.IMPORT, DEMO, null,
                    UploadJob.importParams(parts.config().demoSamples().toAbsolutePath().normalize()), "system");
            parts.runner().poke();
        }
    }

    /** Sessions received over DICOM are complete after the quiet time: they take their final state and are verified. */
    private static void completeQuiet(ServerParts parts) {
        safely(() -> {
            for (Session s : parts.sessions().quietReceiving(parts.config().quietTime().toMillis())) {
                parts.sessions().setState(s.id(), s.area() == Session.Area.ARCHIVE ? Session.State.ARCHIVED
                        : Session.State.PREARCHIVE);
                parts.jobs().create(Job.Kind.VERIFY, s.project(), s.id(), "{}", "system");
                parts.runner().poke();
            }
        });
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("background task failed: {}", e.getClass().getName());
        }
    }

    public ServerParts parts() { return parts; }

    public Api api() { return api; }

    /** The HTTP port (the one picked when the configuration said 0). */
    public int httpPort() { return api.port(); }

    /** The DICOM port, or -1 when the listener is off. */
    public int dicomPort() { return dicom == null ? -1 : dicom.port(); }

    public String url() {
        String host = parts.config().httpBind();
        return (parts.config().httpKeyStore() == null ? "http" : "https") + "://"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort();
    }

    /** The admin password made on this first start, or null (not a first start, or it came from a file). */
    public String adminPassword() { return adminPassword; }

    @Override
    public void close() {
        timer.shutdownNow();
        if (dicom != null) {
            dicom.stop(Duration.ofSeconds(10));
        }
        api.stop();
        parts.runner().close();
        parts.deids().close();
        parts.db().close();
    }
}
