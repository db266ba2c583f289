package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloak.deid.Outcome;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Every public CTP script in the shared collection ({@code ../shared/data/scripts/ctp}, see its
 * PROVENANCE.md) loads, or is refused for a documented reason: the ProTECT III script calls a
 * site plugin ({@code @call}), and the DicomPixelAnonymizer libraries are not DicomAnonymizer
 * scripts. The lookup table and the date offset a site gives with the script are given here as
 * such a site would: CTP's shipped profiles hold a sentence ("Enter your date offset...") in
 * DATEINC for the site to replace, and without {@code --param DATEINC=N} they are refused (and
 * TCIA-BasicAdditions, added to TCIA-Basic by CTP's configurator, uses the UIDROOT it defines).
 */
class RealCtpScriptsTest {
    /** File name → words of the documented refusal. */
    private static final Map<String, String> REFUSED = Map.of(
            "TDLD+CT-imaging-deidentification/DicomAnonymizer.script", "calls a CTP plugin",
            "gkowalski+ctp_deid_pipeline/DicomPixelAnonymizer.script", "pixel anonymizer",
            "johnperry+CTP/source/files/scripts/DicomPixelAnonymizer.script", "pixel anonymizer",
            "johnperry+CTP/source/files/examples/example-dicom-pixel-anonymizer.script", "pixel anonymizer");

    private static final ScriptInputs SITE = new ScriptInputs(Map.of(),
            Map.of("DATEINC", "-137", "UIDROOT", "1.2.826.0.1.3680043.10.999"),
            Map.of("ptid/PID-0001", "SUBJ-01", "site/PID-0001", "SITE-A"), false, false, false);

    @Test
    void everyPublicScriptLoadsOrIsRefusedForADocumentedReason() {
        Path dir = SharedScripts.folder("ctp");
        assumeTrue(dir != null, "../shared/data/scripts/ctp is absent: the public CTP scripts are not checked");
        List<String> unexpected = new ArrayList<>();
        List<String> engineFailures = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (Path f : SharedScripts.files(dir, "")) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            if (rel.equals("PROVENANCE.md")) {
                continue;
            }
            String expected = REFUSED.get(rel);
            try {
                CompiledScript s = CtpScripts.compile(f.getFileName().toString(), SharedScripts.text(f), SITE);
                loaded++;
                Outcome o = CtpRun.result(s, Fixtures.ct().build()).outcome();
                if (o instanceof Outcome.Quarantined q && q.kind() != Outcome.Reason.REFUSED) {
                    engineFailures.add(rel + ": " + q.kind());
                }
                if (expected != null) {
                    unexpected.add(rel + ": loaded, but it should be refused (" + expected + ")");
                }
            } catch (ScriptException e) {
                refused++;
                if (expected == null || !e.getMessage().contains(expected)) {
                    unexpected.add(rel + ": " + e.getMessage());
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(loaded).isGreaterThanOrEqualTo(35);
        assertThat(engineFailures).as("every script that loads runs on a PHI-rich CT without failing").isEmpty();
        assertThat(refused).isEqualTo(REFUSED.size());
    }

    @Test
    void aShippedProfileWithoutItsDateOffsetIsRefusedWithTheParameterToGive() {
        Path dir = SharedScripts.folder("ctp");
        assumeTrue(dir != null, "../shared/data/scripts/ctp is absent: the public CTP scripts are not checked");
        Path f = dir.resolve("johnperry+CTP/source/files/profiles/dicom/DICOM-PS3.15-RetainLongitudinalModifiedDates");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CtpScripts.compile("modified-dates",
                SharedScripts.text(f), ScriptInputs.none())).isInstanceOf(ScriptException.class)
                .hasMessageContaining("modified-dates:6:59: argument @DATEINC:")
                .hasMessageContaining("the number of days must be a whole number")
                .hasMessageContaining("--param");
    }

    @Test
    void theWorkedExampleOfTheDocsLoadsWithItsDateOffset() throws Exception {
        Path docs = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("examples/scripts");
        String site = SharedScripts.text(docs.resolve("ctp-site.script"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CtpScripts.compile("ctp-site.script", site,
                ScriptInputs.none())).hasMessageContaining("ctp-site.script:10:59: argument @DATEINC");
        Map<String, String> table = org.cloak.deid.script.load.Scripts.parseLookup("ctp-lookup.properties",
                SharedScripts.text(docs.resolve("ctp-lookup.properties")));
        assertThat(table).containsEntry("ptid/DEMO-0001", "SUBJ-001");
        CtpScripts.compile("ctp-site.script", site, new ScriptInputs(Map.of(), Map.of("DATEINC", "-3210"), table,
                false, false, false));
        CtpScripts.compile("ctp-filter.script", SharedScripts.text(docs.resolve("ctp-filter.script")),
                ScriptInputs.none());
    }
}
