package org.cloak.net.assoc;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timers for blocking socket operations. A timer that expires runs its action (closing the
 * socket), which unblocks a read or a write that no socket option can bound. One daemon
 * thread serves every association of its owner.
 */
public final class Watchdog implements AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    /** @param threadName name of the timer thread, for thread dumps */
    public Watchdog(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Starts a timer that runs {@code onExpiry} after {@code delay} unless stopped first. */
    public Timer start(Duration delay, Runnable onExpiry) {
        Timer timer = new Timer(onExpiry);
        timer.future = executor.schedule(timer::expire, delay.toNanos(), TimeUnit.NANOSECONDS);
        return timer;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One running timer. */
    public static final class Timer {
        private static final int ARMED = 0;
        private static final int EXPIRED = 1;
        private static final int STOPPED = 2;

        private final AtomicInteger state = new AtomicInteger(ARMED);
        private final Runnable onExpiry;
        private volatile ScheduledFuture<?> future;

        private Timer(Runnable onExpiry) {
            this.onExpiry = onExpiry;
        }

        private void expire() {
            if (state.compareAndSet(ARMED, EXPIRED)) {
                onExpiry.run();
            }
        }

        /** Stops the timer; false when it had already expired (its action ran). */
        public boolean stop() {
            if (state.compareAndSet(ARMED, STOPPED)) {
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                return true;
            }
            return state.get() == STOPPED;
        }

        public boolean expired() { return state.get() == EXPIRED; }
    }
}
