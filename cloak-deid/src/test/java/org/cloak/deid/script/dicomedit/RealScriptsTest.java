package org.cloak.deid.script.dicomedit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.junit.jupiter.api.Test;

/**
 * Every public DicomEdit script in the shared collection loads, or is refused for one of the
 * constructs Cloak documents as unsupported (getURL, makeSessionLabel, removing one item of a
 * sequence), or for a real mistake in the file (ICR's scripts hold placeholders that their
 * exporter replaces, and a format call without a comma).
 */
class RealScriptsTest {
    private static final Map<String, String> REFUSED = Map.of(
            "removeTagsNonexistent.das", "one item of a sequence",
            "removeTagsSequenceItem.das", "one item of a sequence",
            "standardSequenceDelete.das", "one item of a sequence",
            "standardSequenceDeleteLastItem.das", "one item of a sequence",
            "anonScriptExternal.das", "expected ',' or ']'",
            "anonScriptInternal.das", "expected the end of the statement",
            "anonScriptSimple.das", "character '<'");

    private static final ScriptInputs XNAT = new ScriptInputs(Map.of("project", "PRJ", "subject", "SUBJ",
            "session", "SESS_v1_MR"), Map.of(), Map.of(), false, false, false);

    @Test
    void everyPublicScriptLoadsOrIsRefusedForADocumentedReason() {
        Path dir = SharedScripts.folder("dicomedit");
        assumeTrue(dir != null, "../shared/data/scripts/dicomedit is absent: the public scripts are not checked");
        List<String> unexpected = new ArrayList<>();
        int loaded = 0;
        for (Path f : SharedScripts.files(dir, ".das")) {
            try {
                DicomEditScripts.compile(f.getFileName().toString(), SharedScripts.text(f), XNAT);
                loaded++;
            } catch (ScriptException e) {
                String expected = REFUSED.get(f.getFileName().toString());
                boolean documented = e.detail().contains("fetching a URL")
                        || e.detail().contains("XNAT's session records")
                        || expected != null && e.getMessage().contains(expected);
                if (!documented) {
                    unexpected.add(dir.relativize(f) + ": " + e.getMessage());
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(loaded).isGreaterThan(150);
    }
}
