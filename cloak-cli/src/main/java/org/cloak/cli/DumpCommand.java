package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.text.DicomJsonWriter;
import org.cloak.dicom.text.DumpPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak dump}: lists the attributes of DICOM files. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Prints the attributes of DICOM files (dcmdump-like), or the DICOM JSON model with --json.")
public final class DumpCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files to list")
    List<Path> files;

    @Option(names = "--json", description = "print the PS3.18 Annex F DICOM JSON model")
    boolean json;

    @Option(names = "--no-meta", description = "leave out the file meta information group")
    boolean noMeta;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int failed = 0;
        for (Path file : files) {
            try {
                DicomFile f = DicomReader.read(file);
                print(out, file, f);
            } catch (IOException e) {
                out.flush();
                System.err.println("cloak dump: " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void print(PrintWriter out, Path file, DicomFile f) throws IOException {
        if (json) {
            new DicomJsonWriter(out, true).write(f.dataset());
            return;
        }
        if (files.size() > 1) {
            out.println("# " + file);
        }
        DumpPrinter printer = new DumpPrinter(out);
        if (!noMeta && !f.fileMeta().isEmpty()) {
            out.println("# Meta Information Header");
            printer.print(f.fileMeta());
            out.println();
        }
        out.println("# Dataset: " + f.transferSyntax().uid() + (f.transferSyntaxGuessed() ? " (guessed)" : ""));
        printer.print(f.dataset());
    }
}
