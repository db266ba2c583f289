package org.cloak.pipeline.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.net.dimse.Status;
import org.cloak.net.scp.StoreHandler;
import org.cloak.net.scp.StoreRequest;
import org.cloak.pipeline.layout.ReceivedNames;
import org.cloak.pipeline.run.FileProcessor;
import org.cloak.pipeline.run.FileResult;
import org.cloak.pipeline.source.ReceivedInstance;
import org.cloak.pipeline.vault.VaultException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * De-identifies each received instance on the way in: the data set is spooled to a Part 10
 * file as it arrives, then goes through the batch pipeline's {@link FileProcessor} (plan,
 * engine, atomic write through the layout, or quarantine) and, when forwarding, into the
 * {@link ForwardQueue}. The sender hears success (0000) only once the de-identified output, or
 * the quarantine copy, is on disk (and queued); A700 when the disk failed; A900 when the data
 * set is not the instance the request announced; C000 when it is not DICOM at all.
 *
 * <p>An instance goes by its {@link ReceivedNames} name (de-identified UIDs) in the audit and the
 * quarantine; its output is named by the listener's layout. De-identification runs on the association's
 * thread, at most {@code threads} at once (CPU), while any number of associations may be
 * receiving (network).
 */
public final class DeidStoreHandler implements StoreHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeidStoreHandler.class);

    private final Spool spool;
    private final FileProcessor processor;
    private final ReceivedNames names;
    private final ForwardQueue forward;
    private final NodeLedger ledger;
    private final Semaphore cpu;
    private final Object[] locks = new Object[64];
    private final LongAdder written = new LongAdder();
    private final LongAdder quarantined = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * @param forward queue of the destination, or null when not forwarding
     * @param ledger vault and audit of the instances
     * @param threads de-identifications running at once
     */
    DeidStoreHandler(Spool spool, FileProcessor processor, UidMapper uids, ForwardQueue forward, NodeLedger ledger,
                     int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.spool = spool;
        this.processor = processor;
        this.names = new ReceivedNames(uids);
        this.forward = forward;
        this.ledger = ledger;
        this.cpu = new Semaphore(threads);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Instances written, quarantined and failed since the start. */
    public record Counts(long written, long quarantined, long failed) {}

    public Counts counts() {
        return new Counts(written.sum(), quarantined.sum(), failed.sum());
    }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws IOException {
        Spool.Received received = spool.receive(request, dataSet);
        if (!received.ok()) {
            failed.increment();
            ledger.failed(names.instance(request.sopInstanceUid()), "could not spool the instance");
            return Status.OUT_OF_RESOURCES.withComment("could not spool the instance");
        }
        Path file = received.file();
        String sender = request.association().callingAeTitle();
        try {
            // one parse serves the check of the request, the output's name and the engine
            FileProcessor.Read read = processor.read(
                    new ReceivedInstance(file, names.of(request.sopInstanceUid(), null), sender));
            DataSet header = read instanceof FileProcessor.Read.Parsed p ? p.file().dataset() : null;
            if (header != null && !request.sopInstanceUid().equals(header.getString(Tag.SOPInstanceUID))) {
                failed.increment();
                ledger.failed(names.instance(request.sopInstanceUid()),
                        "SOP Instance UID differs from the request");
                return Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.withComment(
                        "SOP Instance UID differs from the request");
            }
            ReceivedInstance instance = new ReceivedInstance(file, names.of(request.sopInstanceUid(), header), sender);
            if (!(read instanceof FileProcessor.Read.Parsed parsed)) {
                return finish(((FileProcessor.Read.Ended) read).result(), instance.relative());
            }
            // one instance at a time per name: a resend is the same input, never two racing
            Object lock = locks[Math.floorMod(instance.relative().hashCode(), locks.length)];
            synchronized (lock) {
                return finish(process(instance, parsed), instance.relative());
            }
        } finally {
            Spool.delete(file);
        }
    }

    private FileResult process(ReceivedInstance instance, FileProcessor.Read.Parsed parsed) throws IOException {
        try {
            cpu.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to de-identify", e);
        }
        try {
            return processor.process(instance, parsed.file(), parsed.size());
        } catch (RuntimeException | StackOverflowError e) {
            return processor.crashed(instance, e);
        } finally {
            cpu.release();
        }
    }

    private Status finish(FileResult result, Path relative) {
        try {
            ledger.checkpoint();
        } catch (VaultException e) {
            failed.increment();
            ledger.failed(relative, "could not write the vault");
            LOG.error("could not write the vault: {}", e.getClass().getSimpleName());
            return Status.OUT_OF_RESOURCES.withComment("could not write the vault");
        }
        if (result instanceof FileResult.Written w) {
            if (forward != null) {
                try {
                    forward.enqueue(w.target());
                } catch (IOException e) {
                    failed.increment();
                    ledger.failed(relative, "could not queue the instance for forwarding");
                    LOG.warn("could not queue an output for forwarding: {}", e.getClass().getSimpleName());
                    return Status.OUT_OF_RESOURCES.withComment("could not queue the instance for forwarding");
                }
            }
            written.increment();
            ledger.written(w, relative);
            return Status.SUCCESS;
        }
        if (result instanceof FileResult.Quarantined q) {
            // kept for a person to look at: the sender need not send it again
            quarantined.increment();
            ledger.quarantined(q, relative);
            LOG.info("M-QUARANTINE received instance quarantined as {}", q.name());
            return Status.SUCCESS;
        }
        failed.increment();
        ledger.failed(relative, result instanceof FileResult.Failed f ? f.reason() : "not a DICOM data set");
        return result instanceof FileResult.Skipped ? Status.CANNOT_UNDERSTAND.withComment("not a DICOM data set")
                : Status.OUT_OF_RESOURCES.withComment("could not store the instance");
    }
}
