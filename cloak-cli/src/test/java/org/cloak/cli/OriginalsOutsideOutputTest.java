package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.pipeline.io.PrivateFolders;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder can be shipped as it is: the originals a run holds back (a quarantined
 * burned-in image, the entries of a zip being processed) lie beside it, owner-only and marked,
 * a quarantine inside it is refused, and {@code cloak send} neither sends Cloak's state folder
 * nor a folder of originals.
 */
class OriginalsOutsideOutputTest {
    private static final String NAME = "ORIGINALPATIENT^ZELDA";

    @TempDir
    Path dir;
    Path in;
    Path out;
    String stdout;
    String stderr;

    @BeforeEach
    void inputs() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        Fixtures.write(Fixtures.ct().patientName(NAME).instance(1).build(), in.resolve("ct.dcm"));
        DataSet us = Fixtures.ct().patientName(NAME).instance(2).build();
        us.setString(Tag.Modality, Vr.CS, "US"); // burned-in risk: held back
        Fixtures.write(us, in.resolve("us.dcm"));
    }

    @Test
    void nothingUnderTheOutputFolderHoldsTheOriginalsAndTheQuarantineIsPrivate() throws Exception {
        assertThat(run("--in", in.toString())).as(stderr).isEqualTo(2);

        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(out.relativize(f)
                        .toString()).doesNotContain("ORIGINALPATIENT");
            }
        }
        Path originals = dir.resolve("out.originals");
        Path quarantine = originals.resolve("quarantine");
        try (Stream<Path> s = Files.list(quarantine)) {
            assertThat(s.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(originals))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine))).isEqualTo("rwx------");
        assertThat(quarantine.resolve(PrivateFolders.MARKER)).exists();
        assertThat(stderr).contains("  quarantine folder: " + quarantine);
    }

    @Test
    void zipEntriesAreExtractedBesideTheOutputFolderNotIntoIt() throws Exception {
        Path zip = dir.resolve("study.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("ct.dcm"));
            z.write(Files.readAllBytes(in.resolve("ct.dcm")));
            z.closeEntry();
        }
        assertThat(run("--in", zip.toString())).as(stderr).isZero();
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(out::relativize).map(Path::toString)).noneMatch(p -> p.contains("tmp"));
        }
    }

    @Test
    void aQuarantineInsideTheOutputFolderIsRefused() {
        int status = run("--in", in.toString(), "--quarantine", out.resolve("held").toString());
        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr).contains("lies inside the output folder: the quarantine holds original data");
        assertThat(out.resolve("held")).doesNotExist();
    }

    @Test
    void sendRefusesAFolderOfOriginalsAndSkipsTheStateFolder() throws Exception {
        assertThat(run("--in", in.toString())).isEqualTo(2);
        Path quarantine = dir.resolve("out.originals/quarantine");

        assertThat(cloak("send", "--to", "PACS@127.0.0.1:1", quarantine.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr).contains("lies in a folder of original data").contains("--include-originals");
        assertThat(cloak("send", "--to", "PACS@127.0.0.1:1", dir.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr).contains("is a folder of original data");

        // the output folder alone: its state folder is not sent (no peer listens, so the one image fails)
        cloak("send", "--timeout", "2", "--to", "PACS@127.0.0.1:1", out.toString());
        assertThat(stdout).doesNotContain(".cloak").contains("ct.dcm");
    }

    private int run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--layout", "mirror", "--out", out.toString(),
                "--vault", dir.resolve("vault").toString(), "--key-file", dir.resolve("vault.key").toString()));
        args.addAll(List.of(more));
        return cloak(args.toArray(String[]::new));
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }
}
