package org.cloak.pipeline.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.DeidStep;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomInput;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.io.Syncer;
import org.cloak.pipeline.layout.IdentifyingNames;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.source.DicomSniffer;
import org.cloak.pipeline.source.InputItem;

/**
 * One batch de-identification: a discovery pass reading every header (the pseudonym planner's
 * discovery, the grouping of files into studies, the numbering template layouts use), then the
 * processing pass on parallel workers, study after study. Outputs are not forced to disk one by
 * one: a study is flushed as a group once its last file is written (see {@link LeafTracker}),
 * and only then journalled finished. A study finished by an earlier run of
 * the same inputs and output (see {@link Journal}) is skipped and its files counted as reused,
 * so a resumed run ends with the same bytes as an uninterrupted one. Front ends (the CLI, later
 * the server) build one from a recipe and call {@link #run}.
 */
public final class DeidRun {
    private final Deidentification.Preparation preparation;
    private final DeidStep pixels;

    public DeidRun(Deidentification.Preparation preparation) {
        this(preparation, null);
    }

    private DeidRun(Deidentification.Preparation preparation, DeidStep pixels) {
        this.preparation = preparation;
        this.pixels = pixels;
    }

    /** This run with a pixel step in the engine's chain (null: none). */
    public DeidRun withPixelStep(DeidStep step) {
        return new DeidRun(preparation, step);
    }

    /** Compiles the recipe with the project's secret; the processing date is stamped where the recipe asks. */
    public static DeidRun of(Recipe recipe, Secret secret, LocalDate processingDate) {
        return of(recipe, secret, processingDate, false);
    }

    /**
     * As {@link #of(Recipe, Secret, LocalDate)}; {@code recordValues} keeps original values in the changes for an
     * encrypted audit.
     */
    public static DeidRun of(Recipe recipe, Secret secret, LocalDate processingDate, boolean recordValues) {
        return new DeidRun(Recipes.prepare(recipe, secret, processingDate, recordValues));
    }

    /** The compiled configuration the run de-identifies with. */
    public DeidConfig config() { return preparation.config(); }

    /** {@link #run(List, RunOptions, Progress, RunHooks)} without vault, audit or input check. */
    public RunSummary run(List<InputItem> items, RunOptions options, Progress progress) throws InterruptedException {
        try {
            return run(items, options, progress, RunHooks.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("the run's journal could not be used: " + e.getMessage(), e);
        }
    }

    /**
     * De-identifies {@code items} into the output folder. {@code progress} may be watched from
     * another thread while this runs.
     *
     * @throws IllegalArgumentException when two inputs would be written to the same file (path-only layouts)
     * @throws IOException when the journal cannot be opened
     * @throws InterruptedException when interrupted; files already written stay, none is partial
     */
    public RunSummary run(List<InputItem> items, RunOptions options, Progress progress, RunHooks hooks)
            throws InterruptedException, IOException {
        Path out = options.outputDir();
        OutputLayout layout = options.layout().in(out);
        if (layout.pathOnly()) {
            PathChecks.requireDistinctTargets(items, layout);
        }
        Leftovers.clean(options);
        BatchRunner runner = new BatchRunner(options.threads());
        StudyIndex index = new StudyIndex();
        Discovery discovery = new Discovery();
        IdentifyingNames names = new IdentifyingNames(options.layout());
        runner.run(items, item -> observe(item, index, discovery, names), (item, t) -> null, r -> { });
        index.complete(items);
        progress.identifyingNames(names.count());
        if (names.count() > 0 && options.strictNames()) {
            throw new IllegalArgumentException(names.count() + " inputs have folder or file names holding their"
                    + " patient's name, ID or dates, which --layout " + options.layout().text() + " would copy into"
                    + " the output: use a template layout (the default) or rename them");
        }
        Deidentification built = preparation.merge(discovery).build();
        Deidentification deid = pixels == null ? built : built.withPixelStep(pixels);
        PseudonymPlanner planner = deid.planner();
        TargetClaims claims = new TargetClaims();
        FileProcessor processor = new FileProcessor(deid, layout,
                new Quarantine(options.quarantineDir()), index::position, claims,
                hooks.check() == null ? ds -> null : hooks.check()).unforced();
        Files.createDirectories(out);
        options.folder().recordQuarantine(options.quarantineDir());
        try (Journal journal = Journal.open(out, options.restart());
             LeafTracker tracker = new LeafTracker(out, index, journal, hooks, planner, progress, Syncer.forTree(
                     out))) {
            progress.planned(items.size(), index.leaves().keySet().stream()
                    .filter(l -> !l.equals(StudyIndex.UNREADABLE)).count());
            List<InputItem> work = new ArrayList<>();
            for (Map.Entry<String, List<InputItem>> leaf : index.leaves().entrySet()) {
                List<InputItem> todo = resume(leaf.getKey(), leaf.getValue(), journal, out, claims, tracker);
                tracker.expect(leaf.getKey(), todo.size(), leaf.getValue().size() - todo.size());
                work.addAll(todo);
            }
            Path tmp = options.tmpDir();
            runner.run(work, item -> {
                try {
                    return processor.process(item);
                } finally {
                    dropExtracted(item, tmp);
                }
            }, processor::crashed, tracker::record);
        } finally {
            Leftovers.deleteTree(options.tmpDir());
        }
        return progress.summary();
    }

    /** The files of a leaf still to process; those an earlier run finished are reported as reused. */
    private static List<InputItem> resume(String leaf, List<InputItem> items, Journal journal, Path out,
                                          TargetClaims claims, LeafTracker tracker) throws IOException {
        List<Journal.Entry> done = leaf.equals(StudyIndex.UNREADABLE) ? null : journal.finished(leaf);
        if (done == null) {
            if (!leaf.equals(StudyIndex.UNREADABLE)) {
                journal.start(leaf);
            }
            return items;
        }
        Map<String, Journal.Entry> byInput = new HashMap<>();
        for (Journal.Entry e : done) {
            if (!Files.isRegularFile(out.resolve(e.output()))) {
                journal.start(leaf); // an output went missing: the study is done again
                return items;
            }
            byInput.put(e.inputHash(), e);
        }
        List<InputItem> todo = new ArrayList<>();
        for (InputItem item : items) {
            Journal.Entry e = byInput.get(Digests.inputPath(item.relative()));
            if (e == null) {
                todo.add(item); // quarantined or skipped last time: its outcome is decided again
            } else {
                Path target = out.resolve(e.output());
                claims.claim(target, item.file().toString());
                tracker.reused(item.relative(), Path.of(e.output()), e.study(), size(item.file()));
            }
        }
        return todo;
    }

    /** Lets the planner and the study index see one header; unreadable files are left to the processing pass. */
    private Void observe(InputItem item, StudyIndex index, Discovery discovery, IdentifyingNames names) {
        try (DicomInput in = DicomInput.open(item.file(), HeaderScan.HEADERS_ONLY)) {
            if (DicomSniffer.isDicom(in)) {
                DicomFile f = in.read();
                if (!HeaderScan.placed(f)) {
                    return null; // skipped by the processing pass, like a file that is not DICOM
                }
                index.observe(item, f.dataset());
                names.observe(item.relative(), f.dataset());
                if (preparation.needsDiscovery()) {
                    discovery.observe(f.dataset(), item.origin());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not fatal here: the processing pass reads the file again and quarantines it with the reason
        }
        return null;
    }

    private static void dropExtracted(InputItem item, Path tmp) {
        if (item.file().startsWith(tmp)) {
            try {
                Files.deleteIfExists(item.file());
            } catch (IOException ignored) {
                // the whole temporary folder is removed at the next run's start
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
