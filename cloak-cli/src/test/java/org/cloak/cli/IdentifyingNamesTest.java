package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder named after the patient, under --layout mirror: run warns (or, with --strict,
 * refuses before writing anything), and verify fails on the name in the output's path; the
 * default layout carries no input name.
 */
class IdentifyingNamesTest {
    @TempDir
    Path dir;
    Path in;
    String stdout;
    String stderr;

    @BeforeEach
    void patientFolder() throws Exception {
        in = dir.resolve("in");
        Path folder = Files.createDirectories(in.resolve("DOE_JANE_DEMO-0001"));
        for (int i = 1; i <= 2; i++) {
            Fixtures.write(Fixtures.ct().patientName("DOE^JANE").instance(i).build(), folder.resolve(i + ".dcm"));
        }
    }

    @Test
    void mirrorWarnsAndVerifyFailsOnTheNameInThePath() {
        Path out = dir.resolve("out");
        assertThat(run(out, "--layout", "mirror")).as(stderr).isZero();
        assertThat(stderr).contains("cloak run: warning: 2 inputs have folder or file names holding their patient's"
                + " name, ID or dates, and --layout mirror copied them into the output");

        assertThat(verify(out)).isEqualTo(1);
        assertThat(stdout).contains("IDENTIFIER_IN_PATH");
    }

    @Test
    void strictRefusesBeforeWritingAnything() {
        Path out = dir.resolve("out");
        assertThat(run(out, "--layout", "mirror", "--strict")).isEqualTo(ExitCodes.FAILURE);
        assertThat(stderr).contains("2 inputs have folder or file names holding their patient's name, ID or dates,"
                + " which --layout mirror would copy into the output").doesNotContain("DOE");
        assertThat(out.resolve("DOE_JANE_DEMO-0001")).doesNotExist();
    }

    @Test
    void theDefaultLayoutCarriesNoInputNameAndVerifyPasses() {
        Path out = dir.resolve("out");
        assertThat(run(out, "--strict")).as(stderr).isZero();
        assertThat(stderr).doesNotContain("warning");
        assertThat(verify(out)).as(stdout).isZero();
    }

    private int run(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--in", in.toString(), "--out", out.toString(),
                "--vault", dir.resolve("vault").toString(), "--key-file", dir.resolve("vault.key").toString()));
        args.addAll(List.of(more));
        return cloak(args.toArray(String[]::new));
    }

    private int verify(Path out) {
        return cloak("verify", "--out", out.toString(), "--in", in.toString(), "--vault", dir.resolve("vault")
                .toString(), "--key-file", dir.resolve("vault.key").toString());
    }

    private int cloak(String... args) {
        Cli.Result r = Cli.run(args);
        stdout = r.out();
        stderr = r.err();
        return r.status();
    }
}
