package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Condition.LetterCase;
import org.cloak.deid.rule.Condition.Op;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** Conditions nest, read attributes inside sequences, and say how they compare. */
class ConditionTreeTest {
    /** The description of any item of RequestAttributesSequence. */
    private static final AttributeRef DESCRIPTION = new AttributeRef(false,
            List.of(new AttributeRef.Step(ElementKey.of(Tag.RequestAttributesSequence), AttributeRef.ANY_ITEM)),
            ElementKey.of(Tag.ScheduledProcedureStepDescription));

    private static AttributeCondition test(AttributeRef ref, Op op, String operand) {
        return AttributeCondition.of(ref, op, operand, LetterCase.defaultFor(op));
    }

    private static DataSet withModality(String modality) {
        DataSet ds = Trees.requests();
        ds.setString(Tag.Modality, Vr.CS, modality);
        return ds;
    }

    @Test
    void andOfAnOrOverATopLevelAttributeAndOneInsideASequence() {
        // (Modality is MR or CT) and some requested step is about the brain
        Condition c = Condition.all(
                Condition.any(Condition.on(Tag.Modality, Op.EQUALS, "mr"), Condition.on(Tag.Modality, Op.EQUALS, "CT")),
                test(DESCRIPTION, Op.CONTAINS, "BRAIN"));
        assertThat(c.test(Scope.top(withModality("MR")))).isTrue();
        assertThat(c.test(Scope.top(withModality("CT")))).isTrue();
        assertThat(c.test(Scope.top(withModality("US")))).isFalse();
        DataSet knees = withModality("MR");
        Trees.item(knees, 0).setString(Tag.ScheduledProcedureStepDescription, Vr.LO, "Knee");
        assertThat(c.test(Scope.top(knees))).isFalse();
        assertThat(c.describe()).isEqualTo("((Modality equals \"mr\") or (Modality equals \"CT\")) and"
                + " (RequestAttributesSequence[%]/ScheduledProcedureStepDescription contains \"BRAIN\")");
    }

    @Test
    void theTreeDecidesARuleInTheEngine() {
        Condition brainMr = Condition.all(Condition.on(Tag.Modality, Op.EQUALS, "MR"),
                Condition.not(test(DESCRIPTION, Op.ABSENT, null)), test(DESCRIPTION, Op.STARTS_WITH, "brain"));
        RuleSet rules = RuleSet.builder().origin("test")
                .select(new Selector.TagIs(Tag.PatientName)).when(brainMr).then(new Remove()).build();
        assertThat(Run.of(rules, withModality("MR")).contains(Tag.PatientName)).isFalse();
        assertThat(Run.of(rules, withModality("CT")).contains(Tag.PatientName)).isTrue();
    }

    @Test
    void theCurrentItemCanBeTestedInsteadOfTheTopLevel() {
        AttributeRef ownId = new AttributeRef(true, List.of(), ElementKey.of(Tag.ScheduledProcedureStepID));
        RuleSet rules = RuleSet.builder().origin("test").select(new Selector.TagIs(Tag.PatientName))
                .when(test(ownId, Op.ENDS_WITH, "-1")).then(new Remove()).build();
        DataSet out = Run.of(rules, Trees.requests());
        assertThat(out.contains(Tag.PatientName)).isTrue();
        assertThat(Trees.item(out, 0).contains(Tag.PatientName)).isTrue();
        assertThat(Trees.item(out, 1).contains(Tag.PatientName)).isFalse();
    }

    @Test
    void letterCaseIsExplicit() {
        Scope mr = Scope.top(withModality("MR"));
        AttributeRef modality = AttributeRef.of(Tag.Modality);
        assertThat(AttributeCondition.of(modality, Op.EQUALS, "mr", LetterCase.IGNORED).test(mr)).isTrue();
        assertThat(AttributeCondition.of(modality, Op.EQUALS, "mr", LetterCase.SENSITIVE).test(mr)).isFalse();
        assertThat(AttributeCondition.of(modality, Op.MATCHES, "m.", LetterCase.SENSITIVE).test(mr)).isFalse();
        assertThat(AttributeCondition.of(modality, Op.MATCHES, "m.", LetterCase.IGNORED).test(mr)).isTrue();
        assertThat(AttributeCondition.of(modality, Op.EQUALS, "mr", LetterCase.SENSITIVE).describe())
                .isEqualTo("Modality equals \"mr\" (case-sensitive)");
    }

    @Test
    void everyOperator() {
        DataSet ds = Trees.requests();
        ds.setString(Tag.PatientAge, Vr.AS, "042Y");
        ds.setString(Tag.SliceThickness, Vr.DS, "2.5");
        ds.setInts(Tag.Rows, Vr.US, 512);
        ds.put(Tag.PatientComments, Vr.LT, Bytes.EMPTY);
        Scope s = Scope.top(ds);
        assertThat(Condition.on(Tag.PatientComments, Op.PRESENT, null).test(s)).isTrue();
        assertThat(Condition.on(Tag.PatientComments, Op.EMPTY, null).test(s)).isTrue();
        assertThat(Condition.on(Tag.Modality, Op.EMPTY, null).test(s)).isFalse();
        assertThat(Condition.on(Tag.AccessionNumber, Op.ABSENT, null).test(s)).isTrue();
        assertThat(Condition.on(Tag.Modality, Op.NOT_EQUALS, "CT").test(s)).isTrue();
        assertThat(Condition.on(Tag.AccessionNumber, Op.NOT_EQUALS, "CT").test(s)).isTrue();
        assertThat(Condition.on(Tag.PatientName, Op.STARTS_WITH, "doe^").test(s)).isTrue();
        assertThat(Condition.on(Tag.PatientName, Op.ENDS_WITH, "^jane").test(s)).isTrue();
        assertThat(Condition.on(Tag.SliceThickness, Op.LESS_THAN, "3").test(s)).isTrue();
        assertThat(Condition.on(Tag.SliceThickness, Op.AT_MOST, "2.50").test(s)).isTrue();
        assertThat(Condition.on(Tag.SliceThickness, Op.GREATER_THAN, "2.5").test(s)).isFalse();
        assertThat(Condition.on(Tag.Rows, Op.AT_LEAST, "512").test(s)).isTrue();
        assertThat(Condition.on(Tag.Rows, Op.NUMBER_EQUALS, "512.0").test(s)).isTrue();
        assertThat(Condition.on(Tag.PatientAge, Op.GREATER_THAN, "40").test(s)).isFalse(); // 042Y is not a number
    }
}
