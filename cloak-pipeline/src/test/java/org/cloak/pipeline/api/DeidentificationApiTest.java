package org.cloak.pipeline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.deid.recipe.Recipes;
import org.cloak.deid.verify.AttributeDiff;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.oracle.RealisticStudy;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's de-identification API used without the batch runner: from bytes, and planned from merged discoveries.
 */
class DeidentificationApiTest {
    private static final Secret SECRET = new Secret(new byte[32]);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void bytesInMemoryGiveTheSameOutputAsTheFile() throws Exception {
        Path study = RealisticStudy.write(tmp);
        Deidentification deid = Recipes.prepare(Recipe.defaults(), SECRET, CLOCK, false).build();
        List<Path> files;
        try (Stream<Path> s = Files.walk(study)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(5);
        for (Path f : files) {
            Origin origin = Origin.ofFile(study, study.relativize(f));
            // from the file: large values stay in it and are copied from it on writing
            byte[] fromFile = write(deid.deidentify(DicomReader.read(f, ReadOptions.DEFAULT.withBulkThreshold(64)),
                    origin));
            // from bytes held in memory, with no file behind them
            DicomFile inMemory = DicomReader.read(Files.readAllBytes(f), "upload");
            byte[] fromBytes = write(deid.deidentify(inMemory, origin));
            assertThat(fromBytes).as(f.getFileName().toString()).isEqualTo(fromFile);
        }
    }

    @Test
    void aStreamWhoseLargeValuesStayInMemoryGivesTheSameOutputAndTheSameChanges() throws Exception {
        Path study = RealisticStudy.write(tmp);
        Deidentification deid = Recipes.prepare(Recipe.defaults(), SECRET, CLOCK, false).build();
        ReadOptions small = ReadOptions.DEFAULT.withBulkThreshold(64);
        List<Path> files;
        try (Stream<Path> s = Files.walk(study)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int withPixels = 0;
        for (Path f : files) {
            Origin origin = Origin.ofFile(study, study.relativize(f));
            DicomFile fromDisk = DicomReader.read(f, small);
            byte[] expected = write(deid.deidentify(fromDisk, origin));
            DicomFile streamed;
            try (InputStream in = Files.newInputStream(f)) {
                streamed = DicomReader.read(in, "upload", small, 1 << 24);
            }
            if (streamed.dataset().get(Tag.PixelData) != null) {
                assertThat(streamed.dataset().get(Tag.PixelData).value())
                        .as("pixel data is a reference into the bytes read, with no file behind it")
                        .isInstanceOfSatisfying(BulkRef.class, r -> assertThat(r.path()).isNull());
                withPixels++;
            }
            byte[] actual = write(deid.deidentify(streamed, origin));
            assertThat(actual).as(f.getFileName().toString()).isEqualTo(expected);
            // the checks compare large values wherever they are held: the same differences either way
            DicomFile outOnDisk = DicomReader.read(Files.write(tmp.resolve("out.dcm"), expected), small);
            DicomFile outInMemory = DicomReader.read(actual, "output", small);
            assertThat(changes(streamed, outInMemory)).isEqualTo(changes(fromDisk, outOnDisk))
                    .contains("(0010,0010) CHANGED").doesNotContain("(7FE0,0010) CHANGED");
        }
        assertThat(withPixels).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStreamLargerThanTheLimitIsRefusedNamingOnlyTheStream() {
        byte[] data = new byte[1000];
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(data), "upload 7", ReadOptions.DEFAULT, 999))
                .isInstanceOf(IOException.class).hasMessage("upload 7: larger than the 999 bytes that can be held in "
                        + "memory");
    }

    @Test
    void discoveryMergedFromTwoHalvesPlansAsOnePassDoes() throws Exception {
        Recipe trial = RecipeReader.read(new StringReader("profile: dicom-basic\n"
                + "patient-id: {strategy: sequential, prefix: P, width: 3, discovery: per-study}\n"
                + "dates: {mode: timepoint, schedule: [0, 6, 12]}\n"), Path.of("."));
        List<Input> inputs = corpus();
        Discovery whole = new Discovery();
        Discovery first = new Discovery();
        Discovery second = new Discovery();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            whole.observe(in.file().dataset(), in.origin());
            (i % 2 == 0 ? first : second).observe(in.file().dataset(), in.origin());
        }
        Deidentification onePass = Recipes.prepare(trial, SECRET, CLOCK, false).merge(whole).build();
        // the halves are observed by different workers and merged in the other order
        Deidentification merged = Recipes.prepare(trial, SECRET, CLOCK, false)
                .merge(new Discovery().merge(second).merge(first)).build();
        Map<String, String> a = plans(onePass, inputs);
        Map<String, String> b = plans(merged, inputs);
        assertThat(b).isEqualTo(a);
        // one number a study, in order of study date; each patient's later study at its schedule point
        assertThat(a).containsEntry("s4i1", "P001 M00").containsEntry("s2i1", "P002 M00")
                .containsEntry("s0i1", "P003 M00").containsEntry("s3i1", "P004 M12").containsEntry("s1i2", "P005 M06");
        assertThat(onePass.planner().idMap()).isEqualTo(merged.planner().idMap());
    }

    private record Input(String name, DicomFile file, Origin origin) {}

    /** Three patients, a study a few months apart for two of them, two files a study. */
    private List<Input> corpus() throws IOException {
        List<Input> out = new ArrayList<>();
        String[][] studies = {{"A", "20240101"}, {"A", "20240705"}, {"B", "20230301"}, {"B", "20240301"},
                {"C", "20220202"}};
        for (int s = 0; s < studies.length; s++) {
            for (int i = 1; i <= 2; i++) {
                var ds = Fixtures.ct().patientId("PID-" + studies[s][0]).studyDate(studies[s][1]).study(s + 1)
                        .instance(i).build();
                String name = "s" + s + "i" + i;
                Path f = Fixtures.write(ds, tmp.resolve(name + ".dcm"));
                out.add(new Input(name, DicomReader.read(f), Origin.ofFile(tmp, tmp.relativize(f))));
            }
        }
        return out;
    }

    private static Map<String, String> plans(Deidentification d, List<Input> inputs) {
        Map<String, String> m = new TreeMap<>();
        for (Input in : inputs) {
            Deidentified r = d.deidentify(in.file(), in.origin());
            m.put(in.name(), r.plan().newPatientId() + " " + r.plan().timepoint());
        }
        return m;
    }

    private static List<String> changes(DicomFile before, DicomFile after) {
        return AttributeDiff.diff(before.dataset(), after.dataset()).stream()
                .map(d -> d.path() + " " + d.change()).toList();
    }

    private static byte[] write(Deidentified d) throws IOException {
        assertThat(d.cleaned()).as(d.outcome().toString()).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.writeTo(Channels.newChannel(bytes));
        return bytes.toByteArray();
    }
}
