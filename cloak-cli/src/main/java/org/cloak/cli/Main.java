package org.cloak.cli;

import picocli.CommandLine;

/** Entry point of the {@code cloak} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(CloakCommand.commandLine(args).execute(args));
    }
}
