package org.cloak.pipeline.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.rule.RuleSet;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.run.DeidRun;
import org.cloak.pipeline.run.Progress;
import org.cloak.pipeline.run.RunOptions;
import org.cloak.pipeline.run.RunSummary;
import org.cloak.pipeline.source.InputSource;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every profile over a study written by dcmtk and checks the outputs with independent
 * tools (dcmdump, gdcmdump, dciodvfy), for reference consistency, for reproducibility, and by
 * a raw byte search for every injected PHI string.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileOutputsTest {
    private static final List<String> PROFILES = List.of("original", "anonymize", "anonymize-full", "dicom-basic",
            "hipaa");
    private static final LocalDate PROCESSING_DATE = LocalDate.of(2026, 1, 2);
    private static final List<String> FILES = List.of("ko/ko1.dcm", "pr/pr1.dcm", "series1/ct1.dcm", "series1/ct2.dcm",
            "series2/ct3.dcm");

    Path dir;
    Path study;
    Secret secret;
    final Map<String, Path> outputs = new HashMap<>();
    final Map<String, RuleSet> rules = new HashMap<>();

    @BeforeAll
    void runEveryProfile(@TempDir Path tmp) throws Exception {
        dir = tmp;
        study = RealisticStudy.write(dir);
        secret = SecretStore.loadOrCreate(dir.resolve("vault"));
        for (String profile : PROFILES) {
            Path out = dir.resolve("out-" + profile);
            RunSummary s = run(profile, out);
            assertThat(s.written()).as(profile).isEqualTo(FILES.size());
            assertThat(s.quarantined()).as(profile).isEmpty();
            assertThat(s.failed()).as(profile).isEmpty();
            outputs.put(profile, out);
        }
    }

    private RunSummary run(String profile, Path out) throws IOException, InterruptedException {
        Recipe d = Recipe.defaults();
        Recipe recipe = new Recipe(profile, Set.of(), d.categories(), d.patientId(), d.dates(), d.overrides(),
                d.keepPrivateCreators(), false, false);
        DeidRun run = DeidRun.of(recipe, secret, PROCESSING_DATE);
        rules.put(profile, run.config().rules());
        return run.run(InputSource.list(List.of(study)), RunOptions.defaults(out).withThreads(2), new Progress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"original", "anonymize", "anonymize-full", "dicom-basic", "hipaa"})
    void everyOutputIsReadByDcmdumpAndGdcmdumpAndHasNoNewDciodvfyErrors(String profile) throws IOException {
        Path out = outputs.get(profile);
        List<String> unexplained = new ArrayList<>();
        for (String f : FILES) {
            Path in = study.resolve(f);
            Path o = out.resolve(f);
            if (profile.equals("original")) {
                // nothing is changed, so nothing is claimed: no Patient Identity Removed
                assertThat(Oracles.dcmdump(o, "-M")).as(f).doesNotContain("(0012,0062)");
            } else {
                assertThat(Oracles.dcmdump(o, "-M")).as(f).contains("(0012,0062) CS [YES]");
                assertThat(Oracles.gdcmdump(o)).as(f).containsPattern("\\(0012,0062\\) [^\\n]*\\[YES");
            }
            List<String> before = Oracles.dciodvfyErrors(Oracles.dciodvfy(in));
            assertThat(before).as("dciodvfy errors of input " + f).isEmpty();
            DciodvfyDiff.Result diff = DciodvfyDiff.compare(before, Oracles.dciodvfyErrors(Oracles.dciodvfy(o)),
                    rules.get(profile), DicomReader.read(in).dataset());
            diff.excused().forEach(e ->
                    System.out.println(profile + " " + f + ": excused by the profile's rule: " + e));
            diff.unexplained().forEach(e -> unexplained.add(f + ": " + e));
        }
        assertThat(unexplained).as("new dciodvfy errors in the " + profile + " outputs").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"original", "anonymize", "anonymize-full", "dicom-basic", "hipaa"})
    void outputsKeepTheInputsTransferSyntaxAndTheirMetaFollowsTheDataSet(String profile) throws IOException {
        for (String f : FILES) {
            DicomFile in = DicomReader.read(study.resolve(f));
            DicomFile out = DicomReader.read(outputs.get(profile).resolve(f));
            assertThat(out.transferSyntax()).as(f).isEqualTo(in.transferSyntax());
            assertThat(out.fileMeta().getString(Tag.MediaStorageSOPInstanceUID)).as(f)
                    .isEqualTo(out.dataset().getString(Tag.SOPInstanceUID));
            assertThat(out.fileMeta().getString(Tag.MediaStorageSOPClassUID)).as(f)
                    .isEqualTo(out.dataset().getString(Tag.SOPClassUID));
        }
    }

    @Test
    void dicomBasicKeepsEveryReferenceResolvableAndTheSharedFrameOfReferenceShared() throws IOException {
        Map<String, DataSet> byFile = read(outputs.get("dicom-basic"));
        Set<String> sops = new TreeSet<>();
        byFile.values().forEach(ds -> sops.add(ds.getString(Tag.SOPInstanceUID)));
        assertThat(sops).hasSize(FILES.size()).allMatch(u -> u.startsWith("2.25."))
                .doesNotContainAnyElementsOf(RealisticStudy.INSTANCE_UIDS);

        List<String> refs = new ArrayList<>();
        byFile.values().forEach(ds -> collect(ds, Tag.ReferencedSOPInstanceUID, refs));
        // PR: 2 images; KO: 3 evidence references (CT 2, CT 3, PR) and 2 image content items, if content survives
        assertThat(refs).hasSizeGreaterThanOrEqualTo(5);
        assertThat(sops).containsAll(refs);
        List<String> seriesRefs = new ArrayList<>();
        byFile.values().forEach(ds -> collect(ds, Tag.SeriesInstanceUID, seriesRefs));
        Set<String> series = new TreeSet<>();
        byFile.values().forEach(ds -> series.add(ds.getString(Tag.SeriesInstanceUID)));
        assertThat(series).containsAll(seriesRefs);

        String for1 = byFile.get("series1/ct1.dcm").getString(Tag.FrameOfReferenceUID);
        assertThat(for1).startsWith("2.25.").isNotEqualTo(RealisticStudy.FRAME_OF_REFERENCE);
        assertThat(byFile.get("series1/ct2.dcm").getString(Tag.FrameOfReferenceUID)).isEqualTo(for1);
        assertThat(byFile.get("series2/ct3.dcm").getString(Tag.FrameOfReferenceUID)).isEqualTo(for1);
        Set<String> studies = new TreeSet<>();
        byFile.values().forEach(ds -> studies.add(ds.getString(Tag.StudyInstanceUID)));
        assertThat(studies).hasSize(1);
    }

    @Test
    void twoRunsWithTheSameVaultGiveByteIdenticalOutputs() throws Exception {
        Path again = dir.resolve("again");
        secret = SecretStore.loadOrCreate(dir.resolve("vault"));
        run("dicom-basic", again);
        Path first = outputs.get("dicom-basic");
        List<Path> a = ByteSearch.files(first);
        List<Path> b = ByteSearch.files(again);
        assertThat(b.stream().map(again::relativize).toList()).isEqualTo(a.stream().map(first::relativize).toList());
        for (Path f : a) {
            assertThat(Files.readAllBytes(again.resolve(first.relativize(f)))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dicom-basic", "hipaa"})
    void noInjectedPhiStringSurvivesAnywhereInTheBytes(String profile) throws IOException {
        List<Path> files = ByteSearch.files(outputs.get(profile));
        assertThat(files).hasSize(FILES.size());
        Map<String, Long> found = new TreeMap<>();
        RealisticStudy.PHI.forEach((what, value) -> {
            long n = ByteSearch.count(files, value);
            if (n > 0) {
                found.put(what + " '" + value + "'", n);
            }
        });
        RealisticStudy.INSTANCE_UIDS.forEach(uid -> {
            long n = ByteSearch.count(files, uid);
            if (n > 0) {
                found.put("original UID " + uid, n);
            }
        });
        assertThat(found).as("PHI found in the " + profile + " outputs").isEmpty();
    }

    @Test
    void theInputHoldsEveryInjectedString() throws IOException {
        List<Path> files = ByteSearch.files(study);
        RealisticStudy.PHI.forEach((what, value) -> assertThat(ByteSearch.count(files, value)).as(what).isPositive());
    }

    /**
     * NiDB's anonymize empties five attributes and nothing else, so every injected string that
     * also lives elsewhere survives, and the counts say exactly where (five files; "x3" = the
     * three CT images only).
     */
    @Test
    void anonymizeLeavesExactlyTheExpectedSurvivors() throws IOException {
        List<Path> files = ByteSearch.files(outputs.get("anonymize"));
        Map<String, Long> found = new TreeMap<>();
        RealisticStudy.PHI.forEach((what, value) -> found.put(what, ByteSearch.count(files, value)));
        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // PatientName is emptied; the name stays in the private block, in OtherPatientNames
                // (DOE^JANEY), in the Request Attributes item and its nested code meaning (4 x 5 files),
                // in SeriesDescription (x3) and in the key object's text item (1)
                Map.entry("name (PN form)", 24L),
                Map.entry("name (family given)", 8L),   // StudyDescription x5, ProtocolName x3
                Map.entry("name (given family)", 8L),   // PatientComments x5, ImageComments x3
                Map.entry("other name", 5L),            // OtherPatientNames
                Map.entry("patient id", 5L),
                Map.entry("other patient id (nested)", 5L),
                Map.entry("issuer of patient id", 5L),
                Map.entry("birth date", 0L),            // PatientBirthDate emptied: the one string that goes
                Map.entry("birth date (text)", 5L),     // PatientComments
                Map.entry("accession number", 10L),     // top level and inside Request Attributes
                Map.entry("institution", 5L),
                Map.entry("address", 10L),              // InstitutionAddress and PatientAddress
                Map.entry("department", 5L),
                Map.entry("telephone", 5L),
                Map.entry("referring physician", 5L),   // ReferringPhysicianName emptied; RequestingPhysician stays
                Map.entry("performing physician", 5L),  // PerformingPhysicianName emptied; PhysiciansOfRecord stays
                Map.entry("reading physician", 5L),
                Map.entry("operator", 1L),              // OperatorsName emptied; the PR's ContentCreatorName stays
                Map.entry("station", 5L)));
        for (DataSet ds : read(outputs.get("anonymize")).values()) {
            for (int tag : new int[] {Tag.PatientName, Tag.PatientBirthDate, Tag.ReferringPhysicianName,
                    Tag.PerformingPhysicianName, Tag.OperatorsName}) {
                assertThat(ds.get(tag)).as(DataSet.keywordOf(tag)).isNotNull();
                assertThat(ds.get(tag).value().length()).as(DataSet.keywordOf(tag)).isZero();
            }
        }
    }

    @Test
    void originalKeepsEveryInjectedString() throws IOException {
        List<Path> in = ByteSearch.files(study);
        List<Path> out = ByteSearch.files(outputs.get("original"));
        RealisticStudy.PHI.forEach((what, value) ->
                assertThat(ByteSearch.count(out, value)).as(what).isEqualTo(ByteSearch.count(in, value)));
    }

    private static Map<String, DataSet> read(Path dir) throws IOException {
        Map<String, DataSet> m = new TreeMap<>();
        for (String f : FILES) {
            m.put(f, DicomReader.read(dir.resolve(f)).dataset());
        }
        return m;
    }

    /** Every value of {@code tag} at any depth below the top level. */
    private static void collect(DataSet ds, int tag, List<String> into) {
        for (Element e : ds) {
            if (e.value() instanceof Sequence seq) {
                for (DataSet item : seq) {
                    String v = item.getString(tag);
                    if (v != null && e.vr() == Vr.SQ) {
                        into.add(v);
                    }
                    collect(item, tag, into);
                }
            }
        }
    }
}
