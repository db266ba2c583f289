package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output paths taken in a run, so that a layout sending two inputs to one file is reported
 * (the later one quarantined) instead of one overwriting the other. Thread-safe.
 */
public final class TargetClaims {
    private static final TargetClaims NONE = new TargetClaims(null);

    private final ConcurrentHashMap<Path, String> owners;

    public TargetClaims() {
        this(new ConcurrentHashMap<>());
    }

    private TargetClaims(ConcurrentHashMap<Path, String> owners) {
        this.owners = owners;
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
        String previous = owners.putIfAbsent(target, owner);
        return previous == null || previous.equals(owner);
    }
}
