package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real public scripts sites run today, each over the dicom-basic base profile, on a
 * PHI-rich study: cloak run writes every file and cloak verify, given the same flags, passes
 * (nothing identifying is left, and every change is the one the rules make). The scripts are
 * read from ../shared/data/scripts, which CI has; elsewhere the test is skipped with a message.
 */
class RealScriptsVerifyTest {
    private static final Path SCRIPTS = Path.of(System.getProperty("basedir", ".")).resolve("../../shared/data/scripts")
            .normalize();

    @TempDir
    Path dir;
    String stdout;
    String stderr;

    @Test
    void xnatsBasicDicomEditScriptOverDicomBasicLeavesNothingIdentifying() throws Exception {
        runAndVerify(script("dicomedit/danielmarcus+xnat-monorepo/src/main/resources/basic-2017.das"));
    }

    @Test
    void ctpsBasicProfileOverDicomBasicLeavesNothingIdentifying() throws Exception {
        runAndVerify(script("ctp/johnperry+CTP/source/files/profiles/dicom/DICOM-PS3.15-Basic"), "--recipe-format",
                "ctp", "--param", "DATEINC=-10", "--param", "UIDROOT=1.2.3");
    }

    private Path script(String relative) {
        Path p = SCRIPTS.resolve(relative);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isRegularFile(p), "the public scripts are not at " + SCRIPTS);
        }
        assertThat(p).as("public script (CI has ../shared)").isRegularFile();
        return p;
    }

    private void runAndVerify(Path script, String... flags) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/study"));
        for (int i = 1; i <= 3; i++) {
            Fixtures.write(Fixtures.ct().patientName("DOE^JANE").patientId("PID-9911").birthDate("19601203")
                    .accessionNumber("ACC-77").referringPhysician("WHO^DOCTOR").institution("SAINT NOWHERE CLINIC")
                    .studyDate("20240105").instance(i).build(), in.resolve(i + ".dcm"));
        }
        List<String> common = new ArrayList<>(List.of("--in", dir.resolve("in").toString(), "--out",
                dir.resolve("out").toString(), "--recipe", script.toString(), "--profile", "dicom-basic", "--vault",
                dir.resolve("vault").toString(), "--key-file", dir.resolve("vault.key").toString()));
        common.addAll(List.of(flags));
        // the scripts' own UIDs (unkeyed hashes) are not Cloak's: outputs are paired with inputs by path
        List<String> run = new ArrayList<>(List.of("run", "--layout", "mirror"));
        run.addAll(common);
        assertThat(cloak(run.toArray(String[]::new))).as(stderr).isZero();
        List<String> verify = new ArrayList<>(List.of("verify"));
        verify.addAll(common);
        assertThat(cloak(verify.toArray(String[]::new))).as(stdout + stderr).isZero();
        assertThat(stdout).startsWith("cloak verify: PASS: 3 outputs, 3 compared with their original, 0 failing");
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }
}
