package org.cloak.net.scu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomParseException;
import org.cloak.net.AeAddress;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.scu.StoreResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage SCU (PS3.4 Annex B): sends files with C-STORE. For each file it proposes the file's
 * SOP class in the file's own transfer syntax, plus Explicit and Implicit VR Little Endian as
 * a fallback for uncompressed little endian files. The data set goes out as the file's own
 * bytes after the file meta, streamed in PDVs of the peer's size, never re-encoded unless the
 * peer accepted only the fallback. Files are sent in batches (at most 500 files or 128
 * presentation contexts per association), one message at a time.
 *
 * <pre>{@code
 * List<StoreResult> r = new StoreScu(ScuOptions.of("CLOAK"))
 *         .send(AeAddress.parse("PACS@pacs.example:104"), StoreScu.expand(List.of(dir)), System.out::println);
 * }</pre>
 */
public final class StoreScu {
    private static final Logger LOG = LoggerFactory.getLogger(StoreScu.class);
    static final int BATCH_FILES = 500;

    private final ScuOptions options;

    public StoreScu(ScuOptions options) {
        this.options = options;
    }

    /** The regular files named, and those under the folders named (recursively), in name order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString());
            }
        }
        return files;
    }

    /**
     * Sends the files, reporting each result to {@code listener} as soon as it and those of the
     * files before it are known (so in the order of {@code files}), and returns them all.
     * Failures of one file or one association do not stop the others.
     */
    public List<StoreResult> send(AeAddress target, List<Path> files, Consumer<StoreResult> listener) {
        OrderedReport report = new OrderedReport(listener);
        try (Watchdog watchdog = new Watchdog("cloak-storescu-timer")) {
            ContextPlan plan = new ContextPlan();
            List<SourceFile> batch = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                SourceFile source = scan(i, files.get(i), report);
                if (source == null) {
                    continue;
                }
                if (batch.size() == BATCH_FILES || !plan.add(source)) {
                    sendBatch(target, plan, batch, watchdog, report);
                    plan = new ContextPlan();
                    batch = new ArrayList<>();
                    plan.add(source);
                }
                batch.add(source);
            }
            if (!batch.isEmpty()) {
                sendBatch(target, plan, batch, watchdog, report);
            }
        }
        return report.results();
    }

    private static SourceFile scan(int index, Path file, OrderedReport report) {
        try {
            SourceFile s = SourceFile.read(index, file);
            if (Uid.MediaStorageDirectoryStorage.equals(s.sopClassUid())) {
                report.add(index, new StoreResult(file, Outcome.SKIPPED, null, "a DICOMDIR, not an instance", 0));
                return null;
            }
            return s;
        } catch (DicomParseException e) {
            report.add(index, new StoreResult(file, Outcome.SKIPPED, null,
                    e.problem() + (e.offset() > 0 ? " (at offset " + e.offset() + ")" : ""), 0));
        } catch (IOException e) {
            report.add(index, StoreResult.failed(file, null, "not sent: " + e.getMessage()));
        }
        return null;
    }

    /** Sends a batch; when a source file fails mid-way the association is aborted and the rest go on a new one. */
    private void sendBatch(AeAddress target, ContextPlan plan, List<SourceFile> batch, Watchdog watchdog,
                           OrderedReport report) {
        int next = 0;
        while (next < batch.size()) {
            Association a;
            try {
                a = Requestor.open(target, options, plan.contexts(), watchdog);
            } catch (IOException | NetException e) {
                String reason = "could not associate with " + target + ": " + e.getMessage();
                LOG.info("{} ({} files not sent)", reason, batch.size() - next);
                for (SourceFile s : batch.subList(next, batch.size())) {
                    report.add(s.index(), StoreResult.failed(s.path(), null, reason));
                }
                return;
            }
            next = new BatchSender(a, plan, report).send(batch, next);
        }
    }
}
