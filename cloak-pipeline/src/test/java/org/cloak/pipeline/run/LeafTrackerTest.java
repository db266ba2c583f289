package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.recipe.Recipe;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.pipeline.io.Syncer;
import org.cloak.pipeline.source.InputItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafTrackerTest {
    @TempDir
    Path out;

    /** A syncer whose flushes wait until the test lets them finish. */
    static final class HeldSyncer implements Syncer {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        int syncs;

        @Override
        public void written(Path file) { }

        @Override
        public void sync() {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            syncs++;
        }

        @Override
        public String describe() { return "held"; }
    }

    private static InputItem item(String name) {
        return new InputItem(Path.of("/in", name), Path.of("/in"), Path.of(name));
    }

    private static DataSet header(String study) {
        DataSet ds = new DataSet(false);
        ds.setString(Tag.StudyInstanceUID, Vr.UI, study);
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, study + ".1");
        return ds;
    }

    private String journal() throws IOException {
        return Files.readString(org.cloak.pipeline.folder.OutputFolder.of(out).journal());
    }

    @Test
    void aStudyIsJournalledFinishedOnlyAfterTheFlushOfItsFiles() throws Exception {
        InputItem a = item("a.dcm");
        InputItem b = item("b.dcm");
        StudyIndex index = new StudyIndex();
        index.observe(a, header("1.2.3"));
        index.observe(b, header("1.2.3"));
        index.complete(List.of(a, b));
        String leaf = index.leafOf(a);
        PseudonymPlanner planner = PseudonymPlanner.builder(Recipe.defaults().patientId(), DateConfig.defaults(),
                TestEngines.SECRET).build();
        Progress progress = new Progress();
        HeldSyncer syncer = new HeldSyncer();
        try (Journal journal = Journal.open(out, false)) {
            LeafTracker tracker = new LeafTracker(out, index, journal, RunHooks.NONE, planner, progress, syncer);
            tracker.expect(leaf, 2, 0);
            tracker.record(new FileResult.Written(a, out.resolve("a.dcm"), 10, 10));
            tracker.record(new FileResult.Written(b, out.resolve("b.dcm"), 10, 10));
            assertThat(syncer.started.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            assertThat(journal()).as("the study is not finished while its flush runs").doesNotContain("DONE");
            assertThat(progress.studiesDone()).isZero();
            syncer.release.countDown();
            tracker.close();
            assertThat(journal()).contains("DONE\t" + leaf + "\t2\t0\t0\t0");
            assertThat(progress.studiesDone()).isEqualTo(1);
            assertThat(syncer.syncs).isEqualTo(1);
        }
        try (Journal again = Journal.open(out, false)) {
            assertThat(again.finished(leaf)).extracting(Journal.Entry::output).containsExactly("a.dcm", "b.dcm");
        }
    }
}
