package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private static final int[] TAGS = {Tag.PatientName, Tag.PatientID, Tag.StudyDate, Tag.Modality, 0x50000010,
            0x50023000, 0x60003000, 0x60013000, 0x00091001, 0x00091101, 0x00191010, 0x00290010,
                    Tag.ReferringPhysicianName};
    private static final String[] CREATORS = {null, "ACME 1.0", "OTHER"};

    @Test
    void theLastMatchingRuleWhoseConditionHoldsWins() {
        Random random = new Random(11);
        DataSet mr = new DataSet();
        mr.setString(Tag.Modality, Vr.CS, "MR");
        DataSet ct = new DataSet();
        ct.setString(Tag.Modality, Vr.CS, "CT");
        for (int round = 0; round < 300; round++) {
            List<Rule> rules = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                rules.add(randomRule(random));
            }
            RuleSet set = new RuleSet(rules);
            for (int tag : TAGS) {
                for (String creator : CREATORS) {
                    for (DataSet original : List.of(mr, ct)) {
                        assertThat(set.resolve(tag, creator, original)).isSameAs(naive(rules, tag, creator, original));
                    }
                }
            }
        }
    }

    @Test
    void aProfileResolvesAsItsRulesInOrder() {
        DataSet original = new DataSet();
        for (String profile : Profiles.names()) {
            Set<ProfileOption> none = EnumSet.noneOf(ProfileOption.class);
            List<Rule> rules = Profiles.rules(profile, none);
            RuleSet set = new RuleSet(rules);
            for (Rule r : rules) {
                if (r.selector() instanceof Selector.TagIs t) {
                    assertThat(set.resolve(t.tag(), null, original)).isSameAs(naive(rules, t.tag(), null, original));
                }
            }
        }
    }

    private static Rule naive(List<Rule> rules, int tag, String creator, DataSet original) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            Scope top = Scope.top(original);
            if (r.selector().matches(tag, creator, null, top) && r.condition().test(top)) {
                return r;
            }
        }
        return null;
    }

    private static Rule randomRule(Random random) {
        Selector selector = switch (random.nextInt(9)) {
            case 0, 1 -> new Selector.TagIs(TAGS[random.nextInt(TAGS.length)]);
            case 6 -> new AnyVr(Set.of(random.nextBoolean() ? Vr.PN : Vr.UN));
            case 7 -> KeywordPattern.glob(random.nextBoolean() ? "Patient*" : "*Date");
            case 8 -> new TagPath(List.of(random.nextBoolean() ? TagPath.AnyLevels.ANY : TagPath.AnyLevels.ONE),
                    new Selector.TagIs(TAGS[random.nextInt(TAGS.length)]));
            case 2 -> Selector.TagPattern.parse(random.nextBoolean() ? "(50xx,xxxx)" : "(60xx,3000)");
            case 3 -> new Selector.AllPrivate();
            case 4 -> new Selector.PrivateCreatorBlock("ACME 1.0");
            default -> new Selector.StandardVr(Set.of(random.nextBoolean() ? Vr.PN : Vr.DA));
        };
        Condition condition = switch (random.nextInt(3)) {
            case 0 -> Condition.on(Tag.Modality, Condition.Op.EQUALS, "MR");
            default -> Condition.ALWAYS;
        };
        return new Rule(selector, condition, switch (random.nextInt(3)) {
            case 0 -> new Keep();
            case 1 -> new Remove();
            default -> new Empty();
        }, "test");
    }
}
