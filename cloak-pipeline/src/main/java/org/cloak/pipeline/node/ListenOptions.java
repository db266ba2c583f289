package org.cloak.pipeline.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.cloak.net.AeAddress;
import org.cloak.net.scp.ServerOptions;
import org.cloak.net.scu.ScuOptions;
import org.cloak.pipeline.layout.LayoutSpec;

/**
 * Configuration of a {@link ListenService}.
 *
 * @param server      the storage SCP: AE title, port, allowed callers, association limit
 * @param outputDir   where de-identified instances are written ({@code <study>/<series>/<instance>.dcm});
 *                    spool, quarantine and forward queue live in its state folder
 * @param threads     de-identifications running at once
 * @param forward     destination of the de-identified instances, or null
 * @param forwardScu  how the node calls the destination (its calling AE title is this node's)
 * @param forwardWait longest wait between two attempts while the destination is down
 * @param layout      how outputs are named, as by {@code cloak run} ({@code mirror} names them
 *                    {@code <study>/<series>/<instance>.dcm} in new UIDs)
 */
public record ListenOptions(ServerOptions server, Path outputDir, int threads, AeAddress forward, ScuOptions forwardScu,
                            Duration forwardWait, LayoutSpec layout) {
    /** Default cap of the forwarding back-off. */
    public static final Duration DEFAULT_FORWARD_WAIT = Duration.ofSeconds(30);

    public ListenOptions {
        Objects.requireNonNull(server, "server");
        outputDir = outputDir.toAbsolutePath().normalize();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        Objects.requireNonNull(forwardScu, "forwardScu");
        Objects.requireNonNull(forwardWait, "forwardWait");
        Objects.requireNonNull(layout, "layout");
    }

    /** One de-identification per processor, no forwarding. */
    public static ListenOptions of(ServerOptions server, Path outputDir) {
        return new ListenOptions(server, outputDir, Runtime.getRuntime().availableProcessors(), null,
                ScuOptions.of(server.aeTitle()), DEFAULT_FORWARD_WAIT, LayoutSpec.standard());
    }

    public ListenOptions withThreads(int n) {
        return new ListenOptions(server, outputDir, n, forward, forwardScu, forwardWait, layout);
    }

    /** Forwards to {@code destination}, calling it with this node's AE title. */
    public ListenOptions withForward(AeAddress destination) {
        return new ListenOptions(server, outputDir, threads, destination, forwardScu, forwardWait, layout);
    }

    public ListenOptions withForwardScu(ScuOptions scu) {
        return new ListenOptions(server, outputDir, threads, forward, scu, forwardWait, layout);
    }

    public ListenOptions withForwardWait(Duration wait) {
        return new ListenOptions(server, outputDir, threads, forward, forwardScu, wait, layout);
    }

    /** Names outputs with {@code spec}, as {@code cloak run --layout} does. */
    public ListenOptions withLayout(LayoutSpec spec) {
        return new ListenOptions(server, outputDir, threads, forward, forwardScu, forwardWait, spec);
    }
}
