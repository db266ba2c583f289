package org.cloak.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cloak.pipeline.audit.FileOutcome;
import org.cloak.pipeline.audit.FileRecord;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.run.StudyIndex;
import org.cloak.spark.study.StudyResult;

/** Adds the studies' results up into {@code cloak run}'s summary, on the driver. */
final class Totals {
    private long seen;
    private long written;
    private long reused;
    private long studies;
    private long bytesIn;
    private long bytesOut;
    private final List<Path> skipped = new ArrayList<>();
    private final List<RunSummary.Problem> quarantined = new ArrayList<>();
    private final List<RunSummary.Problem> failed = new ArrayList<>();

    void add(StudyResult r) {
        if (!r.leaf().equals(StudyIndex.UNREADABLE)) {
            studies++;
        }
        for (FileRecord f : r.records()) {
            seen++;
            if (f.outcome() == FileOutcome.WRITTEN) {
                written++;
            } else if (f.outcome() == FileOutcome.REUSED) {
                reused++;
            }
        }
        bytesIn += r.bytesIn();
        bytesOut += r.bytesOut();
        for (StudyResult.Problem p : r.problems()) {
            switch (p.kind()) {
                case SKIPPED -> skipped.add(Path.of(display(p.input())));
                case QUARANTINED -> quarantined.add(new RunSummary.Problem(Path.of(display(p.input())), p.reason()));
                default -> failed.add(new RunSummary.Problem(Path.of(display(p.input())), p.reason()));
            }
        }
    }

    RunSummary summary(double seconds) {
        skipped.sort(Comparator.naturalOrder());
        quarantined.sort(Comparator.comparing(RunSummary.Problem::input));
        failed.sort(Comparator.comparing(RunSummary.Problem::input));
        return new RunSummary(seen, written, reused, studies, List.copyOf(skipped), List.of(),
                List.copyOf(quarantined), List.copyOf(failed), bytesIn, bytesOut, seconds, 0);
    }

    /** A local file by its path, as {@code cloak run} lists it; another store's by its URI. */
    private static String display(String uri) {
        return uri.startsWith("file:") ? new org.apache.hadoop.fs.Path(uri).toUri().getPath() : uri;
    }
}
