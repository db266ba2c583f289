package org.cloak.pipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cloak.deid.action.Keep;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.FindingKind;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify after real engine runs over a corpus with PHI in standard, nested and private attributes. */
class VerifierProfilesTest {
    @TempDir
    static Path tmp;
    static Path in;
    static Path vault;
    static Secret secret;

    @BeforeAll
    static void corpus() throws Exception {
        in = VerifyCorpus.write(Files.createDirectories(tmp.resolve("in")));
        vault = tmp.resolve("vault");
        secret = SecretStore.loadOrCreate(vault);
    }

    private static VerifyReport runAndVerify(String name, Recipe recipe, boolean show) throws Exception {
        Path out = Files.createDirectories(tmp.resolve(name));
        VerifyCorpus.run(in, out, recipe, secret);
        return new Verifier(VerifyOptions.of(out).withInput(in).withRecipe(recipe, name)
                .withSecret(VerifyOptions.existingSecret(vault)).showingValues(show)).run();
    }

    /** "KIND path keyword: detail", the same for every file of a patient. */
    private static Map<String, Set<String>> perFile(VerifyReport r) {
        return r.findings().stream().collect(Collectors.groupingBy(Finding::file, Collectors.mapping(
                f -> f.kind() + " " + f.path() + " " + f.keyword() + ": " + f.detail(),
                        Collectors.toCollection(TreeSet::new))));
    }

    @Test
    void dicomBasicOutputPassesWithNoFinding() throws Exception {
        VerifyReport r = runAndVerify("basic", VerifyCorpus.profile("dicom-basic"), false);
        assertThat(r.findings()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.counts().pairs()).isEqualTo(6);
        assertThat(r.counts().outputs()).isEqualTo(6);
        assertThat(r.studies()).hasSize(2).allMatch(VerifyReport.StudySummary::passed);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void anonymizeOutputReportsExactlyTheIdentifiersTheProfileLeaves() throws Exception {
        VerifyReport r = runAndVerify("anonymize", VerifyCorpus.profile("anonymize"), true);
        Set<String> expected = new TreeSet<>(List.of(
                "IDENTIFIER (0008,0020) StudyDate: date from StudyDate",
                "IDENTIFIER (0008,0023) ContentDate: date from StudyDate",
                "IDENTIFIER (0008,0050) AccessionNumber: accession from AccessionNumber",
                "IDENTIFIER (0008,0080) InstitutionName: institution from InstitutionName",
                "IDENTIFIER (0009,1001) [ACME 1.0]: name from PatientName",
                "IDENTIFIER (0010,0020) PatientID: id from PatientID",
                "IDENTIFIER (0040,0275)[0](0040,0008)[0](0008,0104) CodeMeaning: name from PatientName",
                "IDENTIFIER (0040,0275)[0](0040,0009) ScheduledProcedureStepID: id from PatientID",
                "IDENTIFIER (0040,0275)[0](0040,1001) RequestedProcedureID: accession from AccessionNumber",
                "REFERENCE_OUTSIDE_SET (0008,1120)[0](0008,1155) ReferencedSOPInstanceUID: "
                        + FindingKind.REFERENCE_OUTSIDE_SET.meaning()));
        Map<String, Set<String>> byFile = perFile(r);
        assertThat(byFile).hasSize(6);
        byFile.values().forEach(s -> assertThat(s).isEqualTo(expected));
        // what was found is the original value itself: the patient's name, ID, accession, institution, study date
        Set<String> values = r.findings().stream().filter(f -> f.file().startsWith("subject-b")).map(Finding::value)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(values).containsExactly("2.25.201829262491953888745720281260035182044", "20010310", "ACC-0002",
                        "FICTIONAL CLINIC", "MÜSTERMANN^ERIKA", "PID-0002");
        assertThat(r.passed()).isFalse();
        assertThat(r.studies()).noneMatch(VerifyReport.StudySummary::passed);
    }

    @Test
    void aRecipeThatKeepsPatientNameFailsNamingPatientName() throws Exception {
        Recipe mistake = VerifyCorpus.withOverride(VerifyCorpus.profile("dicom-basic"),
                new Recipe.OverrideRule(new Selector.TagIs(Tag.PatientName), Condition.ALWAYS, new Keep(), 7));
        VerifyReport r = runAndVerify("mistake", mistake, false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).hasSize(6).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.IDENTIFIER);
            assertThat(f.path()).isEqualTo("(0010,0010)");
            assertThat(f.keyword()).isEqualTo("PatientName");
            assertThat(f.rule()).isEqualTo("K (recipe line 7)");
        });
        // masked: the first character and asterisks only
        assertThat(r.findings()).extracting(Finding::value).containsOnly("D*******", "M***********");
    }
}
