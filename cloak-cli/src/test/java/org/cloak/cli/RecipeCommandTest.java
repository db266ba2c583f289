package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecipeCommandTest {
    private static final Path RECIPES = Path.of(System.getProperty("basedir", ".")).resolve("../recipes");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cloak(String... args) {
        CommandLine cl = CloakCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @TempDir
    Path scripts;

    @Test
    void checkAndExplainReadScriptsAndNameTheLineAndColumnOfAFault() throws IOException {
        Path good = Files.writeString(scripts.resolve("site.das"), "version \"6.3\"\n(0010,0010) := \"ANON\"\n"
                + "-(0010,0030)\n");
        Path bad = Files.writeString(scripts.resolve("bad.das"), "version \"6.3\"\n(0010,0010) := lowercase(\n");
        assertThat(cloak("recipe", "check", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(good + ": valid (dicomedit script, 1 pass)");
        assertThat(err.toString()).startsWith(bad + ":2:").doesNotContain("valid");

        out.getBuffer().setLength(0);
        assertThat(cloak("recipe", "explain", good.toString())).isZero();
        assertThat(out.toString()).containsPattern("\\(0010,0010\\).* -> create  \\[site.das line 2\\]")
                .containsPattern("\\(0010,0030\\).* -> X  \\[site.das line 3\\]")
                .contains("no base profile: the script runs alone");
        out.getBuffer().setLength(0);
        assertThat(cloak("recipe", "explain", "--profile", "dicom-basic", good.toString())).isZero();
        assertThat(out.toString()).contains("decided by the dicom-basic profile")
                .contains("(0008,0090)");
    }

    @Test
    void checkAcceptsEveryShippedRecipe() {
        Path lab = RECIPES.resolve("lab-manual.yaml");
        Path trial = RECIPES.resolve("trial-timepoints.yaml");
        Path shift = RECIPES.resolve("longitudinal-shift.yaml");
        assertThat(cloak("recipe", "check", lab.toString(), trial.toString(), shift.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(
                lab + ": valid (profile original, 19 attribute rules)",
                trial + ": valid (profile dicom-basic, 0 attribute rules)",
                shift + ": valid (profile dicom-basic, 0 attribute rules)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkReportsFileLineAndMessageOnStderr(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "profile: dicom-basic\nprofil: hipaa\n");
        assertThat(cloak("recipe", "check", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(bad + ":2: unknown key 'profil' (did you mean 'profile'?); allowed: [");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkFailsWhenAnyFileIsInvalidOrMissing(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThat(cloak("recipe", "check", RECIPES.resolve("lab-manual.yaml").toString(), missing.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith(missing + ": could not read the recipe: ");
    }

    @Test
    void checkReportsOptionsTheProfileRefuses(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "profile: original\noptions: [retain-uids]\n");
        assertThat(cloak("recipe", "check", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(bad + ":2: profile original takes no options");
    }

    @Test
    void explainPrintsTheLabsRules() {
        assertThat(cloak("recipe", "explain", RECIPES.resolve("lab-manual.yaml").toString())).isEqualTo(0);
        assertThat(out.toString().lines()).hasSize(19).contains(
                "(0008,0012) InstanceCreationDate  -> set \"Anonymous\"  [recipe line 13]",
                "(0008,0022) AcquisitionDate  -> processing-date  [recipe line 31]",
                "(0029,1009) (private, any creator)  -> set \"Anonymous\"  [recipe line 25]");
        assertThat(out.toString().lines().findFirst()).hasValue(
                "(0008,0012) InstanceCreationDate  -> set \"Anonymous\"  [recipe line 13]");
    }

    @Test
    void explainOfAnInvalidRecipeFailsLikeCheck(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "profile: dicom-basic\ndates: {mode: shifted}\n");
        assertThat(cloak("recipe", "explain", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(bad + ":2: unknown mode 'shifted' (did you mean 'shift'?)");
        assertThat(out.toString()).isEmpty();
    }
}
