package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cloak.net.AeAddress;
import org.cloak.net.assoc.Timeouts;
import org.cloak.net.scu.ScuOptions;
import org.cloak.net.scu.StoreResult.Outcome;
import org.cloak.net.scu.StoreResult;
import org.cloak.net.scu.StoreScu;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.io.PrivateFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code cloak send}: sends DICOM files to a node (C-STORE). The work is done by cloak-net's {@link StoreScu}. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends DICOM files and folders (recursively) to a DICOM node with C-STORE.",
                "Each file is sent as it is, in its own transfer syntax.",
                "Exit status: 0 every DICOM file was stored, 2 some failed, 1 usage error."})
public final class SendCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "AET@HOST:PORT", description = "the receiving node")
    String to;

    @Option(names = "--calling-aet", paramLabel = "AET", defaultValue = ScuOptions.DEFAULT_CALLING_AE_TITLE,
            description = "this node's AE title (default: ${DEFAULT-VALUE})")
    String callingAet;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "longest wait to connect and for each answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files and folders to send")
    List<Path> paths;

    @Option(names = "--include-originals",
            description = "send files from a folder of originals (a quarantine) too: they are not de-identified")
    boolean includeOriginals;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AeAddress node;
        ScuOptions options;
        List<Path> files;
        try {
            node = AeAddress.parse(to);
            Duration t = Duration.ofSeconds(Math.max(1, timeoutSeconds));
            options = ScuOptions.of(callingAet).withTimeouts(new Timeouts(t, t, t));
            files = files();
        } catch (IllegalArgumentException e) {
            err.println("cloak send: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("cloak send: could not list the input: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        long[] bytes = {0};
        long t0 = System.nanoTime();
        new StoreScu(options).send(node, files, r -> {
            counts.merge(r.outcome(), 1, Integer::sum);
            bytes[0] += r.bytes();
            out.println(line(r));
            out.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%d sent, %d with warnings, %d failed, %d skipped (not DICOM); %.1f MB in %.1f s%n",
                counts.getOrDefault(Outcome.SENT, 0), counts.getOrDefault(Outcome.WARNING, 0),
                counts.getOrDefault(Outcome.FAILED, 0), counts.getOrDefault(Outcome.SKIPPED, 0), bytes[0] / 1e6,
                        seconds);
        out.flush();
        return counts.getOrDefault(Outcome.FAILED, 0) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /**
     * The files to send: those named, and those under the folders named but for Cloak's state
     * folders (an output folder's journal and forward queue); refuses originals unless asked.
     */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!includeOriginals && PrivateFolders.holdsOriginals(p)) {
                throw new IllegalArgumentException(p + " lies in a folder of original data (a quarantine or spool):"
                        + " it is not de-identified; give --include-originals to send it anyway");
            }
            for (Path f : StoreScu.expand(List.of(p))) {
                Path rel = Files.isDirectory(p) ? p.relativize(f) : f.getFileName();
                if (rel.toString().isEmpty() || OutputFolder.isState(rel)) {
                    continue;
                }
                if (!includeOriginals && f.getFileName().toString().equals(PrivateFolders.MARKER)) {
                    throw new IllegalArgumentException(f.getParent() + " under " + p + " is a folder of original data"
                            + " (a quarantine or spool): give --include-originals to send it anyway");
                }
                files.add(f);
            }
        }
        return files;
    }

    private static String line(StoreResult r) {
        return switch (r.outcome()) {
            case SENT -> "sent     " + r.file();
            case WARNING -> "warning  " + r.file() + ": " + r.status().describe();
            case FAILED -> "FAILED   " + r.file() + ": " + r.reason();
            case SKIPPED -> "skipped  " + r.file() + ": " + r.reason();
        };
    }
}
