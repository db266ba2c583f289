package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Condition.Op;
import org.cloak.deid.rule.RuleSetBuilder.Precedence;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** The order of the builder's calls is the rules' precedence, and says so. */
class RuleSetBuilderTest {
    private static final Selector NAME = new Selector.TagIs(Tag.PatientName);
    private static final Selector PERSON_NAMES = new Selector.StandardVr(java.util.Set.of(Vr.PN));

    private static DataSet mr() {
        DataSet ds = new DataSet();
        ds.setString(Tag.Modality, Vr.CS, "MR");
        return ds;
    }

    @Test
    void byDefaultTheRuleAddedLastWins() {
        RuleSet rules = RuleSet.builder()
                .origin("profile").select(PERSON_NAMES).then(new Remove())
                .origin("override").select(NAME).then(new Keep())
                .build();
        assertThat(rules.resolve(Tag.PatientName, null, mr()).origin()).isEqualTo("override");
        assertThat(rules.resolve(Tag.ReferringPhysicianName, null, mr()).origin()).isEqualTo("profile");
    }

    @Test
    void firstMatchWinsReversesTheOrder() {
        RuleSet rules = RuleSet.builder().precedence(Precedence.FIRST_MATCH_WINS)
                .origin("first").select(NAME).then(new Keep())
                .origin("second").select(PERSON_NAMES).then(new Remove())
                .build();
        assertThat(rules.resolve(Tag.PatientName, null, mr()).origin()).isEqualTo("first");
        assertThat(rules.rules()).extracting(Rule::origin).containsExactly("second", "first");
    }

    @Test
    void aRuleWhoseConditionFailsLeavesTheDecisionToTheNextOne() {
        RuleSet rules = RuleSet.builder()
                .origin("always").select(NAME).then(new Remove())
                .origin("only CT").select(NAME).when(Condition.on(Tag.Modality, Op.EQUALS, "CT")).then(new Empty())
                .build();
        assertThat(rules.resolve(Tag.PatientName, null, mr()).origin()).isEqualTo("always");
    }

    @Test
    void severalWhensMustAllHold() {
        Rule r = RuleSet.builder().origin("test").select(NAME)
                .when(Condition.on(Tag.Modality, Op.PRESENT, null))
                .when(Condition.on(Tag.Modality, Op.EQUALS, "CT"))
                .then(new Remove()).build().rules().get(0);
        assertThat(r.condition()).isEqualTo(Condition.all(Condition.on(Tag.Modality, Op.PRESENT, null),
                Condition.on(Tag.Modality, Op.EQUALS, "CT")));
        assertThat(r.condition().test(org.cloak.deid.rule.path.Scope.top(mr()))).isFalse();
    }

    @Test
    void theBuilderMakesTheRulesARuleListWould() {
        RuleSet built = RuleSet.builder().origin("a").select(NAME).then(new Remove())
                .add(new Rule(PERSON_NAMES, new Keep(), "b")).build();
        assertThat(built.rules()).containsExactly(new Rule(NAME, new Remove(), "a"),
                new Rule(PERSON_NAMES, new Keep(), "b"));
    }

    @Test
    void aRuleNeedsAnOrigin() {
        assertThatThrownBy(() -> RuleSet.builder().select(NAME)).isInstanceOf(IllegalStateException.class);
    }
}
