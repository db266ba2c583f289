package org.cloak.cli;

import org.cloak.dicom.io.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each capability is a subcommand. */
@Command(name = "cloak", mixinStandardHelpOptions = true, versionProvider = CloakCommand.VersionInfo.class,
        description = "De-identifies DICOM for research, and proves it.",
        subcommands = {DumpCommand.class, RunCommand.class, RecipeCommand.class, EchoCommand.class, SendCommand.class,
                ListenCommand.class, InspectCommand.class, DiffCommand.class, VerifyCommand.class, VaultCommand.class,
                ServeCommand.class, PixelsCommand.class, SparkCommand.class, CommandLine.HelpCommand.class})
public final class CloakCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A command line with Cloak's exit codes for usage errors. */
    public static CommandLine commandLine() {
        return withExitCodes(new CommandLine(new CloakCommand()));
    }

    /**
     * The command line for these arguments. When the first one names a subcommand, the root
     * holds that subcommand alone: picocli reads every command's annotations when it builds a
     * command line, and sparing it the ten others shortens every start. Any other first
     * argument (options, help, a typo) gets the whole command line.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> sub : CloakCommand.class.getAnnotation(Command.class).subcommands()) {
                Command c = sub.getAnnotation(Command.class);
                if (c != null && c.name().equals(args[0])) {
                    CommandLine root = new CommandLine(new Root());
                    root.addSubcommand(new CommandLine(sub));
                    return withExitCodes(root);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withExitCodes(CommandLine cl) {
        cl.setExitCodeExceptionMapper(ex -> ExitCodes.FAILURE);
        return cl;
    }

    /** The root of a command line built for one subcommand: its name is what usage messages show. */
    @Command(name = "cloak", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
            // only reached through a subcommand
        }
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cloak " + Version.VERSION};
        }
    }
}
