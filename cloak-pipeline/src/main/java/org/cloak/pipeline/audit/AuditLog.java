package org.cloak.pipeline.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.io.Version;

/**
 * Collects the audit records of a run from any number of worker threads. Records go to an
 * encrypted spool file, and only per-run and per-study counts stay in memory, so a run over
 * millions of files does not grow the heap. Unless the run records original values, the old and
 * new values of every change are dropped on the way in. Close it to delete the spool.
 *
 * <pre>{@code
 * try (AuditLog log = new AuditLog(stateDir, false)) {
 *     // workers: log.add(FileRecord.written(item.relative(), outDir.relativize(target), newStudyUid, result));
 *     AuditSummary s = log.summary(started, Instant.now(), Digests.recipe(recipeFile));
 *     AuditReports.write(List.of(Path.of("report.xlsx")), log, s, null);
 * }
 * }</pre>
 */
public final class AuditLog implements AutoCloseable {
    private final boolean originalValues;
    private final RecordSpool spool;
    private final Map<String, long[]> studies = new HashMap<>();
    private final long[] outcomes = new long[FileOutcome.values().length];
    private long removed;
    private long modified;
    private long added;
    private long changeBudget;
    private long changesLeftOut;

    /** Receives records when a report is written. */
    @FunctionalInterface
    public interface RecordConsumer {
        void accept(FileRecord r) throws IOException;
    }

    /**
     * @param spoolDir where the encrypted spool file goes (e.g. the output's state folder); it
     *     is deleted on {@link #close()}
     * @param originalValues whether old and new values are kept (they then go only to an
     *     encrypted workbook; see {@link AuditReports#check})
     */
    public AuditLog(Path spoolDir, boolean originalValues) throws IOException {
        this(spoolDir, originalValues, ExcelAuditWriter.MAX_CHANGE_ROWS);
    }

    AuditLog(Path spoolDir, boolean originalValues, long changeBudget) throws IOException {
        this.originalValues = originalValues;
        this.spool = new RecordSpool(spoolDir);
        this.changeBudget = changeBudget;
    }

    public boolean originalValues() { return originalValues; }

    /** Adds one file's record. Thread-safe. */
    public void add(FileRecord r) {
        FileRecord kept = originalValues ? r : r.withoutValues();
        synchronized (this) {
            if (kept.changes().size() > changeBudget) {
                // the workbook could not show them: keep the spool proportional to the file count
                changesLeftOut += kept.changes().size();
                kept = kept.withoutChanges();
            } else {
                changeBudget -= kept.changes().size();
            }
            try {
                spool.append(kept);
            } catch (IOException e) {
                throw new UncheckedIOException("could not append to the audit spool: " + e.getMessage(), e);
            }
            outcomes[r.outcome().ordinal()]++;
            if (r.outcome() == FileOutcome.WRITTEN) {
                removed += r.removed();
                modified += r.modified();
                added += r.added();
            }
            if (r.outcome() != FileOutcome.SKIPPED) {
                long[] c = studies.computeIfAbsent(r.study() == null ? "" : r.study(), k -> new long[4]);
                switch (r.outcome()) {
                    case WRITTEN -> c[0]++;
                    case REUSED -> c[1]++;
                    case QUARANTINED -> c[2]++;
                    default -> c[3]++;
                }
            }
        }
    }

    /** The run's summary from the records added so far. */
    public synchronized AuditSummary summary(Instant started, Instant finished, String recipeDigest) {
        long total = 0;
        for (long n : outcomes) {
            total += n;
        }
        return new AuditSummary(total, count(FileOutcome.WRITTEN), count(FileOutcome.REUSED),
                count(FileOutcome.QUARANTINED), count(FileOutcome.SKIPPED), count(FileOutcome.FAILED), studies.size(),
                removed, modified, added, started, Duration.between(started, finished), recipeDigest,
                Version.VERSION, originalValues);
    }

    /** Per-study counts, sorted by study UID (the unknown study, empty, first). */
    public synchronized List<StudyCounts> studies() {
        List<StudyCounts> out = new ArrayList<>();
        studies.forEach((s, c) -> out.add(new StudyCounts(s, c[0], c[1], c[2], c[3])));
        out.sort((a, b) -> a.study().compareTo(b.study()));
        return out;
    }

    /**
     * Attribute changes not kept because more than {@link ExcelAuditWriter#MAX_CHANGE_ROWS} were
     * logged (their files' counts are kept).
     */
    public synchronized long changesLeftOut() { return changesLeftOut; }

    /** Passes every record added so far, in the order added, to {@code consumer}. */
    public synchronized void forEachRecord(RecordConsumer consumer) throws IOException {
        spool.forEach(consumer);
    }

    /** Deletes the spool. */
    @Override
    public synchronized void close() throws IOException {
        spool.close();
    }

    RecordSpool spool() { return spool; }

    private long count(FileOutcome o) { return outcomes[o.ordinal()]; }
}
