package org.cloak.server.auth;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limit of failed logins: after {@value #MAX_FAILURES} failures for one user name or one
 * address within {@value #WINDOW_MINUTES} minutes, further attempts are refused until the
 * window has passed, whether the password is right or not.
 */
public final class LoginLimiter {
    static final int MAX_FAILURES = 5;
    static final int WINDOW_MINUTES = 15;
    private static final int REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > REMEMBERED;
        }
    };

    public LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this user name from this address may be tried now. */
    public synchronized boolean allowed(String username, String address) {
        return recent("u:" + username) < MAX_FAILURES && recent("a:" + address) < MAX_FAILURES;
    }

    public synchronized void failed(String username, String address) {
        long now = clock.millis();
        failures.computeIfAbsent("u:" + username, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private int recent(String key) {
        Deque<Long> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        long cutoff = clock.millis() - WINDOW_MINUTES * 60_000L;
        while (!d.isEmpty() && d.peekFirst() < cutoff) {
            d.removeFirst();
        }
        return d.size();
    }
}
