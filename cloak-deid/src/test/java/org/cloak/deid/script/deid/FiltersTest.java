package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloak.deid.DeidResult;
import org.cloak.deid.Outcome;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * %filter groups as gates. Criteria semantics from deid's recipe-filters.md (contains a regular
 * expression search, equals exact with a|b for either, both ignoring case; + and, || or; an inner
 * || or + on one line; the first group that flags claims the image) and deid's own filter test
 * recipes (deid/tests/resources/filter_*.dicom, read here with the fixture in place of Cat.dcm).
 */
class FiltersTest {

    private static Outcome outcome(CompiledScript s, DataSet in) {
        DeidResult r = Run.result(s, in);
        return r.outcome();
    }

    @Test
    void aFlaggedFileIsQuarantinedWithItsLabel() throws ScriptException {
        CompiledScript s = Run.compile("%filter graylist", "LABEL CT ACME header # site", "  contains Modality CT",
                "  + contains Manufacturer acme", "  coordinates 0,0,512,110", "%header", "REMOVE PatientName");
        Outcome o = outcome(s, Fixture.ct());
        assertThat(o).isInstanceOf(Outcome.Quarantined.class);
        Outcome.Quarantined q = (Outcome.Quarantined) o;
        assertThat(q.kind()).isEqualTo(Outcome.Reason.PIXELS);
        assertThat(q.reason()).contains("%filter graylist LABEL \"CT ACME header\"").contains("test.dicom line 4");
        DataSet mr = Fixture.ct();
        mr.setString(Tag.Modality, Vr.CS, "MR");
        assertThat(outcome(s, mr)).isInstanceOf(Outcome.Cleaned.class);
    }

    @Test
    void innerOperatorsAndLinesEvaluateLeftToRight() throws ScriptException {
        // filter_multiple_rule_innerop_true.dicom: "contains Modality DX + contains PatientSex M / + contains ..."
        CompiledScript flags = Run.compile("%filter blacklist", "LABEL inner", "  contains Modality CT + contains"
                + " PatientSex F", "  + contains Manufacturer ACME");
        CompiledScript not = Run.compile("%filter blacklist", "LABEL inner", "  contains Modality MR + contains"
                + " PatientSex F", "  + contains Manufacturer ACME");
        CompiledScript or = Run.compile("%filter blacklist", "LABEL or", "  contains Modality MR",
                "  || equals Manufacturer GE|acme");
        assertThat(outcome(flags, Fixture.ct())).isInstanceOf(Outcome.Quarantined.class);
        assertThat(outcome(not, Fixture.ct())).isInstanceOf(Outcome.Cleaned.class);
        assertThat(outcome(or, Fixture.ct())).isInstanceOf(Outcome.Quarantined.class);
    }

    @Test
    void missingPresentEmptyAndNegations() throws ScriptException {
        DataSet in = Fixture.ct();
        in.setString(Tag.BodyPartExamined, Vr.CS, "");
        assertThat(outcome(Run.compile("%filter b", "LABEL x", "  missing SeriesDescription", "  + empty"
                + " BodyPartExamined", "  + present Rows", "  + notequals Modality MR", "  + notcontains Manufacturer"
                + " GE"), in)).isInstanceOf(Outcome.Quarantined.class);
        assertThat(outcome(Run.compile("%filter b", "LABEL x", "  empty Manufacturer"), in))
                .isInstanceOf(Outcome.Cleaned.class);
        // filter_tag_number.dicom: a field written as a tag number
        assertThat(outcome(Run.compile("%filter b", "LABEL x", "  contains 0x00290010 siemens"), in))
                .isInstanceOf(Outcome.Quarantined.class);
    }

    @Test
    void aWhitelistClaimingTheFileFirstLetsItPass() throws ScriptException {
        DataSet clean = Fixture.ct();
        clean.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        CompiledScript s = Run.compile("%filter whitelist", "LABEL Marked as Clean", "  contains BurnedInAnnotation No",
                "%filter blacklist", "LABEL all CT", "  contains Modality CT");
        assertThat(outcome(s, clean)).isInstanceOf(Outcome.Cleaned.class);
        assertThat(outcome(s, Fixture.ct())).isInstanceOf(Outcome.Quarantined.class);
    }
}
