package org.cloak.deid.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Run;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** derive writes a value built from other attributes' original values. */
class DeriveTest {
    private static final ValueExpr ID = new ValueExpr.Read(AttributeRef.of(Tag.PatientID));
    private static final ValueExpr STUDY_DATE = new ValueExpr.Read(AttributeRef.of(Tag.StudyDate));

    private static DataSet study() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");
        ds.setString(Tag.StudyDate, Vr.DA, "20240315");
        ds.setString(Tag.Modality, Vr.CS, "MR");
        ds.setString(Tag.SeriesNumber, Vr.IS, "7");
        ds.setString(Tag.StudyDescription, Vr.LO, "Brain routine");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.AccessionNumber, Vr.SH, "ACC-0001");
        ds.setString(Tag.SeriesDate, Vr.DA, "20240316");
        return ds;
    }

    /** What the engine writes under derive(value) into {@code tag}, one of the study's attributes. */
    private static String derived(int tag, ValueExpr value) {
        RuleSet rules = RuleSet.builder().origin("test").select(new Selector.TagIs(tag)).then(new Derive(value))
                .build();
        return Run.of(rules, study()).getString(tag);
    }

    @Test
    void aValueBuiltFromTwoOtherAttributes() {
        ValueExpr idAndYear = new ValueExpr.Concat(List.of(ID, new ValueExpr.Literal("-"),
                new ValueExpr.Substring(STUDY_DATE, 0, 4)));
        assertThat(derived(Tag.StudyDescription, idAndYear)).isEqualTo("PID-0001-2024");
        assertThat(idAndYear.describe()).isEqualTo("concat(PatientID, \"-\", substring(StudyDate, 0, 4))");
    }

    @Test
    void formatReadsNumbersWhereThePatternWantsThem() {
        ValueExpr f = new ValueExpr.Format(FormatPattern.of("%s_S%03d", 2),
                List.of(new ValueExpr.Read(AttributeRef.of(Tag.Modality)),
                        new ValueExpr.Read(AttributeRef.of(Tag.SeriesNumber))));
        assertThat(derived(Tag.StudyDescription, f)).isEqualTo("MR_S007");
        ValueExpr notANumber = new ValueExpr.Format(FormatPattern.of("%d", 1), List.of(ID));
        assertThat(derived(Tag.StudyDescription, notANumber)).isNull(); // no value: emptied
        assertThatThrownBy(() -> FormatPattern.of("%s %s", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatPattern.of("%q", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textFunctions() {
        ValueExpr description = new ValueExpr.Read(AttributeRef.of(Tag.StudyDescription));
        assertThat(derived(Tag.StudyDescription, new ValueExpr.ChangeCase(description, true)))
                .isEqualTo("BRAIN ROUTINE");
        assertThat(derived(Tag.StudyDescription, new ValueExpr.ChangeCase(description, false)))
                .isEqualTo("brain routine");
        assertThat(derived(Tag.StudyDescription, new ValueExpr.Replace(description, "\\s+(\\w+)", "/$1")))
                .isEqualTo("Brain/routine");
        assertThat(derived(Tag.StudyDescription, new ValueExpr.Substring(description, 6, -1))).isEqualTo("routine");
    }

    @Test
    void lookupWithADefault() {
        ValueExpr site = new ValueExpr.Lookup(ID, Map.of("PID-0001", "SUBJ-A"), "UNKNOWN");
        assertThat(derived(Tag.PatientName, site)).isEqualTo("SUBJ-A");
        ValueExpr missing = new ValueExpr.Lookup(ID, Map.of("PID-0002", "SUBJ-B"), "UNKNOWN");
        assertThat(derived(Tag.PatientName, missing)).isEqualTo("UNKNOWN");
        assertThat(derived(Tag.PatientName, new ValueExpr.Lookup(ID, Map.of(), null))).isNull();
    }

    @Test
    void hashOfAnotherAttributeIsTheHashActionsValue() {
        String hashed = derived(Tag.AccessionNumber, new ValueExpr.HashOf(ID, 8));
        RuleSet hashId = RuleSet.builder().origin("test").select(new Selector.TagIs(Tag.PatientID)).then(new Hash(8))
                .build();
        assertThat(hashed).hasSize(8).isEqualTo(Run.of(hashId, study()).getString(Tag.PatientID));
    }

    @Test
    void computedDatesAndNumbers() {
        assertThat(derived(Tag.SeriesDate, new ValueExpr.AddDays(STUDY_DATE, 20))).isEqualTo("20240404");
        ValueExpr series = new ValueExpr.Read(AttributeRef.of(Tag.SeriesNumber));
        assertThat(derived(Tag.SeriesNumber, new ValueExpr.Increment(series, 100))).isEqualTo("107");
        assertThat(derived(Tag.SeriesDate, new ValueExpr.AddDays(ID, 1))).isNull();
    }

    @Test
    void aResultTheVrCannotHoldEmptiesTheAttribute() {
        assertThat(derived(Tag.StudyDate, ID)).isNull();
        assertThat(derived(Tag.SeriesNumber, new ValueExpr.Literal("12"))).isEqualTo("12");
    }
}
