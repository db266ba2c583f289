package org.cloak.pipeline.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The output paths taken in a run, so that a layout sending two inputs to one file is reported
 * (the later one quarantined) instead of one overwriting the other. Thread-safe.
 */
public final class TargetClaims {
    private static final TargetClaims NONE = new TargetClaims(null, null);

    private final Map<Path, String> owners;
    /** Reads the owner of an existing output file; null when outputs on disk are not consulted. */
    private final Function<Path, String> onDisk;

    public TargetClaims() {
        this(new ConcurrentHashMap<>(), null);
    }

    private TargetClaims(Map<Path, String> owners, Function<Path, String> onDisk) {
        this.owners = owners;
        this.onDisk = onDisk;
    }

    /**
     * Claims for a long-running process (the network node): the most recent {@code remembered}
     * claims are kept, and a path not among them that already holds a file is owned by what
     * {@code onDisk} reads from that file (null when it cannot tell), so a resent instance
     * replaces its own output while another instance named alike is refused, before and after
     * a restart.
     */
    public static TargetClaims recent(int remembered, Function<Path, String> onDisk) {
        Map<Path, String> lru = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, String> eldest) {
                return size() > remembered;
            }
        });
        return new TargetClaims(lru, onDisk);
    }

    /**
     * Claims that remember nothing and grant every claim: for a long-running process (the
     * network node) whose names are one-to-one with its inputs, where a map of every output
     * ever written would only grow.
     */
    public static TargetClaims none() {
        return NONE;
    }

    /** Claims {@code target} for {@code owner}; false when another owner holds it. */
    public boolean claim(Path target, String owner) {
        if (owners == null) {
            return true;
        }
        if (onDisk == null) {
            String previous = owners.putIfAbsent(target, owner);
            return previous == null || previous.equals(owner);
        }
        synchronized (owners) {
            String previous = owners.get(target);
            if (previous == null && Files.exists(target)) {
                previous = onDisk.apply(target);
            }
            if (previous != null && !previous.equals(owner)) {
                return false;
            }
            owners.put(target, owner);
            return true;
        }
    }
}
