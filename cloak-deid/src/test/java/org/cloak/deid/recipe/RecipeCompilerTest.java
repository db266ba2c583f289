package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Pseudonym;
import org.cloak.deid.action.Remove;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class RecipeCompilerTest {

    private static DataSet ct() {
        DataSet ds = Fixtures.ct().build();
        ds.setString(Tag.DeviceSerialNumber, Vr.LO, "SN-FAKE-1");
        ds.setString(Tag.AcquisitionDateTime, Vr.DT, "20000101083000.5+0100");
        ds.setString(Tag.PatientComments, Vr.LT, "FAKE COMMENT");
        return ds;
    }

    @Test
    void rulesComeInTheDocumentedOrder() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: original",
                "categories: {institution: remove}",
                "dates: {mode: shift, birth-date: year-only}",
                "patient-id: {strategy: deterministic}",
                "keep-private-creators: [ACME 1.0]",
                "attributes:",
                "  - {select: PatientComments, action: keep}");
        List<String> origins = Engine.compile(r).rules().rules().stream().map(Rule::origin).toList();
        assertThat(origins).containsExactly("recipe: categories.institution", "recipe: dates shift",
                "recipe: dates shift",
                "profile: not listed, kept", "recipe: dates birth-date", "recipe: dates birth-date",
                        "recipe: patient-id",
                "recipe: patient-id", "recipe: keep-private-creators", "recipe line 7");
    }

    @Test
    void categoriesBeatTheProfileAndOverridesBeatCategories() throws RecipeException {
        DataSet basic = Engine.run(Yaml.read("profile: dicom-basic"), ct());
        assertThat(basic.getString(Tag.DeviceSerialNumber)).isEqualTo("ANONYMIZED");
        DataSet deviceKept = Engine.run(Yaml.read("profile: dicom-basic", "categories: {device: keep}"), ct());
        assertThat(deviceKept.getString(Tag.DeviceSerialNumber)).isEqualTo("SN-FAKE-1");
        DataSet overridden = Engine.run(Yaml.read("profile: dicom-basic", "categories: {device: keep}",
                "attributes: [{select: DeviceSerialNumber, action: remove}]"), ct());
        assertThat(overridden.contains(Tag.DeviceSerialNumber)).isFalse();
        assertThat(overridden.getString(Tag.Manufacturer)).isEqualTo("CLOAK TESTKIT");
    }

    @Test
    void categorySwitchesTurnGroupsOnAndOff() throws RecipeException {
        DataSet on = Engine.run(Yaml.read("profile: original", "categories: {institution: X}"), ct());
        assertThat(on.contains(Tag.InstitutionName)).isFalse();
        assertThat(on.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        DataSet off = Engine.run(Yaml.read("profile: dicom-basic", "categories: {institution: K}"), ct());
        assertThat(off.getString(Tag.InstitutionName)).isEqualTo("FAKE GENERAL HOSPITAL");
        assertThat(off.getString(Tag.PatientID)).isEqualTo("P001");
    }

    @Test
    void laterOverridesWinOverEarlierOnes() throws RecipeException {
        DataSet out = Engine.run(Yaml.read("profile: original", "attributes:",
                "  - {select: PatientComments, action: set, value: FIRST}",
                "  - {select: PatientComments, action: set, value: SECOND}"), ct());
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("SECOND");
    }

    @Test
    void conditionsDecideOnTheOriginalValues() throws RecipeException {
        Recipe r = Yaml.read("profile: original", "attributes:",
                "  - {select: PatientComments, action: remove, when: {attribute: Modality, equals: mr}}",
                "  - {select: SeriesDescription, action: set, value: CT SERIES, when: {attribute: Modality, matches: "
                        + "'C.'}}",
                "  - {select: StudyDescription, action: empty, when: {attribute: BurnedInAnnotation, present: true}}",
                "  - {select: InstitutionName, action: remove, when: {attribute: BurnedInAnnotation, absent: true}}",
                "  - {select: StationName, action: remove, when: {attribute: Manufacturer, contains: testkit}}");
        DataSet ct = ct();
        ct.setString(Tag.StationName, Vr.SH, "FAKE-STATION");
        DataSet out = Engine.run(r, ct);
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("FAKE COMMENT");
        assertThat(out.getString(Tag.SeriesDescription)).isEqualTo("CT SERIES");
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("FAKE STUDY 1");
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.contains(Tag.StationName)).isFalse();
        DataSet mr = ct();
        mr.setString(Tag.Modality, Vr.CS, "MR");
        assertThat(Engine.run(r, mr).contains(Tag.PatientComments)).isFalse();
    }

    @Test
    void aConditionalOverrideFallsBackToTheProfileWhenItDoesNotHold() throws RecipeException {
        Recipe r = Yaml.read("profile: dicom-basic", "attributes:",
                "  - {select: InstitutionName, action: keep, when: {attribute: Modality, equals: MR}}");
        assertThat(Engine.run(r, ct()).getString(Tag.InstitutionName)).isEqualTo("ANONYMIZED");
    }

    @Test
    void rawPrivateTagMatchesWhateverTheCreatorAndCreatorSelectorsFollowTheBlock() throws RecipeException {
        DataSet in = ct();
        in.setString(Tags.of(0x0009, 0x0011), Vr.LO, "OTHER");
        in.setString(Tags.of(0x0009, 0x1101), Vr.LO, "OTHER VALUE");
        DataSet raw = Engine.run(Yaml.read("profile: original", "attributes:",
                "  - {select: '(0009,1001)', action: set, value: Anonymous}"), in);
        assertThat(raw.getString(Fixtures.PRIVATE_PATIENT_NAME)).isEqualTo("Anonymous");
        assertThat(raw.getString(Tags.of(0x0009, 0x1101))).isEqualTo("OTHER VALUE");
        DataSet byCreator = Engine.run(Yaml.read("profile: original", "attributes:",
                "  - {select: '(0009,xx01)', private-creator: OTHER, action: set, value: Anonymous}"), in);
        assertThat(byCreator.getString(Fixtures.PRIVATE_PATIENT_NAME)).isEqualTo("DOE^JANE");
        assertThat(byCreator.getString(Tags.of(0x0009, 0x1101))).isEqualTo("Anonymous");
    }

    @Test
    void keptPrivateCreatorsSurviveTheBasicProfile() throws RecipeException {
        assertThat(Engine.run(Yaml.read("profile: dicom-basic"), ct()).contains(Fixtures.PRIVATE_DOSE)).isFalse();
        DataSet kept = Engine.run(Yaml.read("profile: dicom-basic", "keep-private-creators: ['ACME 1.0']"), ct());
        assertThat(kept.getString(Fixtures.PRIVATE_CREATOR_TAG)).isEqualTo("ACME 1.0");
        assertThat(kept.getString(Fixtures.PRIVATE_DOSE)).isEqualTo("12.5");
    }

    @Test
    void theDefaultStrategyReplacesIdsWhereTheProfileChangesThem() throws RecipeException {
        DataSet basic = Engine.run(Yaml.read("profile: dicom-basic"), ct());
        assertThat(basic.getString(Tag.PatientID)).isEqualTo("P001");
        assertThat(basic.getString(Tag.PatientName)).isEqualTo("P001");
        DataSet original = Engine.run(Yaml.read("profile: original"), ct());
        assertThat(original.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(original.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        DataSet anonymize = Engine.run(Yaml.read("profile: anonymize"), ct());
        assertThat(anonymize.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(anonymize.getText(Tag.PatientName)).isEmpty();
    }

    @Test
    void anExplicitStrategyAppliesUnderEveryProfile() throws RecipeException {
        DataSet original = Engine.run(Yaml.read("profile: original", "patient-id: {strategy: deterministic}"), ct());
        assertThat(original.getString(Tag.PatientID)).isEqualTo("P001");
        assertThat(original.getString(Tag.PatientName)).isEqualTo("P001");
    }

    @Test
    void patientNameFollowsItsSetting() throws RecipeException {
        String strategy = "patient-id: {strategy: sequential, patient-name: ";
        assertThat(Engine.run(Yaml.read("profile: dicom-basic", strategy + "empty}"), ct()).getText(Tag.PatientName))
                .isEmpty();
        assertThat(Engine.run(Yaml.read("profile: dicom-basic", strategy + "ANONYMOUS^SUBJECT}"), ct())
                .getString(Tag.PatientName)).isEqualTo("ANONYMOUS^SUBJECT");
        DataSet keep = Engine.run(Yaml.read("profile: original", strategy + "keep}"), ct());
        assertThat(keep.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(keep.getString(Tag.PatientID)).isEqualTo("P001");
    }

    @Test
    void strategyNoneLeavesIdsToTheProfile() throws RecipeException {
        Recipe r = Yaml.read("profile: dicom-basic", "patient-id: {strategy: none}");
        assertThat(Engine.compile(r).rules().rules()).noneMatch(rule -> rule.action() instanceof Pseudonym);
        assertThat(Engine.run(r, ct()).getString(Tag.PatientID)).isEqualTo("ANONYMIZED");
    }

    @Test
    void dateModes() throws RecipeException {
        assertDates("keep", "20000101", "120000", "20000101083000.5+0100");
        assertDates("remove", null, null, null);
        assertDates("shift", "19991222", "120000", "19991222083000.5+0100");
        assertDates("shift, zero-times: true", "19991222", "000000", "19991222000000+0100");
        assertDates("timepoint", "20000701", "000000", "20000701000000+0100");
        assertDates("year-only", "20000101", "000000", "20000101000000+0100");
        assertDates("fixed, date: '19990909'", "19990909", "000000", "19990909000000+0100");
        assertDates("processing-date", "20260102", "000000", "20260102000000+0100");
    }

    private static void assertDates(String mode, String date, String time, String dateTime) throws RecipeException {
        DataSet out = Engine.run(Yaml.read("profile: dicom-basic", "dates: {mode: " + mode + "}"), ct());
        assertThat(out.contains(Tag.StudyDate)).as(mode).isEqualTo(date != null);
        assertThat(out.getString(Tag.StudyDate)).as(mode).isEqualTo(date);
        assertThat(out.getString(Tag.ContentDate)).as(mode).isEqualTo(date);
        assertThat(out.getString(Tag.StudyTime)).as(mode).isEqualTo(time);
        assertThat(out.getString(Tag.AcquisitionDateTime)).as(mode).isEqualTo(dateTime);
    }

    @Test
    void theProfileDateModeLeavesDatesToTheProfile() throws RecipeException {
        DataSet out = Engine.run(Yaml.read("profile: dicom-basic"), ct());
        assertThat(out.getText(Tag.StudyDate)).isEmpty();
        assertThat(out.getText(Tag.StudyTime)).isEmpty();
    }

    @Test
    void birthDateHasItsOwnRule() throws RecipeException {
        assertBirthDate("mode: keep", null);
        assertBirthDate("mode: keep, birth-date: keep", "19700615");
        assertBirthDate("mode: keep, birth-date: remove", "absent");
        assertBirthDate("mode: keep, birth-date: empty", "");
        assertBirthDate("mode: keep, birth-date: year-only", "19700101");
        assertBirthDate("mode: shift, birth-date: shift", "19700605");
        assertBirthDate("mode: shift", null);
        assertBirthDate("mode: remove, birth-date: year-only", "19700101");
    }

    /** @param expected the birth date out, "absent", or null for whatever dicom-basic does (Z) */
    private static void assertBirthDate(String dates, String expected) throws RecipeException {
        DataSet in = ct();
        in.setString(Tag.PatientBirthDate, Vr.DA, "19700615");
        DataSet out = Engine.run(Yaml.read("profile: dicom-basic", "dates: {" + dates + "}"), in);
        if ("absent".equals(expected)) {
            assertThat(out.contains(Tag.PatientBirthDate)).as(dates).isFalse();
        } else {
            assertThat(out.getText(Tag.PatientBirthDate)).as(dates).isEqualTo(expected == null ? "" : expected);
        }
    }

    @Test
    void datesOutsideTheLongitudinalOptionsKeepTheProfilesActionWhateverTheMode() throws RecipeException {
        DataSet in = ct();
        in.setString(Tag.PatientBirthTime, Vr.TM, "063000");
        in.setString(Tag.GPSTimeStamp, Vr.DT, "20000101083000");
        for (String mode : List.of("keep", "shift", "timepoint")) {
            DataSet out = Engine.run(Yaml.read("profile: dicom-basic", "dates: {mode: " + mode + "}"), in);
            assertThat(out.contains(Tag.PatientBirthTime)).as(mode).isFalse();
            assertThat(out.contains(Tag.GPSTimeStamp)).as(mode).isFalse();
            assertThat(out.getText(Tag.PatientBirthDate)).as(mode).isEmpty();
        }
        DataSet own = Engine.run(Yaml.read("profile: dicom-basic", "dates: {mode: shift, birth-date: keep}"), in);
        assertThat(own.getString(Tag.PatientBirthTime)).isEqualTo("063000");
        assertThat(own.getString(Tag.PatientBirthDate)).isEqualTo("19700101");
    }

    @Test
    void yearOnlyBirthDateKeepsOnlyTheYear() throws RecipeException {
        DataSet in = ct();
        in.setString(Tag.PatientBirthDate, Vr.DA, "19700615");
        DataSet out = Engine.run(Yaml.read("profile: original", "dates: {birth-date: year-only}"), in);
        assertThat(out.getString(Tag.PatientBirthDate)).isEqualTo("19700101");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20000101");
    }

    @Test
    void longitudinalFollowsTheDateMode() throws RecipeException {
        assertThat(Engine.compile(Yaml.read("profile: dicom-basic")).longitudinal()).isEqualTo(Longitudinal.REMOVED);
        assertThat(Engine.compile(Yaml.read("profile: dicom-basic", "dates: {mode: keep}")).longitudinal())
                .isEqualTo(Longitudinal.UNMODIFIED);
        assertThat(Engine.compile(Yaml.read("profile: original", "dates: {mode: remove}")).longitudinal())
                .isEqualTo(Longitudinal.REMOVED);
        for (String mode : List.of("shift", "timepoint", "year-only", "processing-date", "fixed, date: '20000101'")) {
            assertThat(Engine.compile(Yaml.read("profile: original", "dates: {mode: " + mode + "}")).longitudinal())
                    .as(mode).isEqualTo(Longitudinal.MODIFIED);
        }
        assertThat(Engine.compile(Yaml.read("profile: original")).longitudinal()).isEqualTo(Longitudinal.UNMODIFIED);
        assertThat(Engine.compile(Yaml.read("profile: original", "attributes: [{select: StudyDate, action: empty}]"))
                .longitudinal()).isEqualTo(Longitudinal.MODIFIED);
        assertThat(Engine.compile(Yaml.read("profile: original", "attributes: [{select: PatientName, action: empty}]"))
                .longitudinal()).isEqualTo(Longitudinal.UNMODIFIED);
    }

    @Test
    void methodTextNamesWhatTheRecipeAdds() throws RecipeException {
        DeidConfig.MethodDescription plain = Engine.compile(Yaml.read("profile: dicom-basic")).method();
        DeidConfig.MethodDescription m = Engine.compile(Yaml.read("profile: dicom-basic",
                "dates: {mode: shift}", "patient-id: {strategy: sequential}", "categories: {device: keep}",
                "attributes: [{select: PatientComments, action: keep}]")).method();
        assertThat(m.text()).isEqualTo(plain.text()
                + "; dates shift; patient IDs sequential; device keep; 1 recipe overrides");
        assertThat(m.codes()).isEqualTo(plain.codes());
    }

    @Test
    void standardCodesAreActionNames() throws RecipeException {
        List<Recipe.OverrideRule> o = Yaml.read("profile: original", "attributes:",
                "  - {select: PatientComments, action: X}", "  - {select: OverlayData, action: K}").overrides();
        assertThat(o).extracting(Recipe.OverrideRule::rule).containsExactly(
                new Rule(new Selector.TagIs(Tag.PatientComments), new Remove(), "recipe line 3"),
                new Rule(Selector.TagPattern.parse("60xx3000"), new Keep(), "recipe line 4"));
    }

    @Test
    void anOverrideBuiltInCodeComesLastAndNamesTheCommandLine() {
        Recipe.OverrideRule keepName = new Recipe.OverrideRule(new Selector.TagIs(Tag.PatientName), Condition.ALWAYS,
                new Keep(), 0);
        Recipe r = new Recipe("dicom-basic", Set.of(), Map.of(), PatientIdConfig.defaults(),
                DateConfig.defaults(), List.of(keepName), List.of(), false);
        List<Rule> rules = Engine.compile(r).rules().rules();
        assertThat(rules.get(rules.size() - 1)).isEqualTo(new Rule(new Selector.TagIs(Tag.PatientName), new Keep(),
                "command line"));
    }
}
