package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeExplainerTest {

    @Test
    void listsTheDecidingRuleOfEveryAttributeInTagOrder() throws RecipeException {
        List<String> lines = RecipeExplainer.explain(Yaml.read(
                "profile: original",
                "patient-id: {strategy: sequential}",
                "keep-private-creators: [GEMS_ACQU_01]",
                "attributes:",
                "  - {select: PatientComments, action: set, value: Anonymous}",
                "  - {select: AccessionNumber, action: hash, length: 8}",
                "  - {select: AccessionNumber, action: remove, when: {attribute: Modality, equals: MR}}",
                "  - {select: \"(0029,1009)\", action: empty}",
                "  - {select: OverlayData, action: remove}",
                "  - {private: {creator: SIEMENS CSA HEADER, tag: \"(0029,xx10)\"}, action: keep}"));
        assertThat(lines).containsExactly(
                "(0008,0050) AccessionNumber  -> hash 8  [recipe line 6]",
                "(0008,0050) AccessionNumber  -> X  when Modality equals \"MR\"  [recipe line 7]",
                "(0010,0010) PatientName  -> new-name  [recipe: patient-id]",
                "(0010,0020) PatientID  -> new-id  [recipe: patient-id]",
                "(0010,4000) PatientComments  -> set \"Anonymous\"  [recipe line 5]",
                "(0029,1009) (private, any creator)  -> Z  [recipe line 8]",
                "(60xx,3000) OverlayData  -> X  [recipe line 9]",
                "(0029,xx10) \"SIEMENS CSA HEADER\"  -> K  [recipe line 10]",
                "private block \"GEMS_ACQU_01\"  -> K  [recipe: keep-private-creators]");
    }

    @Test
    void aLaterVrWideRuleDecidesTheProfilesSingleTags() throws RecipeException {
        List<String> lines = RecipeExplainer.explain(Yaml.read("profile: dicom-basic", "dates: {mode: shift}"));
        assertThat(lines).contains(
                "(0008,0020) StudyDate  -> shift-date  [recipe: dates shift]",
                "(0008,0030) StudyTime  -> K  [recipe: dates shift]",
                "(0010,0010) PatientName  -> new-name  [recipe: patient-id]",
                "(every standard DA/DT)  -> shift-date  [recipe: dates shift]",
                "(every standard TM)  -> K  [recipe: dates shift]");
        assertThat(lines).anyMatch(l -> l.startsWith("(0010,0030) PatientBirthDate  -> Z  [PS3.15 E.1-1 basic"));
        assertThat(lines).noneMatch(l -> l.startsWith("(0008,0020) StudyDate  -> Z"));
    }

    @Test
    void categoriesAreExpandedToTheirAttributes() throws RecipeException {
        List<String> lines = RecipeExplainer.explain(Yaml.read("profile: original",
                "categories: {institution: remove}"));
        assertThat(lines).contains("(0008,0080) InstitutionName  -> X  [recipe: categories.institution]");
        assertThat(lines).allMatch(l -> l.endsWith("[recipe: categories.institution]"));
    }

    @Test
    void explainingIsDeterministic() throws RecipeException {
        Recipe r = Yaml.read("profile: hipaa", "options: [retain-safe-private]", "dates: {mode: year-only}");
        assertThat(RecipeExplainer.explain(r)).isEqualTo(RecipeExplainer.explain(r)).hasSizeGreaterThan(300);
    }
}
