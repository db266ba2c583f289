package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.net.AeAddress;
import org.cloak.net.scp.ServerOptions;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.node.DeidStoreHandler;
import org.cloak.pipeline.node.ListenOptions;
import org.cloak.pipeline.node.ListenService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cloak listen}: a DICOM storage node that de-identifies what it receives. The work is
 * done by cloak-pipeline's {@link ListenService}; this class turns flags into options and waits
 * for SIGTERM (or Ctrl-C), which stops it gracefully.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Receives DICOM over the network (C-STORE), de-identifies each instance into an output folder",
                "and optionally forwards it. Runs until SIGTERM; see docs/listen.md.",
                "Exit status: 0 stopped cleanly, 1 usage error or the port could not be opened."})
public final class ListenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "11112", description = "TCP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--aet", paramLabel = "AET", defaultValue = "CLOAK",
            description = "this node's AE title; callers must call it (default: ${DEFAULT-VALUE})")
    String aet;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Mixin
    RecipeOptions recipeOptions;

    @Option(names = "--vault", paramLabel = "DIR",
            description = "folder holding the project's secret key (default ~/.cloak/vault); created on first use")
    Path vault;

    @Option(names = "--forward", paramLabel = "AET@HOST:PORT",
            description = "send each de-identified instance on to this node (queued on disk, retried)")
    String forward;

    @Option(names = "--allowed-calling", arity = "1..*", paramLabel = "AET",
            description = "calling AE titles accepted (default: any)")
    List<String> allowedCalling;

    @Option(names = "--threads", paramLabel = "N", description = "de-identifications at once (default: one per processor)")
    Integer threads;

    @Option(names = "--max-associations", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_ASSOCIATIONS,
            description = "associations served at once; more are rejected as busy (default: ${DEFAULT-VALUE})")
    int maxAssociations;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
            description = "on SIGTERM, how long associations in progress may take to finish (default: ${DEFAULT-VALUE})")
    int graceSeconds;

    /** Counted down to stop: by the shutdown hook, or by a test. */
    final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ListenService service;
        try {
            service = service();
            service.start();
        } catch (RunCommand.UsageException | IllegalArgumentException | IOException | PseudonymException e) {
            err.println("cloak listen: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped); // the JVM exits only once the service has stopped
        }, "cloak-listen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stdout.println("listening on " + service.port() + " as " + aet);
        stdout.flush();
        awaitQuietly(stopRequested);
        boolean clean = service.stop(Duration.ofSeconds(Math.max(0, graceSeconds)));
        DeidStoreHandler.Counts c = service.counts();
        err.println("cloak listen: stopped" + (clean ? "" : " (associations still running were aborted)") + ": "
                + c.written() + " written, " + c.quarantined() + " quarantined, " + c.failed() + " failed");
        err.flush();
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the service stopped
        }
        return ExitCodes.OK;
    }

    private ListenService service() throws RunCommand.UsageException, IOException {
        Recipe recipe = recipeOptions.recipe();
        Path vaultDir = vault != null ? vault : SecretStore.defaultVault();
        // the secret must never travel with the de-identified data
        PathChecks.requireDisjoint("vault", vaultDir, "output folder", out);
        ServerOptions server = ServerOptions.of(aet, port).withMaxAssociations(maxAssociations)
                .withAllowedCallingAeTitles(allowedCalling == null ? Set.of() : Set.copyOf(allowedCalling));
        ListenOptions options = ListenOptions.of(server, out);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (forward != null) {
            options = options.withForward(AeAddress.parse(forward));
        }
        Secret secret = SecretStore.loadOrCreate(vaultDir);
        return ListenService.of(options, recipe, secret, LocalDate.now());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
