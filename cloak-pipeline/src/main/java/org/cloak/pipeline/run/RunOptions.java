package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.layout.LayoutSpec;

/**
 * How a batch run writes.
 *
 * @param outputDir where de-identified files go
 * @param threads worker threads, at least 1
 * @param quarantineDir where files that were not written go, with their reasons
 * @param layout how outputs are named
 * @param restart ignore (and truncate) the resume journal
 * @param strictNames refuse the run when the layout would copy identifying folder or file names
 */
public record RunOptions(Path outputDir, int threads, Path quarantineDir, LayoutSpec layout, boolean restart,
                         boolean strictNames) {

    public RunOptions {
        outputDir = outputDir.toAbsolutePath().normalize();
        quarantineDir = quarantineDir.toAbsolutePath().normalize();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** Mirror layout, resuming. */
    public RunOptions(Path outputDir, int threads, Path quarantineDir) {
        this(outputDir, threads, quarantineDir, new LayoutSpec.Mirror(), false, false);
    }

    /** One worker per processor, quarantine in {@code OUT.originals/quarantine}, mirror layout. */
    public static RunOptions defaults(Path outputDir) {
        return new RunOptions(outputDir, Runtime.getRuntime().availableProcessors(),
                OutputFolder.of(outputDir).defaultQuarantine());
    }

    public RunOptions withThreads(int n) {
        return new RunOptions(outputDir, n, quarantineDir, layout, restart, strictNames);
    }

    public RunOptions withQuarantine(Path dir) {
        return new RunOptions(outputDir, threads, dir, layout, restart, strictNames);
    }

    public RunOptions withLayout(LayoutSpec l) {
        return new RunOptions(outputDir, threads, quarantineDir, l, restart, strictNames);
    }

    public RunOptions withRestart(boolean r) {
        return new RunOptions(outputDir, threads, quarantineDir, layout, r, strictNames);
    }

    public RunOptions withStrictNames(boolean s) {
        return new RunOptions(outputDir, threads, quarantineDir, layout, restart, s);
    }

    /** The output's state folder ({@code OUT/.cloak}): journal, temporary archive entries, default quarantine. */
    public Path stateDir() { return folder().state(); }

    /** The output folder and its state paths. */
    public OutputFolder folder() { return OutputFolder.of(outputDir); }

    /** Where archive entries are extracted while they are processed. */
    public Path tmpDir() { return folder().tmp(); }
}
