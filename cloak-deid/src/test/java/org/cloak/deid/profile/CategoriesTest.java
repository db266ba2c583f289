package org.cloak.deid.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloak.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class CategoriesTest {

    @Test
    void namesAreTheSixCategoriesInDocumentedOrder() {
        assertThat(Categories.names()).containsExactly("patient", "clinical-trial", "healthcare-provider",
                "institution", "dates-and-times", "device");
    }

    @Test
    void deviceAndInstitutionFollowTheirOptionColumns() {
        assertThat(Categories.tags(Categories.DEVICE)).contains(Tag.DeviceSerialNumber, Tag.StationName,
                Tag.StationAETitle, Tag.DateOfLastCalibration).doesNotContain(Tag.InstitutionName).hasSize(59);
        assertThat(Categories.tags(Categories.INSTITUTION)).containsExactlyInAnyOrder(Tag.InstitutionName,
                Tag.InstitutionAddress, Tag.InstitutionCodeSequence, Tag.InstitutionalDepartmentName,
                Tag.InstitutionalDepartmentTypeCodeSequence, Tag.ClinicalTrialSiteID, Tag.ClinicalTrialSiteName,
                Tag.ClinicalTrialCoordinatingCenterName, Tag.ClinicalTrialProtocolEthicsCommitteeName,
                Tag.SourceOfPreviousValues);
    }

    @Test
    void datesAndTimesHoldTheTableDatesAndEveryOtherDateOrTimeAttribute() {
        assertThat(Categories.tags(Categories.DATES_AND_TIMES)).contains(Tag.StudyDate, Tag.StudyTime,
                Tag.AcquisitionDateTime, Tag.ExpirationDateTime, Tag.SecondaryReviewTime, Tag.PatientBirthDate)
                .doesNotContain(Tag.PatientName, Tag.Modality);
    }

    @Test
    void patientHoldsGroup0010AndPatientCharacteristics() {
        assertThat(Categories.tags(Categories.PATIENT)).contains(Tag.PatientName, Tag.PatientID, Tag.PatientSex,
                Tag.PatientAge, Tag.PatientState, Tag.PreMedication).doesNotContain(Tag.ReferringPhysicianName);
    }

    @Test
    void clinicalTrialHoldsGroup0012() {
        assertThat(Categories.tags(Categories.CLINICAL_TRIAL)).contains(Tag.ClinicalTrialSponsorName,
                Tag.ClinicalTrialSubjectID, Tag.EthicsCommitteeApprovalEffectivenessStartDate)
                .doesNotContain(Tag.PatientID);
    }

    @Test
    void healthcareProviderHoldsStaffNamesAndTheirIdentificationAttributes() {
        assertThat(Categories.tags(Categories.HEALTHCARE_PROVIDER)).contains(Tag.ReferringPhysicianName,
                Tag.ReferringPhysicianAddress, Tag.ReferringPhysicianIdentificationSequence, Tag.OperatorsName,
                Tag.OperatorIdentificationSequence, Tag.NameOfPhysiciansReadingStudy,
                Tag.PhysiciansReadingStudyIdentificationSequence, Tag.PerformingPhysicianName,
                        Tag.VerifyingObserverName,
                Tag.VerifyingObserverSequence).doesNotContain(Tag.PatientName, Tag.ResponsiblePerson, Tag.StudyDate);
        assertThat(Categories.role("OperatorsName")).isEqualTo("Operator");
        assertThat(Categories.role("NamesOfIntendedRecipientsOfResults")).isEqualTo("IntendedRecipientsOfResults");
        assertThat(Categories.role("PhysiciansOfRecord")).isEqualTo("PhysiciansOfRecord");
    }

    @Test
    void anUnknownCategoryIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Categories.tags("doctors")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown category 'doctors'").hasMessageContaining("healthcare-provider");
        assertThat(Categories.selector(Categories.DEVICE).matches(Tag.DeviceSerialNumber, null)).isTrue();
    }
}
