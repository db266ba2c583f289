package org.cloak.deid.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class SelectorsTest {

    @Test
    void tagMasksTakeAnyEvenAndOddDigits() {
        Selector oddGroups = Selector.TagPattern.parse("(xxx#,xxxx)");
        assertThat(oddGroups.matches(0x00091001, "ACME")).isTrue();
        assertThat(oddGroups.matches(Tag.PatientName, null)).isFalse();
        Selector evenElements = Selector.TagPattern.parse("(0010,xxx@)");
        assertThat(evenElements.matches(Tag.PatientName, null)).isTrue();
        assertThat(evenElements.matches(Tag.PatientBirthTime, null)).isTrue(); // (0010,0032)
        assertThat(evenElements.matches(0x00100021, null)).isFalse();
        assertThat(Selector.TagPattern.parse("(60xx,3000)").matches(0x60013000, null)).isFalse();
        assertThat(Selector.TagPattern.parse("(60xx,3000)").describe()).isEqualTo("(60xx,3000)");
    }

    @Test
    void keywordPatternsAreGlobsOrRegularExpressionsOverTheDictionary() {
        KeywordPattern dates = KeywordPattern.glob("*Date");
        assertThat(dates.matches(Tag.StudyDate, null)).isTrue();
        assertThat(dates.matches(Tag.PatientBirthDate, null)).isTrue();
        assertThat(dates.matches(Tag.StudyTime, null)).isFalse();
        assertThat(dates.matches(0x00091001, "ACME")).isFalse();
        KeywordPattern overlays = KeywordPattern.regex("Overlay(Data|Rows)");
        assertThat(overlays.matches(0x60023000, null)).isTrue(); // a repeating group's keyword covers every group
        assertThat(overlays.matches(0x60020010, null)).isTrue();
        assertThat(overlays.matches(0x60020011, null)).isFalse();
        assertThat(KeywordPattern.glob("*Dtae").matchesNothing()).isTrue();
        assertThat(dates).isEqualTo(KeywordPattern.glob("*Date"));
    }

    @Test
    void anyVrSeesTheEncodedVrOfPrivateElementsToo() {
        DataSet ds = new DataSet();
        ds.setString(Tags.of(0x0009, 0x0010), Vr.LO, "ACME 1.0");
        ds.setString(Tags.of(0x0009, 0x1001), Vr.PN, "DOE^JANE");
        ds.setString(Tags.of(0x0009, 0x1002), Vr.DS, "12.5");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        AnyVr names = new AnyVr(Set.of(Vr.PN));
        assertThat(names.matches(Tags.of(0x0009, 0x1001), "ACME 1.0", Vr.PN, Scope.top(ds))).isTrue();
        DataSet out = Run.of(RuleSet.builder().origin("test").select(names).then(new Remove()).build(), ds);
        assertThat(out.contains(Tags.of(0x0009, 0x1001))).isFalse();
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(out.getString(Tags.of(0x0009, 0x1002))).isEqualTo("12.5");
    }
}
