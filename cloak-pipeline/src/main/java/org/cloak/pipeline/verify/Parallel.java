package org.cloak.pipeline.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** A fixed pool of worker threads running one task per item; the first failure is rethrown. */
final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    Parallel(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cloak-verify");
            t.setDaemon(true);
            return t;
        });
    }

    <T> void forEach(List<T> items, Consumer<T> task) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.accept(item)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
