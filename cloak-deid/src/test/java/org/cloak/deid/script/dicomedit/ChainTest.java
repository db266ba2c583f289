package org.cloak.deid.script.dicomedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** A site script then a project script, as XNAT chains them, with and without a base profile. */
class ChainTest {
    private static DataSet ds() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.5");
        ds.setString(Tag.InstitutionName, Vr.LO, "FAKE HOSPITAL");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.StudyDate, Vr.DA, "20100430");
        return ds;
    }

    private static DataSet run(Recipe r) {
        DeidConfig c = RecipeCompiler.compile(r, Run.SECRET, LocalDate.of(2026, 1, 2), false);
        DeidResult res = new Deidentifier(c).deidentify(ds(), Run.PLAN);
        return ((Outcome.Cleaned) res.outcome()).dataset();
    }

    @Test
    void siteThenProjectEachPassOverThePreviousResult() throws ScriptException {
        CompiledScript site = Run.compile("version \"6.3\"", "-(0008,0080)", "(0008,0018) := hashUID[(0008,0018)]");
        CompiledScript project = Run.compile(Run.vars("subject", "S001"), "version \"6.3\"",
                "(0010,0010) := subject", "(0010,4000) := (0008,0018)");
        DataSet alone = run(Recipe.ofScripts(List.of(site, project), null));
        assertThat(alone.contains(Tag.InstitutionName)).isFalse();
        assertThat(alone.getString(Tag.SOPInstanceUID)).isEqualTo(Functions.hashUid("1.2.3.4.5"));
        assertThat(alone.getString(Tag.PatientComments)).isEqualTo(Functions.hashUid("1.2.3.4.5"));
        assertThat(alone.getString(Tag.PatientName)).isEqualTo("S001");
        assertThat(alone.getString(Tag.StudyDate)).isEqualTo("20100430");
        DataSet based = run(Recipe.ofScripts(List.of(site, project), "dicom-basic"));
        assertThat(based.getString(Tag.SOPInstanceUID)).isEqualTo(Functions.hashUid("1.2.3.4.5"));
        assertThat(based.getString(Tag.PatientName)).isEqualTo("S001");
        assertThat(based.get(Tag.StudyDate).isEmpty()).isTrue(); // the base profile empties what no script mentions
        assertThat(based.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
    }
}
