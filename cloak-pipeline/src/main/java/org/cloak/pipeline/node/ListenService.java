package org.cloak.pipeline.node;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.net.scp.DicomServer;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.run.FileProcessor;
import org.cloak.pipeline.run.RunHooks;
import org.cloak.pipeline.run.TargetClaims;
import org.cloak.pipeline.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network node: a {@link DicomServer} whose instances are de-identified by a
 * {@link DeidStoreHandler} into the output folder, and optionally forwarded by a
 * {@link ForwardQueue}. {@link #stop} is the graceful shutdown: stop accepting, let the
 * associations in progress finish (their instances are written and acknowledged), then stop the
 * forward sender; what it has not sent stays queued on disk.
 *
 * <p>Pseudonyms are planned without a discovery pass (instances arrive one by one): strategies
 * that number patients or take a baseline date do so in arrival order, per process (see
 * {@link PseudonymPlanner}); every instance of a study gets the plan of its first instance.
 */
public final class ListenService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListenService.class);

    private final ListenOptions options;
    private final DeidStoreHandler handler;
    private final ForwardQueue forward;
    private final NodeLedger ledger;
    /** Output paths remembered for collision checks; older ones are checked on disk. */
    private static final int REMEMBERED_OUTPUTS = 65536;
    /** Enough of an output to read its SOP Instance UID. */
    private static final ReadOptions OWNER = ReadOptions.DEFAULT.withBulkThreshold(64).withSkipFrom(Tags.of(0x0009,
            0x0000));
    private final DicomServer server;
    private boolean stopped;

    private ListenService(ListenOptions options, DeidStoreHandler handler, ForwardQueue forward, NodeLedger ledger) {
        this.options = options;
        this.handler = handler;
        this.forward = forward;
        this.ledger = ledger;
        this.server = new DicomServer(options.server(), handler);
    }

    /** A node de-identifying with {@code recipe} and the project's secret; call {@link #start()}. */
    public static ListenService of(ListenOptions options, Recipe recipe, Secret secret, LocalDate processingDate)
            throws IOException {
        return of(options, recipe, secret, processingDate, RunHooks.NONE);
    }

    /**
     * A node that keeps its books as {@code cloak run} does: the planner's decisions go to
     * {@code hooks.vault()} before each instance is acknowledged, one record per received instance
     * to {@code hooks.audit()}, and {@code hooks.check()} may refuse originals. The caller owns
     * the vault and the audit log: it writes the reports and closes both after {@link #stop}.
     */
    public static ListenService of(ListenOptions options, Recipe recipe, Secret secret, LocalDate processingDate,
                                   RunHooks hooks) throws IOException {
        Deidentification.Preparation preparation = Recipes.prepare(recipe, secret, processingDate, false);
        if (preparation.needsDiscovery()) {
            LOG.warn("the pseudonym settings number patients or take baselines in arrival order: "
                    + "a restarted listener numbers again from the start (see docs/listen.md)");
        }
        return of(options, preparation.build(), hooks);
    }

    /** A node with its de-identification already built, and no vault or audit. */
    public static ListenService of(ListenOptions options, Deidentification deid) throws IOException {
        return of(options, deid, RunHooks.NONE);
    }

    /** A node with its de-identification already built. */
    public static ListenService of(ListenOptions options, Deidentification deid, RunHooks hooks) throws IOException {
        Spool spool = Spool.open(options.outputDir());
        PseudonymPlanner planner = deid.planner();
        StudyPlans plans = new StudyPlans(planner);
        FileProcessor.InputCheck check = hooks.check() != null ? hooks.check() : ds -> null;
        // names are one-to-one with instances (a resend is the same input): nothing to claim,
        // and a map of every output ever written would grow for as long as the node runs
        OutputLayout layout = options.layout().in(options.outputDir());
        // mirror names are one-to-one with instances (a resend is the same input): nothing to
        // claim; other layouts may name two instances alike, which is refused, not overwritten
        TargetClaims claims = layout.pathOnly() ? TargetClaims.none()
                : TargetClaims.recent(REMEMBERED_OUTPUTS, ListenService::instanceOf);
        FileProcessor processor = new FileProcessor(deid.withPlans(plans), layout, Quarantine.in(options.outputDir()),
                item -> null, claims, check).claimingBy(FileProcessor.ClaimKey.NEW_INSTANCE_UID);
        ForwardQueue forward = options.forward() == null ? null
                : new ForwardQueue(options.outputDir(), options.forward(), options.forwardScu(), options.forwardWait());
        NodeLedger ledger = new NodeLedger(options.outputDir(), hooks.vault(), hooks.audit(), planner, plans);
        DeidStoreHandler handler = new DeidStoreHandler(spool, processor, deid.engine().config().uids(), forward,
                ledger,
                options.threads());
        return new ListenService(options, handler, forward, ledger);
    }

    /** The SOP Instance UID of an output already on disk, or null when it cannot be read. */
    private static String instanceOf(Path output) {
        try {
            return DicomReader.read(output, OWNER).dataset().getString(Tag.SOPInstanceUID);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Starts the forward sender (which picks up entries left by an earlier run) and binds the port. */
    public void start() throws IOException {
        if (forward != null) {
            forward.start();
        }
        server.start();
    }

    /** The port listened on (the one picked when the options said 0). */
    public int port() { return server.port(); }

    public ListenOptions options() { return options; }

    /** Instances written, quarantined and failed since the start. */
    public DeidStoreHandler.Counts counts() { return handler.counts(); }

    public Optional<ForwardQueue> forwardQueue() { return Optional.ofNullable(forward); }

    /**
     * Stops accepting, lets associations in progress finish for up to {@code grace} (then
     * aborts them: their unacknowledged instances will be sent again by their senders), and
     * stops the forward sender, and flushes the vault. Returns true when every association
     * finished by itself and the vault was written. Later calls do nothing and return true.
     */
    public synchronized boolean stop(Duration grace) {
        if (stopped) {
            return true;
        }
        stopped = true;
        boolean clean = server.stop(grace);
        if (forward != null) {
            forward.stop(grace);
        }
        try {
            ledger.close();
        } catch (VaultException e) {
            LOG.error("could not write the vault at stop: {}", e.getClass().getSimpleName());
            clean = false;
        }
        DeidStoreHandler.Counts c = handler.counts();
        LOG.info("listener stopped: {} written, {} quarantined, {} failed", c.written(), c.quarantined(), c.failed());
        return clean;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
