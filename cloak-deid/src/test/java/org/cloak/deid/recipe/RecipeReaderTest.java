package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.FixedDate;
import org.cloak.deid.action.Hash;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.ProcessingDate;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.RoundAge;
import org.cloak.deid.action.SetValue;
import org.cloak.deid.profile.Categories;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.pseudo.Configs;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.pseudo.PatientIdConfig;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeReaderTest {

    @Test
    void readsEverySectionOfTheBriefExample() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: dicom-basic",
                "options: [retain-safe-private, clean-descriptors]",
                "patient-id: {strategy: sequential, prefix: P, start: 1, width: 3, discovery: per-top-folder}",
                "dates: {mode: timepoint, schedule: [0, 6, 12, 24]}",
                "categories: {device: keep, institution: X}",
                "attributes:",
                "  - {select: PatientName, action: set, value: Anonymous}",
                "  - {select: \"(0029,xx09)\", private-creator: \"SIEMENS CSA HEADER\", action: set, value: Anonymous}",
                "  - {select: AcquisitionDate, action: processing-date}",
                "  - {select: SeriesDescription, action: remove, when: {attribute: Modality, equals: MR}}",
                "keep-private-creators: [\"GEMS_ACQU_01\"]",
                "allow-burned-in: true");
        assertThat(r.profile()).isEqualTo("dicom-basic");
        assertThat(r.options())
                .containsExactlyInAnyOrder(ProfileOption.RETAIN_SAFE_PRIVATE, ProfileOption.CLEAN_DESCRIPTORS);
        assertThat(r.patientId()).isEqualTo(Configs.ids("SEQUENTIAL", "P", 1, 3, "per-top-folder", null, 0,
                "UNKNOWN-{n}", "", null, null, null, "ERROR", "id"));
        assertThat(r.patientIdGiven()).isTrue();
        assertThat(r.dates().mode()).isEqualTo(DateConfig.Mode.TIMEPOINT);
        assertThat(r.dates().schedule()).containsExactly(0, 6, 12, 24);
        assertThat(r.categories()).containsExactly(Map.entry("device", "keep"), Map.entry("institution", "remove"));
        assertThat(r.overrides()).containsExactly(
                new Recipe.OverrideRule(new Selector.TagIs(Tag.PatientName), Condition.ALWAYS,
                        new SetValue("Anonymous"), 7),
                new Recipe.OverrideRule(new Selector.PrivateTag("SIEMENS CSA HEADER", 0x0029, 0x09), Condition.ALWAYS,
                        new SetValue("Anonymous"), 8),
                new Recipe.OverrideRule(new Selector.TagIs(Tag.AcquisitionDate), Condition.ALWAYS,
                        new ProcessingDate(), 9),
                new Recipe.OverrideRule(new Selector.TagIs(Tag.SeriesDescription),
                        Condition.on(Tag.Modality, Condition.Op.EQUALS, "MR"), new Remove(), 10));
        assertThat(r.keepPrivateCreators()).containsExactly("GEMS_ACQU_01");
        assertThat(r.allowBurnedIn()).isTrue();
    }

    @Test
    void aMinimalRecipeTakesTheDefaults() throws RecipeException {
        Recipe r = Yaml.read("profile: dicom-basic");
        assertThat(r).isEqualTo(Recipe.defaults());
        assertThat(r.patientIdGiven()).isFalse();
    }

    @Test
    void blockStyleAndFlowStyleReadTheSame() throws RecipeException {
        Recipe block = Yaml.read(
                "profile: hipaa",
                "dates:",
                "  mode: shift",
                "  min-days: -100",
                "  max-days: -10",
                "  zero-times: true",
                "  birth-date: year-only");
        Recipe flow = Yaml.read(
                "profile: hipaa",
                "dates: {mode: shift, min-days: -100, max-days: -10, zero-times: true, birth-date: year-only}");
        assertThat(block).isEqualTo(flow);
        assertThat(block.dates()).isEqualTo(Configs.dates("shift", -100, -10, true,
                DateConfig.defaults().schedule(), null, "year-only"));
    }

    @Test
    void textValuesAreTakenAsWrittenNotAsYamlBooleansOrNumbers() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: original",
                "patient-id: {strategy: deterministic, prefix: 007, salt: no}",
                "attributes:",
                "  - {select: BurnedInAnnotation, action: set, value: NO, when: {attribute: Modality, equals: ON}}");
        assertThat(r.patientId().prefix()).isEqualTo("007");
        assertThat(r.patientId().salt()).isEqualTo("no");
        assertThat(r.overrides().get(0).action()).isEqualTo(new SetValue("NO"));
        assertThat(r.overrides().get(0).condition()).isEqualTo(Condition.on(Tag.Modality, Condition.Op.EQUALS, "ON"));
    }

    @Test
    void everySelectorFormBecomesItsSelector() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: dicom-basic",
                "attributes:",
                "  - {select: \"(0010,0010)\", action: keep}",
                "  - {select: \"(60xx,3000)\", action: remove}",
                "  - {select: OverlayData, action: remove}",
                "  - {private: {creator: SIEMENS CSA HEADER, tag: \"(0029,xx10)\"}, action: keep}",
                "  - {private: {creator: GEMS_ACQU_01}, action: keep}",
                "  - {category: device, action: K}",
                "  - {select: \"(0029,1009)\", action: empty}");
        assertThat(r.overrides()).extracting(Recipe.OverrideRule::selector).containsExactly(
                new Selector.TagIs(Tag.PatientName), Selector.TagPattern.parse("60xx3000"),
                Selector.TagPattern.parse("60xx3000"), new Selector.PrivateTag("SIEMENS CSA HEADER", 0x0029, 0x10),
                new Selector.PrivateCreatorBlock("GEMS_ACQU_01"), Categories.selector("device"),
                new Selector.TagIs(0x00291009));
        assertThat(r.overrides()).extracting(Recipe.OverrideRule::action).containsExactly(
                new Keep(), new Remove(), new Remove(), new Keep(), new Keep(), new Keep(), new Empty());
    }

    @Test
    void conditionsOfEveryKind() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: dicom-basic",
                "attributes:",
                "  - {select: PatientComments, action: remove, when: {attribute: Modality, contains: M}}",
                "  - {select: PatientComments, action: remove, when: {attribute: SeriesDescription, matches: 'T1.*'}}",
                "  - {select: PatientComments, action: remove, when: {attribute: BurnedInAnnotation, present: true}}",
                "  - {select: PatientComments, action: remove, when: {attribute: BurnedInAnnotation, absent: true}}",
                "  - {select: PatientComments, action: remove, when: {attribute: \"(0008,0060)\", present: false}}");
        assertThat(r.overrides()).extracting(o -> o.condition().describe()).containsExactly(
                "Modality contains \"M\"", "SeriesDescription matches \"T1.*\"", "BurnedInAnnotation present",
                "BurnedInAnnotation absent", "Modality absent");
    }

    @Test
    void actionArgumentsHaveTheirOwnKeys() throws RecipeException {
        Recipe r = Yaml.read(
                "profile: dicom-basic",
                "attributes:",
                "  - {select: AccessionNumber, action: hash, length: 8}",
                "  - {select: PatientAge, action: round-age, max-years: 89}",
                "  - {select: StudyDate, action: fixed-date, date: '20000101'}",
                "  - {select: OtherPatientIDs, action: hash}");
        assertThat(r.overrides()).extracting(Recipe.OverrideRule::action).containsExactly(new Hash(8), new RoundAge(89),
                new FixedDate(LocalDate.of(2000, 1, 1)), new Hash(16));
    }

    @Test
    void csvMappingFileIsFoundNextToTheRecipe(@TempDir Path dir) throws IOException, RecipeException {
        Files.writeString(dir.resolve("ids.csv"), "original,new\nPID-0001,P001\n");
        Path recipe = Files.writeString(dir.resolve("r.yaml"), String.join("\n",
                "profile: dicom-basic",
                "patient-id:",
                "  strategy: csv",
                "  file: ids.csv",
                "  source-column: original",
                "  target-column: new",
                "  unmapped: hash",
                ""));
        PatientIdConfig ids = RecipeReader.read(recipe).patientId();
        assertThat(ids.strategy()).isEqualTo(PatientIdConfig.Strategy.CSV);
        assertThat(ids.csvFile()).isEqualTo(dir.resolve("ids.csv").toAbsolutePath().toString());
        assertThat(List.of(ids.csvSource(), ids.csvTarget())).containsExactly("original", "new");
        assertThat(ids.unmapped()).isEqualTo(PatientIdConfig.Unmapped.HASH);
    }

    @Test
    void folderAndNoneStrategies() throws RecipeException {
        PatientIdConfig folder = Yaml.read("profile: dicom-basic",
                "patient-id: {strategy: folder, regex: 'sub-(\\w+)', depth: 1, fallback: 'X-{n}', patient-name: empty}")
                .patientId();
        assertThat(folder).isEqualTo(Configs.ids("FOLDER", "", 1, 4, "all", "sub-(\\w+)", 1, "X-{n}", "",
                null, null, null, "ERROR", "empty"));
        assertThat(Yaml.read("profile: dicom-basic", "patient-id: {strategy: NONE}").patientId().strategy())
                .isEqualTo(PatientIdConfig.Strategy.NONE);
    }

    @Test
    void keepPrivateCreatorsAndOptionsKeepTheirOrderAndValues() throws RecipeException {
        Recipe r = Yaml.read("profile: dicom-basic",
                "keep-private-creators:",
                "  - SIEMENS CSA HEADER",
                "  - GEMS_ACQU_01");
        assertThat(r.keepPrivateCreators()).containsExactly("SIEMENS CSA HEADER", "GEMS_ACQU_01");
        assertThat(r.options()).isEqualTo(Set.of());
    }
}
