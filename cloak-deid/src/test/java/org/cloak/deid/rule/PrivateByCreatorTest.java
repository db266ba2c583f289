package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Condition.LetterCase;
import org.cloak.deid.rule.Condition.Op;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** (gggg,{CREATOR}ee) finds the element in whichever block the file's creator reserved. */
class PrivateByCreatorTest {
    private static final String CREATOR = "ACME 1.0";

    /** A file whose ACME block is at {@code block}, another creator's block before it. */
    private static DataSet file(int block, String dose) {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tags.of(0x0009, 0x0010), Vr.LO, "OTHER");
        ds.setString(Tags.of(0x0009, 0x1001), Vr.LO, "other vendor's value");
        ds.setString(Tags.of(0x0009, block), Vr.LO, CREATOR);
        ds.setString(Tags.of(0x0009, (block << 8) | 0x01), Vr.LO, dose);
        return ds;
    }

    @Test
    void theSameSelectorFindsTheElementInEitherBlock() {
        RuleSet rules = RuleSet.builder().origin("test")
                .select(new Selector.PrivateTag(CREATOR, 0x0009, 0x01)).then(new Remove()).build();
        DataSet a = Run.of(rules, file(0x11, "12.5"));
        DataSet b = Run.of(rules, file(0x42, "12.5"));
        assertThat(a.contains(Tags.of(0x0009, 0x1101))).isFalse();
        assertThat(b.contains(Tags.of(0x0009, 0x4201))).isFalse();
        assertThat(a.getString(Tags.of(0x0009, 0x1001))).isEqualTo("other vendor's value");
        assertThat(b.getString(Tags.of(0x0009, 0x1001))).isEqualTo("other vendor's value");
    }

    @Test
    void aConditionReadsTheElementByCreatorInEitherBlock() {
        AttributeRef dose = new AttributeRef(false, java.util.List.of(), ElementKey.privateOf(0x0009, CREATOR, 0x01));
        Condition high = AttributeCondition.of(dose, Op.GREATER_THAN, "10", LetterCase.IGNORED);
        assertThat(high.test(Scope.top(file(0x11, "12.5")))).isTrue();
        assertThat(high.test(Scope.top(file(0x42, "12.5")))).isTrue();
        assertThat(high.test(Scope.top(file(0x42, "7")))).isFalse();
        assertThat(dose.describe()).isEqualTo("(0009,{ACME 1.0}01)");
    }
}
