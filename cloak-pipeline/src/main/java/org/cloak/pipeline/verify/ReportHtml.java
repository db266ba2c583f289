package org.cloak.pipeline.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.Severity;
import org.cloak.pipeline.verify.VerifyReport.SeriesSummary;
import org.cloak.pipeline.verify.VerifyReport.StudySummary;

/**
 * The report as one self-contained HTML page (no script, no external resource): the verdict,
 * then the summary table (a row per study, a row per series under it), then every finding.
 */
public final class ReportHtml {
    private static final String CSS = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;"
            + "vertical-align:top}th{background:#eee}.pass{background:#d9f2d9}.fail{background:#f8d0d0}"
            + ".warn{background:#fff1c2}tr.study td{font-weight:bold}code{font-size:.9em}"
            + "h1 .pass,h1 .fail{padding:0 .4em}";

    private ReportHtml() {}

    public static void write(VerifyReport r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    public static String render(VerifyReport r) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cloak verify: ")
                .append(r.passed() ? "PASS" : "FAIL").append("</title><style>").append(CSS).append(
                        "</style></head><body>\n");
        h.append("<h1>Cloak verify: <span id=\"verdict\" class=\"").append(r.passed() ? "pass\">PASS" : "fail\">FAIL")
                .append("</span></h1>\n<table id=\"run\">");
        row(h, "Output", r.outDir());
        row(h, "Originals", r.inDir().isEmpty() ? "(not given)" : r.inDir());
        row(h, "Recipe", r.recipe());
        row(h, "Checked at", r.startedAt() + " (" + r.millis() + " ms)");
        VerifyReport.Counts c = r.counts();
        row(h, "Files", c.outputs() + " outputs, " + c.inputs() + " inputs, " + c.pairs() + " compared, "
                + c.quarantined() + " quarantined by the run");
        row(h, "Findings", c.fails() + " failing, " + c.warnings() + " warnings"
                + (r.valuesShown() ? " (values shown)" : " (values masked)"));
        h.append("</table>\n");
        for (String note : r.notes()) {
            h.append("<p class=\"warn\">").append(esc(note)).append("</p>\n");
        }
        summary(h, r);
        findings(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, VerifyReport r) {
        h.append("<h2>Summary</h2>\n<table id=\"summary\"><thead><tr><th>Patient</th><th>Study</th><th>Series</th>"
                + "<th>Modality</th><th>Files</th><th>Failing</th><th>Warnings</th><th>Result</th></tr></thead>"
                + "<tbody>\n");
        for (StudySummary s : r.studies()) {
            h.append("<tr class=\"study\"><td>").append(esc(s.patient())).append("</td><td><code>")
                    .append(esc(s.study()))
                    .append("</code></td><td>").append(s.series().size()).append(" series</td><td></td>");
            counts(h, s.files(), s.fails(), s.warnings(), s.passed());
            for (SeriesSummary se : s.series()) {
                h.append("<tr class=\"series\"><td></td><td></td><td><code>").append(esc(se.series()))
                        .append("</code></td><td>").append(esc(se.modality())).append("</td>");
                counts(h, se.files(), se.fails(), se.warnings(), se.passed());
            }
        }
        h.append("</tbody></table>\n");
    }

    private static void counts(StringBuilder h, int files, long fails, long warns, boolean passed) {
        h.append("<td>").append(files).append("</td><td>").append(fails).append("</td><td>").append(warns)
                .append("</td><td class=\"").append(passed ? "pass\">PASS" : "fail\">FAIL").append("</td></tr>\n");
    }

    private static void findings(StringBuilder h, VerifyReport r) {
        h.append("<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            h.append("<p id=\"no-findings\">None.</p>\n");
            return;
        }
        h.append("<table id=\"findings\"><thead><tr><th>Severity</th><th>Kind</th><th>File</th><th>Attribute</th>"
                + "<th>Rule</th><th>Detail</th><th>Value</th></tr></thead><tbody>\n");
        for (Finding f : r.findings()) {
            h.append("<tr class=\"").append(f.severity() == Severity.FAIL ? "fail" : "warn").append("\"><td>")
                    .append(f.severity()).append("</td><td title=\"").append(esc(f.kind().meaning())).append("\">")
                    .append(f.kind()).append("</td><td>").append(esc(f.file())).append("</td><td><code>")
                    .append(esc(f.path())).append("</code> ").append(esc(f.keyword())).append("</td><td>")
                    .append(esc(f.rule())).append("</td><td>").append(esc(f.detail())).append("</td><td><code>")
                    .append(esc(f.value())).append("</code></td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
