package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.pipeline.quarantine.Quarantine;

/**
 * How a batch run writes.
 *
 * @param outputDir where de-identified files go (mirror layout)
 * @param threads worker threads, at least 1
 * @param quarantineDir where files that were not written go, with their reasons
 */
public record RunOptions(Path outputDir, int threads, Path quarantineDir) {

    public RunOptions {
        outputDir = outputDir.toAbsolutePath().normalize();
        quarantineDir = quarantineDir.toAbsolutePath().normalize();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** One worker per processor, quarantine in {@code OUT/.cloak/quarantine}. */
    public static RunOptions defaults(Path outputDir) {
        return new RunOptions(outputDir, Runtime.getRuntime().availableProcessors(),
                outputDir.resolve(Quarantine.DEFAULT_RELATIVE));
    }

    public RunOptions withThreads(int n) { return new RunOptions(outputDir, n, quarantineDir); }
}
