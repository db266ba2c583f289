package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output paths taken in a run, so that a layout sending two inputs to one file is reported
 * (the later one quarantined) instead of one overwriting the other. Thread-safe.
 */
public final class TargetClaims {
    private final ConcurrentHashMap<Path, String> owners = new ConcurrentHashMap<>();

    /** Claims {@code target} for {@code owner}; false when another owner holds it. */
    public boolean claim(Path target, String owner) {
        String previous = owners.putIfAbsent(target, owner);
        return previous == null || previous.equals(owner);
    }
}
