package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cloak.pipeline.verify.TreeFiles;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.text.DicomJsonWriter;
import org.cloak.dicom.text.DumpPrinter;
import org.cloak.dicom.text.ElementFilter;
import org.cloak.dicom.text.SeriesTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak inspect}: a header browser for a file, or a series list for a folder. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the attribute tree of a DICOM file (sequences, items, private creators), or one line",
                "per series for a folder. Exit status: 0 every file parsed, 1 otherwise."})
public final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "a DICOM file or a folder")
    Path target;

    @Option(names = "--tag", paramLabel = "TAG", description
            = "show this tag, e.g. (0010,0010) or 00100010 (repeatable)")
    List<String> tags;

    @Option(names = "--keyword", paramLabel = "KEYWORD", description
            = "show this attribute, e.g. PatientName (repeatable)")
    List<String> keywords;

    @Option(names = "--private", description = "show private attributes and their creators")
    boolean privateOnly;

    @Option(names = "--json", description = "print the PS3.18 Annex F DICOM JSON model")
    boolean json;

    @Option(names = "--all", description = "for a folder: show every file instead of one line per series")
    boolean all;

    @Option(names = "--meta", description = "also show the file meta information group")
    boolean meta;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ElementFilter filter = filter();
            if (!Files.isDirectory(target)) {
                return show(out, err, target, filter, false) ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            return folder(out, err, filter);
        } catch (IllegalArgumentException | IOException e) {
            err.println("cloak inspect: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int folder(PrintWriter out, PrintWriter err, ElementFilter filter) throws IOException {
        int failed = 0;
        SeriesTable table = new SeriesTable();
        List<Path> files = TreeFiles.list(target);
        for (Path rel : files) {
            if (all) {
                failed += show(out, err, target.resolve(rel), filter, true) ? 0 : 1;
                continue;
            }
            try {
                table.add(DicomReader.read(target.resolve(rel)).dataset());
            } catch (IOException e) {
                err.println("cloak inspect: " + e.getMessage());
                failed++;
            }
        }
        if (!all) {
            table.print(out);
            out.println(table.series() + " series, " + (files.size() - failed) + " files"
                    + (failed > 0 ? ", " + failed + " not readable" : ""));
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private boolean show(PrintWriter out, PrintWriter err, Path file, ElementFilter filter, boolean named) {
        DicomFile f;
        try {
            f = DicomReader.read(file);
        } catch (IOException e) {
            out.flush();
            err.println("cloak inspect: " + e.getMessage());
            return false;
        }
        try {
            if (json) {
                DataSet ds = filter == null ? f.dataset() : filter.prune(f.dataset());
                new DicomJsonWriter(out, true).write(ds);
                return true;
            }
            if (named) {
                out.println("# " + file);
            }
            DumpPrinter printer = new DumpPrinter(out).filter(filter);
            if (meta && !f.fileMeta().isEmpty()) {
                out.println("# Meta Information Header");
                printer.print(f.fileMeta());
                out.println("# Dataset: " + f.transferSyntax().uid());
            }
            printer.print(f.dataset());
            return true;
        } catch (IOException e) {
            err.println("cloak inspect: " + e.getMessage());
            return false;
        }
    }

    /** The union of the filters asked for, or null to show everything. */
    private ElementFilter filter() {
        Set<Integer> chosen = new HashSet<>();
        if (tags != null) {
            tags.forEach(t -> chosen.add(Tags.parse(t)));
        }
        if (keywords != null) {
            for (String k : keywords) {
                int tag = ElementDictionary.standard().tagOf(k);
                if (tag == -1) {
                    throw new IllegalArgumentException("unknown keyword '" + k + "'");
                }
                chosen.add(tag);
            }
        }
        ElementFilter f = chosen.isEmpty() ? null : ElementFilter.tags(chosen);
        if (privateOnly) {
            f = f == null ? ElementFilter.privateOnly() : f.or(ElementFilter.privateOnly());
        }
        return f;
    }
}
