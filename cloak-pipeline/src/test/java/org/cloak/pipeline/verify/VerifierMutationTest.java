package org.cloak.pipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.verify.FindingKind;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes a clean output (dicom-basic with dates shifted), plants one kind of leak at a time in
 * one file, and checks that verify catches each with the finding meant for it.
 */
class VerifierMutationTest {
    @TempDir
    Path tmp;

    /** A planted leak: the file it goes in, what is done, and the finding that must name it. */
    private record Mutation(String name, String file, Consumer<DataSet> plant, FindingKind kind, String path) {}

    private static List<Mutation> mutations() {
        return List.of(
                new Mutation("original name in a private OB element, across a 1 MiB read boundary",
                        "subject-a/s1/i1.dcm",
                        ds -> {
                            ds.setString(Tags.of(0x0011, 0x0010), Vr.LO, "LEAK 1.0");
                            byte[] blob = new byte[(1 << 20) + (1 << 19)];
                            byte[] name = "\u0001\u0002Doe^Jane\u0000".getBytes(StandardCharsets.ISO_8859_1);
                            System.arraycopy(name, 0, blob, (1 << 20) - 5, name.length);
                            ds.put(Tags.of(0x0011, 0x1001), Vr.OB, new Bytes(blob));
                        }, FindingKind.IDENTIFIER, "(0011,1001)"),
                new Mutation("name in a nested item whose character set (UTF-8) differs from the file's (Latin-1)",
                        "subject-b/s1/i1.dcm", ds -> {
                            DataSet item = ds.newItem();
                            item.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 192");
                            item.setString(Tag.CodeValue, Vr.SH, "X1");
                            item.setString(Tag.CodingSchemeDesignator, Vr.SH, "99TEST");
                            item.setString(Tag.CodeMeaning, Vr.LO, "Protokoll für Frau Müstermann");
                            Sequence s = new Sequence();
                            s.add(item);
                            ds.put(Tag.PerformedProtocolCodeSequence, Vr.SQ, s);
                        }, FindingKind.IDENTIFIER, "(0040,0260)[0](0008,0104)"),
                new Mutation("birth date as MM/DD/YYYY in ImageComments", "subject-a/s2/i1.dcm",
                        ds -> ds.setString(Tag.ImageComments, Vr.LT, "patient born 01/02/1970, fasting"),
                        FindingKind.IDENTIFIER, "(0020,4000)"),
                new Mutation("StudyDate not shifted", "subject-a/s1/i2.dcm",
                        ds -> ds.setString(Tag.StudyDate, Vr.DA, "20000105"), FindingKind.DATE_NOT_SHIFTED,
                                "(0008,0020)"),
                new Mutation("SOPInstanceUID left unchanged", "subject-a/s2/i2.dcm", VerifierMutationTest::originalSop,
                        FindingKind.UID_NOT_REPLACED, "(0008,0018)"),
                new Mutation("an attribute no rule changes was changed (KVP)", "subject-b/s1/i2.dcm",
                        ds -> ds.setString(Tag.KVP, Vr.DS, "130"), FindingKind.UNEXPECTED_CHANGE, "(0018,0060)"));
    }

    private static Path in;

    private static void originalSop(DataSet ds) {
        try {
            ds.setString(Tag.SOPInstanceUID, Vr.UI,
                    DicomReader.read(in.resolve("subject-a/s2/i2.dcm")).dataset().getString(Tag.SOPInstanceUID));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyPlantedLeakIsCaught() throws Exception {
        in = VerifyCorpus.write(Files.createDirectories(tmp.resolve("in")));
        Path vault = tmp.resolve("vault");
        Secret secret = SecretStore.loadOrCreate(vault);
        Recipe recipe = VerifyCorpus.withDates(VerifyCorpus.profile("dicom-basic"), VerifyCorpus.shift());
        Path clean = Files.createDirectories(tmp.resolve("clean"));
        VerifyCorpus.run(in, clean, recipe, secret);
        VerifyOptions opts = VerifyOptions.of(clean).withInput(in).withRecipe(recipe, "basic+shift").withSecret(secret);
        VerifyReport base = new Verifier(opts).run();
        assertThat(base.findings()).isEmpty();

        List<String> caught = new ArrayList<>();
        List<Mutation> planted = mutations();
        for (int i = 0; i < planted.size(); i++) {
            Mutation m = planted.get(i);
            Path out = tmp.resolve("mutant" + i);
            VerifyCorpus.copyTree(clean, out);
            DicomFile f = DicomReader.read(clean.resolve(m.file()));
            m.plant().accept(f.dataset());
            VerifyCorpus.write(f.fileMeta(), f.dataset(), f, out.resolve(m.file()));
            VerifyReport r = new Verifier(opts.withRecipe(recipe, "basic+shift")
                    .withSecret(secret).withInput(in).withPairing(null).withThreads(2)
                    .withIdentifiers(null).showingValues(false).withOutput(out)).run();
            boolean hit = r.findings().stream().anyMatch(x -> x.kind() == m.kind() && x.path().equals(m.path())
                    && x.file().equals(m.file()));
            assertThat(r.passed()).as(m.name()).isFalse();
            assertThat(r.findings()).as(m.name()).allMatch(x -> x.file().equals(m.file()));
            if (hit) {
                caught.add(m.name());
            }
            System.out.println((hit ? "caught: " : "MISSED: ") + m.name() + " -> " + r.findings().stream()
                    .map(x -> x.kind() + " " + x.path()).toList());
        }
        System.out.println("mutation test: caught " + caught.size() + "/" + planted.size());
        assertThat(caught).hasSize(planted.size());
    }
}
