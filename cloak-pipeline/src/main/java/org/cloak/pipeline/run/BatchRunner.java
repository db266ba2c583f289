package org.cloak.pipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a task over items on a fixed number of worker threads fed through a bounded queue, so a
 * source of any length (a folder walk now, a network receiver later) never piles up in memory.
 * The task should not throw; if it does, even with an {@link Error} such as a stack overflow on
 * a hostile file, {@code onError} turns the failure into a result, so every item gives exactly
 * one result.
 */
public final class BatchRunner {
    private static final int QUEUE_PER_WORKER = 4;
    private static final long OFFER_MILLIS = 200;

    private final int threads;

    /** @param threads number of workers, at least 1 */
    public BatchRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    public int threads() { return threads; }

    /**
     * Runs {@code task} on every item and hands each result to {@code onResult} (called from the
     * worker threads, so it must be thread-safe). Returns when every item is done.
     *
     * @throws InterruptedException when the calling thread is interrupted; workers stop after
     *     their current item
     * @throws IllegalStateException when {@code onError} or {@code onResult} itself failed
     */
    public <T, R> void run(Iterable<T> items, Function<T, R> task, BiFunction<T, Throwable, R> onError,
                           Consumer<R> onResult) throws InterruptedException {
        BlockingQueue<Optional<T>> queue = new ArrayBlockingQueue<>(threads * QUEUE_PER_WORKER);
        AtomicReference<Throwable> broken = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    work(queue, task, onError, onResult);
                } catch (RuntimeException | Error e) {
                    broken.compareAndSet(null, e);
                }
            }, "cloak-worker-" + (i + 1));
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        try {
            for (T item : items) {
                put(queue, Optional.of(item), broken);
            }
            for (int i = 0; i < threads; i++) {
                put(queue, Optional.empty(), broken);
            }
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException | IllegalStateException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        if (broken.get() != null) {
            throw new IllegalStateException("a worker failed", broken.get());
        }
    }

    private static <T> void put(BlockingQueue<Optional<T>> queue, Optional<T> item, AtomicReference<Throwable> broken)
            throws InterruptedException {
        while (!queue.offer(item, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
            if (broken.get() != null) {
                throw new IllegalStateException("a worker failed", broken.get());
            }
        }
    }

    private static <T, R> void work(BlockingQueue<Optional<T>> queue, Function<T, R> task,
                                    BiFunction<T, Throwable, R> onError, Consumer<R> onResult) {
        try {
            while (true) {
                Optional<T> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                T item = next.get();
                R result;
                try {
                    result = task.apply(item);
                } catch (RuntimeException | Error e) {
                    result = onError.apply(item, e);
                }
                onResult.accept(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
