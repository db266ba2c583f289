package org.cloak.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Dummy;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Hash;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ReplaceUid;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidHasher;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

class DeidentifierTest {
    private static final Secret SECRET = new Secret("0123456789abcdef0123456789abcdef".getBytes());
    private static final PatientPlan PLAN = new PatientPlan("P001", "P001", -10, null, d -> d);

    private static DataSet study() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.100");
        ds.setString(Tag.StudyDate, Vr.DA, "20240315");
        ds.setString(Tag.Modality, Vr.CS, "CT");
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tag.PatientID, Vr.LO, "PID-0001");
        Sequence refs = new Sequence();
        DataSet item = ds.newItem();
        item.setString(Tag.ReferencedSOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.setString(Tag.ReferencedSOPInstanceUID, Vr.UI, "1.2.3.4.99");
        item.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        refs.add(item);
        ds.put(Tag.ReferencedImageSequence, Vr.SQ, refs);
        ds.setString(0x00090010, Vr.LO, "ACME 1.0");
        ds.setString(0x00091001, Vr.PN, "DOE^JANE");
        ds.setString(0x00110010, Vr.LO, "KEEP ME");
        ds.setString(0x00111002, Vr.LO, "harmless");
        ds.setString(0x00131005, Vr.LO, "orphan");
        return ds;
    }

    private static Deidentifier engine(boolean allowBurnedIn, Rule... rules) {
        DeidConfig config = new DeidConfig(new RuleSet(List.of(rules)),
                new DeidConfig.MethodDescription("Cloak test", List.of(new DeidConfig.MethodCode("113100", "DCM",
                        "Basic Application Confidentiality Profile"))),
                Longitudinal.MODIFIED, allowBurnedIn, new UidHasher(SECRET), SECRET, LocalDate.of(2026, 1, 2), false);
        return new Deidentifier(config);
    }

    private static Rule rule(int tag, Action a) {
        return new Rule(new Selector.TagIs(tag), a, "test");
    }

    private static DataSet cleaned(DeidResult r) {
        assertThat(r.outcome()).isInstanceOf(Outcome.Cleaned.class);
        return ((Outcome.Cleaned) r.outcome()).dataset();
    }

    @Test
    void rulesApplyAtEveryDepthAndTheOriginalIsUntouched() {
        DataSet in = study();
        DataSet out = cleaned(engine(false, rule(Tag.PatientName, new Remove())).deidentify(in, PLAN));
        assertThat(out.contains(Tag.PatientName)).isFalse();
        DataSet item = out.getSequence(Tag.ReferencedImageSequence).get(0);
        assertThat(item.contains(Tag.PatientName)).isFalse();
        assertThat(item.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2.3.4.99");
        assertThat(in.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(in.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void removingASequenceRemovesItWhole() {
        DataSet out = cleaned(engine(false, rule(Tag.ReferencedImageSequence, new Remove())).deidentify(study(), PLAN));
        assertThat(out.contains(Tag.ReferencedImageSequence)).isFalse();
    }

    @Test
    void emptyingASequenceLeavesNoItems() {
        DataSet out = cleaned(engine(false, rule(Tag.ReferencedImageSequence, new Empty())).deidentify(study(), PLAN));
        assertThat(out.getSequence(Tag.ReferencedImageSequence).isEmpty()).isTrue();
    }

    @Test
    void privateBlocksGoWithTheirCreatorsUnlessKeptAndOrphansAlwaysGo() {
        DataSet out = cleaned(engine(false,
                new Rule(new Selector.AllPrivate(), new Remove(), "private"),
                new Rule(new Selector.PrivateCreatorBlock("KEEP ME"), new Keep(), "keep list"))
                .deidentify(study(), PLAN));
        assertThat(out.contains(0x00090010)).isFalse();
        assertThat(out.contains(0x00091001)).isFalse();
        assertThat(out.getString(0x00110010)).isEqualTo("KEEP ME");
        assertThat(out.getString(0x00111002)).isEqualTo("harmless");
        assertThat(out.contains(0x00131005)).isFalse();
    }

    /** A rule that changes nothing in {@link #study()}: the rule set is not empty. */
    private static final Rule UNRELATED = rule(Tag.PatientMotherBirthName, new Remove());

    @Test
    void orphanPrivateElementsGoEvenWhenNothingElseIsRemoved() {
        DataSet out = cleaned(engine(false, UNRELATED).deidentify(study(), PLAN));
        assertThat(out.contains(0x00131005)).isFalse();
        assertThat(out.getString(0x00091001)).isEqualTo("DOE^JANE");
    }

    @Test
    void noRulesMeansNothingChangesAndNothingIsClaimed() {
        DataSet in = study();
        DataSet out = cleaned(engine(false).deidentify(in, PLAN));
        assertThat(encoded(out)).isEqualTo(encoded(in));
    }

    private static byte[] encoded(DataSet ds) {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try {
            org.cloak.dicom.io.DicomWriter.writeDataSet(ds, org.cloak.dicom.io.TransferSyntax.EXPLICIT_LE,
                    java.nio.channels.Channels.newChannel(bos));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    @Test
    void theMethodCodeSequenceIsLeftOutWithoutCodes() {
        DeidConfig config = new DeidConfig(new RuleSet(List.of(UNRELATED)),
                new DeidConfig.MethodDescription("Cloak test", List.of()), Longitudinal.UNMODIFIED, false,
                new UidHasher(SECRET), SECRET, LocalDate.of(2026, 1, 2), false);
        DataSet out = cleaned(new Deidentifier(config).deidentify(study(), PLAN));
        assertThat(out.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(out.contains(Tag.DeidentificationMethodCodeSequence)).isFalse();
    }

    @Test
    void freeTextInsideADummiedSequenceIsReplacedButCodesStay() {
        DataSet ds = study();
        Sequence content = new Sequence();
        DataSet item = ds.newItem();
        item.setString(Tag.TextValue, Vr.UT, "Key images of DOE^JANE");
        Sequence concept = new Sequence();
        DataSet code = item.newItem();
        code.setString(Tag.CodeValue, Vr.SH, "113012");
        code.setString(Tag.CodeMeaning, Vr.LO, "Key Object Description");
        concept.add(code);
        item.put(Tag.ConceptNameCodeSequence, Vr.SQ, concept);
        content.add(item);
        ds.put(Tag.ContentSequence, Vr.SQ, content);
        DataSet out = cleaned(engine(false, rule(Tag.ContentSequence, new Dummy())).deidentify(ds, PLAN));
        DataSet outItem = out.getSequence(Tag.ContentSequence).get(0);
        assertThat(outItem.getString(Tag.TextValue)).isEqualTo("ANONYMIZED");
        DataSet outCode = outItem.getSequence(Tag.ConceptNameCodeSequence).get(0);
        assertThat(outCode.getString(Tag.CodeValue)).isEqualTo("113012");
        assertThat(outCode.getString(Tag.CodeMeaning)).isEqualTo("Key Object Description");
    }

    @Test
    void everyOutputIsMarked() {
        DataSet out = cleaned(engine(false, UNRELATED).deidentify(study(), PLAN));
        assertThat(out.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(out.getString(Tag.DeidentificationMethod)).isEqualTo("Cloak test");
        assertThat(out.getString(Tag.LongitudinalTemporalInformationModified)).isEqualTo("MODIFIED");
        DataSet code = out.getSequence(Tag.DeidentificationMethodCodeSequence).get(0);
        assertThat(code.getString(Tag.CodeValue)).isEqualTo("113100");
        assertThat(code.getString(Tag.CodingSchemeDesignator)).isEqualTo("DCM");
        assertThat(out.contains(Tag.ClinicalTrialTimePointID)).isFalse();
    }

    @Test
    void theTimePointIsWrittenWhenPlanned() {
        PatientPlan plan = new PatientPlan("P001", "P001", 0, "M06", d -> d);
        DataSet out = cleaned(engine(false, UNRELATED).deidentify(study(), plan));
        assertThat(out.getString(Tag.ClinicalTrialTimePointID)).isEqualTo("M06");
    }

    @Test
    void burnedInAnnotationIsQuarantinedUnlessAllowed() {
        DataSet ds = study();
        ds.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        assertThat(engine(false).deidentify(ds, PLAN).outcome()).isInstanceOf(Outcome.Quarantined.class);
        assertThat(engine(true).deidentify(ds, PLAN).outcome()).isInstanceOf(Outcome.Cleaned.class);
    }

    @Test
    void ultrasoundWithoutAFlagIsSuspectButAFlagOfNoClearsIt() {
        DataSet ds = study();
        ds.setString(Tag.Modality, Vr.CS, "US");
        ds.put(Tag.PixelData, Vr.OW, new Bytes(new byte[8]));
        DeidResult r = engine(false).deidentify(ds, PLAN);
        assertThat(((Outcome.Quarantined) r.outcome()).reason()).contains("US").doesNotContain("DOE");
        ds.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        assertThat(engine(false).deidentify(ds, PLAN).outcome()).isInstanceOf(Outcome.Cleaned.class);
    }

    @Test
    void conditionsTestTheOriginalTopLevel() {
        Rule onlyMr = new Rule(new Selector.TagIs(Tag.PatientName),
                Condition.on(Tag.Modality, Condition.Op.EQUALS, "mr"), new Remove(), "test");
        assertThat(cleaned(engine(false, onlyMr).deidentify(study(), PLAN)).contains(Tag.PatientName)).isTrue();
        DataSet mr = study();
        mr.setString(Tag.Modality, Vr.CS, "MR");
        assertThat(cleaned(engine(false, onlyMr).deidentify(mr, PLAN)).contains(Tag.PatientName)).isFalse();
    }

    @Test
    void laterRulesWin() {
        DataSet out = cleaned(engine(false, rule(Tag.PatientName, new Remove()), rule(Tag.PatientName, new Keep()))
                .deidentify(study(), PLAN));
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
    }

    @Test
    void uidsAreReplacedConsistentlyAndStandardUidsKept() {
        Rule uids = new Rule(new Selector.StandardVr(java.util.Set.of(Vr.UI)), new ReplaceUid(), "test");
        DataSet a = study();
        DataSet b = study();
        b.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.99");
        DataSet outA = cleaned(engine(false, uids).deidentify(a, PLAN));
        DataSet outB = cleaned(engine(false, uids).deidentify(b, PLAN));
        String referenced = outA.getSequence(Tag.ReferencedImageSequence).get(0)
                .getString(Tag.ReferencedSOPInstanceUID);
        assertThat(referenced).startsWith("2.25.").isEqualTo(outB.getString(Tag.SOPInstanceUID));
        assertThat(outA.getString(Tag.SOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(outA.getString(Tag.SOPInstanceUID)).isNotEqualTo(referenced);
    }

    @Test
    void datesShiftByThePatientOffsetAndUnparseableDatesAreEmptied() {
        DataSet ds = study();
        ds.setString(Tag.AcquisitionDateTime, Vr.DT, "20240315123000.5+0100");
        ds.setString(Tag.SeriesDate, Vr.DA, "2024-03-15");
        Rule shift = new Rule(new Selector.StandardVr(java.util.Set.of(Vr.DA, Vr.DT)), new ShiftDate(false), "test");
        DataSet out = cleaned(engine(false, shift).deidentify(ds, PLAN));
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20240305");
        assertThat(out.getString(Tag.AcquisitionDateTime)).isEqualTo("20240305123000.5+0100");
        assertThat(out.get(Tag.SeriesDate).isEmpty()).isTrue();
    }

    @Test
    void dummyValuesAreValidForTheirVr() {
        DataSet out = cleaned(engine(false, rule(Tag.StudyDate, new Dummy()), rule(Tag.PatientName, new Dummy()))
                .deidentify(study(), PLAN));
        assertThat(out.getString(Tag.StudyDate)).matches("\\d{8}");
        assertThat(out.getString(Tag.PatientName)).isNotEmpty().isNotEqualTo("DOE^JANE");
    }

    @Test
    void hashesAreKeyedAndStable() {
        Rule hash = rule(Tag.PatientID, new Hash(8));
        String first = cleaned(engine(false, hash).deidentify(study(), PLAN)).getString(Tag.PatientID);
        String second = cleaned(engine(false, hash).deidentify(study(), PLAN)).getString(Tag.PatientID);
        assertThat(first).hasSize(8).isEqualTo(second).isNotEqualTo("PID-0001");
    }

    @Test
    void auditEventsNameAttributesButHoldNoValuesUnlessAsked() {
        DeidResult r = engine(false, rule(Tag.PatientName, new Remove()), rule(Tag.StudyDate, new Dummy()))
                .deidentify(study(), PLAN);
        List<String> removed = new ArrayList<>();
        for (AuditEvent e : r.events()) {
            assertThat(e.oldValue()).isNull();
            assertThat(e.newValue()).isNull();
            if (e.change() == AuditEvent.Change.REMOVED) {
                removed.add(e.path());
            }
        }
        assertThat(removed).contains("(0010,0010)", "(0008,1140)[0](0010,0010)", "(0013,1005)");
        assertThat(r.count(AuditEvent.Change.MODIFIED)).isGreaterThanOrEqualTo(1);
    }
}
