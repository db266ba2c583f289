package org.cloak.server.job;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cloak.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued jobs on a bounded pool of workers. Jobs are in the database: at start, jobs a
 * killed process left running go back to the queue and run again (their handlers skip what was
 * finished). A job ends done, failed (with the kind of error) or cancelled.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final Metrics metrics;
    private final Map<Job.Kind, JobHandler> handlers = new EnumMap<>(Job.Kind.class);
    private final Semaphore slots;
    private final ExecutorService workers;
    private final Thread dispatcher;
    private final Object wake = new Object();
    private volatile boolean running = true;

    public JobRunner(JobStore store, Metrics metrics, int workers) {
        this.store = store;
        this.metrics = metrics;
        this.slots = new Semaphore(workers);
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "cloak-job");
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatch, "cloak-job-dispatcher");
        this.dispatcher.setDaemon(true);
    }

    public void register(Job.Kind kind, JobHandler handler) {
        handlers.put(kind, handler);
    }

    /** Requeues interrupted jobs and starts dispatching. */
    public void start() {
        int resumed = store.requeueRunning();
        if (resumed > 0) {
            LOG.info("resuming {} interrupted job(s)", resumed);
        }
        dispatcher.start();
    }

    /** Tells the dispatcher a job was queued. */
    public void poke() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                slots.acquire();
                var next = store.claimNext();
                if (next.isEmpty()) {
                    slots.release();
                    synchronized (wake) {
                        wake.wait(500);
                    }
                    continue;
                }
                Job job = next.get();
                workers.execute(() -> {
                    try {
                        run(job);
                    } finally {
                        slots.release();
                        poke();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                slots.release();
                LOG.error("job dispatch failed: {}", e.getClass().getName());
                sleep();
            }
        }
    }

    private void run(Job job) {
        JobHandler h = handlers.get(job.kind());
        JobContext ctx = new JobContext(job, store, () -> !running);
        try {
            if (h == null) {
                throw new IllegalStateException("no handler for jobs of kind " + job.kind().wire());
            }
            h.run(ctx);
            if (!running) {
                return; // stopping: stays running in the database and resumes at the next start
            }
            Job.State end = ctx.cancelled() ? Job.State.CANCELLED : Job.State.DONE;
            store.finish(job.id(), end, null);
            metrics.inc("cloak_jobs_total{state=\"" + end.wire() + "\"}");
        } catch (Exception e) {
            if (!running) {
                return;
            }
            // our exceptions name no value; keep the kind and message
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warn("job {} failed: {}", job.id(), e.getClass().getName());
            store.log(job.id(), "ERROR", error);
            store.finish(job.id(), Job.State.FAILED, error);
            metrics.inc("cloak_jobs_total{state=\"failed\"}");
            metrics.inc("cloak_errors_total{kind=\"job\"}");
        }
    }

    /** Whether the runner is still accepting work (handlers stop early when not). */
    public boolean running() {
        return running;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
