package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.cloak.net.AeAddress;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Timeouts;
import org.cloak.net.dimse.Status;
import org.cloak.net.scu.EchoScu;
import org.cloak.net.scu.ScuOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak echo}: checks that a DICOM node answers (C-ECHO). The work is done by cloak-net's {@link EchoScu}. */
@Command(name = "echo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks that a DICOM node answers a C-ECHO (verification).",
                "Exit status: 0 the node answered success, 1 it did not (the reason is printed)."})
public final class EchoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AET@HOST:PORT", description = "the node: its AE title, host and port")
    String target;

    @Option(names = "--calling-aet", paramLabel = "AET", defaultValue = ScuOptions.DEFAULT_CALLING_AE_TITLE,
            description = "this node's AE title (default: ${DEFAULT-VALUE})")
    String callingAet;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "longest wait to connect and for each answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AeAddress node;
        ScuOptions options;
        try {
            node = AeAddress.parse(target);
            Duration t = Duration.ofSeconds(Math.max(1, timeoutSeconds));
            options = ScuOptions.of(callingAet).withTimeouts(new Timeouts(t, t, t));
        } catch (IllegalArgumentException e) {
            err.println("cloak echo: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        long t0 = System.nanoTime();
        try {
            Status status = new EchoScu(options).echo(node);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (status.isSuccess()) {
                out.println(node + ": echo succeeded in " + ms + " ms");
                return ExitCodes.OK;
            }
            err.println("cloak echo: " + node + " answered " + status.describe());
        } catch (IOException | NetException e) {
            err.println("cloak echo: could not verify " + node + ": " + e.getMessage());
        }
        return ExitCodes.FAILURE;
    }
}
