package org.cloak.deid.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.ElementDictionary;
import org.junit.jupiter.api.Test;

/** The loaded tables agree with the counts and cross-checks of shared/standard/README.md. */
class StandardTablesTest {

    @Test
    void tableE11HasTheReadmeCountsPerBasicCode() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Ps315Table.Row r : Ps315Table.standard().rows()) {
            counts.merge(r.basic(), 1, Integer::sum);
        }
        assertThat(Ps315Table.standard().rows()).hasSize(655);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("X", 415, "D", 93, "U", 55, "Z", 42, "X/D", 23,
                "X/Z", 11, "X/Z/D", 8, "Z/D", 6, "X/Z/U*", 2));
    }

    @Test
    void tableE11HasTheReadmeCountsPerOptionColumn() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Ps315Table.Row r : Ps315Table.standard().rows()) {
            r.options().forEach((o, code) -> counts.merge(o.cliName() + " " + code, 1, Integer::sum));
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("retain-uids K", 60), Map.entry("retain-device-identity K", 48),
                Map.entry("retain-device-identity C", 11), Map.entry("retain-institution-identity K", 10),
                Map.entry("retain-patient-characteristics K", 14), Map.entry("retain-patient-characteristics C", 5),
                Map.entry("retain-long-full-dates K", 169), Map.entry("retain-long-modified-dates C", 169),
                Map.entry("clean-descriptors C", 140), Map.entry("clean-structured-content C", 4),
                Map.entry("clean-graphics C", 4), Map.entry("retain-safe-private C", 1)));
    }

    @Test
    void everySingleTagRowCarriesTheDictionaryKeywordAndPatternsBecomeTagPatterns() {
        ElementDictionary dict = ElementDictionary.standard();
        for (Ps315Table.Row r : Ps315Table.standard().rows()) {
            if (r.isAllPrivate()) {
                assertThat(r.selector()).isInstanceOf(Selector.AllPrivate.class);
            } else if (r.isPattern()) {
                assertThat(r.selector()).isInstanceOf(Selector.TagPattern.class);
            } else {
                assertThat(dict.keywordOf(r.tagValue())).as(r.tag()).isEqualTo(r.keyword());
                assertThat(Ps315Table.standard().row(r.tagValue())).isSameAs(r);
            }
        }
        assertThat(Ps315Table.standard().rows().stream().filter(Ps315Table.Row::isPattern).map(Ps315Table.Row::tag))
                .containsExactlyInAnyOrder("50xxxxxx", "60xx3000", "60xx4000");
    }

    @Test
    void safePrivateTableHasAllRowsWithOddGroups() {
        assertThat(SafePrivate.attributes()).hasSize(479);
        assertThat(SafePrivate.attributes()).allMatch(p -> (p.group() & 1) == 1);
        assertThat(SafePrivate.attributes()).contains(new Selector.PrivateTag("GEMS_PARM_01", 0x0043, 0x39));
    }

    @Test
    void everyOptionHasItsCid7050CodeFromTheTable() {
        assertThat(MethodCodes.basicProfile().value()).isEqualTo("113100");
        assertThat(ProfileOption.RETAIN_SAFE_PRIVATE.methodCode().value()).isEqualTo("113111");
        assertThat(ProfileOption.CLEAN_GRAPHICS.methodCode().meaning()).isEqualTo("Clean Graphics Option");
        for (ProfileOption o : ProfileOption.values()) {
            assertThat(o.methodCode().scheme()).isEqualTo("DCM");
        }
    }
}
