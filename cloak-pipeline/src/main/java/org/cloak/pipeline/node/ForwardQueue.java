package org.cloak.pipeline.node;

import org.cloak.pipeline.folder.OutputFolder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.cloak.net.AeAddress;
import org.cloak.net.scu.ScuOptions;
import org.cloak.net.scu.StoreResult;
import org.cloak.net.scu.StoreScu;
import org.cloak.pipeline.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards de-identified instances to a destination node, through a queue on disk so that an
 * unreachable destination fills the queue instead of losing anything.
 *
 * <p>Each output is entered in {@code OUT/.cloak/forward/pending} by a hard link (a copy where
 * links are impossible) under a name that orders entries by arrival. One sender thread sends the
 * oldest entries with C-STORE, up to {@value #BATCH} per round, and deletes an entry only after
 * the destination answered success or a warning. While nothing gets through it waits, doubling
 * the wait from one second up to the cap. The queue's state is the folder: a new queue on the
 * same folder (after a restart) sends what is left.
 *
 * <p>Delivery: at least once. A crash between the destination's success and the delete sends
 * that instance again at the next start; the destination receives the same SOP Instance UID
 * twice (storage SCPs replace or ignore duplicates). An entry the destination refuses for good
 * (a failure status other than A7xx out of resources, or a file that is not DICOM) is moved to
 * {@code OUT/.cloak/forward/refused} with a reason file, never deleted; moving it back to
 * {@code pending} retries it.
 */
public final class ForwardQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardQueue.class);
    /** Location relative to the output folder. */
    static final int BATCH = 500;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private final Path pending;
    private final Path refused;
    private final AeAddress destination;
    private final StoreScu scu;
    private final Duration maxWait;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean work = true; // entries left by an earlier process are looked for at start
    private boolean stopping;
    private Thread sender;

    /**
     * A queue in {@code OUT/.cloak/forward}.
     *
     * @param maxWait longest wait between two attempts while the destination is down
     */
    public ForwardQueue(Path outputDir, AeAddress destination, ScuOptions scu, Duration maxWait) throws IOException {
        Path dir = OutputFolder.of(outputDir.toAbsolutePath().normalize()).forward();
        this.pending = Files.createDirectories(dir.resolve("pending"));
        this.refused = Files.createDirectories(dir.resolve("refused"));
        this.destination = destination;
        this.scu = new StoreScu(scu);
        this.maxWait = maxWait;
    }

    public Path pendingDir() { return pending; }

    public Path refusedDir() { return refused; }

    public AeAddress destination() { return destination; }

    /** Instances the destination accepted since this queue started. */
    public long sent() { return sent.get(); }

    /** Starts the sender thread. */
    public synchronized void start() {
        if (sender != null) {
            throw new IllegalStateException("the queue was already started");
        }
        sender = new Thread(this::sendLoop, "cloak-forward");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Enters a file in the queue; when this returns the entry is on disk.
     *
     * @throws IOException when neither a link nor a copy could be made
     */
    public void enqueue(Path file) throws IOException {
        String name = String.format("%013d-%09d-%s", System.currentTimeMillis(),
                sequence.incrementAndGet() % 1_000_000_000,
                file.getFileName());
        Path entry = pending.resolve(name);
        try {
            Files.createLink(entry, file);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            AtomicFiles.copy(file, entry);
        }
        signal();
    }

    /** Entries waiting, counted on disk. */
    public int pendingCount() throws IOException {
        return entries(Integer.MAX_VALUE).size();
    }

    /** Waits until no entry is pending (for tests and shutdown reports); false on timeout. */
    public boolean awaitEmpty(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingCount() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Stops the sender: a round in progress may go on for up to {@code grace}. Entries not sent
     * stay in the folder for the next start.
     */
    public void stop(Duration grace) {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Thread t;
        synchronized (this) {
            t = sender;
        }
        if (t != null) {
            try {
                t.join(Math.max(1, grace.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("the forward sender is still sending after {} ms; its entries stay queued", grace.toMillis());
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private void signal() {
        lock.lock();
        try {
            work = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sendLoop() {
        Duration wait = FIRST_WAIT;
        while (awaitWork()) {
            List<Path> batch;
            try {
                batch = entries(BATCH);
            } catch (IOException e) {
                LOG.error("could not list the forward queue: {}", e.toString());
                batch = List.of();
            }
            if (batch.isEmpty()) {
                continue;
            }
            int done = sendRound(batch);
            if (done > 0) {
                wait = FIRST_WAIT;
                signal(); // there may be more
            } else {
                LOG.info("{} unreachable or refusing ({} entries waiting); next attempt in {} s", destination,
                        batch.size(), wait.toSeconds());
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
                signal();
            }
        }
    }

    /** Waits for new entries; false when stopping. */
    private boolean awaitWork() {
        lock.lock();
        try {
            while (!work && !stopping) {
                changed.awaitUninterruptibly();
            }
            work = false;
            return !stopping;
        } finally {
            lock.unlock();
        }
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (nanos > 0 && !stopping) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Sends one batch; returns how many entries left the queue (sent or refused). */
    private int sendRound(List<Path> batch) {
        int done = 0;
        List<StoreResult> results;
        try {
            results = scu.send(destination, batch, r -> { });
        } catch (RuntimeException e) {
            LOG.warn("forwarding round failed: {}", e.getClass().getName());
            return 0;
        }
        for (StoreResult r : results) {
            try {
                if (r.ok()) {
                    Files.deleteIfExists(r.file());
                    sent.incrementAndGet();
                    done++;
                } else if (refusedForGood(r)) {
                    refuse(r);
                    done++;
                }
            } catch (IOException e) {
                LOG.error("could not update the forward queue: {}", e.toString());
            }
        }
        return done;
    }

    /** A failure status that retrying will not change, or a file that is not DICOM. */
    private static boolean refusedForGood(StoreResult r) {
        if (r.outcome() == StoreResult.Outcome.SKIPPED) {
            return true;
        }
        return r.status() != null && r.status().isFailure() && (r.status().code() >> 8) != 0xA7;
    }

    private void refuse(StoreResult r) throws IOException {
        Path target = refused.resolve(r.file().getFileName());
        Files.move(r.file(), target, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.writeString(refused.resolve(r.file().getFileName() + ".reason.txt"),
                "destination: " + destination + "\nreason: " + r.reason() + "\n");
        LOG.warn("{} refused an instance for good; it is kept in {}", destination, refused);
    }

    /** The oldest entries, at most {@code limit}; temporary files (dot names) are left out. */
    private List<Path> entries(int limit) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(pending)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".")) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        List<Path> out = new ArrayList<>(Math.min(limit, names.size()));
        for (int i = 0; i < names.size() && i < limit; i++) {
            out.add(pending.resolve(names.get(i)));
        }
        return out;
    }
}
