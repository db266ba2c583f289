package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.scan.PixelScan;
import org.cloak.pixel.text.TesseractCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak pixels scan DIR}: per file, the pixel rules that match and the words OCR finds (TSV or JSON). */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Reports which files the recipe's pixel rules clean and what OCR finds in every frame; "
                + "one TSV line per hit (file, frame, box, confidence, class), or JSON.")
public final class PixelsScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder (or file) to scan")
    Path dir;

    @Option(names = "--recipe", paramLabel = "FILE", description = "recipe whose pixels rules are reported")
    Path recipe;

    @Option(names = "--no-ocr", description = "report rules only")
    boolean noOcr;

    @Option(names = "--json", description = "one JSON object per file")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PixelScan scan = scanner(recipe, noOcr);
            if (!json) {
                out.println("file\tframe\tx\ty\twidth\theight\tconfidence\tclass\trules");
            }
            for (Path p : files(dir)) {
                PixelScan.Report r;
                try {
                    r = scan.scan(DicomReader.read(p));
                } catch (IOException e) {
                    continue; // not DICOM
                }
                print(out, dir.relativize(p).toString(), r);
            }
            return ExitCodes.OK;
        } catch (IOException | RecipeException e) {
            err.println("cloak pixels scan: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    static PixelScan scanner(Path recipe, boolean noOcr) throws RecipeException {
        PixelPolicy policy = recipe == null ? PixelPolicy.none() : RecipeReader.read(recipe).pixels();
        return new PixelScan(policy, PixelCodecs.standard(), noOcr ? null : TesseractCli.standard());
    }

    static List<Path> files(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.cloak/")).sorted().toList();
        }
    }

    private void print(PrintWriter out, String name, PixelScan.Report r) {
        String rules = String.join(",", r.rules());
        if (json) {
            StringBuilder b = new StringBuilder("{\"file\":\"").append(name.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",\"rules\":[");
            b.append(String.join(",", r.rules().stream().map(n -> "\"" + n + "\"").toList())).append("],\"hits\":[");
            b.append(String.join(",", r.hits().stream().map(h -> String.format(Locale.ROOT,
                    "{\"frame\":%d,\"box\":[%d,%d,%d,%d],\"confidence\":%.0f,\"class\":\"%s\"}", h.frame(), h.x(),
                    h.y(), h.width(), h.height(), h.confidence(), h.phi() ? "PHI" : "TEXT")).toList()));
            b.append("]").append(r.problem() == null ? "" : ",\"problem\":\"" + r.problem() + "\"").append("}");
            out.println(b);
            return;
        }
        if (r.hits().isEmpty()) {
            out.println(name + "\t\t\t\t\t\t\t" + (r.problem() == null ? "" : r.problem()) + "\t" + rules);
        }
        for (PixelScan.Hit h : r.hits()) {
            out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%d\t%.0f\t%s\t%s%n", name, h.frame(), h.x(), h.y(), h.width(),
                    h.height(), h.confidence(), h.phi() ? "PHI" : "TEXT", rules);
        }
    }
}
