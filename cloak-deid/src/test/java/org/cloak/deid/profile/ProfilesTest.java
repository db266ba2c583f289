package org.cloak.deid.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloak.deid.profile.DeidHarness.text;
import static org.cloak.deid.profile.DeidHarness.textOf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.DeidConfig.MethodCode;
import org.cloak.deid.DeidConfig.MethodDescription;
import org.cloak.deid.Longitudinal;
import org.cloak.deid.action.Dummy;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.Version;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    /** What the engine adds to every output (PS3.15 E.1.1), whatever the profile. */
    private static final Set<Integer> MARKERS = Set.of(Tag.PatientIdentityRemoved, Tag.DeidentificationMethod,
            Tag.DeidentificationMethodCodeSequence, Tag.LongitudinalTemporalInformationModified);
    private static final List<Integer> NIDB_FIVE = List.of(Tag.ReferringPhysicianName, Tag.PerformingPhysicianName,
            Tag.OperatorsName, Tag.PatientName, Tag.PatientBirthDate);
    private static final List<Integer> NIDB_FULL_EXTRA = List.of(Tag.InstitutionName, Tag.InstitutionAddress,
            Tag.StationName, Tag.StudyDescription, Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate,
            Tag.StudyTime, Tag.SeriesTime, Tag.AcquisitionTime, Tag.ContentTime, Tag.PatientID, Tag.PatientWeight);

    /** A header with PHI in each NiDB attribute, in others, in a nested item and in a private block. */
    private static DataSet phiHeader() {
        DataSet ds = new DataSet();
        ds.put(text(Tag.ReferringPhysicianName, Vr.PN, "REFERRER^ROB"));
        ds.put(text(Tag.PerformingPhysicianName, Vr.PN, "PERFORMER^PAT"));
        ds.put(text(Tag.OperatorsName, Vr.PN, "OPERATOR^OLI"));
        ds.put(text(Tag.PatientName, Vr.PN, "DOE^JANE"));
        ds.put(text(Tag.PatientBirthDate, Vr.DA, "19700101"));
        ds.put(text(Tag.InstitutionName, Vr.LO, "FAKE GENERAL HOSPITAL"));
        ds.put(text(Tag.InstitutionAddress, Vr.ST, "1 FAKE STREET"));
        ds.put(text(Tag.StationName, Vr.SH, "CT-FAKE-1"));
        ds.put(text(Tag.StudyDescription, Vr.LO, "CT KNEE"));
        ds.put(text(Tag.StudyDate, Vr.DA, "20210315"));
        ds.put(text(Tag.SeriesDate, Vr.DA, "20210315"));
        ds.put(text(Tag.AcquisitionDate, Vr.DA, "20210315"));
        ds.put(text(Tag.ContentDate, Vr.DA, "20210315"));
        ds.put(text(Tag.StudyTime, Vr.TM, "101112"));
        ds.put(text(Tag.SeriesTime, Vr.TM, "101112"));
        ds.put(text(Tag.AcquisitionTime, Vr.TM, "101112"));
        ds.put(text(Tag.ContentTime, Vr.TM, "101112"));
        ds.put(text(Tag.PatientID, Vr.LO, "PID-0001"));
        ds.put(text(Tag.PatientWeight, Vr.DS, "70"));
        ds.put(text(Tag.AccessionNumber, Vr.SH, "ACC-0001"));
        ds.put(text(Tag.PatientAddress, Vr.LO, "2 FAKE ROAD"));
        ds.put(text(Tag.StudyInstanceUID, Vr.UI, "1.2.826.0.1.3680043.10.999.1"));
        ds.put(text(Tags.of(0x0009, 0x0010), Vr.LO, "ACME 1.0"));
        ds.put(text(Tags.of(0x0009, 0x1001), Vr.LO, "DOE^JANE"));
        DataSet item = ds.newItem();
        item.put(text(Tag.PerformingPhysicianName, Vr.PN, "PERFORMER^PAT"));
        item.put(text(Tag.CodeValue, Vr.SH, "CV-1"));
        Sequence seq = new Sequence();
        seq.add(item);
        ds.put(Tag.RequestAttributesSequence, Vr.SQ, seq);
        return ds;
    }

    private static void assertOnlyEmptied(DataSet in, DataSet out, List<Integer> emptied) {
        List<Integer> seen = new ArrayList<>();
        for (Element e : out) {
            if (MARKERS.contains(e.tag()) || e.tag() == Tag.RequestAttributesSequence) {
                continue;
            }
            seen.add(e.tag());
            if (emptied.contains(e.tag())) {
                assertThat(((Bytes) e.value()).data()).as(Tags.toString(e.tag())).isEmpty();
            } else {
                assertThat(e).as(Tags.toString(e.tag())).isEqualTo(in.get(e.tag()));
            }
        }
        List<Integer> expected = new ArrayList<>();
        in.forEach(e -> {
            if (e.tag() != Tag.RequestAttributesSequence) {
                expected.add(e.tag());
            }
        });
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void anonymizeEmptiesExactlyTheFiveNidbAttributesAndKeepsEverythingElseIncludingPrivate() {
        DataSet in = phiHeader();
        DataSet out = DeidHarness.run(Profiles.ANONYMIZE, Set.of(), in);
        assertOnlyEmptied(in, out, NIDB_FIVE);
        DataSet item = out.getSequence(Tag.RequestAttributesSequence).get(0);
        assertThat(item.get(Tag.PerformingPhysicianName).value()).isEqualTo(Bytes.EMPTY);
        assertThat(item.getString(Tag.CodeValue)).isEqualTo("CV-1");
        assertThat(out.getString(Tags.of(0x0009, 0x1001))).isEqualTo("DOE^JANE");
        assertThat(Profiles.rules(Profiles.ANONYMIZE, Set.of())).hasSize(5);
    }

    @Test
    void anonymizeFullEmptiesExactlyTheNineteenNidbAttributes() {
        List<Integer> all = new ArrayList<>(NIDB_FIVE);
        all.addAll(NIDB_FULL_EXTRA);
        DataSet in = phiHeader();
        DataSet out = DeidHarness.run(Profiles.ANONYMIZE_FULL, Set.of(), in);
        assertOnlyEmptied(in, out, all);
        assertThat(out.getString(Tag.AccessionNumber)).isEqualTo("ACC-0001");
        assertThat(out.getString(Tag.PatientAddress)).isEqualTo("2 FAKE ROAD");
        assertThat(Profiles.rules(Profiles.ANONYMIZE_FULL, Set.of())).hasSize(19);
    }

    @Test
    void originalHasNoRulesAndChangesNoAttribute() {
        DataSet in = phiHeader();
        DataSet out = DeidHarness.run(Profiles.ORIGINAL, Set.of(), in);
        assertOnlyEmptied(in, out, List.of());
        assertThat(out.getSequence(Tag.RequestAttributesSequence).get(0).getString(Tag.PerformingPhysicianName))
                .isEqualTo("PERFORMER^PAT");
        assertThat(Profiles.rules(Profiles.ORIGINAL, Set.of())).isEmpty();
    }

    private static DataSet hipaaHeader(String age) {
        DataSet ds = new DataSet();
        ds.put(text(Tag.PatientName, Vr.PN, "DOE^JANE"));
        ds.put(text(Tag.PatientBirthDate, Vr.DA, "19260704"));
        if (age != null) {
            ds.put(text(Tag.PatientAge, Vr.AS, age));
        }
        ds.put(text(Tag.StudyDate, Vr.DA, "20210315"));
        ds.put(text(Tag.StudyTime, Vr.TM, "101112"));
        ds.put(text(Tag.AcquisitionDateTime, Vr.DT, "20210315101112.5+0100"));
        ds.put(text(Tag.ExpirationDateTime, Vr.DT, "20300630120000"));
        ds.put(text(Tag.PatientAddress, Vr.LO, "2 FAKE ROAD, SPRINGFIELD 12345"));
        ds.put(text(Tag.RegionOfResidence, Vr.LO, "SPRINGFIELD COUNTY"));
        ds.put(text(Tag.InstitutionAddress, Vr.ST, "1 FAKE STREET"));
        ds.put(text(Tag.PatientTelephoneNumbers, Vr.SH, "555-0100"));
        ds.put(text(Tag.SecondaryReviewerName, Vr.PN, "REVIEWER^RAY"));
        ds.put(text(Tag.Modality, Vr.CS, "CT"));
        ds.put(text(Tag.RetrieveURL, Vr.UR, "https://pacs.example.org/studies/1.2.826.0.1.3680043.10.999.1"));
        return ds;
    }

    @Test
    void hipaaKeepsOnlyTheYearOfDatesZeroesTimesAndAggregatesAgesOver89() {
        DataSet out = DeidHarness.run(Profiles.HIPAA, Set.of(), hipaaHeader("095Y"));
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20210101");
        assertThat(out.getString(Tag.StudyTime)).isEqualTo("000000");
        assertThat(out.getString(Tag.AcquisitionDateTime)).isEqualTo("20210101000000+0100");
        assertThat(out.getString(Tag.ExpirationDateTime)).isEqualTo("20300101000000");
        assertThat(out.getString(Tag.PatientAge)).isEqualTo("090Y");
        assertThat(out.get(Tag.PatientBirthDate).value()).as("a birth year would show the age over 89")
                .isEqualTo(Bytes.EMPTY);
        assertThat(out.getString(Tag.Modality)).isEqualTo("CT");
    }

    @Test
    void hipaaKeepsBirthYearOnlyWhenTheAgeShowsItIs89OrUnder() {
        DataSet young = DeidHarness.run(Profiles.HIPAA, Set.of(), hipaaHeader("045Y"));
        assertThat(young.getString(Tag.PatientBirthDate)).isEqualTo("19260101");
        assertThat(young.getString(Tag.PatientAge)).isEqualTo("045Y");
        DataSet months = DeidHarness.run(Profiles.HIPAA, Set.of(), hipaaHeader("018M"));
        assertThat(months.getString(Tag.PatientBirthDate)).isEqualTo("19260101");
        DataSet noAge = DeidHarness.run(Profiles.HIPAA, Set.of(), hipaaHeader(null));
        assertThat(noAge.get(Tag.PatientBirthDate).value()).isEqualTo(Bytes.EMPTY);
        assertThat(noAge.get(Tag.PatientAge)).isNull();
    }

    @Test
    void hipaaRemovesAddressesAndPhoneNumbersEvenWithRetainInstitutionIdentity() {
        DataSet out = DeidHarness.run(Profiles.HIPAA, EnumSet.of(ProfileOption.RETAIN_INSTITUTION_IDENTITY),
                hipaaHeader("045Y"));
        assertThat(out.get(Tag.PatientAddress)).isNull();
        assertThat(out.get(Tag.RegionOfResidence)).isNull();
        assertThat(out.get(Tag.InstitutionAddress)).isNull();
        assertThat(out.get(Tag.PatientTelephoneNumbers)).isNull();
        DataSet basic = DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_INSTITUTION_IDENTITY),
                hipaaHeader("045Y"));
        assertThat(basic.getString(Tag.InstitutionAddress)).isEqualTo("1 FAKE STREET");
    }

    @Test
    void hipaaEmptiesPersonNamesAndRemovesUrlsTheTableDoesNotListWhileDicomBasicKeepsThem() {
        DataSet hipaa = DeidHarness.run(Profiles.HIPAA, Set.of(), hipaaHeader("045Y"));
        assertThat(hipaa.get(Tag.SecondaryReviewerName).value()).isEqualTo(Bytes.EMPTY);
        DataSet basic = DeidHarness.run(Profiles.DICOM_BASIC, Set.of(), hipaaHeader("045Y"));
        assertThat(basic.getString(Tag.SecondaryReviewerName)).isEqualTo("REVIEWER^RAY");
        assertThat(hipaa.get(Tag.RetrieveURL)).as("a URL not in E.1-1 may carry original UIDs").isNull();
        assertThat(basic.get(Tag.RetrieveURL)).isNotNull();
        assertThat(basic.get(Tag.PatientAge)).isNull();
        assertThat(basic.get(Tag.PatientBirthDate).value()).isEqualTo(Bytes.EMPTY);
        assertThat(basic.getString(Tag.ExpirationDateTime)).isEqualTo("20300630120000");
    }

    @Test
    void retainSafePrivateKeepsSafePhilipsAndGemsAttributesAndRemovesOtherPrivateOnes() {
        int philipsSafe = Tags.of(0x2001, 0x1016);
        int philipsUnlisted = Tags.of(0x2001, 0x1020);
        int gemsSafe = Tags.of(0x0043, 0x1039);
        DataSet in = new DataSet();
        in.put(text(Tags.of(0x0009, 0x0010), Vr.LO, "ACME 1.0"));
        in.put(text(Tags.of(0x0009, 0x1001), Vr.LO, "DOE^JANE"));
        in.put(text(Tags.of(0x0043, 0x0010), Vr.LO, "GEMS_PARM_01"));
        in.put(text(gemsSafe, Vr.IS, "1000\\0\\0\\0"));
        in.put(text(Tags.of(0x2001, 0x0010), Vr.LO, "Philips Imaging DD 001"));
        in.put(new Element(philipsSafe, Vr.SS, new Bytes(new byte[] {3, 0})));
        in.put(text(philipsUnlisted, Vr.LO, "DOE^JANE"));
        DataSet kept = DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_SAFE_PRIVATE), in);
        assertThat(kept.getText(gemsSafe)).isEqualTo("1000\\0\\0\\0");
        assertThat(kept.get(philipsSafe)).isEqualTo(in.get(philipsSafe));
        assertThat(kept.get(philipsUnlisted)).isNull();
        assertThat(kept.get(Tags.of(0x0009, 0x1001))).isNull();
        assertThat(kept.get(Tags.of(0x0009, 0x0010))).isNull();
        DataSet removed = DeidHarness.run(Profiles.DICOM_BASIC, Set.of(), in);
        assertThat(removed.elements()).noneMatch(e -> Tags.isPrivate(e.tag()));
    }

    @Test
    void modifiedDatesWinsOverRetainDeviceIdentityOnCalibrationDates() {
        DataSet in = new DataSet();
        in.put(text(Tag.DateOfLastCalibration, Vr.DA, "20210315"));
        EnumSet<ProfileOption> both = EnumSet.of(ProfileOption.RETAIN_DEVICE_IDENTITY,
                ProfileOption.RETAIN_LONG_MODIFIED_DATES);
        assertThat(DeidHarness.run(Profiles.DICOM_BASIC, both, in).getString(Tag.DateOfLastCalibration))
                .isEqualTo("20201205");
        assertThat(DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_DEVICE_IDENTITY), in)
                .getString(Tag.DateOfLastCalibration)).isEqualTo("20210315");
        assertThat(DeidHarness.run(Profiles.DICOM_BASIC, Set.of(), in).get(Tag.DateOfLastCalibration)).isNull();
        Rule rule = new RuleSet(Profiles.rules(Profiles.DICOM_BASIC, both))
                .resolve(Tag.DateOfLastCalibration, null, in);
        assertThat(rule.origin()).isEqualTo(
                "PS3.15 E.1-1 retain-long-modified-dates (over retain-device-identity K)");
    }

    @Test
    void twoOptionsThatAgreeGiveTheirCommonAction() {
        DataSet in = new DataSet();
        in.put(text(Tag.PatientName, Vr.PN, "DOE^JANE"));
        in.put(text(Tag.Allergies, Vr.LO, "PENICILLIN JANE DOE"));
        in.put(text(Tag.DeviceUID, Vr.UI, "1.2.826.0.1.3680043.10.999.3"));
        DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS,
                ProfileOption.CLEAN_DESCRIPTORS, ProfileOption.RETAIN_UIDS, ProfileOption.RETAIN_DEVICE_IDENTITY), in);
        assertThat(out.getString(Tag.Allergies)).isEqualTo("PENICILLIN");
        assertThat(out.getString(Tag.DeviceUID)).isEqualTo("1.2.826.0.1.3680043.10.999.3");
    }

    @Test
    void compoundCodesAreResolvedAndNamedInTheRuleOrigin() {
        RuleSet rules = new RuleSet(Profiles.rules(Profiles.DICOM_BASIC, Set.of()));
        DataSet none = new DataSet();
        Rule institution = rules.resolve(Tag.InstitutionName, null, none);
        assertThat(institution.action()).isInstanceOf(Dummy.class);
        assertThat(institution.origin()).isEqualTo("PS3.15 E.1-1 basic X/Z/D as D");
        assertThat(rules.resolve(Tag.InstitutionCodeSequence, null, none).origin())
                .isEqualTo("PS3.15 E.1-1 basic X/Z/D as D (code sequence emptied)");
        assertThat(rules.resolve(Tag.ReferencedImageSequence, null, none).origin())
                .isEqualTo("PS3.15 E.1-1 basic X/Z/U* as U");
        assertThat(rules.resolve(Tag.PatientName, null, none).origin()).isEqualTo("PS3.15 E.1-1 basic");
        assertThat(rules.resolve(Tag.Modality, null, none)).isNull();
    }

    @Test
    void optionSetsTheStandardOrSafeHarborForbidAreRejected() {
        assertThatThrownBy(() -> Profiles.rules(Profiles.DICOM_BASIC,
                EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES, ProfileOption.RETAIN_LONG_MODIFIED_DATES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> Profiles.rules(Profiles.HIPAA, EnumSet.of(ProfileOption.RETAIN_UIDS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retain-uids");
        assertThatThrownBy(() -> Profiles.rules(Profiles.HIPAA, EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retain-long-full-dates");
        assertThatThrownBy(() -> Profiles.method(Profiles.ANONYMIZE, EnumSet.of(ProfileOption.RETAIN_UIDS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no options");
        assertThatThrownBy(() -> Profiles.longitudinal("basic", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown profile 'basic'");
    }

    @Test
    void methodNamesCloakVersionProfileAndOptionsWithCid7050Codes() {
        MethodDescription m = Profiles.method(Profiles.DICOM_BASIC,
                EnumSet.of(ProfileOption.CLEAN_DESCRIPTORS, ProfileOption.RETAIN_UIDS));
        assertThat(m.text()).isEqualTo("Cloak " + Version.VERSION + " dicom-basic +retain-uids +clean-descriptors");
        assertThat(m.codes()).containsExactly(
                new MethodCode("113100", "DCM", "Basic Application Confidentiality Profile"),
                new MethodCode("113110", "DCM", "Retain UIDs Option"),
                new MethodCode("113105", "DCM", "Clean Descriptors Option"));
        assertThat(Profiles.method(Profiles.HIPAA, Set.of()).codes()).extracting(MethodCode::value)
                .containsExactly("113100", "113107");
        assertThat(Profiles.method(Profiles.ANONYMIZE_FULL, Set.of()))
                .isEqualTo(new MethodDescription("Cloak " + Version.VERSION + " anonymize-full", List.of()));
        assertThat(Profiles.method(Profiles.ORIGINAL, Set.of()).codes()).isEmpty();
    }

    @Test
    void longitudinalTemporalInformationFollowsTheProfilesDateHandling() {
        assertThat(Profiles.longitudinal(Profiles.DICOM_BASIC, Set.of())).isEqualTo(Longitudinal.REMOVED);
        assertThat(Profiles.longitudinal(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_LONG_FULL_DATES)))
                .isEqualTo(Longitudinal.UNMODIFIED);
        assertThat(Profiles.longitudinal(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_LONG_MODIFIED_DATES)))
                .isEqualTo(Longitudinal.MODIFIED);
        assertThat(Profiles.longitudinal(Profiles.ORIGINAL, Set.of())).isEqualTo(Longitudinal.UNMODIFIED);
        assertThat(Profiles.longitudinal(Profiles.ANONYMIZE, Set.of())).isEqualTo(Longitudinal.UNMODIFIED);
        assertThat(Profiles.longitudinal(Profiles.ANONYMIZE_FULL, Set.of())).isEqualTo(Longitudinal.REMOVED);
        assertThat(Profiles.longitudinal(Profiles.HIPAA, Set.of())).isEqualTo(Longitudinal.MODIFIED);
        assertThat(Profiles.names()).containsExactly("original", "anonymize", "anonymize-full", "dicom-basic", "hipaa");
    }

    @Test
    void dicomBasicWritesTheMarkersWithItsMethodAndLongitudinalValue() {
        DataSet out = DeidHarness.run(Profiles.DICOM_BASIC, EnumSet.of(ProfileOption.RETAIN_LONG_MODIFIED_DATES),
                phiHeader());
        assertThat(out.getString(Tag.LongitudinalTemporalInformationModified)).isEqualTo("MODIFIED");
        assertThat(out.getSequence(Tag.DeidentificationMethodCodeSequence)).hasSize(2);
        assertThat(textOf(out.getSequence(Tag.DeidentificationMethodCodeSequence).get(1).get(Tag.CodeValue)))
                .isEqualTo("113107");
        assertThat(out.getString(Tag.StudyDate)).isEqualTo("20201205");
        assertThat(out.get(Tag.InstitutionAddress)).isNull();
    }
}
