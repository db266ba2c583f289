package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloak.deid.script.ctp.CtpRun.e;

import java.util.List;
import java.util.Map;
import org.cloak.deid.DeidResult;
import org.cloak.deid.Outcome;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/**
 * DicomAnonymizer scripts run by the engine. The expected behaviour is CTP's, from its sources
 * (DICOMAnonymizer.java, DICOMAnonymizerContext.java, FnCall.java, AnonymizerFunctions.java)
 * and the CTP wiki ("The CTP DICOM Anonymizer"); the expected hashes and dates come from the
 * independent Python implementation ({@code ctp_functions.py}), never from the code under test.
 */
class CtpScriptTest {
    private static final String UIDROOT = "<p t=\"UIDROOT\">1.2.826.0.1.3680043.10.999</p>";

    private static List<String> oracle(Object[]... calls) throws Exception {
        return CtpVectorsTest.python(java.util.Arrays.stream(calls).map(List::of).toList());
    }

    @Test
    void theHashFunctionsGiveCtpsValues() throws Exception {
        CompiledScript s = CtpRun.xml(UIDROOT, "<p t=\"SITEID\">SITE01</p>",
                e("00100020", "@hash(this,10)"),
                e("00080050", "@hash(this,16)"),
                e("00080018", "@hashuid(@UIDROOT,this)"),
                e("0020000d", "@hashuid(@UIDROOT,this)"),
                e("00100010", "@hashname(this,6,2)"),
                e("00104000", "@always()@hashptid(@SITEID,PatientID)"),
                e("00080020", "@hashdate(this,PatientID)"));
        DataSet out = CtpRun.run(s, CtpRun.mr());
        List<String> want = oracle(new Object[] {"hash", "PID-0001", 10}, new Object[] {"hash", "ACC-1", 16},
                new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.4.5"},
                new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.4"},
                new Object[] {"hashname", "DOE^JANE^Q", 6, 2},
                new Object[] {"hashptid", "SITE01", "PID-0001", Integer.MAX_VALUE},
                new Object[] {"hashdate", "20100430", "PID-0001"});
        assertThat(out.getString(Tag.PatientID)).isEqualTo(want.get(0));
        assertThat(out.getString(Tag.AccessionNumber)).isEqualTo(want.get(1));
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo(want.get(2));
        assertThat(out.getString(Tag.StudyInstanceUID)).isEqualTo(want.get(3));
        assertThat(out.getString(Tag.PatientName)).isEqualTo(want.get(4));
        assertThat(out.getString(Tag.PatientComments)).isEqualTo(want.get(5));
        assertThat(out.getString(Tag.StudyDate)).isEqualTo(want.get(6));
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("unkeyed MD5").contains("--keyed"));
    }

    @Test
    void keyedHashesReplaceTheUnkeyedOnesAndKeepTheirShape() throws Exception {
        ScriptInputs keyed = CtpRun.inputs(Map.of(), Map.of(), true);
        CompiledScript s = CtpRun.xml(keyed, UIDROOT, e("00100020", "@hash(this,10)"),
                e("00080018", "@hashuid(@UIDROOT,this)"));
        DataSet out = CtpRun.run(s, CtpRun.mr());
        List<String> unkeyed = oracle(new Object[] {"hash", "PID-0001", 10});
        assertThat(out.getString(Tag.PatientID)).matches("\\d{10}").isNotEqualTo(unkeyed.get(0));
        assertThat(out.getString(Tag.SOPInstanceUID)).startsWith("1.2.826.0.1.3680043.10.999.").hasSizeLessThan(65);
        assertThat(s.warnings()).noneMatch(w -> w.contains("unkeyed"));
        assertThat(CtpRun.run(s, CtpRun.mr()).getString(Tag.PatientID)).isEqualTo(out.getString(Tag.PatientID));
    }

    @Test
    void datesMoveAsCtpMovesThem() throws Exception {
        DataSet in = CtpRun.mr();
        in.setString(Tag.DateOfLastCalibration, Vr.DA, "20100430\\20000301");
        in.setString(Tag.AcquisitionDateTime, Vr.DT, "20100430120000");
        in.setString(Tag.ContentDate, Vr.DA, "2010");
        CompiledScript s = CtpRun.xml("<p t=\"DATEINC\">-137</p>",
                e("00080020", "@incrementdate(this,@DATEINC)"),
                e("00181200", "@incrementdate(this,@DATEINC)"),
                e("0008002a", "@incrementdate(this,@DATEINC)"),
                e("00080023", "@incrementdate(this,@DATEINC)"),
                e("00100030", "@modifydate(this,*,1,1)"));
        DataSet out = CtpRun.run(s, in);
        List<String> want = oracle(new Object[] {"incrementdate", "20100430", -137},
                new Object[] {"modifydate", "19830101", -1, 1, 1});
        assertThat(out.getString(Tag.StudyDate)).isEqualTo(want.get(0));
        // CTP moves each value of a multi-valued date; Cloak's writer takes a DA as one date: a documented deviation
        assertThat(out.getText(Tag.DateOfLastCalibration)).isEmpty();
        assertThat(s.deviations()).anySatisfy(d -> assertThat(d).contains("multi-valued"));
        // DateUtil.getCalendar takes exactly eight digits: CTP empties a DT and a short date
        assertThat(out.getText(Tag.AcquisitionDateTime)).isEmpty();
        assertThat(out.getText(Tag.ContentDate)).isEmpty();
        assertThat(out.getString(Tag.PatientBirthDate)).isEqualTo(want.get(1));
        assertThat(s.deviations()).anySatisfy(d -> assertThat(d).contains("calendar days"));
    }

    @Test
    void markersAndTextFunctions() throws Exception {
        CompiledScript s = CtpRun.xml(
                e("00080080", "@remove()"),
                e("00080070", "@keep()"),
                e("0008103e", "@empty()"),
                e("00080060", "@lowercase(this)"),
                e("00181030", "@always()@uppercase(SeriesDescription)"),
                e("00101010", "@round(this,5)"),
                e("00104000", "@always()@initials(PatientName)"),
                e("00102000", "@always()@blank(3)"),
                e("00200010", "@always()@truncate(PatientID,3)"),
                e("00400254", "@always()@truncate(PatientID,-4)"),
                e("00081030", "@always()@contents(PatientID,\"[^0-9]\")"),
                e("00081040", "@always()@contents(PatientID,\"(\\d+)\",\"#$1\")"),
                e("00321060", "@always()@value(StationName,\"none\")"),
                e("00180015", "@always()ANON"), e("00081140", "@empty()"));
        DataSet in = CtpRun.mr();
        DataSet out = CtpRun.run(s, in);
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.getString(Tag.Manufacturer)).isEqualTo("SIEMENS");
        assertThat(out.getText(Tag.SeriesDescription)).isEmpty();
        assertThat(out.getString(Tag.Modality)).isEqualTo("mr");
        assertThat(out.getString(Tag.ProtocolName)).isEqualTo("PDW_TSE");
        // AnonymizerFunctions.round: ("27y",5) is 25y, and an odd length gets a leading 0
        assertThat(out.getString(Tag.PatientAge)).isEqualTo("025Y");
        // AnonymizerFunctions.initials: "last^first^middle" gives the initials with the last name's at the end
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("JQD");
        // insertElements adds @blank as an empty element
        assertThat(out.contains(Tag.MedicalAlerts)).isTrue();
        assertThat(out.getText(Tag.MedicalAlerts)).isEmpty();
        assertThat(out.getString(Tag.StudyID)).isEqualTo("PID");
        assertThat(out.getString(Tag.PerformedProcedureStepDescription)).isEqualTo("0001");
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("0001");
        assertThat(out.getString(Tag.InstitutionalDepartmentName)).isEqualTo("PID-#0001");
        assertThat(out.getString(Tag.RequestedProcedureDescription)).isEqualTo("none");
        assertThat(out.getString(Tag.BodyPartExamined)).isEqualTo("ANON");
        assertThat(out.getSequence(Tag.ReferencedImageSequence)).isEmpty();
        assertThat(s.deviations()).anySatisfy(d -> assertThat(d).contains("@empty() on a sequence"));
    }

    @Test
    void alwaysAddsOnlyAtTheTopLevelAndRequireKeepsOrFills() throws Exception {
        DataSet in = CtpRun.mr();
        CompiledScript s = CtpRun.xml(
                e("00081140", "@process()"),
                e("00104000", "@always()added"),
                e("00102000", "not added: no @always()"),
                e("00180015", "@always()@remove()"),
                e("00081030", "@always()@empty()"),
                e("00100020", "@require()"),
                e("00200010", "@always()@require(PatientID,\"none\")"),
                e("00321060", "@always()@require(StationName,\"none\")"));
        DataSet out = CtpRun.run(s, in);
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("added");
        assertThat(out.getSequence(Tag.ReferencedImageSequence).get(0).contains(Tag.PatientComments)).isFalse();
        assertThat(out.contains(Tag.MedicalAlerts)).isFalse();
        assertThat(out.contains(Tag.BodyPartExamined)).isFalse();
        assertThat(out.contains(Tag.StudyDescription)).isTrue();
        assertThat(out.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(out.getString(Tag.StudyID)).isEqualTo("PID-0001");
        assertThat(out.getString(Tag.RequestedProcedureDescription)).isEqualTo("none");
    }

    @Test
    void sequencesAreProcessedOnlyWithProcessAndSelectTellsTheTopLevel() throws Exception {
        String[] lines = {UIDROOT, e("00100010", "@select(){TOP}{ITEM}"),
                e("00081155", "@hashuid(@UIDROOT,this)")};
        DataSet kept = CtpRun.run(CtpRun.xml(lines), CtpRun.mr());
        DataSet item = kept.getSequence(Tag.ReferencedImageSequence).get(0);
        assertThat(kept.getString(Tag.PatientName)).isEqualTo("TOP");
        assertThat(item.getString(Tag.PatientName)).isEqualTo("DOE^JANE^Q");
        assertThat(item.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2.3.9");

        String[] processed = java.util.Arrays.copyOf(lines, lines.length + 1);
        processed[lines.length] = e("00081140", "@process()");
        DataSet out = CtpRun.run(CtpRun.xml(processed), CtpRun.mr());
        DataSet walked = out.getSequence(Tag.ReferencedImageSequence).get(0);
        assertThat(walked.getString(Tag.PatientName)).isEqualTo("ITEM");
        assertThat(walked.getString(Tag.ReferencedSOPInstanceUID)).isEqualTo(
                oracle(new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.9"}).get(0));
    }

    @Test
    void elementNamesInEveryForm() throws Exception {
        CompiledScript s = CtpRun.xml(
                e("00081140", "@process()"),
                e("00104000", "@always()@contents(ReferencedImageSequence::ReferencedSOPInstanceUID)"),
                e("00102000", "@always()@contents(RefImageSeq::[0008,1155])"),
                e("00100010", "@select(){@contents([0010,0020])}{@contents(root:PatientID)}"),
                e("00200010", "@always()@contents(0029[SIEMENS CSA HEADER]08)"),
                "<e en=\"T\" t=\"0029[OTHER]10\" n=\"OtherText\">@lowercase(this)</e>",
                e("00081030", "@always()@uppercase(OtherText)"),
                e("00321060", "@always()@contents(00100020)"));
        DataSet out = CtpRun.run(s, CtpRun.mr());
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("1.2.3.9");
        assertThat(out.getString(Tag.MedicalAlerts)).isEqualTo("1.2.3.9");
        assertThat(out.getString(Tag.PatientName)).isEqualTo("PID-0001");
        assertThat(out.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.PatientName))
                .isEqualTo("PID-0001");
        assertThat(out.getString(Tag.StudyID)).isEqualTo("IMAGE NUM 4");
        assertThat(out.getString(0x00291110)).isEqualTo("private text");
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("PRIVATE TEXT");
        assertThat(out.getString(Tag.RequestedProcedureDescription)).isEqualTo("PID-0001");
    }

    @Test
    void ifTestsEveryCondition() throws Exception {
        CompiledScript s = CtpRun.xml("<p t=\"MOD\">mr</p>",
                e("00104000", "@always()@if(StationName,isblank){blank}{not blank}"),
                e("00102000", "@always()@if(Modality,exists){yes}{no}"),
                e("00081030", "@always()@if(SeriesDescription,contains,\"tse\"){yes}{no}"),
                e("00200010", "@always()@if(Modality,equals,@MOD){yes}{no}"),
                e("00321060", "@always()@if(PatientID,matches,\"PID-\\d+\"){yes}{no}"),
                e("00400254", "@always()@if(PatientAge,greaterthan,\"89\"){old}{young}"),
                e("00180015", "@always()@if(PatientName,matches,\"DOE\"){whole}{not whole}"));
        DataSet out = CtpRun.run(s, CtpRun.mr());
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("blank");
        assertThat(out.getString(Tag.MedicalAlerts)).isEqualTo("yes");
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("yes");
        assertThat(out.getString(Tag.StudyID)).isEqualTo("yes");
        assertThat(out.getString(Tag.RequestedProcedureDescription)).isEqualTo("yes");
        assertThat(out.getString(Tag.PerformedProcedureStepDescription)).isEqualTo("young");
        assertThat(out.getString(Tag.BodyPartExamined)).isEqualTo("not whole");
    }

    @Test
    void lookupWithEveryMissAction() throws Exception {
        Map<String, String> table = Map.of("ptid/PID-0001", "SUBJ-01", "site/PID-0001", "@ptid/PID-0001",
                "name/PID-0001|ACC-1", "JOINED");
        ScriptInputs in = CtpRun.inputs(Map.of(), table, false);
        CompiledScript s = CtpRun.xml(in,
                e("00100020", "@lookup(this,ptid)"),
                e("00104000", "@always()@lookup(PatientID,site,keep)"),
                e("00100010", "@lookup(PatientID|AccessionNumber,name)"),
                e("00080080", "@lookup(this,inst,keep)"),
                e("00080070", "@lookup(this,inst,remove)"),
                e("0008103e", "@lookup(this,inst,empty)"),
                e("00080050", "@lookup(this,acc,default,UNKNOWN)"),
                e("00181030", "@lookup(this,prot,ignore,\"[A-Z0-9]+_[A-Z]+\")"));
        DataSet in1 = CtpRun.mr();
        in1.setString(Tag.ProtocolName, Vr.LO, "T1_MPRAGE");
        DataSet out = CtpRun.run(s, in1);
        assertThat(out.getString(Tag.PatientID)).isEqualTo("SUBJ-01");
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("SUBJ-01"); // through the indirection
        assertThat(out.getString(Tag.PatientName)).isEqualTo("JOINED");
        assertThat(out.getString(Tag.InstitutionName)).isEqualTo("FAKE HOSPITAL");
        assertThat(out.contains(Tag.Manufacturer)).isFalse();
        assertThat(out.getText(Tag.SeriesDescription)).isEmpty();
        assertThat(out.getString(Tag.AccessionNumber)).isEqualTo("UNKNOWN");
        assertThat(out.getString(Tag.ProtocolName)).isEqualTo("T1_MPRAGE");

        DataSet other = CtpRun.mr();
        other.setString(Tag.PatientID, Vr.LO, "PID-0002");
        DeidResult r = CtpRun.result(s, other);
        assertThat(r.outcome()).isInstanceOf(Outcome.Quarantined.class);
        assertThat(((Outcome.Quarantined) r.outcome()).reason()).contains("lookup");
    }

    @Test
    void quarantineAndSkipHoldTheFileBack() throws Exception {
        CompiledScript q = CtpRun.xml(e("00080008", "@if(ImageType,contains,\"SCREEN SAVE\"){@quarantine()}{@keep()}"));
        assertThat(CtpRun.result(q, CtpRun.mr()).outcome()).isInstanceOf(Outcome.Cleaned.class);
        DataSet screen = CtpRun.mr();
        screen.setString(Tag.ImageType, Vr.CS, "DERIVED\\SECONDARY\\SCREEN SAVE");
        assertThat(CtpRun.result(q, screen).outcome()).isInstanceOf(Outcome.Quarantined.class);

        CompiledScript skip = CtpRun.xml(e("00081140", "@process()"),
                e("00081155", "@if(this,equals,\"1.2.3.9\"){@skip()}{@keep()}"));
        DeidResult r = CtpRun.result(skip, CtpRun.mr());
        assertThat(r.outcome()).isInstanceOf(Outcome.Quarantined.class);
        assertThat(((Outcome.Quarantined) r.outcome()).kind()).isEqualTo(Outcome.Reason.REFUSED);
        assertThat(skip.deviations()).anySatisfy(d -> assertThat(d).contains("@skip()"));
    }

    @Test
    void theSwitchesInCtpsOrder() throws Exception {
        DataSet in = CtpRun.mr();
        in.setString(0x60000022, Vr.LO, "overlay description");
        CompiledScript s = CtpRun.xml(
                "<r en=\"T\" t=\"privategroups\">Remove private groups</r>",
                "<r en=\"T\" t=\"unspecifiedelements\">Remove unchecked elements</r>",
                "<r en=\"T\" t=\"overlays\">Remove overlays</r>",
                "<k en=\"T\" t=\"0018\">Keep group 0018</k>",
                "<k en=\"F\" t=\"0008\">disabled</k>",
                e("00100020", "@hash(this,10)"),
                e("60000022", "@keep()"),
                "<e en=\"F\" t=\"00100010\" n=\"PatientName\">@keep()</e>",
                e("0029[SIEMENS CSA HEADER]08", "@keep()"));
        DataSet out = CtpRun.run(s, in);
        assertThat(out.contains(Tag.PatientID)).isTrue(); // scripted
        assertThat(out.contains(Tag.PatientName)).isFalse(); // its line is disabled: unspecified
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.contains(Tag.SliceThickness)).isTrue(); // keep.group0018
        assertThat(out.contains(Tag.Rows)).isTrue(); // group 0028
        assertThat(out.contains(Tag.SOPInstanceUID)).isTrue();
        assertThat(out.contains(Tag.StudyInstanceUID)).isTrue();
        assertThat(out.contains(Tag.SeriesInstanceUID)).isFalse();
        assertThat(out.contains(0x60000022)).isFalse(); // removing overlays beats the script
        assertThat(out.contains(0x00291008)).isTrue(); // a script beats remove.privategroups
        assertThat(out.contains(0x00291110)).isFalse();
    }

    @Test
    void propertiesFormReadsAsTheXmlForm() throws Exception {
        String props = String.join("\n", "# a comment", "param.UIDROOT = 1.2.826.0.1.3680043.10.999",
                "set.[0010,0020]PatientID=@hash(this,10)", "set.[00080018]=@hashuid(@UIDROOT,this)",
                "#set.[00100010]PatientName=@remove()", "set.[0008,0080] = @remove()", "remove.privategroups=",
                "set.[0010,4000]PatientComments=@always()a\\\\b continued \\", "    here");
        CompiledScript p = CtpScripts.compile("test.properties", props, ScriptInputs.none());
        DataSet out = CtpRun.run(p, CtpRun.mr());
        List<String> want = oracle(new Object[] {"hash", "PID-0001", 10},
                new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.4.5"});
        assertThat(out.getString(Tag.PatientID)).isEqualTo(want.get(0));
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo(want.get(1));
        assertThat(out.getString(Tag.PatientName)).isEqualTo("DOE^JANE^Q");
        assertThat(out.contains(Tag.InstitutionName)).isFalse();
        assertThat(out.contains(0x00291008)).isFalse();
        // "a\\b" in a properties file is a\b: CTP's escape then writes the b alone
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("ab continued here");
    }

    @Test
    void ctpsOwnPrivateBlockIsWrittenByItsCreator() throws Exception {
        CompiledScript s = CtpRun.xml("<p t=\"PROJECTNAME\">LUNG</p>", e("00130010", "@always()CTP"),
                e("00131010", "@always()@param(@PROJECTNAME)"), "<r en=\"T\" t=\"privategroups\">x</r>");
        DataSet out = CtpRun.run(s, CtpRun.mr());
        assertThat(out.getString(0x00130010)).isEqualTo("CTP");
        assertThat(out.getString(0x00131010)).isEqualTo("LUNG");
    }

    @Test
    void otherFunctions() throws Exception {
        Map<String, String> table = Map.of("base/PID-0001", "4/20/2010");
        CompiledScript s = CtpRun.xml(CtpRun.inputs(Map.of("KEY", "secret"), table, false),
                "<p t=\"ORIGIN\">20000101</p>",
                e("00104000", "@always()@pathelement(StationName,-1)"),
                e("00102000", "@always()@dateinterval(StudyDate,base,PatientID)"),
                e("00081030", "@always()@dateinterval(StudyDate,base,PatientID,@ORIGIN)"),
                e("00200010", "@always()@integer(PatientID,ptid,6)"),
                e("00321060", "@always()@encrypt(PatientID,@KEY)"),
                e("0008103e", "@append(){second}"),
                e("00081040", "@always()@date()"),
                e("00400254", "@always()@time(:)"),
                e("00180015", "@always()@param(@ORIGIN)"));
        DataSet in = CtpRun.mr();
        in.setString(Tag.StationName, Vr.SH, "a/b/c");
        DataSet out = CtpRun.run(s, in);
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("c");
        assertThat(out.getString(Tag.MedicalAlerts)).isEqualTo("10"); // 4/20/2010 to 20100430
        assertThat(out.getString(Tag.StudyDescription)).isEqualTo("20000111");
        assertThat(out.getString(Tag.StudyID)).matches("\\d{6,8}");
        String cipher = out.getString(Tag.RequestedProcedureDescription);
        assertThat(Algorithms.decrypt(cipher, "secret")).isEqualTo("PID-0001");
        assertThat(out.getText(Tag.SeriesDescription)).isEqualTo("PDW_TSE\\second");
        assertThat(out.getString(Tag.InstitutionalDepartmentName)).isEqualTo("20260102");
        assertThat(out.getString(Tag.PerformedProcedureStepDescription)).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(out.getString(Tag.BodyPartExamined)).isEqualTo("20000101");
    }

    @Test
    void afterThePixelDataOnlyRemovalsApply() throws Exception {
        DataSet in = CtpRun.mr();
        in.put(Tag.PixelData, Vr.OW, new org.cloak.dicom.data.Bytes(new byte[32]));
        in.setString(0x7FE10010, Vr.LO, "ACME");
        in.setString(0x7FE11010, Vr.LO, "After Pixels");
        in.setString(0x7FE11011, Vr.LO, "gone");
        in.put(Tag.DataSetTrailingPadding, Vr.OB, new org.cloak.dicom.data.Bytes(new byte[4]));
        CompiledScript s = CtpRun.xml(e("7FE1[ACME]10", "@lowercase(this)"), e("7FE1[ACME]11", "@remove()"));
        DataSet out = CtpRun.run(s, in);
        assertThat(out.getString(0x7FE11010)).isEqualTo("After Pixels");
        assertThat(out.contains(0x7FE11011)).isFalse();
        assertThat(out.contains(Tag.DataSetTrailingPadding)).isFalse();
        DataSet noPixels = CtpRun.mr();
        noPixels.setString(0x7FE10010, Vr.LO, "ACME");
        noPixels.setString(0x7FE11010, Vr.LO, "After Pixels");
        assertThat(CtpRun.run(s, noPixels).getString(0x7FE11010)).isEqualTo("after pixels");
    }

    @Test
    void safePrivateElementsThirdHashUidArgumentAndMethodCodes() throws Exception {
        DataSet in = CtpRun.mr();
        in.setString(0x00E10010, Vr.LO, "ELSCINT1"); // PS3.15 E.3.10-1: ELSCINT1 (00E1,xx21) DLP is safe
        in.setString(0x00E11021, Vr.DS, "123.4");
        DataSet codes = in.newItem();
        codes.setString(Tag.CodeValue, Vr.SH, "113100");
        org.cloak.dicom.data.Sequence seq = new org.cloak.dicom.data.Sequence();
        seq.add(codes);
        in.put(Tag.DeidentificationMethodCodeSequence, Vr.SQ, seq);
        String remove = "<r en=\"T\" t=\"privategroups\">x</r>";
        String safe = "<k en=\"T\" t=\"safeprivateelements\">x</k>";
        DataSet kept = CtpRun.run(CtpRun.xml(remove, safe, e("00120064", "113100")), in);
        assertThat(kept.getString(0x00E11021)).isEqualTo("123.4");
        assertThat(kept.contains(0x00291008)).isFalse();
        assertThat(kept.contains(Tag.DeidentificationMethodCodeSequence)).isTrue();
        DataSet removed = CtpRun.run(CtpRun.xml(remove, e("00120064", "reset/113100")), in);
        assertThat(removed.contains(0x00E11021)).isFalse();
        assertThat(removed.contains(Tag.DeidentificationMethodCodeSequence)).isFalse();

        CompiledScript third = CtpRun.xml(UIDROOT, e("0020000e", "@hashuid(@UIDROOT,this)"),
                e("00080018", "@hashuid(@UIDROOT,this,SeriesInstanceUID)"));
        DataSet out = CtpRun.run(third, CtpRun.mr());
        String series = oracle(new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.4.1"}).get(0);
        String sop = oracle(new Object[] {"hashuid", "1.2.826.0.1.3680043.10.999", "1.2.3.4.5" + series}).get(0);
        assertThat(out.getString(Tag.SeriesInstanceUID)).isEqualTo(series);
        assertThat(out.getString(Tag.SOPInstanceUID)).isEqualTo(sop);
    }

    @Test
    void parametersInConditionsKeywordKeysAndKeyedShapes() throws Exception {
        CompiledScript p = CtpScripts.compile("k.properties", String.join("\n", "param.RE=M[RT]",
                "set.[PatientName]=@remove()", "set.[Modality]=@if(Modality,matches,@RE){matched}{no}"),
                ScriptInputs.none());
        DataSet out = CtpRun.run(p, CtpRun.mr());
        assertThat(out.contains(Tag.PatientName)).isFalse();
        assertThat(out.getString(Tag.Modality)).isEqualTo("matched");

        ScriptInputs keyed = CtpRun.inputs(Map.of("SITE", "S1"), Map.of(), true);
        DataSet k = CtpRun.run(CtpRun.xml(keyed, e("00100020", "@hashptid(@SITE,this,8)"),
                e("00100010", "@hashname(this,6,2)"), e("00080020", "@hashdate(this,PatientID)")), CtpRun.mr());
        assertThat(k.getString(Tag.PatientID)).matches("\\d{8}");
        assertThat(k.getString(Tag.PatientName)).matches("\\d{6}");
        assertThat(k.getString(Tag.StudyDate)).matches("\\d{8}").isLessThanOrEqualTo("20100430")
                .isGreaterThanOrEqualTo("20000502");
    }

    @Test
    void removeCurvesOnlyStopsCurvesBeingHeldBackAndDecryptUndoesEncrypt() throws Exception {
        DataSet in = CtpRun.mr();
        in.setString(0x50000022, Vr.LO, "curve description");
        String rue = "<r en=\"T\" t=\"unspecifiedelements\">x</r>";
        String rc = "<r en=\"T\" t=\"curves\">x</r>";
        // DICOMAnonymizer.processElements: a curve is kept unless remove.curves, and only
        // remove.unspecifiedelements removes what is not kept
        assertThat(CtpRun.run(CtpRun.xml(rc), in).contains(0x50000022)).isTrue();
        assertThat(CtpRun.run(CtpRun.xml(rue), in).contains(0x50000022)).isTrue();
        assertThat(CtpRun.run(CtpRun.xml(rue, rc), in).contains(0x50000022)).isFalse();

        DataSet secret = CtpRun.mr();
        secret.setString(Tag.PatientComments, Vr.LT, Algorithms.encrypt("PID-0001", "k3y"));
        DataSet out = CtpRun.run(CtpRun.xml(CtpRun.inputs(Map.of("KEY", "k3y"), Map.of(), false),
                e("00104000", "@decrypt(this,@KEY)")), secret);
        assertThat(out.getString(Tag.PatientComments)).isEqualTo("PID-0001");
    }
}
