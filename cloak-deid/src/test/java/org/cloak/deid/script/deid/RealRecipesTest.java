package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.junit.jupiter.api.Test;

/**
 * Every recipe in the shared collection of public deid recipes (../shared/data/scripts/deid, see
 * its PROVENANCE.md) is recognised as a deid recipe and loads, or is refused for a construct
 * docs/scripts.md lists as refused: a func: value (a Python function of the calling program, as
 * in deid's own examples of func:).
 */
class RealRecipesTest {
    private static final Map<String, String> REFUSED = Map.of(
            "pydicom+deid/examples/deid/deid.dicom-pusheen", "func:pusheenize",
            "pydicom+deid/examples/dicom/header-manipulation/deid.dicom", "func:generate_uid",
            "pydicom+deid/examples/dicom/header-manipulation/func-sequence-replace/deid.dicom", "func:generate_date",
            "eldorz+DicomAnon/deid.dicom", "func:generate_uid",
            "mdw-nl+anonymizer/recipes/recipe.dicom", "func:CSV_lookup_func");

    /** The var: values the recipes name, as a site gives them with --var. */
    static final ScriptInputs VARIABLES = new ScriptInputs(Map.of("id", "SUBJ-01", "source_id", "1.2.3.4",
            "entity_timestamp", "20000101", "item_timestamp", "20200101", "entity_id", "SUBJ-01", "item_id", "ACC-01",
            "patient_name", "ANON", "anon_patient_name", "ANON", "date_jitter", "-7", "PatientName", "ANON"),
            Map.of(), Map.of(), false, false, false);

    @Test
    void everyPublicRecipeLoadsOrIsRefusedForADocumentedReason() {
        Path dir = SharedScripts.folder("deid");
        assumeTrue(dir != null, "../shared/data/scripts/deid is absent: the public deid recipes are not checked");
        List<String> unexpected = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (Path f : SharedScripts.files(dir, "")) {
            String name = f.getFileName().toString();
            if (name.endsWith(".md")) {
                continue;
            }
            String text = SharedScripts.text(f);
            assertThat(ScriptFormat.detect(name, text)).as(name).isEqualTo(ScriptFormat.DEID);
            String key = dir.relativize(f).toString();
            try {
                DeidRecipes.compile(name, text, VARIABLES);
                loaded++;
                if (REFUSED.containsKey(key)) {
                    unexpected.add(dir.relativize(f) + ": loaded, expected refused");
                }
            } catch (ScriptException e) {
                String expected = REFUSED.get(key);
                if (expected == null || !e.getMessage().contains(expected)) {
                    unexpected.add(dir.relativize(f) + ": " + e.getMessage());
                } else {
                    refused++;
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(loaded).isEqualTo(29);
        assertThat(refused).isEqualTo(REFUSED.size());
    }
}
