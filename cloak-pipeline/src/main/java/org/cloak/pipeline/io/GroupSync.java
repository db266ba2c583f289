package org.cloak.pipeline.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for files written without their own fsync. Workers report each file renamed into
 * place ({@link #written}) and then commit units of work (a study) whose files are all written
 * ({@link #commit}); one background thread flushes with the {@link Syncer} and hands every unit
 * committed before the flush started to {@code onDurable}, so a unit is acknowledged only once
 * all its files are on disk. Units finishing while a flush runs share the next one. Independent
 * of commits, a flush also starts once {@code flushEveryBytes} have been written since the last,
 * so a large study reaches the disk while it is processed instead of all at its end.
 */
public final class GroupSync<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);

    private final Syncer syncer;
    private final Consumer<List<T>> onDurable;
    private final long flushEveryBytes;
    private final Thread thread;
    private List<T> pending = new ArrayList<>();
    private long unflushedBytes;
    private boolean closing;
    private Throwable failure;

    /**
     * @param onDurable called on the sync thread with the units a flush made durable, in commit order
     * @param flushEveryBytes bytes written that start a flush even without a commit
     */
    public GroupSync(Syncer syncer, Consumer<List<T>> onDurable, long flushEveryBytes) {
        this.syncer = syncer;
        this.onDurable = onDurable;
        this.flushEveryBytes = flushEveryBytes;
        this.thread = new Thread(this::loop, "cloak-sync");
        thread.setDaemon(true);
        thread.start();
    }

    /** Notes a file renamed into place (thread-safe). */
    public void written(Path file, long bytes) {
        syncer.written(file);
        synchronized (this) {
            unflushedBytes += bytes;
            if (unflushedBytes >= flushEveryBytes) {
                notifyAll();
            }
        }
    }

    /** Queues a unit whose files were all {@link #written}; it reaches {@code onDurable} after the next flush. */
    public synchronized void commit(T unit) throws IOException {
        rethrow();
        pending.add(unit);
        notifyAll();
    }

    /**
     * Flushes what is left, hands the last units on, and stops the thread.
     *
     * @throws IOException when a flush or {@code onDurable} failed; units after the failure were not handed on
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the last outputs were flushed to disk", e);
        }
        synchronized (this) {
            rethrow();
        }
    }

    private void loop() {
        while (true) {
            List<T> batch;
            synchronized (this) {
                while (!closing && pending.isEmpty() && unflushedBytes < flushEveryBytes) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closing && pending.isEmpty() && unflushedBytes == 0) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
                unflushedBytes = 0;
            }
            try {
                long t0 = System.nanoTime();
                syncer.sync();
                LOG.debug("M-FLUSH {} units durable after a {} ms flush", batch.size(),
                        (System.nanoTime() - t0) / 1_000_000);
                if (!batch.isEmpty()) {
                    onDurable.accept(batch);
                }
            } catch (IOException | RuntimeException | Error e) {
                synchronized (this) {
                    failure = e;
                    pending.clear();
                }
                return;
            }
        }
    }

    private void rethrow() throws IOException {
        if (failure instanceof IOException io) {
            throw new IOException("the outputs could not be made durable: " + io.getMessage(), io);
        }
        if (failure != null) {
            throw new IOException("the outputs could not be made durable: " + failure, failure);
        }
    }

    /** What flushes the files, for the run's log. */
    public String describe() { return syncer.describe(); }
}
