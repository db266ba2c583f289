package org.cloak.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cloak.pipeline.verify.Pairing;
import org.cloak.pipeline.verify.TreeFiles;
import org.cloak.pipeline.audit.CsvAuditWriter;
import org.cloak.pipeline.audit.Digests;

/**
 * Pairs outputs with inputs through a run's CSV audit report ({@link CsvAuditWriter}): each row
 * holds the input's path hash ({@link Digests#inputPath}, the very function the run used) and the
 * output path. The input tree is hashed the same way, so any layout pairs, whatever it renamed.
 * Lives in cloak-cli because the verifier (cloak-deid) cannot depend on the audit (cloak-pipeline).
 */
final class AuditPairing {
    private AuditPairing() {}

    /** Output path relative to the output folder, then the input relative to {@code inputRoot}. */
    static Pairing read(Path csv, Path inputRoot) throws IOException {
        Map<String, Path> inputsByHash = new HashMap<>();
        for (Path rel : TreeFiles.list(inputRoot)) {
            inputsByHash.put(Digests.inputPath(rel), rel);
        }
        Map<Path, Path> inputByOutput = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : format.parse(r)) {
                String output = unguard(rec.get(CsvAuditWriter.FILE_HEADER.get(1)));
                Path input = inputsByHash.get(rec.get(CsvAuditWriter.FILE_HEADER.get(0)));
                if (!output.isEmpty() && input != null) {
                    inputByOutput.put(relative(output), input);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": not a cloak audit CSV (needs the columns "
                    + String.join(",", CsvAuditWriter.FILE_HEADER.subList(0, 2)) + ")");
        }
        return (rel, sop) -> inputByOutput.get(rel);
    }

    /** The writer puts a {@code '} before a cell starting with = + - @ (spreadsheet formulas); undone here. */
    private static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    /** The report's {@code /}-separated path as a path of this platform. */
    private static Path relative(String slashed) {
        List<String> parts = List.of(slashed.split("/"));
        return Path.of(parts.get(0), parts.subList(1, parts.size()).toArray(String[]::new));
    }
}
