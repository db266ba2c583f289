package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Outcome;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.path.Scope;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.SharedScripts;
import org.cloak.deid.script.load.Scripts;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/**
 * The DicomFilter expression language as the CTP wiki ("The CTP DicomFilter") and
 * DicomObject.matches define it: methods on element values, ! before * before +, parentheses,
 * comments; and a filter script as a stage that holds back what does not pass.
 */
class CtpFilterTest {
    private static boolean passes(String script, DataSet ds) throws ScriptException {
        Condition c = CtpScripts.filter("filter.script", script);
        return c.test(Scope.top(ds));
    }

    @Test
    void methodsOperatorsAndPrecedence() throws ScriptException {
        DataSet mr = CtpRun.mr();
        assertThat(passes("Modality.equals(\"MR\")", mr)).isTrue();
        assertThat(passes("Modality.equals(\"mr\")", mr)).isFalse();
        assertThat(passes("Modality.equalsIgnoreCase(\"mr\")", mr)).isTrue();
        assertThat(passes("ImageType.contains(\"PRIMARY\")", mr)).isTrue();
        assertThat(passes("ImageType.containsIgnoreCase(\"primary\")", mr)).isTrue();
        assertThat(passes("ImageType.startsWith(\"ORIGINAL\\PRIMARY\")", mr)).isTrue();
        assertThat(passes("SeriesDescription.endsWithIgnoreCase(\"tse\")", mr)).isTrue();
        assertThat(passes("PatientID.matches(\"PID-\\d{4}\")", mr)).isTrue();
        assertThat(passes("PatientAge.isGreaterThan(\"20\") * PatientAge.isLessThan(\"30\")", mr)).isTrue();
        assertThat(passes("[0008,0060].equals(\"MR\")", mr)).isTrue();
        assertThat(passes("ReferencedImageSequence::ReferencedSOPInstanceUID.equals(\"1.2.3.9\")", mr)).isTrue();
        assertThat(passes("StationName.equals(\"\")", mr)).isTrue(); // an absent element reads ""
        // ! binds tighter than *, which binds tighter than +
        assertThat(passes("Modality.equals(\"CT\") + Modality.equals(\"MR\") * !ImageType.contains(\"M\")", mr))
                .isFalse();
        assertThat(passes("(Modality.equals(\"CT\") + Modality.equals(\"MR\")) * !ImageType.contains(\"LOCALIZER\")",
                mr)).isTrue();
        assertThat(passes("// only MR\nModality.equals(\"MR\") // the modality\n", mr)).isTrue();
        assertThat(passes("true.", mr)).isTrue();
        assertThat(passes("false.", mr)).isFalse();
    }

    @Test
    void aFilterScriptHoldsBackWhatDoesNotPass() throws ScriptException {
        String text = "Modality.equals(\"CT\") * !ImageType.contains(\"LOCALIZER\")";
        assertThat(ScriptFormat.detect("DicomFilter.script", text)).isEqualTo(ScriptFormat.CTP);
        CompiledScript s = Scripts.compile("DicomFilter.script", text, null, ScriptInputs.none());
        DeidResult mr = CtpRun.result(s, CtpRun.mr());
        assertThat(mr.outcome()).isInstanceOf(Outcome.Quarantined.class);
        assertThat(((Outcome.Quarantined) mr.outcome()).kind()).isEqualTo(Outcome.Reason.REFUSED);
        DataSet ct = CtpRun.mr();
        ct.setString(Tag.Modality, Vr.CS, "CT");
        assertThat(CtpRun.result(s, ct).outcome()).isInstanceOf(Outcome.Cleaned.class);
        ct.setString(Tag.ImageType, Vr.CS, "ORIGINAL\\PRIMARY\\LOCALIZER");
        assertThat(CtpRun.result(s, ct).outcome()).isInstanceOf(Outcome.Quarantined.class);
    }

    @Test
    void thePublicFilterScriptsAreRecognisedAndRead() throws ScriptException {
        Path dir = SharedScripts.folder("ctp");
        assumeTrue(dir != null, "../shared/data/scripts/ctp is absent: the public CTP filters are not checked");
        Path burned = dir.resolve("johnperry+CTP/source/files/scripts/BurnedInPixelsFilter.script");
        String text = SharedScripts.text(burned);
        assertThat(ScriptFormat.detect("BurnedInPixelsFilter.script", text)).isEqualTo(ScriptFormat.CTP);
        DataSet plain = CtpRun.mr();
        assertThat(CtpScripts.filter("BurnedInPixelsFilter.script", text).test(Scope.top(plain))).isTrue();
        DataSet saved = CtpRun.mr();
        saved.setString(Tag.SeriesDescription, Vr.LO, "SCREEN SAVE");
        assertThat(CtpScripts.filter("BurnedInPixelsFilter.script", text).test(Scope.top(saved))).isFalse();
        Path trial = dir.resolve("TDLD+CT-imaging-deidentification/DicomFilter.script");
        Condition c = CtpScripts.filter("DicomFilter.script", SharedScripts.text(trial));
        assertThat(c.test(Scope.top(plain))).isTrue();
        DataSet dose = CtpRun.mr();
        dose.setString(Tag.ImageType, Vr.CS, "DERIVED\\SECONDARY\\DOSE INFO");
        assertThat(c.test(Scope.top(dose))).isFalse();
    }
}
