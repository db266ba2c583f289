package org.cloak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CloakCommandTest {
    private record Outcome(int status, String out, String err) {}

    private static Outcome execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void aCommandLineBuiltForItsSubcommandBehavesAsTheWholeOne() {
        for (List<String> args : List.of(List.of("run", "--help"), List.of("run"), List.of("run", "--in", "x"),
                List.of("run", "-V"), List.of("vault"), List.of("vault", "lookup", "--help"), List.of("vault", "nope"),
                List.of("recipe", "check", "--help"), List.of("dump", "--help"), List.of("inspect"),
                List.of("listen", "--help"), List.of("verify", "--bogus"), List.of("send"), List.of("echo", "--help"),
                List.of("diff"))) {
            String[] a = args.toArray(String[]::new);
            assertThat(execute(CloakCommand.commandLine(a), a)).as(String.join(" ", args))
                    .isEqualTo(execute(CloakCommand.commandLine(), a));
        }
    }

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        assertThat(CloakCommand.commandLine("run", "--help").getSubcommands()).containsOnlyKeys("run");
        assertThat(CloakCommand.commandLine("vault").getSubcommands().get("vault").getSubcommands())
                .containsOnlyKeys("lookup", "export");
    }

    @Test
    void anythingElseGetsTheWholeCommandLine() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "run"},
                new String[] {"runs"}, new String[] {"--version"})) {
            assertThat(CloakCommand.commandLine(args).getSubcommands()).containsKeys("run", "dump", "vault", "help");
            assertThat(execute(CloakCommand.commandLine(args), args))
                    .isEqualTo(execute(CloakCommand.commandLine(), args));
        }
    }
}
