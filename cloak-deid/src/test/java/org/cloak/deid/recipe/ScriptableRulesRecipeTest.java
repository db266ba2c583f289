package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.FormatPattern;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.action.YearOnly;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.rule.AnyVr;
import org.cloak.deid.rule.AttributeCondition;
import org.cloak.deid.rule.Condition.LetterCase;
import org.cloak.deid.rule.Condition.Op;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.KeywordPattern;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/** The YAML forms of paths, creator-addressed tags, keyword and VR selectors, condition trees and derive. */
class ScriptableRulesRecipeTest {
    private static final String[] RECIPE = {
        "profile: original",
        "attributes:",
        "  - {select: \"(0040,0275)[0]/(0040,0009)\", action: remove}",
        "  - {select: \"+/PatientName\", action: empty}",
        "  - {select: \"(0009,{ACME 1.0}01)\", action: remove}",
        "  - {select: \"keywords:*Date\", action: year-only}",
        "  - {select: \"vr:UN, OB\", action: keep}",
        "  - select: StudyDescription",
        "    action: derive",
        "    from: {concat: [{attribute: PatientID}, '-', {substring: {attribute: StudyDate}, begin: 0, end: 4}]}",
        "    when:",
        "      all:",
        "        - {attribute: Modality, equals: MR, case-sensitive: true}",
        "        - any:",
        "            - {attribute: \"(0040,0275)[%]/ScheduledProcedureStepDescription\", starts-with: brain}",
        "            - not: {attribute: PatientAge, present: true}",
        "  - select: AccessionNumber",
        "    action: derive",
        "    from: {format: '%s_%03d', args: [{lookup: {attribute: Modality}, table: {MR: MRI}, default: OTHER},"
                + " {increment: {attribute: SeriesNumber}, by: 1}]}",
        "    when: {attribute: \"item:(0009,{ACME 1.0}02)\", at-least: 10}"};

    @Test
    void theReaderMakesTheRulesTheBuilderMakes() throws RecipeException {
        RuleSet fromYaml = Engine.compile(Yaml.read(RECIPE)).rules();

        Selector requests = new Selector.TagIs(Tag.RequestAttributesSequence);
        ValueExpr year = new ValueExpr.Substring(new ValueExpr.Read(AttributeRef.of(Tag.StudyDate)), 0, 4);
        ValueExpr idAndYear = new ValueExpr.Concat(List.of(new ValueExpr.Read(AttributeRef.of(Tag.PatientID)),
                new ValueExpr.Literal("-"), year));
        AttributeRef description = new AttributeRef(false,
                List.of(new AttributeRef.Step(ElementKey.of(Tag.RequestAttributesSequence), AttributeRef.ANY_ITEM)),
                ElementKey.of(Tag.ScheduledProcedureStepDescription));
        Condition brainMr = Condition.all(
                AttributeCondition.of(AttributeRef.of(Tag.Modality), Op.EQUALS, "MR", LetterCase.SENSITIVE),
                Condition.any(AttributeCondition.of(description, Op.STARTS_WITH, "brain", LetterCase.IGNORED),
                        Condition.not(Condition.on(Tag.PatientAge, Op.PRESENT, null))));
        ValueExpr accession = new ValueExpr.Format(FormatPattern.of("%s_%03d", 2), List.of(
                new ValueExpr.Lookup(new ValueExpr.Read(AttributeRef.of(Tag.Modality)), Map.of("MR", "MRI"), "OTHER"),
                new ValueExpr.Increment(new ValueExpr.Read(AttributeRef.of(Tag.SeriesNumber)), 1)));
        Condition highDose = AttributeCondition.of(new AttributeRef(true, List.of(),
                ElementKey.privateOf(0x0009, "ACME 1.0", 0x02)), Op.AT_LEAST, "10", LetterCase.IGNORED);
        RuleSet built = RuleSet.builder()
                .addAll(Profiles.rules("original", Set.of()))
                .origin("recipe line 3")
                .select(new TagPath(List.of(new TagPath.Item(requests, 0)),
                        new Selector.TagIs(Tag.ScheduledProcedureStepID)))
                .then(new Remove())
                .origin("recipe line 4")
                .select(new TagPath(List.of(TagPath.AnyLevels.ONE_OR_MORE), new Selector.TagIs(Tag.PatientName)))
                .then(new Empty())
                .origin("recipe line 5").select(new Selector.PrivateTag("ACME 1.0", 0x0009, 0x01)).then(new Remove())
                .origin("recipe line 6").select(KeywordPattern.glob("*Date")).then(new YearOnly())
                .origin("recipe line 7").select(new AnyVr(Set.of(Vr.UN, Vr.OB))).then(new Keep())
                .origin("recipe line 8").select(new Selector.TagIs(Tag.StudyDescription)).when(brainMr)
                .then(new Derive(idAndYear))
                .origin("recipe line 17").select(new Selector.TagIs(Tag.AccessionNumber)).when(highDose)
                .then(new Derive(accession))
                .build();
        assertThat(fromYaml.rules()).isEqualTo(built.rules());
    }

    @Test
    void theRecipeRunsAsWritten() throws RecipeException {
        DataSet in = new DataSet();
        in.setString(Tag.Modality, Vr.CS, "MR");
        in.setString(Tag.PatientID, Vr.LO, "PID-0001");
        in.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        in.setString(Tag.StudyDate, Vr.DA, "20240315");
        in.setString(Tag.StudyDescription, Vr.LO, "Head");
        in.setString(Tag.AccessionNumber, Vr.SH, "ACC-0001");
        in.setString(Tag.SeriesNumber, Vr.IS, "4");
        in.setString(0x00090010, Vr.LO, "ACME 1.0");
        in.setString(0x00091001, Vr.LO, "secret");
        in.setString(0x00091002, Vr.DS, "12");
        Sequence requests = new Sequence();
        DataSet item = in.newItem();
        item.setString(Tag.ScheduledProcedureStepID, Vr.SH, "SPS-0");
        item.setString(Tag.ScheduledProcedureStepDescription, Vr.LO, "Brain routine");
        item.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        requests.add(item);
        in.put(Tag.RequestAttributesSequence, Vr.SQ, requests);

        DataSet out = Engine.run(Yaml.read(RECIPE), in);
        DataSet outItem = out.getSequence(Tag.RequestAttributesSequence).get(0);
        assertThat(outItem.contains(Tag.ScheduledProcedureStepID)).isFalse();
        assertThat(outItem.getString(Tag.PatientName)).isNull();
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(out.contains(0x00091001)).isFalse();
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20240101");
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("PID-0001-2024");
        // at the top level, the item read by item: is the top level
        assertThat(out.getString(Tag.AccessionNumber)).isEqualTo("MRI_005");
    }

    @Test
    void explainNamesTheNewRules() throws RecipeException {
        List<String> lines = RecipeExplainer.explain(Yaml.read(RECIPE));
        assertThat(lines).contains(
                "(0008,1030) StudyDescription  -> derive concat(PatientID, \"-\", substring(StudyDate, 0, 4))  when"
                        + " (Modality equals \"MR\" (case-sensitive)) and ((RequestAttributesSequence[%]/"
                        + "ScheduledProcedureStepDescription starts-with \"brain\") or (not (PatientAge present)))"
                        + "  [recipe line 8]",
                "(0040,0275)[0]/(0040,0009)  -> X  [recipe line 3]",
                "keywords like \"*Date\"  -> year-only  [recipe line 6]");
    }

    @Test
    void theNewFormsAreCheckedWhenRead() {
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: \"(0040,0275)[0]/*\", action: X}")
                .getMessage()).isEqualTo("line 3: '(0040,0275)[0]/*' must end with the attribute it selects,"
                        + " without an item index");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: \"keywords:*Dtae\", action: X}")
                .getMessage()).isEqualTo("line 3: '*Dtae' matches no attribute keyword");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: \"vr:QQ\", action: X}").getMessage())
                .isEqualTo("line 3: 'QQ' is not a VR");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: PatientAge, action: X,",
                "     when: {attribute: PatientAge, less-than: old}}").getMessage())
                .isEqualTo("line 4: attributes[0].when.less-than needs a decimal number");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: PatientAge, action: X,",
                "     when: {attribute: PatientAge, present: true, all: []}}").getMessage())
                .isEqualTo("line 4: attributes[0].when holds either one test on an 'attribute' or one of"
                        + " [all, any, not]");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: PatientAge, action: derive,",
                "     from: {reverse: {attribute: PatientAge}}}").getMessage())
                .startsWith("line 4: attributes[0].from needs exactly one of [add-days, attribute, concat,");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: PatientAge, action: derive}")
                .getMessage())
                .isEqualTo("line 3: action derive needs 'from'");
        assertThat(Yaml.error("profile: original", "attributes:", "  - {select: PatientAge, action: derive,",
                "     from: {format: '%d %d', args: [{attribute: PatientAge}]}}").getMessage())
                .isEqualTo("line 4: attributes[0].from.format: the format pattern reads 2 values, given 1");
        assertThat(Yaml.error("profile: original", "categories: {device: derive}").getMessage())
                .isEqualTo("line 2: action derive needs an argument; use an attributes entry with category: device");
    }

    @Test
    void aFixedDateActionStillReadsItsDate() throws RecipeException {
        assertThat(Yaml.read("profile: original", "attributes:",
                "  - {select: StudyDate, action: fixed-date, date: '20000101'}")
                .overrides().get(0).action()).isEqualTo(new org.cloak.deid.action.FixedDate(LocalDate.of(2000, 1, 1)));
    }

    @Test
    void theDocumentedExamplesRead() throws RecipeException {
        Recipe r = Yaml.read("profile: dicom-basic", "attributes:",
                "  - {select: \"(0029,{SIEMENS CSA HEADER}10)\", action: keep}",
                "  - {select: \"(xxx#,xxxx)\", action: remove}",
                "  - {select: \"keywords-matching:Patient.*Name\", action: empty}",
                "  - {select: \"./PatientName\", action: empty}",
                "  - {select: \"ReferencedSeriesSequence[%]/*/ReferencedSOPInstanceUID\", action: uid}",
                "  - {select: PatientComments, action: empty,",
                "     when: {attribute: \"item:CodeValue\", equals: \"121322\"}}",
                "  - select: AccessionNumber",
                "    action: derive",
                "    from: {lookup: {attribute: AccessionNumber}, table: {ACC-0001: A1, ACC-0002: A2},",
                "      default: UNKNOWN}",
                "  - select: StudyDescription",
                "    action: derive",
                "    from: {replace: {uppercase: {attribute: StudyDescription}}, regex: '\\s+', with: '_'}");
        assertThat(r.overrides()).extracting(o -> o.selector().describe()).containsExactly(
                "(0029,xx10) \"SIEMENS CSA HEADER\"", "(xxx#,xxxx)", "keywords matching \"Patient.*Name\"",
                "./(0010,0010)", "(0008,1115)[%]/*/(0008,1155)", "(0010,4000)", "(0008,0050)", "(0008,1030)");
    }
}
