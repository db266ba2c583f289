package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** Paths select an attribute by where it sits in the tree of sequences, and the engine tells them where. */
class TagPathTest {
    private static final Selector SPS_ID = new Selector.TagIs(Tag.ScheduledProcedureStepID);
    private static final Selector NAME = new Selector.TagIs(Tag.PatientName);
    private static final Selector REQUESTS = new Selector.TagIs(Tag.RequestAttributesSequence);

    private static RuleSet removing(Selector s) {
        return RuleSet.builder().origin("test").select(s).then(new Remove()).build();
    }

    @Test
    void anItemIndexSelectsThatItemOnly() {
        TagPath first = new TagPath(List.of(new TagPath.Item(REQUESTS, 0)), SPS_ID);
        DataSet out = Run.of(removing(first), Trees.requests());
        assertThat(out.getString(Tag.ScheduledProcedureStepID)).isEqualTo("TOP");
        assertThat(Trees.item(out, 0).contains(Tag.ScheduledProcedureStepID)).isFalse();
        assertThat(Trees.item(out, 1).getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS-1");
        assertThat(first.describe()).isEqualTo("(0040,0275)[0]/(0040,0009)");
    }

    @Test
    void anyItemSelectsEveryItemButNotTheTopLevel() {
        TagPath every = new TagPath(List.of(new TagPath.Item(REQUESTS, TagPath.ANY_ITEM)), SPS_ID);
        DataSet out = Run.of(removing(every), Trees.requests());
        assertThat(out.getString(Tag.ScheduledProcedureStepID)).isEqualTo("TOP");
        assertThat(Trees.item(out, 0).contains(Tag.ScheduledProcedureStepID)).isFalse();
        assertThat(Trees.item(out, 1).contains(Tag.ScheduledProcedureStepID)).isFalse();
    }

    @Test
    void anyDepthRunsMatchOneOrMoreOrAnyLevels() {
        DataSet in = Trees.requests();
        DataSet below = Run.of(removing(new TagPath(List.of(TagPath.AnyLevels.ONE_OR_MORE), NAME)), in);
        assertThat(below.contains(Tag.PatientName)).isTrue();
        assertThat(Trees.item(below, 0).contains(Tag.PatientName)).isFalse();
        assertThat(Trees.deep(below).contains(Tag.PatientName)).isFalse();

        DataSet oneDown = Run.of(removing(new TagPath(List.of(TagPath.AnyLevels.ONE), NAME)), in);
        assertThat(oneDown.contains(Tag.PatientName)).isTrue();
        assertThat(Trees.item(oneDown, 1).contains(Tag.PatientName)).isFalse();
        assertThat(Trees.deep(oneDown).contains(Tag.PatientName)).isTrue();

        DataSet anywhere = Run.of(removing(new TagPath(List.of(TagPath.AnyLevels.ANY), NAME)), in);
        assertThat(anywhere.contains(Tag.PatientName)).isFalse();
        assertThat(Trees.deep(anywhere).contains(Tag.PatientName)).isFalse();
    }

    @Test
    void aRunCanSitBetweenSequenceSteps() {
        DataSet in = Trees.requests();
        Scope top = Scope.top(in);
        Scope item1 = top.enter(Tag.RequestAttributesSequence, null, 1, Trees.item(in, 1));
        Scope deep = item1.enter(Tag.ReferencedStudySequence, null, 0, Trees.deep(in));
        TagPath underRequests = new TagPath(List.of(new TagPath.Item(REQUESTS, 1), TagPath.AnyLevels.ANY), NAME);
        assertThat(underRequests.matches(Tag.PatientName, null, null, item1)).isTrue();
        assertThat(underRequests.matches(Tag.PatientName, null, null, deep)).isTrue();
        assertThat(underRequests.matches(Tag.PatientName, null, null, top)).isFalse();
        assertThat(underRequests.matches(Tag.PatientName, null, null,
                top.enter(Tag.RequestAttributesSequence, null, 0, Trees.item(in, 0)))).isFalse();
        assertThat(underRequests.describe()).isEqualTo("(0040,0275)[1]/*/(0010,0010)");
    }

    @Test
    void aPathRuleOverridesAnEarlierTagRuleOnlyWhereItMatches() {
        RuleSet rules = RuleSet.builder().origin("test")
                .select(NAME).then(new Remove())
                .select(new TagPath(List.of(new TagPath.Item(REQUESTS, 0)), NAME)).then(new Keep())
                .build();
        DataSet out = Run.of(rules, Trees.requests());
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(Trees.item(out, 0).getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(Trees.item(out, 1).contains(Tag.PatientName)).isFalse();
        assertThat(Trees.deep(out).contains(Tag.PatientName)).isFalse();
    }
}
