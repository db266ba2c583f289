package org.cloak.pipeline.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.deid.recipe.Recipes;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomReader;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original profile writes back every element of the data set, as dcmdump lists it: private
 * creators that reached us as UN (with their elements), creators of empty private blocks, and
 * pydicom's test files that once lost them (Debian's python3-pydicom ships them; CI installs it).
 */
class OriginalFidelityTest {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static final Recipe ORIGINAL = originalProfile();

    @TempDir
    Path dir;

    private static Recipe originalProfile() {
        try {
            return RecipeReader.read(new StringReader("profile: original\nallow-burned-in: true\n"), Path.of("."));
        } catch (RecipeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void creatorsStoredAsUnAndCreatorsOfEmptyBlocksStay() throws IOException {
        DataSet ds = Fixtures.ct().withoutPrivateBlock().build();
        ds.put(0x00090010, Vr.UN, new Bytes("HMC ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        ds.put(0x00091000, Vr.UN, new Bytes(new byte[] {1, 2, 3, 4}));
        ds.setString(0x00230010, Vr.LO, "GEMS_STDY_01"); // a block with no element
        Path in = Fixtures.write(ds, dir.resolve("in.dcm"));

        assertThat(elements(original(in))).isEqualTo(elements(in)).contains("(0009,0010)", "(0023,0010)");
    }

    @Test
    void pydicomsFilesThatLostCreatorsOrWereRefusedComeBackWhole() throws IOException {
        List<String> names = List.of("J2K_pixelrep_mismatch.dcm", "dicomdirtests/77654033/CT2/17106",
                "nested_priv_SQ.dcm", "meta_missing_tsyntax.dcm", "../palettes/winter.dcm");
        assertThat(PYDICOM).as("Debian's python3-pydicom test files (apt-get install python3-pydicom)")
                .isDirectory();
        for (String name : names) {
            Path in = PYDICOM.resolve(name);
            assertThat(dataSetListing(original(in))).as(name).isEqualTo(dataSetListing(in));
        }
    }

    private Path original(Path in) throws IOException {
        Deidentified d = Recipes.prepare(ORIGINAL, new Secret(new byte[32]),
                LocalDate.of(2026, 1, 1), false).build().deidentify(DicomReader.read(in), Origin.unknown());
        assertThat(d.cleaned()).as(d.outcome().toString()).isTrue();
        Path out = dir.resolve("out-" + in.getFileName() + ".dcm");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            d.writeTo(ch);
        }
        return out;
    }

    /** dcmdump's listing of the data set (file meta left out: its writer-specific values differ). */
    private static String dataSetListing(Path f) {
        return Oracles.dcmdumpForComparison(f).lines().filter(l -> !l.startsWith("#") && !l.startsWith("(0002,"))
                .filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
    }

    private static List<String> elements(Path f) {
        return dataSetListing(f).lines().map(l -> l.strip().substring(0, Math.min(11, l.strip().length())))
                .toList();
    }

}
