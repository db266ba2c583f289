package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.Outcome;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/** Compiles a CTP script and runs the engine with it alone over one data set. */
final class CtpRun {
    static final Secret SECRET = new Secret("ctp-tests-0123456789abcdefghijklmn".getBytes(StandardCharsets.US_ASCII));
    static final PatientPlan PLAN = new PatientPlan("P001", "P001", -10, null, d -> d);
    static final LocalDate TODAY = LocalDate.of(2026, 1, 2);

    private CtpRun() {}

    /** An XML script of the given lines inside {@code <script>}. */
    static CompiledScript xml(String... lines) throws ScriptException {
        return xml(ScriptInputs.none(), lines);
    }

    static CompiledScript xml(ScriptInputs in, String... lines) throws ScriptException {
        return CtpScripts.compile("test.script", "<script>\n" + String.join("\n", lines) + "\n</script>\n", in);
    }

    /** One element's script, enabled. */
    static String e(String tag, String script) {
        return "<e en=\"T\" t=\"" + tag + "\" n=\"X\">" + script + "</e>";
    }

    static ScriptInputs inputs(Map<String, String> params, Map<String, String> lookup, boolean keyed) {
        return new ScriptInputs(Map.of(), params, lookup, false, false, keyed);
    }

    static DeidResult result(CompiledScript s, DataSet in) {
        Recipe r = Recipe.ofScripts(List.of(s), null);
        return new Deidentifier(RecipeCompiler.compile(r, SECRET, TODAY, false)).deidentify(in, PLAN);
    }

    static DataSet run(CompiledScript s, DataSet in) {
        DeidResult r = result(s, in);
        assertThat(r.outcome()).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) r.outcome()).dataset();
    }

    /** A small MR object with obviously fake identifiers, a sequence and two private blocks. */
    static DataSet mr() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.4");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.5");
        ds.setString(Tag.StudyInstanceUID, Vr.UI, "1.2.3.4");
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, "1.2.3.4.1");
        ds.setString(Tag.StudyDate, Vr.DA, "20100430");
        ds.setString(Tag.StudyTime, Vr.TM, "101500");
        ds.setString(Tag.Modality, Vr.CS, "MR");
        ds.setString(Tag.ImageType, Vr.CS, "ORIGINAL\\PRIMARY\\M");
        ds.setString(Tag.SeriesDescription, Vr.LO, "PDW_TSE");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE^Q");
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");
        ds.setString(Tag.PatientAge, Vr.AS, "027Y");
        ds.setString(Tag.PatientBirthDate, Vr.DA, "19830101");
        ds.setString(Tag.AccessionNumber, Vr.SH, "ACC-1");
        ds.setString(Tag.InstitutionName, Vr.LO, "FAKE HOSPITAL");
        ds.setString(Tag.Manufacturer, Vr.LO, "SIEMENS");
        ds.setString(Tag.SliceThickness, Vr.DS, "1.5");
        ds.setString(Tag.Rows, Vr.US, "4");
        Sequence seq = new Sequence();
        DataSet item = ds.newItem();
        item.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, "1.2.3.9");
        item.setString(Tag.PatientName, Vr.PN, "DOE^JANE^Q");
        seq.add(item);
        ds.put(Tag.ReferencedImageSequence, Vr.SQ, seq);
        ds.setString(0x00290010, Vr.LO, "SIEMENS CSA HEADER");
        ds.setString(0x00291008, Vr.CS, "IMAGE NUM 4");
        ds.setString(0x00290011, Vr.LO, "OTHER");
        ds.setString(0x00291110, Vr.LO, "private text");
        return ds;
    }
}
