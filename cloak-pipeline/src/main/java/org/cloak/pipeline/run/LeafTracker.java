package org.cloak.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.dicom.dict.Tag;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.audit.FileRecord;

/**
 * Follows each leaf (study) through the processing pass: records every result in the audit and
 * journal, and when a leaf's last file is done, flushes the vault and then journals the leaf
 * finished, so a resumed run never skips a study whose map entries were not saved. Thread-safe.
 */
final class LeafTracker {
    private static final class Leaf {
        int left;
        long written;
        long reused;
        long quarantined;
        long failed;
    }

    private final Path out;
    private final StudyIndex index;
    private final Journal journal;
    private final RunHooks hooks;
    private final PseudonymPlanner planner;
    private final Progress progress;
    private final Map<String, Leaf> leaves = new HashMap<>();

    LeafTracker(Path out, StudyIndex index, Journal journal, RunHooks hooks, PseudonymPlanner planner,
                Progress progress) {
        this.out = out;
        this.index = index;
        this.journal = journal;
        this.hooks = hooks;
        this.planner = planner;
        this.progress = progress;
    }

    /** Declares a leaf with {@code toProcess} files still to do and {@code reused} kept. */
    synchronized void expect(String leaf, int toProcess, long reused) throws IOException {
        Leaf l = new Leaf();
        l.left = toProcess;
        l.reused = reused;
        leaves.put(leaf, l);
        if (toProcess == 0) {
            finish(leaf, l);
        }
    }

    /** Records one result (called by the workers). */
    void record(FileResult r) {
        progress.record(r);
        String leaf = index.leafOf(r.item());
        Path rel = r.item().relative();
        try {
            synchronized (this) {
                Leaf l = leaves.get(leaf);
                if (r instanceof FileResult.Written w) {
                    l.written++;
                    String study = newStudy(w);
                    String output = out.relativize(w.target()).toString().replace('\\', '/');
                    journal.file(leaf, Digests.inputPath(rel), study, output);
                    audit(w.result() == null ? FileRecord.reused(rel, out.relativize(w.target()), study)
                            : FileRecord.written(rel, out.relativize(w.target()), study, w.result()));
                } else if (r instanceof FileResult.Quarantined q) {
                    l.quarantined++;
                    audit(FileRecord.quarantined(rel, null, q.reason()));
                } else if (r instanceof FileResult.Skipped) {
                    audit(FileRecord.skipped(rel, "not DICOM"));
                } else if (r instanceof FileResult.Failed f) {
                    l.failed++;
                    audit(FileRecord.failed(rel, f.reason()));
                }
                if (--l.left == 0) {
                    finish(leaf, l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run's journal: " + e.getMessage(), e);
        }
    }

    /** Records a file kept from an earlier run. */
    void reused(Path relative, Path output, String study, long bytes) {
        progress.reused(bytes);
        audit(FileRecord.reused(relative, output, study));
    }

    private void finish(String leaf, Leaf l) throws IOException {
        if (hooks.vault() != null) {
            hooks.vault().merge(planner);
            hooks.vault().flush();
        }
        if (!leaf.equals(StudyIndex.UNREADABLE) && l.failed == 0) {
            journal.done(leaf, l.written, l.reused, l.quarantined, l.failed);
        }
        progress.studyDone();
    }

    private void audit(FileRecord r) {
        if (hooks.audit() != null) {
            hooks.audit().add(r);
        }
    }

    private static String newStudy(FileResult.Written w) {
        if (w.result() != null && w.result().outcome() instanceof Outcome.Cleaned c) {
            String s = c.dataset().getString(Tag.StudyInstanceUID);
            return s == null ? "" : s.strip();
        }
        return "";
    }

}
