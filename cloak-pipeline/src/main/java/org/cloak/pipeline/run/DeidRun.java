package org.cloak.pipeline.run;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.layout.MirrorLayout;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.source.DicomSniffer;
import org.cloak.pipeline.source.InputItem;

/**
 * One batch de-identification: a discovery pass when the pseudonym strategy needs to see every
 * input first (sequential numbering), then the processing pass on parallel workers. Front ends
 * (the CLI, later the server) build one from a recipe and call {@link #run}.
 */
public final class DeidRun {
    /** Discovery reads headers only: values above this size stay in the file. */
    private static final ReadOptions HEADERS_ONLY = ReadOptions.DEFAULT.withBulkThreshold(256);

    private final Deidentifier engine;
    private final PseudonymPlanner.Builder planning;

    public DeidRun(Deidentifier engine, PseudonymPlanner.Builder planning) {
        this.engine = engine;
        this.planning = planning;
    }

    /** Compiles the recipe with the project's secret; the processing date is stamped where the recipe asks. */
    public static DeidRun of(Recipe recipe, Secret secret, LocalDate processingDate) {
        Deidentifier engine = new Deidentifier(RecipeCompiler.compile(recipe, secret, processingDate, false));
        return new DeidRun(engine, PseudonymPlanner.builder(recipe.patientId(), recipe.dates(), secret));
    }

    public Deidentifier engine() { return engine; }

    /**
     * De-identifies {@code items} into the output folder. {@code progress} may be watched from
     * another thread while this runs.
     *
     * @throws IllegalArgumentException when two inputs would be written to the same file
     * @throws InterruptedException when interrupted; files already written stay, none is partial
     */
    public RunSummary run(List<InputItem> items, RunOptions options, Progress progress) throws InterruptedException {
        OutputLayout layout = new MirrorLayout(options.outputDir());
        PathChecks.requireDistinctTargets(items, layout);
        BatchRunner runner = new BatchRunner(options.threads());
        if (planning.needsDiscovery()) {
            runner.run(items, this::observe, (item, t) -> null, r -> { });
        }
        PseudonymPlanner planner = planning.build();
        FileProcessor processor = new FileProcessor(engine, planner::planFor, layout,
                new Quarantine(options.quarantineDir()));
        runner.run(items, processor::process, processor::crashed, progress::record);
        return progress.summary();
    }

    /** Lets the planner see one header; files that cannot be read are left to the processing pass to quarantine. */
    private Void observe(InputItem item) {
        try {
            if (DicomSniffer.isDicom(item.file())) {
                DicomFile f = DicomReader.read(item.file(), HEADERS_ONLY);
                planning.observe(f.dataset(), item.root(), item.relative());
            }
        } catch (IOException e) {
            // not fatal here: the processing pass reads the file again and quarantines it with the reason
        }
        return null;
    }
}
