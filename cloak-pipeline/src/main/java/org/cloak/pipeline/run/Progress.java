package org.cloak.pipeline.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts results as workers report them (thread-safe), for a progress display while the run
 * goes and a {@link RunSummary} at the end.
 */
public final class Progress {
    private final long startNanos = System.nanoTime();
    private final LongAdder seen = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder studiesDone = new LongAdder();
    private volatile long studies;
    private volatile long total;
    private volatile long identifyingNames;
    private final ConcurrentLinkedQueue<RunSummary.Problem> refused = new ConcurrentLinkedQueue<>();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final ConcurrentLinkedQueue<Path> skipped = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunSummary.Problem> quarantined = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RunSummary.Problem> failed = new ConcurrentLinkedQueue<>();

    /** Counts one result. */
    public void record(FileResult r) {
        seen.increment();
        bytesIn.add(r.bytesIn());
        Path input = r.item().file();
        if (r instanceof FileResult.Written w) {
            written.increment();
            bytesOut.add(w.bytesOut());
        } else if (r instanceof FileResult.Skipped) {
            skipped.add(input);
        } else if (r instanceof FileResult.Quarantined q) {
            quarantined.add(new RunSummary.Problem(input, q.reason()));
        } else if (r instanceof FileResult.Failed f) {
            failed.add(new RunSummary.Problem(input, f.reason()));
        }
    }

    /** Counts a file kept from an earlier run of a finished study. */
    public void reused(long bytes) {
        seen.increment();
        reused.increment();
        bytesIn.add(bytes);
    }

    /** Lists an input (e.g. a zip entry) that was refused before processing. */
    public void refused(Path input, String reason) {
        refused.add(new RunSummary.Problem(input, reason));
    }

    /** Records how many inputs have identifying names that the layout copies into the output. */
    public void identifyingNames(long n) { identifyingNames = n; }

    /** Sets the totals known after discovery. */
    public void planned(long files, long studyCount) {
        total = files;
        studies = studyCount;
    }

    public void studyDone() { studiesDone.increment(); }

    public long total() { return total; }

    public long studies() { return studies; }

    public long studiesDone() { return studiesDone.sum(); }

    public long problems() { return quarantined.size() + failed.size(); }

    public long seen() { return seen.sum(); }

    public long written() { return written.sum(); }

    public long bytesIn() { return bytesIn.sum(); }

    public double seconds() { return (System.nanoTime() - startNanos) / 1e9; }

    /** The summary so far, lists sorted by input path. */
    public RunSummary summary() {
        return new RunSummary(seen.sum(), written.sum(), reused.sum(), studies, sorted(skipped,
                Comparator.naturalOrder()),
                sorted(refused, Comparator.comparing(RunSummary.Problem::input)),
                sorted(quarantined, Comparator.comparing(RunSummary.Problem::input)),
                sorted(failed, Comparator.comparing(RunSummary.Problem::input)),
                bytesIn.sum(), bytesOut.sum(), seconds(), identifyingNames);
    }

    private static <T> List<T> sorted(ConcurrentLinkedQueue<T> q, Comparator<? super T> order) {
        List<T> list = new ArrayList<>(q);
        list.sort(order);
        return List.copyOf(list);
    }
}
