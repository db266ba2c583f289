package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cloak run cleaning pixels by a recipe rule, then cloak verify with the same recipe: the run's
 * pixel step is replayed, so a clean run passes; a sample changed outside the rule's region fails.
 */
class VerifyPixelsTest {
    private static final String RECIPE = """
            profile: dicom-basic
            pixels:
              rules:
                - name: top-band
                  when: {attribute: Modality, equals: US}
                  regions: [[0, 0, 32, 8]]
            """;

    @TempDir
    Path dir;
    Path in;
    Path out;
    Path recipe;
    String stdout;
    String stderr;

    @BeforeEach
    void runStudy() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        recipe = Files.writeString(dir.resolve("recipe.yaml"), RECIPE);
        for (int i = 1; i <= 2; i++) {
            DataSet us = Fixtures.ct().patientName("DOE^JANE").instance(i).build();
            us.setString(Tag.Modality, Vr.CS, "US");
            Fixtures.write(us, in.resolve(i + ".dcm"));
        }
        assertThat(cloak("run", "--layout", "mirror", "--recipe", recipe.toString(), "--in", in.toString(),
                "--out", out.toString(), "--vault", dir.resolve("vault").toString(),
                "--key-file", dir.resolve("vault.key").toString())).as(stderr).isZero();
    }

    @Test
    void aRunWhosePixelsARuleCleanedPasses() {
        int status = verify();
        assertThat(status).as(stdout + stderr).isZero();
        assertThat(stdout).startsWith("cloak verify: PASS").doesNotContain("PIXEL");
    }

    @Test
    void aSampleChangedOutsideTheRegionFails() throws Exception {
        Path f = out.resolve("1.dcm");
        DataSet ds = DicomReader.read(f, ReadOptions.DEFAULT.withBulkThreshold(Integer.MAX_VALUE)).dataset();
        byte[] pixels = ((Bytes) ds.get(Tag.PixelData).value()).data().clone();
        pixels[pixels.length - 2] ^= 1; // the last pixel, far from the top band
        ds.put(Tag.PixelData, Vr.OW, new Bytes(pixels));
        Fixtures.write(ds, f);

        int status = verify();

        assertThat(status).as(stdout + stderr).isEqualTo(1);
        assertThat(stdout).contains("PIXELS_CHANGED_OUTSIDE").contains("1 samples changed that are not blank");
    }

    private int verify() {
        return cloak("verify", "--out", out.toString(), "--in", in.toString(), "--recipe", recipe.toString(),
                "--vault", dir.resolve("vault").toString(), "--key-file", dir.resolve("vault.key").toString());
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }
}
