package org.cloak.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process, capturing what it prints. */
final class Cli {
    record Result(int status, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        CommandLine cl = CloakCommand.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int status = cl.execute(args);
        return new Result(status, o.toString(), e.toString());
    }
}
