package org.cloak.spark.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.util.LongAccumulator;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.audit.FileOutcome;
import org.cloak.pipeline.audit.FileRecord;
import org.cloak.pipeline.io.Syncer;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.run.Decision;
import org.cloak.spark.io.HadoopFiles;
import org.cloak.spark.plan.JobPlan;
import org.cloak.spark.plan.SourceFile;

/**
 * Processes one study in a task: for each file, read it, let the pipeline's
 * {@link org.cloak.pipeline.run.ObjectProcessor} decide, and write the output or the quarantined
 * copy atomically through the Hadoop file system; then journal the study finished. A study
 * finished by an earlier run keeps its written files (reported as reused, as {@code cloak run}
 * does) and decides its other files again; a second attempt of a task of this same run (a retry,
 * a speculative copy, a recomputed partition) returns what the first one journalled.
 */
public final class StudyWorker {
    /** Spark accumulators the UI shows while the job runs (progress only: retried tasks count twice). */
    public record Meters(LongAccumulator files, LongAccumulator bytes, LongAccumulator quarantined)
            implements java.io.Serializable {}

    private final JobPlan plan;
    private final FileSystem outFs;
    private final Path out;
    private final Path quarantine;
    private final StudyJournal journal;
    private final Meters meters;
    /** Makes a local output folder's files durable before their study is journalled; null for other stores. */
    private final Syncer syncer;

    public StudyWorker(JobPlan plan, Meters meters) throws IOException {
        this.plan = plan;
        this.out = new Path(plan.output());
        this.outFs = HadoopFiles.fs(out, plan.conf().get());
        this.quarantine = new Path(plan.quarantine());
        this.journal = new StudyJournal(outFs, out);
        this.meters = meters;
        java.nio.file.Path local = HadoopFiles.local(outFs, out);
        this.syncer = local == null ? null : Syncer.forTree(local);
    }

    /** Processes (or resumes) one study. */
    public StudyResult process(StudyTask task) throws IOException {
        StudyResult earlier = task.unreadable() ? null : journal.finished(task.leaf());
        if (earlier != null && earlier.runId().equals(plan.runId())) {
            return earlier;
        }
        Map<String, FileRecord> kept = earlier == null ? Map.of() : keptOutputs(earlier);
        Run run = new Run();
        for (int i = 0; i < task.files().size(); i++) {
            SourceFile f = task.files().get(i);
            FileRecord reused = kept.get(Digests.inputPath(f.relativePath()));
            if (reused != null) {
                run.records.add(new FileRecord(reused.inputHash(), reused.output(), reused.study(),
                        FileOutcome.REUSED, 0, 0, 0, Instant.now(), null, List.of()));
                run.bytesIn += f.size();
                run.folder(reused.output());
            } else {
                file(f, task.positions().get(i), run);
            }
            meters.files().add(1);
            meters.bytes().add(f.size());
        }
        StudyResult r = new StudyResult(task.leaf(), plan.runId(), run.records, run.bytesIn, run.bytesOut,
                run.problems, new ArrayList<>(run.folders));
        if (!task.unreadable() && run.failed == 0) {
            if (syncer != null && run.bytesOut > 0) {
                syncer.sync();
            }
            journal.done(r); // every file of the study is in place: only now is it finished
        }
        return r;
    }

    /** The written outputs of a finished study that are still there, by input hash; empty when one is missing. */
    private Map<String, FileRecord> keptOutputs(StudyResult earlier) throws IOException {
        Map<String, FileRecord> kept = new HashMap<>();
        for (FileRecord r : earlier.records()) {
            if (r.outcome() == FileOutcome.WRITTEN || r.outcome() == FileOutcome.REUSED) {
                if (!outFs.exists(new Path(out, r.output()))) {
                    return Map.of(); // an output went missing: the study is done again
                }
                kept.put(r.inputHash(), r);
            }
        }
        return kept;
    }

    private void file(SourceFile f, org.cloak.pipeline.run.StudyIndex.Position position, Run run) {
        java.nio.file.Path rel = f.relativePath();
        run.bytesIn += f.size();
        byte[] bytes;
        try {
            Path in = new Path(f.uri());
            bytes = HadoopFiles.read(HadoopFiles.fs(in, plan.conf().get()), in, f.size());
        } catch (IOException e) {
            run.failed(f, FileRecord.failed(rel, "cannot read the input: " + e.getClass().getSimpleName()));
            return;
        }
        Decision d = plan.processor().process(bytes, rel, f.origin(), position);
        if (d instanceof Decision.Skip) {
            run.records.add(FileRecord.skipped(rel, "not DICOM"));
            run.problems.add(new StudyResult.Problem(f.uri(), StudyResult.Kind.SKIPPED, "not DICOM"));
        } else if (d instanceof Decision.Hold h) {
            quarantine(f, bytes, h.reason(), run);
        } else {
            Decision.Write w = (Decision.Write) d;
            String target = w.target().toString().replace('\\', '/');
            if (!run.claimed.add(target)) {
                quarantine(f, bytes, "layout collision: another input is written to the same output file", run);
                return;
            }
            try {
                Path p = new Path(out, target);
                run.bytesOut += HadoopFiles.write(outFs, p, w.result()::writeTo);
                if (syncer != null) {
                    syncer.written(HadoopFiles.local(outFs, p));
                }
                run.records.add(FileRecord.written(rel, w.target(), w.newStudy(), w.result().result())
                        .withoutValues());
                run.folder(target);
            } catch (IOException | RuntimeException e) {
                quarantine(f, bytes, "could not write the output: " + e.getMessage(), run);
            }
        }
    }

    private void quarantine(SourceFile f, byte[] bytes, String reason, Run run) {
        java.nio.file.Path rel = f.relativePath();
        String name = Quarantine.neutralName(rel);
        try {
            HadoopFiles.write(outFs(), new Path(quarantine, name + ".dcm"),
                    ch -> ch.write(java.nio.ByteBuffer.wrap(bytes)));
            byte[] text = Quarantine.reasonText(rel, reason).getBytes(StandardCharsets.UTF_8);
            HadoopFiles.write(outFs(), new Path(quarantine, name + ".reason.txt"),
                    ch -> ch.write(java.nio.ByteBuffer.wrap(text)));
            run.records.add(FileRecord.quarantined(rel, null, reason));
            run.problems.add(new StudyResult.Problem(f.uri(), StudyResult.Kind.QUARANTINED, reason));
            meters.quarantined().add(1);
        } catch (IOException e) {
            run.failed(f, FileRecord.failed(rel, reason + "; and it could not be quarantined: " + e.getMessage()));
        }
    }

    private FileSystem outFs() throws IOException {
        return HadoopFiles.fs(quarantine, plan.conf().get());
    }

    /** What one study's files came to so far. */
    private static final class Run {
        final List<FileRecord> records = new ArrayList<>();
        final List<StudyResult.Problem> problems = new ArrayList<>();
        final Set<String> claimed = new HashSet<>();
        final Set<String> folders = new TreeSet<>();
        long bytesIn;
        long bytesOut;
        int failed;

        void failed(SourceFile f, FileRecord r) {
            records.add(r);
            problems.add(new StudyResult.Problem(f.uri(), StudyResult.Kind.FAILED, r.reason()));
            failed++;
        }

        void folder(String output) {
            int slash = output.lastIndexOf('/');
            folders.add(slash < 0 ? "" : output.substring(0, slash));
        }
    }
}
