package org.cloak.pipeline.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV audit report: one row per input file in {@code report.csv}, and the run's summary as
 * {@code key,value} rows in {@code report.summary.csv} beside it (two files, so that each stays
 * a plain table for scripts and spreadsheets). A CSV never holds original values: this writer
 * has no way to write them, and {@link AuditReports#check} refuses a run that records them with
 * CSV reports only. Text cells starting with {@code = + - @} get a leading {@code '} so that a
 * spreadsheet does not run them as formulas.
 */
public final class CsvAuditWriter {
    public static final List<String> FILE_HEADER = List.of("input_sha256", "output", "study_instance_uid", "outcome",
            "tags_removed", "tags_modified", "tags_added", "time", "reason");

    private CsvAuditWriter() {}

    /** Writes {@code csv} and its summary file ({@link #summaryPath}). */
    public static void write(Path csv, AuditLog log, AuditSummary summary) throws IOException {
        ReportFiles.write(csv, out -> {
            CSVPrinter p = printer(out);
            p.printRecord(FILE_HEADER);
            log.forEachRecord(r -> p.printRecord(r.inputHash(), safe(r.output()), safe(r.study()), r.outcome(),
                    r.removed(), r.modified(), r.added(), DateTimeFormatter.ISO_INSTANT.format(r.time()),
                    safe(r.reason())));
            p.flush();
        });
        ReportFiles.write(summaryPath(csv), out -> {
            CSVPrinter p = printer(out);
            p.printRecord("key", "value");
            for (List<Object> row : SummaryRows.of(summary)) {
                p.printRecord(row.get(0), row.get(1) instanceof String s ? safe(s) : row.get(1));
            }
            p.flush();
        });
    }

    /** {@code report.csv} -> {@code report.summary.csv}. */
    public static Path summaryPath(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return csv.resolveSibling(base + ".summary.csv");
    }

    private static CSVPrinter printer(java.io.OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(w);
    }

    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
