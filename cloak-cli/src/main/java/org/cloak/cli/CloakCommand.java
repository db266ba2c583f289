package org.cloak.cli;

import org.cloak.dicom.io.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each capability is a subcommand. */
@Command(name = "cloak", mixinStandardHelpOptions = true, versionProvider = CloakCommand.VersionInfo.class,
        description = "De-identifies DICOM for research, and proves it.",
        subcommands = {DumpCommand.class, RunCommand.class, RecipeCommand.class, EchoCommand.class, SendCommand.class,
                ListenCommand.class, InspectCommand.class, DiffCommand.class, VerifyCommand.class, VaultCommand.class,
                CommandLine.HelpCommand.class})
public final class CloakCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A command line with Cloak's exit codes for usage errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CloakCommand());
        cl.setExitCodeExceptionMapper(ex -> ExitCodes.FAILURE);
        return cl;
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cloak " + Version.VERSION};
        }
    }
}
