package org.cloak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cloak pixels}: reports on burned-in text and previews of frames. */
@Command(name = "pixels", mixinStandardHelpOptions = true,
        description = "Burned-in text: scan a folder (rules and OCR hits), render a frame, propose region rules.",
        subcommands = {PixelsScanCommand.class, PixelsRenderCommand.class, PixelsProposeCommand.class,
            CommandLine.HelpCommand.class})
public final class PixelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
