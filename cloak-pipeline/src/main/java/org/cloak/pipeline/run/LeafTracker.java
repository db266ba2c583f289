package org.cloak.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.dicom.dict.Tag;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.audit.FileRecord;
import org.cloak.pipeline.io.GroupSync;
import org.cloak.pipeline.io.Syncer;
import org.cloak.pipeline.vault.ReidMap;

/**
 * Follows each leaf (study) through the processing pass: records every result in the audit and
 * journal, and when a leaf's last file is done, commits it to a {@link GroupSync}. Once a flush
 * has made its files durable, the vault is flushed and then the leaf journalled finished, so a
 * resumed run never skips a study whose files or map entries were not saved. Thread-safe.
 */
final class LeafTracker implements AutoCloseable {
    /** Bytes written after which the outputs are flushed even inside a study, so the disk keeps pace. */
    static final long FLUSH_EVERY_BYTES = 128L << 20;

    private static final class Leaf {
        final String name;
        int left;
        long written;
        long reused;
        long quarantined;
        long failed;

        Leaf(String name) {
            this.name = name;
        }
    }

    private final Path out;
    private final StudyIndex index;
    private final Journal journal;
    private final RunHooks hooks;
    private final PseudonymPlanner planner;
    private final Progress progress;
    private final GroupSync<Leaf> sync;
    private final Map<String, Leaf> leaves = new HashMap<>();

    LeafTracker(Path out, StudyIndex index, Journal journal, RunHooks hooks, PseudonymPlanner planner,
                Progress progress, Syncer syncer) {
        this.out = out;
        this.index = index;
        this.journal = journal;
        this.hooks = hooks;
        this.planner = planner;
        this.progress = progress;
        this.sync = new GroupSync<>(syncer, this::durable, FLUSH_EVERY_BYTES);
    }

    /** Declares a leaf with {@code toProcess} files still to do and {@code reused} kept. */
    synchronized void expect(String leaf, int toProcess, long reused) throws IOException {
        Leaf l = new Leaf(leaf);
        l.left = toProcess;
        l.reused = reused;
        leaves.put(leaf, l);
        if (toProcess == 0) {
            sync.commit(l);
        }
    }

    /** Records one result (called by the workers). */
    void record(FileResult r) {
        progress.record(r);
        String leaf = index.leafOf(r.item());
        Path rel = r.item().relative();
        try {
            if (r instanceof FileResult.Written w) {
                sync.written(w.target(), w.bytesOut());
            }
            synchronized (this) {
                Leaf l = leaves.get(leaf);
                if (r instanceof FileResult.Written w) {
                    l.written++;
                    String study = newStudy(w);
                    String output = out.relativize(w.target()).toString().replace('\\', '/');
                    journal.file(leaf, Digests.inputPath(rel), study, output);
                    audit(w.result() == null ? FileRecord.reused(rel, out.relativize(w.target()), study)
                            : FileRecord.written(rel, out.relativize(w.target()), study, w.result()));
                    recordUids(w);
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
                    sync.commit(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run's journal: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the file's original to new Study, Series, SOP Instance and Frame of Reference UIDs in
     * the vault (when replaced), so that {@code cloak vault lookup} and {@code export --uid-map}
     * find them; flushed with the leaf.
     */
    private void recordUids(FileResult.Written w) {
        if (hooks.vault() != null) {
            w.replacedUids().forEach((before, after) -> hooks.vault().record(ReidMap.uid(before, after)));
        }
    }

    /** Records a file kept from an earlier run. */
    void reused(Path relative, Path output, String study, long bytes) {
        progress.reused(bytes);
        audit(FileRecord.reused(relative, output, study));
    }

    /** Flushes the last files and journals the last leaves finished. */
    @Override
    public void close() throws IOException {
        sync.close();
    }

    /** Called once a flush made the files of {@code batch} durable: the vault, then the journal. */
    private void durable(List<Leaf> batch) {
        try {
            if (hooks.vault() != null) {
                hooks.vault().merge(planner);
                hooks.vault().flush();
            }
            boolean journalled = false;
            for (Leaf l : batch) {
                if (!l.name.equals(StudyIndex.UNREADABLE) && l.failed == 0) {
                    journal.done(l.name, l.written, l.reused, l.quarantined, l.failed);
                    journalled = true;
                }
            }
            if (journalled) {
                journal.force();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run's journal: " + e.getMessage(), e);
        }
        batch.forEach(l -> progress.studyDone());
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
