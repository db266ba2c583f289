package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.source.InputSource;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidRunTest {
    private static final Secret SECRET = TestEngines.SECRET;

    @TempDir
    Path dir;

    private static Recipe sequential() {
        Recipe d = Recipe.defaults();
        PatientIdConfig ids = new PatientIdConfig(PatientIdConfig.Strategy.SEQUENTIAL, "P", 1, 3,
                PatientIdConfig.Unit.ALL, null, 0, "UNKNOWN-{n}", "", null, null, null, PatientIdConfig.Unmapped.ERROR,
                PatientIdConfig.PatientName.ID);
        return new Recipe("dicom-basic", d.options(), d.categories(), ids, DateConfig.defaults(), d.overrides(),
                d.keepPrivateCreators(), false, true);
    }

    /** Three patients, four files each, in folders whose order differs from the patients' order. */
    private Path corpus() throws IOException {
        Path in = dir.resolve("in");
        String[] patients = {"PID-0300", "PID-0100", "PID-0200"};
        for (int p = 0; p < patients.length; p++) {
            Path folder = Files.createDirectories(in.resolve("f" + p));
            for (int i = 1; i <= 4; i++) {
                Fixtures.write(Fixtures.ct().patientId(patients[p]).patientName("DOE^" + p).instance(i).build(),
                        folder.resolve(i + ".dcm"));
            }
        }
        return in;
    }

    private Map<String, String> idsByFile(Path out) throws IOException {
        Map<String, String> ids = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                ids.put(out.relativize(f).toString(), DicomReader.read(f).dataset().getString(Tag.PatientID));
            }
        }
        return ids;
    }

    @Test
    void aDicomdirIsListedAsSkippedNotWrittenAsAnImage() throws Exception {
        Path in = corpus();
        org.cloak.dicom.data.DataSet dir0 = new org.cloak.dicom.data.DataSet();
        org.cloak.dicom.data.Sequence records = new org.cloak.dicom.data.Sequence(false);
        org.cloak.dicom.data.DataSet record = new org.cloak.dicom.data.DataSet();
        record.setString(Tag.DirectoryRecordType, org.cloak.dicom.dict.Vr.CS, "PATIENT");
        record.setString(Tag.PatientID, org.cloak.dicom.dict.Vr.LO, "PID-0100");
        records.add(record);
        dir0.put(Tag.DirectoryRecordSequence, org.cloak.dicom.dict.Vr.SQ, records);
        Fixtures.write(dir0, in.resolve("DICOMDIR"));
        Path out = dir.resolve("out");
        RunSummary s = DeidRun.of(sequential(), SECRET, LocalDate.of(2026, 1, 2))
                .run(InputSource.list(List.of(in)), RunOptions.defaults(out).withThreads(2), new Progress());
        assertThat(s.skipped()).singleElement().asString().endsWith("DICOMDIR");
        assertThat(s.written()).isEqualTo(12);
        assertThat(s.quarantined()).isEmpty();
        // no output looks like an image made from the directory (the old NA/NA/series1 leftovers)
        assertThat(idsByFile(out)).hasSize(12);
    }

    @Test
    void sequentialNumbersComeFromTheDiscoveryPassNotFromThreadScheduling() throws Exception {
        Path in = corpus();
        Map<String, String> single = null;
        for (int threads : new int[] {1, 4}) {
            Path out = dir.resolve("out" + threads);
            RunSummary s = DeidRun.of(sequential(), SECRET, LocalDate.of(2026, 1, 2))
                    .run(InputSource.list(List.of(in)), RunOptions.defaults(out).withThreads(threads), new Progress());
            assertThat(s.written()).isEqualTo(12);
            Map<String, String> ids = idsByFile(out);
            assertThat(ids).hasSize(12);
            if (single == null) {
                single = ids;
            } else {
                assertThat(ids).isEqualTo(single);
            }
        }
        // numbered in the natural order of the original IDs: PID-0100, PID-0200, PID-0300
        assertThat(single).containsEntry("f1/1.dcm", "P001").containsEntry("f2/4.dcm", "P002")
                .containsEntry("f0/3.dcm", "P003");
    }

    @Test
    void anUnreadableFileDoesNotStopDiscoveryAndIsQuarantined() throws Exception {
        Path in = corpus();
        byte[] whole = Files.readAllBytes(in.resolve("f0/1.dcm"));
        Files.write(in.resolve("f0/broken.dcm"), Arrays.copyOf(whole, 500));
        Path out = dir.resolve("out");
        RunSummary s = DeidRun.of(sequential(), SECRET, LocalDate.of(2026, 1, 2))
                .run(InputSource.list(List.of(in)), RunOptions.defaults(out), new Progress());
        assertThat(s.seen()).isEqualTo(13);
        assertThat(s.written()).isEqualTo(12);
        assertThat(s.quarantined()).extracting(RunSummary.Problem::input).containsExactly(in.resolve("f0/broken.dcm"));
        assertThat(s.allWritten()).isFalse();
        long total = 0;
        for (var item : InputSource.list(List.of(in))) {
            total += Files.size(item.file());
        }
        assertThat(s.bytesIn()).isEqualTo(total);
    }

    @Test
    void twoInputsWritingTheSameFileAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Fixtures.write(Fixtures.ct().build(), a.resolve("x.dcm"));
        Fixtures.write(Fixtures.ct().build(), b.resolve("x.dcm"));
        Path out = dir.resolve("out");
        DeidRun run = DeidRun.of(Recipe.defaults(), SECRET, LocalDate.of(2026, 1, 2));
        assertThatThrownBy(() -> run.run(InputSource.list(List.of(a, b)), RunOptions.defaults(out), new Progress()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would both be written to");
        assertThat(out).doesNotExist();
    }
}
