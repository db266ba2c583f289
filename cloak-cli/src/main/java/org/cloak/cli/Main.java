package org.cloak.cli;

/** Entry point of the {@code cloak} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(CloakCommand.commandLine(args).execute(args));
    }
}
