package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run records the original to new Study, Series, SOP Instance and Frame of Reference UIDs in
 * the vault: vault lookup finds an original UID, and export writes MIDI-B-style maps.
 */
class VaultUidsTest {
    @TempDir
    Path dir;
    String stdout;
    String stderr;

    @Test
    void aRunsUidsAreFoundByLookupAndExportedAsMaps() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        DataSet original = Fixtures.ct().patientId("PID-0042").instance(1).build();
        Fixtures.write(original, in.resolve("1.dcm"));
        Path out = dir.resolve("out");
        String[] key = {"--vault", dir.resolve("vault").toString(), "--key-file", dir.resolve("vault.key").toString()};
        assertThat(cloak(concat(List.of("run", "--layout", "mirror", "--in", in.toString(), "--out", out.toString()),
                key))).as(stderr).isZero();
        DataSet written = DicomReader.read(out.resolve("1.dcm")).dataset();
        String oldSop = original.getString(Tag.SOPInstanceUID);
        String newSop = written.getString(Tag.SOPInstanceUID);
        assertThat(newSop).isNotEqualTo(oldSop);

        assertThat(cloak(concat(List.of("vault", "lookup", "--id", oldSop), key))).as(stderr).isZero();
        assertThat(stdout).contains(newSop);

        Path uids = dir.resolve("uids.csv");
        Path ids = dir.resolve("ids.csv");
        assertThat(cloak(concat(List.of("vault", "export", "--uid-map", uids.toString(), "--patient-map",
                ids.toString()), key))).as(stderr).isZero();
        assertThat(Files.readAllLines(uids)).first().isEqualTo("id_old,id_new");
        assertThat(Files.readAllLines(uids)).contains(oldSop + "," + newSop,
                original.getString(Tag.StudyInstanceUID) + "," + written.getString(Tag.StudyInstanceUID),
                original.getString(Tag.SeriesInstanceUID) + "," + written.getString(Tag.SeriesInstanceUID),
                original.getString(Tag.FrameOfReferenceUID) + "," + written.getString(Tag.FrameOfReferenceUID));
        assertThat(Files.readAllLines(ids)).containsExactly("id_old,id_new",
                "PID-0042," + written.getString(Tag.PatientID));
    }

    private static String[] concat(List<String> a, String[] b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }
}
