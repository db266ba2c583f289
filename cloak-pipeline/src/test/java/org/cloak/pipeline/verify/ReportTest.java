package org.cloak.pipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.FindingKind;
import org.cloak.deid.verify.Masking;
import org.cloak.deid.verify.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports as a reviewer gets them: JSON that reads back, HTML rendered by a real browser, sign-off lines. */
class ReportTest {
    @TempDir
    Path tmp;

    static VerifyReport sample() {
        List<Finding> findings = List.of(
                new Finding(Severity.FAIL, FindingKind.IDENTIFIER, "a/1.dcm", "(0010,0010)", "PatientName",
                        "K (recipe line 7)", "name from PatientName", Masking.mask("DOE^<JANE>")),
                new Finding(Severity.WARN, FindingKind.REFERENCE_OUTSIDE_SET, "b/1.dcm", "(0008,1120)[0](0008,1155)",
                        "ReferencedSOPInstanceUID", "", "outside", "2.25.1"));
        List<VerifyReport.StudySummary> studies = List.of(
                new VerifyReport.StudySummary("P001", "2.25.10", 2, 1, 0, false, List.of(
                        new VerifyReport.SeriesSummary("2.25.11", "CT", 1, 1, 0, false),
                        new VerifyReport.SeriesSummary("2.25.12", "CT", 1, 0, 0, true))),
                new VerifyReport.StudySummary("P002", "2.25.20", 1, 0, 1, true, List.of(
                        new VerifyReport.SeriesSummary("2.25.21", "MR", 1, 0, 1, true))));
        return new VerifyReport("/out", "/in", "dicom-basic", "2026-01-02T03:04:05Z", 12, false, false,
                new VerifyReport.Counts(3, 3, 3, 0, 1, 1), studies, findings, List.of("a <note>"));
    }

    @Test
    void jsonReadsBackAsTheSameReport() throws Exception {
        Path f = tmp.resolve("qc.json");
        ReportJson.write(sample(), f);
        assertThat(ReportJson.read(f)).isEqualTo(sample());
        assertThat(Files.readString(f)).contains("\"kind\" : \"IDENTIFIER\"").contains("\"value\" : \"D*********\"")
                .doesNotContain("JANE");
    }

    @Test
    void htmlSummaryTableRendersInHeadlessChromium() throws Exception {
        Path page = tmp.resolve("qc.html");
        ReportHtml.write(sample(), page);
        String dom = chromiumDom(page);
        assertThat(dom).contains("<table id=\"summary\">");
        String summary = dom.substring(dom.indexOf("<table id=\"summary\">"),
                dom.indexOf("</table>", dom.indexOf("<table id=\"summary\">")));
        assertThat(summary.split("<tr class=\"study\"", -1)).hasSize(3);
        assertThat(summary.split("<tr class=\"series\"", -1)).hasSize(4);
        assertThat(summary).contains("<td>P001</td>").contains("<code>2.25.21</code>")
                .contains("<td class=\"fail\">FAIL</td>");
        assertThat(dom).contains("<span id=\"verdict\" class=\"fail\">FAIL</span>");
        assertThat(dom).contains("D*********").doesNotContain("<JANE>").contains("a &lt;note&gt;");
    }

    @Test
    void signOffsAreAppendedAsJsonLinesInTheStateFolder() throws Exception {
        SignOffLog.append(tmp, SignOff.of(sample(), "R. Eviewer", "first look", "2026-01-02T10:00:00Z"));
        SignOffLog.append(tmp, SignOff.of(sample(), "A. Nother", "agreed", "2026-01-03T10:00:00Z"));
        Files.writeString(SignOffLog.fileIn(tmp), "{\"reviewer\":\"torn", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<SignOff> all = SignOffLog.read(tmp);
        assertThat(all).extracting(SignOff::reviewer).containsExactly("R. Eviewer", "A. Nother");
        assertThat(all.get(1)).isEqualTo(new SignOff("A. Nother", "2026-01-03T10:00:00Z", "/out", "/in", "dicom-basic",
                false, 3, 1, 1, "agreed"));
        assertThat(SignOffLog.fileIn(tmp)).isEqualTo(tmp.resolve(".cloak/signoff.jsonl"));
    }

    /** The DOM after Chromium has parsed and laid out the page; fails loudly when Chromium is missing. */
    static String chromiumDom(Path page) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("chromium is not installed: apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()));
        Path outFile = Files.createTempFile("dom", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as("chromium exit status").isZero();
        return Files.readString(outFile);
    }
}
