package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every class of recipe mistake is refused at load time with its line and a message saying what to write. */
class RecipeErrorsTest {

    private static void assertError(RecipeException e, int line, String message) {
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.detail()).isEqualTo(message);
        assertThat(e.getMessage()).isEqualTo("line " + line + ": " + message);
    }

    private static void assertErrorStartsWith(RecipeException e, int line, String message) {
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.detail()).startsWith(message);
    }

    @Test
    void yamlSyntax() {
        RecipeException e = Yaml.error("profile: dicom-basic", "options: [retain-uids", "dates: {mode: keep}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.detail()).startsWith("not valid YAML: ");
    }

    @Test
    void emptyRecipe() {
        assertError(Yaml.error("# nothing here"), 1, "the recipe is empty; it needs at least 'profile'");
    }

    @Test
    void aRecipeMustBeAMap() {
        assertError(Yaml.error("- profile"), 1, "the recipe must be a map (key: value), found a list");
    }

    @Test
    void unknownTopLevelKeyWithSuggestion() {
        assertErrorStartsWith(Yaml.error("# comment", "profil: dicom-basic"), 2,
                "unknown key 'profil' (did you mean 'profile'?); allowed: [allow-burned-in, attributes,");
    }

    @Test
    void unknownNestedKeyWithSuggestion() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: sequential", "  prefx: P"),
                4,
                "unknown key 'prefx' in patient-id (did you mean 'prefix'?)");
    }

    @Test
    void duplicateKey() {
        assertError(Yaml.error("profile: dicom-basic", "allow-burned-in: true", "profile: hipaa"), 3,
                "key 'profile' appears twice (first on line 1)");
    }

    @Test
    void wrongTypes() {
        assertError(Yaml.error("profile: dicom-basic", "options: retain-uids"), 2,
                "options must be a list, found a text");
        assertError(Yaml.error("profile: dicom-basic", "patient-id: {strategy: sequential, width: three}"), 2,
                "patient-id.width must be a whole number, found a text");
        assertError(Yaml.error("profile: dicom-basic", "allow-burned-in: sometimes"), 2,
                "allow-burned-in must be true or false, found a text");
        assertError(Yaml.error("profile: 5"), 1, "profile must be a text, found a whole number");
        assertError(Yaml.error("profile: dicom-basic", "dates: shift"), 2,
                "dates must be a map (key: value), found a text");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - PatientName"), 3,
                "attributes[0] must be a map (key: value), found a text");
    }

    @Test
    void numberOutOfRange() {
        assertError(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: sequential", "  width: 0"), 4,
                "patient-id.width must be between 1 and 18");
    }

    @Test
    void unknownProfileWithSuggestion() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basik"), 1,
                "unknown profile 'dicom-basik' (did you mean 'dicom-basic'?); known: [");
    }

    @Test
    void unknownOption() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "options:", "  - retain-uids",
                "  - retain-safe-privat"), 4,
                "unknown option 'retain-safe-privat' (did you mean 'retain-safe-private'?); known: [");
    }

    @Test
    void optionListedTwice() {
        assertError(Yaml.error("profile: dicom-basic", "options: [retain-uids,", "  retain-uids]"), 3,
                "option 'retain-uids' is listed twice");
    }

    @Test
    void unknownCategory() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "categories:", "  devices: keep"), 3,
                "unknown category 'devices' (did you mean 'device'?); known: [");
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "attributes:",
                "  - {category: institutions, action: X}"), 3,
                "unknown category 'institutions' (did you mean 'institution'?)");
    }

    @Test
    void categoryActionThatNeedsAnArgument() {
        assertError(Yaml.error("profile: dicom-basic", "categories:", "  device: set"), 3,
                "action set needs an argument; use an attributes entry with category: device");
    }

    @Test
    void unknownAction() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName",
                "    action: remvoe"), 4, "unknown action 'remvoe' (did you mean 'remove'?); known: [");
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "categories: {device: Q}"), 2, "unknown action 'Q'");
    }

    @Test
    void missingAction() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: PatientName}"), 3,
                "attributes[0] needs 'action'");
    }

    @Test
    void argumentThatDoesNotGoWithTheAction() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: set",
                "    length: 8"), 5, "'length' does not go with action set (it reads 'value')");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: PatientName, action: X, value: a}"),
                3,
                "'value' does not go with action remove (it takes no argument)");
    }

    @Test
    void missingOrBadArgument() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: PatientName, action: set}"), 3,
                "action set needs 'value'");
        assertError(Yaml.error("profile: dicom-basic", "attributes:",
                "  - {select: AccessionNumber, action: hash, length: 99}"),
                3, "hash length must be a whole number from 1 to 64");
        assertError(Yaml.error("profile: dicom-basic", "attributes:",
                "  - {select: StudyDate, action: fixed-date, date: 2000-01-01}"),
                3, "'2000-01-01' is not a date written YYYYMMDD");
    }

    @Test
    void unknownStrategy() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: sequentail"), 3,
                "unknown strategy 'sequentail' (did you mean 'sequential'?); known: [none, sequential, folder,");
    }

    @Test
    void strategyIsRequired() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "patient-id:", "  prefix: P"), 3,
                "patient-id needs 'strategy'");
    }

    @Test
    void parameterOfAnotherStrategy() {
        assertError(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: sequential", "  regex: 'x'"), 4,
                "'regex' does not apply to strategy sequential; it reads [discovery, patient-name, prefix, start, "
                        + "strategy, width]");
    }

    @Test
    void unknownDiscoveryAndUnmapped() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic",
                "patient-id: {strategy: sequential, discovery: per-patient}"),
                2, "unknown discovery 'per-patient'");
    }

    @Test
    void csvNeedsItsFileAndColumns() {
        assertError(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: csv", "  file: x.csv"), 3,
                "strategy csv needs 'source-column'");
        RecipeException e = Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: csv",
                "  file: no-such-file.csv", "  source-column: a", "  target-column: b");
        assertError(e, 4, "CSV mapping file not found: " + Path.of("no-such-file.csv").toAbsolutePath().normalize());
    }

    @Test
    void folderNeedsItsRegex() {
        assertError(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: folder", "  depth: 1"), 3,
                "strategy folder needs 'regex'");
    }

    @Test
    void badRegex() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "patient-id: {strategy: folder,",
                "  regex: 'sub-(['}"), 3,
                "not a valid regular expression: ");
    }

    @Test
    void unknownDateMode() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "dates:", "  mode: shifted"), 3,
                "unknown mode 'shifted' (did you mean 'shift'?); known: [profile, keep, remove, shift,");
    }

    @Test
    void dateParameterOfAnotherMode() {
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: shift", "  schedule: [0, 6]"), 4,
                "'schedule' applies to mode timepoint only");
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: timepoint", "  min-days: -5"), 4,
                "'min-days' applies to mode shift (or birth-date shift) only");
    }

    @Test
    void badDateParameters() {
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: shift", "  min-days: -1", "  max-days: -30"),
                4,
                "dates.min-days (-1) is above max-days (-30)");
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: timepoint", "  schedule: [0, 12, 6]"), 4,
                "dates.schedule must list months from 0 upwards in increasing order");
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: fixed"), 3,
                "dates mode fixed needs 'date' (YYYYMMDD)");
        assertError(Yaml.error("profile: dicom-basic", "dates:", "  mode: fixed", "  date: 20001301"), 4,
                "'20001301' is not a date written YYYYMMDD");
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "dates: {birth-date: month-only}"), 2,
                "unknown birth-date 'month-only'");
    }

    @Test
    void badTagSyntax() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: \"(0010,001)\", action: X}"), 3,
                "'(0010,001)' is neither a keyword nor a tag like (0010,0010) or (60xx,3000)");
        assertError(Yaml.error("profile: dicom-basic", "attributes:",
                "  - {select: \"(0010,0010)\", private-creator: ACME, action: X}"), 3,
                "'(0010,0010)' is not a private element tag like (0029,xx10) in an odd group");
        assertError(Yaml.error("profile: dicom-basic", "attributes:",
                "  - private: {creator: ACME, tag: '(0029,0009)'}", "    action: X"), 3,
                "'(0029,0009)' is not a private element tag like (0029,xx10) in an odd group");
    }

    @Test
    void privateCreatorElementsCannotBeSelectedAlone() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: '(0029,0010)', action: keep}"), 3,
                "'(0029,0010)' is a private creator element, which goes or stays with its block; select the block with"
                        + " private: {creator: NAME}");
    }

    @Test
    void unknownKeywordWithSuggestion() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {select: PatientNmae, action: X}"), 3,
                "unknown attribute keyword 'PatientNmae' (did you mean 'PatientName'?)");
    }

    @Test
    void selectorCount() {
        assertError(Yaml.error("profile: dicom-basic", "attributes:",
                "  - {select: PatientName, category: device, action: K}"),
                3, "attributes[0] needs exactly one of 'select', 'private' or 'category'");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - {action: K}"), 3,
                "attributes[0] needs exactly one of 'select', 'private' or 'category'");
    }

    @Test
    void badConditions() {
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName",
                "    action: X", "    when: {attribute: Modality, equal: MR}"), 5,
                        "unknown key 'equal' in attributes[0].when (did you mean 'equals'?)");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: X",
                "    when: {attribute: Modality, equals: MR, contains: M}"), 5,
                "attributes[0].when needs exactly one of [present, absent, empty, equals, not-equals, contains,"
                        + " starts-with, ends-with, matches, less-than, at-most, greater-than, at-least,"
                        + " number-equals]");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: X",
                "    when:", "      attribute: Modalty", "      equals: MR"), 6,
                "unknown attribute keyword 'Modalty' (did you mean 'Modality'?)");
        assertErrorStartsWith(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName",
                "    action: X",
                "    when:", "      attribute: SeriesDescription", "      matches: 'T1(['"), 7,
                "not a valid regular expression: ");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: X",
                "    when: {equals: MR}"), 5, "attributes[0].when needs 'attribute'");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: X",
                "    when: {attribute: Modality, equals: ''}"), 5,
                        "attributes[0].when.equals needs a value (for an empty one use absent)");
        assertError(Yaml.error("profile: dicom-basic", "attributes:", "  - select: PatientName", "    action: X",
                "    when: {attribute: '(0029,1009)', present: true}"), 5,
                "an attribute to read is a keyword, a standard tag or (gggg,{CREATOR}ee) for a private one, with [n]"
                        + " or [%] after a sequence, not '(0029,1009)'");
    }

    @Test
    void badKeepPrivateCreators() {
        assertError(Yaml.error("profile: dicom-basic", "keep-private-creators:", "  - ACME", "  - {creator: X}"), 4,
                "keep-private-creators holds private creator names, found a map");
    }

    @Test
    void prefixAndWidthTooLongForPatientId() {
        assertError(Yaml.error("profile: dicom-basic", "patient-id:", "  strategy: deterministic",
                "  prefix: " + "P".repeat(60), "  width: 10"), 4,
                        "prefix and width make IDs longer than PatientID's 64 characters");
    }
}
