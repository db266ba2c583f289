package org.cloak.pipeline.verify;


import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.testkit.Fixtures;

/**
 * A small study set with PHI in standard, nested and private attributes (the testkit's CT
 * fixture: Referenced Patient Sequence, Request Attributes Sequence with a code meaning naming
 * the patient, an "ACME 1.0" private block holding the name), and the engine run over it the way
 * {@code cloak run} does: discovery pass, then mirror layout.
 */
final class VerifyCorpus {
    static final String JANE = "DOE^JANE";
    static final String ERIKA = "MÜSTERMANN^ERIKA";
    static final String PHYSICIAN = "DOCTOR^FICTIVE";

    private VerifyCorpus() {}

    /**
     * Two patients: DOE^JANE (two series of two images), MÜSTERMANN^ERIKA (one series of two), in
     * folders that do not name them.
     */
    static Path write(Path dir) throws IOException {
        for (int series = 1; series <= 2; series++) {
            for (int i = 1; i <= 2; i++) {
                DataSet ds = Fixtures.ct().patientName(JANE).patientId("PID-0001").birthDate("19700102")
                        .accessionNumber("ACC-0001").referringPhysician(PHYSICIAN).studyDate("20000105")
                        .series(series).instance(i).build();
                Path folder = Files.createDirectories(dir.resolve("subject-a/s" + series));
                Fixtures.write(ds, folder.resolve("i" + i + ".dcm"));
            }
        }
        for (int i = 1; i <= 2; i++) {
            DataSet ds = Fixtures.ct().patientName(ERIKA).patientId("PID-0002").birthDate("19811224")
                    .accessionNumber("ACC-0002").referringPhysician(PHYSICIAN).studyDate("20010310")
                    .institution("FICTIONAL CLINIC").instance(i).build();
            Fixtures.write(ds, Files.createDirectories(dir.resolve("subject-b/s1")).resolve("i" + i + ".dcm"));
        }
        return dir;
    }

    static Recipe profile(String profile, ProfileOption... options) {
        return new Recipe(profile, Set.of(options), Map.of(), PatientIdConfig.defaults(), DateConfig.defaults(),
                List.of(), List.of(), false);
    }

    static Recipe withDates(Recipe r, DateConfig dates) {
        return new Recipe(r.profile(), r.options(), r.categories(), r.patientId(), dates, r.overrides(),
                r.keepPrivateCreators(), r.allowBurnedIn(), r.patientIdGiven());
    }

    static Recipe withOverride(Recipe r, Recipe.OverrideRule o) {
        List<Recipe.OverrideRule> all = new java.util.ArrayList<>(r.overrides());
        all.add(o);
        return new Recipe(r.profile(), r.options(), r.categories(), r.patientId(), r.dates(), all,
                r.keepPrivateCreators(), r.allowBurnedIn(), r.patientIdGiven());
    }

    static DateConfig shift() {
        DateConfig d = DateConfig.defaults();
        return new DateConfig(DateConfig.Mode.SHIFT, d.shiftMinDays(), d.shiftMaxDays(), false, d.schedule(), null,
                DateConfig.BirthDate.PROFILE);
    }

    /** De-identifies every file under {@code in} into {@code out}, same relative paths. */
    static void run(Path in, Path out, Recipe recipe, Secret secret) throws IOException {
        DeidConfig config = RecipeCompiler.compile(recipe, secret, LocalDate.now(), false);
        Deidentifier engine = new Deidentifier(config);
        PseudonymPlanner.Builder b = PseudonymPlanner.builder(recipe.patientId(), recipe.dates(), secret);
        List<Path> files = files(in);
        for (Path rel : files) {
            b.observe(DicomReader.read(in.resolve(rel)).dataset(), Origin.ofFile(in, rel));
        }
        PseudonymPlanner planner = b.build();
        for (Path rel : files) {
            DicomFile f = DicomReader.read(in.resolve(rel));
            DeidResult r = engine.deidentify(f.dataset(), planner.planFor(f.dataset(), Origin.ofFile(in, rel)));
            Outcome.Cleaned c = (Outcome.Cleaned) r.outcome();
            Path target = Files.createDirectories(out.resolve(rel).getParent()).resolve(rel.getFileName());
            write(new DataSet(), c.dataset(), f, target);
        }
    }

    static void write(DataSet meta, DataSet ds, DicomFile like, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            DicomWriter.write(meta, ds, like.transferSyntax(), ch);
        }
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        for (Path rel : files(from)) {
            Files.createDirectories(to.resolve(rel).getParent());
            Files.copy(from.resolve(rel), to.resolve(rel));
        }
    }
}
