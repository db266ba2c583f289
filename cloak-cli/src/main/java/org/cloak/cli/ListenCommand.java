package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cloak.net.AeAddress;
import org.cloak.net.TlsOptions;
import org.cloak.net.scp.ServerOptions;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.layout.TemplateLayout;
import org.cloak.pipeline.node.DeidStoreHandler;
import org.cloak.pipeline.node.ListenOptions;
import org.cloak.pipeline.service.ListenRunner;
import org.cloak.pipeline.service.ListenSpec;
import org.cloak.pipeline.vault.VaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code cloak listen}: a DICOM storage node that de-identifies what it receives. The work is
 * done by cloak-pipeline's {@link ListenService}; this class turns flags into options, opens the
 * vault and the audit log as {@code cloak run} does, and waits for SIGTERM (or Ctrl-C), which
 * stops it gracefully and writes the audit reports.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Receives DICOM over the network (C-STORE), de-identifies each instance into an output folder",
                "and optionally forwards it. Runs until SIGTERM; see docs/listen.md.",
                "Exit status: 0 stopped cleanly, 1 usage error or the port could not be opened,",
                "2 stopped but associations had to be aborted or a report or the vault could not be written."})
public final class ListenCommand implements Callable<Integer> {

    /** The environment (a field so tests can give their own). */
    Map<String, String> env = System.getenv();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "11112", description
            = "TCP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--aet", paramLabel = "AET", defaultValue = "CLOAK",
            description = "this node's AE title; callers must call it (default: ${DEFAULT-VALUE})")
    String aet;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Mixin
    RecipeOptions recipeOptions;

    @Mixin
    VaultCommand.KeyOptions key = new VaultCommand.KeyOptions();

    @Option(names = "--audit", paramLabel = "FILE",
            description = "audit report, .csv or .xlsx (repeatable), written when the listener stops")
    List<Path> audits = new ArrayList<>();

    @Option(names = "--audit-password", paramLabel = "PW",
            description = "encrypts the .xlsx audit report (else the environment variable "
                    + RunCommand.AUDIT_PASSWORD_ENV + ")")
    String auditPassword;

    @Option(names = "--forward", paramLabel = "AET@HOST:PORT",
            description = "send each de-identified instance on to this node (queued on disk, retried)")
    String forward;

    @Option(names = "--allowed-calling", arity = "1..*", paramLabel = "AET",
            description = "calling AE titles accepted (default: any)")
    List<String> allowedCalling;

    @Option(names = "--allowed-address", arity = "1..*", paramLabel = "ADDRESS",
            description = "peer IP addresses accepted (host names are resolved at start) (default: any)")
    List<String> allowedAddresses;

    @Option(names = "--tls-key-store", paramLabel = "FILE",
            description = "serve TLS with this key store's key and certificate (PKCS12 or JKS)")
    Path tlsKeyStore;

    @Option(names = "--tls-key-store-password-file", paramLabel = "FILE",
            description = "file whose first line is the key store's password")
    Path tlsKeyStorePasswordFile;

    @Option(names = "--tls-trust-store", paramLabel = "FILE",
            description = "certificates trusted for clients (default: the JDK's)")
    Path tlsTrustStore;

    @Option(names = "--tls-trust-store-password-file", paramLabel = "FILE",
            description = "file whose first line is the trust store's password")
    Path tlsTrustStorePasswordFile;

    @Option(names = "--tls-need-client-auth", description = "require clients to present a trusted certificate")
    boolean tlsNeedClientAuth;

    @Option(names = "--threads", paramLabel = "N", description
            = "de-identifications at once (default: one per processor)")
    Integer threads;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "default",
            description = "output layout, as in cloak run: default (" + TemplateLayout.DEFAULT + "), mirror"
                    + " (study/series/instance UIDs), or a template (docs/layout.md)")
    String layout;

    @Option(names = "--max-associations", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_ASSOCIATIONS,
            description = "associations served at once; more are rejected as busy (default: ${DEFAULT-VALUE})")
    int maxAssociations;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
            description
                    = "on SIGTERM, how long associations in progress may take to finish (default: ${DEFAULT-VALUE})")
    int graceSeconds;

    /** Counted down to stop: by the shutdown hook, or by a test. */
    final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Counted down once the service stopped and the books are written. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(err);
        } finally {
            err.flush();
        }
    }

    private int execute(PrintWriter err) {
        ListenSpec listenSpec;
        try {
            listenSpec = new ListenSpec(options(), recipeOptions.recipe(), recipeDigest(), key.vaultDir(),
                    key.keySource(env), audits, auditPassword != null ? auditPassword
                    : env.get(RunCommand.AUDIT_PASSWORD_ENV));
        } catch (RunCommand.UsageException | IllegalArgumentException | VaultException | IOException e) {
            err.println("cloak listen: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        try {
            ListenRunner runner = ListenRunner.start(listenSpec, Clock.systemDefaultZone());
            ListenRunner.Ended ended = serveUntilStopped(runner, err);
            if (ended.auditProblem() != null) {
                err.println("cloak listen: " + ended.auditProblem());
            }
            return ended.clean() ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (PipelineException e) {
            err.println("cloak listen: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            stopped.countDown(); // the shutdown hook lets the JVM exit only now: reports and vault are written
        }
    }

    /** Serves until SIGTERM (or a test) asks to stop, then stops gracefully; true when nothing was cut short. */
    private ListenRunner.Ended serveUntilStopped(ListenRunner runner, PrintWriter err) {
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped); // the JVM exits only once the service has stopped and the books are written
        }, "cloak-listen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("listening on " + runner.port() + " as " + aet);
        stdout.flush();
        awaitQuietly(stopRequested);
        ListenRunner.Ended ended = runner.stop(Duration.ofSeconds(Math.max(0, graceSeconds)));
        boolean clean = ended.stoppedCleanly();
        DeidStoreHandler.Counts c = ended.counts();
        err.println("cloak listen: stopped" + (clean ? "" : " (associations still running were aborted,"
                + " or the vault could not be written)") + ": " + c.written() + " written, " + c.quarantined()
                + " quarantined, " + c.failed() + " failed");
        err.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns once the books are written
        }
        return ended;
    }

    private ListenOptions options() throws RunCommand.UsageException, IOException {
        ServerOptions server = ServerOptions.of(aet, port).withMaxAssociations(maxAssociations)
                .withAllowedCallingAeTitles(allowedCalling == null ? Set.of() : Set.copyOf(allowedCalling))
                .withAllowedAddresses(addresses());
        TlsOptions tlsOptions = tls();
        if (tlsOptions != null) {
            tlsOptions.context(); // an unreadable key store or a wrong password is a usage error now
            server = server.withTls(tlsOptions);
        }
        ListenOptions options = ListenOptions.of(server, out);
        if (threads != null) {
            if (threads < 1) {
                throw new RunCommand.UsageException("--threads must be at least 1");
            }
            options = options.withThreads(threads);
        }
        if (forward != null) {
            options = options.withForward(AeAddress.parse(forward));
        }
        try {
            return options.withLayout(LayoutSpec.parse(layout)); // a bad template fails before the port is bound
        } catch (IllegalArgumentException e) {
            throw new RunCommand.UsageException(e.getMessage());
        }
    }

    private Set<InetAddress> addresses() throws RunCommand.UsageException {
        Set<InetAddress> set = new LinkedHashSet<>();
        if (allowedAddresses != null) {
            for (String a : allowedAddresses) {
                try {
                    set.add(InetAddress.getByName(a));
                } catch (UnknownHostException e) {
                    throw new RunCommand.UsageException("--allowed-address: unknown host " + a);
                }
            }
        }
        return set;
    }

    /** The TLS settings, or null when no key store is given. */
    private TlsOptions tls() throws RunCommand.UsageException {
        if (tlsKeyStore == null) {
            if (tlsKeyStorePasswordFile != null || tlsTrustStore != null || tlsTrustStorePasswordFile != null
                    || tlsNeedClientAuth) {
                throw new RunCommand.UsageException("the --tls-* options need --tls-key-store");
            }
            return null;
        }
        if (tlsTrustStorePasswordFile != null && tlsTrustStore == null) {
            throw new RunCommand.UsageException("--tls-trust-store-password-file needs --tls-trust-store");
        }
        return TlsOptions.server(tlsKeyStore, password(tlsKeyStorePasswordFile, "--tls-key-store-password-file"),
                tlsTrustStore, password(tlsTrustStorePasswordFile, "--tls-trust-store-password-file"),
                        tlsNeedClientAuth);
    }

    /** The first line of a password file; an empty password when no file is given. */
    private static char[] password(Path file, String option) throws RunCommand.UsageException {
        if (file == null) {
            return new char[0];
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw new RunCommand.UsageException(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    private String recipeDigest() throws IOException {
        if (recipeOptions.recipeFile != null) {
            return Digests.recipe(recipeOptions.recipeFile);
        }
        List<String> flags = new ArrayList<>();
        flags.add("profile=" + recipeOptions.profile);
        if (recipeOptions.options != null) {
            recipeOptions.options.forEach(o -> flags.add("option=" + o));
        }
        flags.add("allow-burned-in=" + recipeOptions.allowBurnedIn);
        return Digests.flags(flags);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
