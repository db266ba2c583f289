package org.cloak.pipeline.audit;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cloak.deid.DeidResult;
import org.cloak.deid.audit.AuditEvent;

/**
 * The audit record of one input file. It never holds the input path (only its hash: a folder
 * name may be a patient's name); original values appear in {@code changes} only when the run
 * records them, and then only reach encrypted reports.
 *
 * @param inputHash SHA-256 hex of the input path relative to its input root ({@link Digests#inputPath})
 * @param output the output path relative to the output folder, with {@code /}; null when nothing was written
 * @param study the new StudyInstanceUID, or null when not known
 * @param outcome how the file ended
 * @param removed attributes removed
 * @param modified attributes modified
 * @param added attributes added
 * @param time when the file was finished
 * @param reason why it was quarantined, skipped or failed (no values, no input paths); null when written
 * @param changes the attribute changes ({@link AuditEvent}); old and new values only when recorded
 */
public record FileRecord(String inputHash, String output, String study, FileOutcome outcome, int removed,
                         int modified, int added, Instant time, String reason, List<AuditEvent> changes)
        implements Serializable {

    public FileRecord {
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(time, "time");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A file de-identified and written to {@code output} (relative to the output folder). */
    public static FileRecord written(Path input, Path output, String study, DeidResult result) {
        return new FileRecord(Digests.inputPath(input), relative(output), study, FileOutcome.WRITTEN,
                (int) result.count(AuditEvent.Change.REMOVED), (int) result.count(AuditEvent.Change.MODIFIED),
                (int) result.count(AuditEvent.Change.ADDED), Instant.now(), null, result.events());
    }

    /** A file kept from an earlier, interrupted run (its changes were counted then). */
    public static FileRecord reused(Path input, Path output, String study) {
        return new FileRecord(Digests.inputPath(input), relative(output), study, FileOutcome.REUSED, 0, 0, 0,
                Instant.now(), null, List.of());
    }

    /** A quarantined file; {@code study} may be null. */
    public static FileRecord quarantined(Path input, String study, String reason) {
        return problem(input, study, FileOutcome.QUARANTINED, reason);
    }

    public static FileRecord skipped(Path input, String reason) {
        return problem(input, null, FileOutcome.SKIPPED, reason);
    }

    public static FileRecord failed(Path input, String reason) {
        return problem(input, null, FileOutcome.FAILED, reason);
    }

    /** This record with the old and new values of its changes removed. */
    public FileRecord withoutValues() {
        if (changes.stream().allMatch(e -> e.oldValue() == null && e.newValue() == null)) {
            return this;
        }
        List<AuditEvent> plain = changes.stream().map(e -> new AuditEvent(e.path(), e.keyword(), e.change(),
                e.action(), e.origin(), null, null)).toList();
        return new FileRecord(inputHash, output, study, outcome, removed, modified, added, time, reason, plain);
    }

    /** This record without its list of changes (the counts stay). */
    public FileRecord withoutChanges() {
        return new FileRecord(inputHash, output, study, outcome, removed, modified, added, time, reason, List.of());
    }

    /** Counts only: a record logged by mistake shows no value. */
    @Override
    public String toString() {
        return "FileRecord[" + inputHash + ", " + outcome + ", -" + removed + " ~" + modified + " +" + added + "]";
    }

    private static FileRecord problem(Path input, String study, FileOutcome outcome, String reason) {
        return new FileRecord(Digests.inputPath(input), null, study, outcome, 0, 0, 0, Instant.now(),
                scrub(reason, input), List.of());
    }

    /** Reasons often quote the file's path (I/O errors do); the path is replaced, it may hold a name. */
    static String scrub(String reason, Path input) {
        if (reason == null) {
            return null;
        }
        String out = reason;
        for (String s : List.of(input.toString(), Digests.slashes(input), String.valueOf(input.getFileName()))) {
            if (!s.isEmpty() && !s.equals("null")) {
                out = out.replace(s, "<input>");
            }
        }
        return out;
    }

    private static String relative(Path output) {
        if (output.isAbsolute()) {
            throw new IllegalArgumentException(
                    "the output path of an audit record must be relative to the output folder");
        }
        return Digests.slashes(output);
    }
}
