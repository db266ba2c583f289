// GENERATED from dictionary.tsv (PS3.6 2026b) by tools/tablegen - do not edit
package org.cloak.dicom.dict;

/**
 * Tags of the standard data elements by keyword (PS3.6, PS3.7 command fields).
 * Rows whose tag has {@code x} wildcard nibbles (repeating groups and the like) get the
 * lowest concrete tag the row covers: x as 0, except that a tag another row names exactly
 * and a group length (gggg,0000) are skipped; OverlayData is 0x60003000.
 */
public final class Tag {
    private Tag() {}

    /** (0000,0000) Command Group Length: UL, VM 1. */
    public static final int CommandGroupLength = 0x00000000;

    /** (0000,0001) Command Length to End: UL, VM 1. Retired. */
    public static final int CommandLengthToEnd = 0x00000001;

    /** (0000,0002) Affected SOP Class UID: UI, VM 1. */
    public static final int AffectedSOPClassUID = 0x00000002;

    /** (0000,0003) Requested SOP Class UID: UI, VM 1. */
    public static final int RequestedSOPClassUID = 0x00000003;

    /** (0000,0010) Command Recognition Code: SH, VM 1. Retired. */
    public static final int CommandRecognitionCode = 0x00000010;

    /** (0000,0100) Command Field: US, VM 1. */
    public static final int CommandField = 0x00000100;

    /** (0000,0110) Message ID: US, VM 1. */
    public static final int MessageID = 0x00000110;

    /** (0000,0120) Message ID Being Responded To: US, VM 1. */
    public static final int MessageIDBeingRespondedTo = 0x00000120;

    /** (0000,0200) Initiator: AE, VM 1. Retired. */
    public static final int Initiator = 0x00000200;

    /** (0000,0300) Receiver: AE, VM 1. Retired. */
    public static final int Receiver = 0x00000300;

    /** (0000,0400) Find Location: AE, VM 1. Retired. */
    public static final int FindLocation = 0x00000400;

    /** (0000,0600) Move Destination: AE, VM 1. */
    public static final int MoveDestination = 0x00000600;

    /** (0000,0700) Priority: US, VM 1. */
    public static final int Priority = 0x00000700;

    /** (0000,0800) Command Data Set Type: US, VM 1. */
    public static final int CommandDataSetType = 0x00000800;

    /** (0000,0850) Number of Matches: US, VM 1. Retired. */
    public static final int NumberOfMatches = 0x00000850;

    /** (0000,0860) Response Sequence Number: US, VM 1. Retired. */
    public static final int ResponseSequenceNumber = 0x00000860;

    /** (0000,0900) Status: US, VM 1. */
    public static final int Status = 0x00000900;

    /** (0000,0901) Offending Element: AT, VM 1-n. */
    public static final int OffendingElement = 0x00000901;

    /** (0000,0902) Error Comment: LO, VM 1. */
    public static final int ErrorComment = 0x00000902;

    /** (0000,0903) Error ID: US, VM 1. */
    public static final int ErrorID = 0x00000903;

    /** (0000,1000) Affected SOP Instance UID: UI, VM 1. */
    public static final int AffectedSOPInstanceUID = 0x00001000;

    /** (0000,1001) Requested SOP Instance UID: UI, VM 1. */
    public static final int RequestedSOPInstanceUID = 0x00001001;

    /** (0000,1002) Event Type ID: US, VM 1. */
    public static final int EventTypeID = 0x00001002;

    /** (0000,1005) Attribute Identifier List: AT, VM 1-n. */
    public static final int AttributeIdentifierList = 0x00001005;

    /** (0000,1008) Action Type ID: US, VM 1. */
    public static final int ActionTypeID = 0x00001008;

    /** (0000,1020) Number of Remaining Sub-operations: US, VM 1. */
    public static final int NumberOfRemainingSuboperations = 0x00001020;

    /** (0000,1021) Number of Completed Sub-operations: US, VM 1. */
    public static final int NumberOfCompletedSuboperations = 0x00001021;

    /** (0000,1022) Number of Failed Sub-operations: US, VM 1. */
    public static final int NumberOfFailedSuboperations = 0x00001022;

    /** (0000,1023) Number of Warning Sub-operations: US, VM 1. */
    public static final int NumberOfWarningSuboperations = 0x00001023;

    /** (0000,1030) Move Originator Application Entity Title: AE, VM 1. */
    public static final int MoveOriginatorApplicationEntityTitle = 0x00001030;

    /** (0000,1031) Move Originator Message ID: US, VM 1. */
    public static final int MoveOriginatorMessageID = 0x00001031;

    /** (0000,4000) Dialog Receiver: LT, VM 1. Retired. */
    public static final int DialogReceiver = 0x00004000;

    /** (0000,4010) Terminal Type: LT, VM 1. Retired. */
    public static final int TerminalType = 0x00004010;

    /** (0000,5010) Message Set ID: SH, VM 1. Retired. */
    public static final int MessageSetID = 0x00005010;

    /** (0000,5020) End Message ID: SH, VM 1. Retired. */
    public static final int EndMessageID = 0x00005020;

    /** (0000,5110) Display Format: LT, VM 1. Retired. */
    public static final int DisplayFormat = 0x00005110;

    /** (0000,5120) Page Position ID: LT, VM 1. Retired. */
    public static final int PagePositionID = 0x00005120;

    /** (0000,5130) Text Format ID: CS, VM 1. Retired. */
    public static final int TextFormatID = 0x00005130;

    /** (0000,5140) Normal/Reverse: CS, VM 1. Retired. */
    public static final int NormalReverse = 0x00005140;

    /** (0000,5150) Add Gray Scale: CS, VM 1. Retired. */
    public static final int AddGrayScale = 0x00005150;

    /** (0000,5160) Borders: CS, VM 1. Retired. */
    public static final int Borders = 0x00005160;

    /** (0000,5170) Copies: IS, VM 1. Retired. */
    public static final int Copies = 0x00005170;

    /** (0000,5180) Command Magnification Type: CS, VM 1. Retired. */
    public static final int CommandMagnificationType = 0x00005180;

    /** (0000,5190) Erase: CS, VM 1. Retired. */
    public static final int Erase = 0x00005190;

    /** (0000,51A0) Print: CS, VM 1. Retired. */
    public static final int Print = 0x000051A0;

    /** (0000,51B0) Overlays: US, VM 1-n. Retired. */
    public static final int Overlays = 0x000051B0;

    /** (0002,0000) File Meta Information Group Length: UL, VM 1. */
    public static final int FileMetaInformationGroupLength = 0x00020000;

    /** (0002,0001) File Meta Information Version: OB, VM 1. */
    public static final int FileMetaInformationVersion = 0x00020001;

    /** (0002,0002) Media Storage SOP Class UID: UI, VM 1. */
    public static final int MediaStorageSOPClassUID = 0x00020002;

    /** (0002,0003) Media Storage SOP Instance UID: UI, VM 1. */
    public static final int MediaStorageSOPInstanceUID = 0x00020003;

    /** (0002,0010) Transfer Syntax UID: UI, VM 1. */
    public static final int TransferSyntaxUID = 0x00020010;

    /** (0002,0012) Implementation Class UID: UI, VM 1. */
    public static final int ImplementationClassUID = 0x00020012;

    /** (0002,0013) Implementation Version Name: SH, VM 1. */
    public static final int ImplementationVersionName = 0x00020013;

    /** (0002,0016) Source Application Entity Title: AE, VM 1. */
    public static final int SourceApplicationEntityTitle = 0x00020016;

    /** (0002,0017) Sending Application Entity Title: AE, VM 1. */
    public static final int SendingApplicationEntityTitle = 0x00020017;

    /** (0002,0018) Receiving Application Entity Title: AE, VM 1. */
    public static final int ReceivingApplicationEntityTitle = 0x00020018;

    /** (0002,0026) Source Presentation Address: UR, VM 1. */
    public static final int SourcePresentationAddress = 0x00020026;

    /** (0002,0027) Sending Presentation Address: UR, VM 1. */
    public static final int SendingPresentationAddress = 0x00020027;

    /** (0002,0028) Receiving Presentation Address: UR, VM 1. */
    public static final int ReceivingPresentationAddress = 0x00020028;

    /** (0002,0031) RTV Meta Information Version: OB, VM 1. */
    public static final int RTVMetaInformationVersion = 0x00020031;

    /** (0002,0032) RTV Communication SOP Class UID: UI, VM 1. */
    public static final int RTVCommunicationSOPClassUID = 0x00020032;

    /** (0002,0033) RTV Communication SOP Instance UID: UI, VM 1. */
    public static final int RTVCommunicationSOPInstanceUID = 0x00020033;

    /** (0002,0035) RTV Source Identifier: OB, VM 1. */
    public static final int RTVSourceIdentifier = 0x00020035;

    /** (0002,0036) RTV Flow Identifier: OB, VM 1. */
    public static final int RTVFlowIdentifier = 0x00020036;

    /** (0002,0037) RTV Flow RTP Sampling Rate: UL, VM 1. */
    public static final int RTVFlowRTPSamplingRate = 0x00020037;

    /** (0002,0038) RTV Flow Actual Frame Duration: FD, VM 1. */
    public static final int RTVFlowActualFrameDuration = 0x00020038;

    /** (0002,0100) Private Information Creator UID: UI, VM 1. */
    public static final int PrivateInformationCreatorUID = 0x00020100;

    /** (0002,0102) Private Information: OB, VM 1. */
    public static final int PrivateInformation = 0x00020102;

    /** (0004,1130) File-set ID: CS, VM 1. */
    public static final int FileSetID = 0x00041130;

    /** (0004,1141) File-set Descriptor File ID: CS, VM 1-8. */
    public static final int FileSetDescriptorFileID = 0x00041141;

    /** (0004,1142) Specific Character Set of File-set Descriptor File: CS, VM 1. */
    public static final int SpecificCharacterSetOfFileSetDescriptorFile = 0x00041142;

    /** (0004,1200) Offset of the First Directory Record of the Root Directory Entity: UL, VM 1. */
    public static final int OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0x00041200;

    /** (0004,1202) Offset of the Last Directory Record of the Root Directory Entity: UL, VM 1. */
    public static final int OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0x00041202;

    /** (0004,1212) File-set Consistency Flag: US, VM 1. */
    public static final int FileSetConsistencyFlag = 0x00041212;

    /** (0004,1220) Directory Record Sequence: SQ, VM 1. */
    public static final int DirectoryRecordSequence = 0x00041220;

    /** (0004,1400) Offset of the Next Directory Record: UL, VM 1. */
    public static final int OffsetOfTheNextDirectoryRecord = 0x00041400;

    /** (0004,1410) Record In-use Flag: US, VM 1. */
    public static final int RecordInUseFlag = 0x00041410;

    /** (0004,1420) Offset of Referenced Lower-Level Directory Entity: UL, VM 1. */
    public static final int OffsetOfReferencedLowerLevelDirectoryEntity = 0x00041420;

    /** (0004,1430) Directory Record Type: CS, VM 1. */
    public static final int DirectoryRecordType = 0x00041430;

    /** (0004,1432) Private Record UID: UI, VM 1. */
    public static final int PrivateRecordUID = 0x00041432;

    /** (0004,1500) Referenced File ID: CS, VM 1-8. */
    public static final int ReferencedFileID = 0x00041500;

    /** (0004,1504) MRDR Directory Record Offset: UL, VM 1. Retired. */
    public static final int MRDRDirectoryRecordOffset = 0x00041504;

    /** (0004,1510) Referenced SOP Class UID in File: UI, VM 1. */
    public static final int ReferencedSOPClassUIDInFile = 0x00041510;

    /** (0004,1511) Referenced SOP Instance UID in File: UI, VM 1. */
    public static final int ReferencedSOPInstanceUIDInFile = 0x00041511;

    /** (0004,1512) Referenced Transfer Syntax UID in File: UI, VM 1. */
    public static final int ReferencedTransferSyntaxUIDInFile = 0x00041512;

    /** (0004,151A) Referenced Related General SOP Class UID in File: UI, VM 1-n. */
    public static final int ReferencedRelatedGeneralSOPClassUIDInFile = 0x0004151A;

    /** (0004,1600) Number of References: UL, VM 1. Retired. */
    public static final int NumberOfReferences = 0x00041600;

    /** (0006,0001) Current Frame Functional Groups Sequence: SQ, VM 1. */
    public static final int CurrentFrameFunctionalGroupsSequence = 0x00060001;

    /** (0008,0001) Length to End: UL, VM 1. Retired. */
    public static final int LengthToEnd = 0x00080001;

    /** (0008,0005) Specific Character Set: CS, VM 1-n. */
    public static final int SpecificCharacterSet = 0x00080005;

    /** (0008,0006) Language Code Sequence: SQ, VM 1. */
    public static final int LanguageCodeSequence = 0x00080006;

    /** (0008,0008) Image Type: CS, VM 2-n. */
    public static final int ImageType = 0x00080008;

    /** (0008,0010) Recognition Code: SH, VM 1. Retired. */
    public static final int RecognitionCode = 0x00080010;

    /** (0008,0012) Instance Creation Date: DA, VM 1. */
    public static final int InstanceCreationDate = 0x00080012;

    /** (0008,0013) Instance Creation Time: TM, VM 1. */
    public static final int InstanceCreationTime = 0x00080013;

    /** (0008,0014) Instance Creator UID: UI, VM 1. */
    public static final int InstanceCreatorUID = 0x00080014;

    /** (0008,0015) Instance Coercion DateTime: DT, VM 1. */
    public static final int InstanceCoercionDateTime = 0x00080015;

    /** (0008,0016) SOP Class UID: UI, VM 1. */
    public static final int SOPClassUID = 0x00080016;

    /** (0008,0017) Acquisition UID: UI, VM 1. */
    public static final int AcquisitionUID = 0x00080017;

    /** (0008,0018) SOP Instance UID: UI, VM 1. */
    public static final int SOPInstanceUID = 0x00080018;

    /** (0008,0019) Pyramid UID: UI, VM 1. */
    public static final int PyramidUID = 0x00080019;

    /** (0008,001A) Related General SOP Class UID: UI, VM 1-n. */
    public static final int RelatedGeneralSOPClassUID = 0x0008001A;

    /** (0008,001B) Original Specialized SOP Class UID: UI, VM 1. */
    public static final int OriginalSpecializedSOPClassUID = 0x0008001B;

    /** (0008,001C) Synthetic Data: CS, VM 1. */
    public static final int SyntheticData = 0x0008001C;

    /** (0008,001D) Sensitive Content Code Sequence: SQ, VM 1. */
    public static final int SensitiveContentCodeSequence = 0x0008001D;

    /** (0008,0020) Study Date: DA, VM 1. */
    public static final int StudyDate = 0x00080020;

    /** (0008,0021) Series Date: DA, VM 1. */
    public static final int SeriesDate = 0x00080021;

    /** (0008,0022) Acquisition Date: DA, VM 1. */
    public static final int AcquisitionDate = 0x00080022;

    /** (0008,0023) Content Date: DA, VM 1. */
    public static final int ContentDate = 0x00080023;

    /** (0008,0024) Overlay Date: DA, VM 1. Retired. */
    public static final int OverlayDate = 0x00080024;

    /** (0008,0025) Curve Date: DA, VM 1. Retired. */
    public static final int CurveDate = 0x00080025;

    /** (0008,002A) Acquisition DateTime: DT, VM 1. */
    public static final int AcquisitionDateTime = 0x0008002A;

    /** (0008,0030) Study Time: TM, VM 1. */
    public static final int StudyTime = 0x00080030;

    /** (0008,0031) Series Time: TM, VM 1. */
    public static final int SeriesTime = 0x00080031;

    /** (0008,0032) Acquisition Time: TM, VM 1. */
    public static final int AcquisitionTime = 0x00080032;

    /** (0008,0033) Content Time: TM, VM 1. */
    public static final int ContentTime = 0x00080033;

    /** (0008,0034) Overlay Time: TM, VM 1. Retired. */
    public static final int OverlayTime = 0x00080034;

    /** (0008,0035) Curve Time: TM, VM 1. Retired. */
    public static final int CurveTime = 0x00080035;

    /** (0008,0040) Data Set Type: US, VM 1. Retired. */
    public static final int DataSetType = 0x00080040;

    /** (0008,0041) Data Set Subtype: LO, VM 1. Retired. */
    public static final int DataSetSubtype = 0x00080041;

    /** (0008,0042) Nuclear Medicine Series Type: CS, VM 1. Retired. */
    public static final int NuclearMedicineSeriesType = 0x00080042;

    /** (0008,0050) Accession Number: SH, VM 1. */
    public static final int AccessionNumber = 0x00080050;

    /** (0008,0051) Issuer of Accession Number Sequence: SQ, VM 1. */
    public static final int IssuerOfAccessionNumberSequence = 0x00080051;

    /** (0008,0052) Query/Retrieve Level: CS, VM 1. */
    public static final int QueryRetrieveLevel = 0x00080052;

    /** (0008,0053) Query/Retrieve View: CS, VM 1. */
    public static final int QueryRetrieveView = 0x00080053;

    /** (0008,0054) Retrieve AE Title: AE, VM 1-n. */
    public static final int RetrieveAETitle = 0x00080054;

    /** (0008,0055) Station AE Title: AE, VM 1. */
    public static final int StationAETitle = 0x00080055;

    /** (0008,0056) Instance Availability: CS, VM 1. */
    public static final int InstanceAvailability = 0x00080056;

    /** (0008,0058) Failed SOP Instance UID List: UI, VM 1-n. */
    public static final int FailedSOPInstanceUIDList = 0x00080058;

    /** (0008,0060) Modality: CS, VM 1. */
    public static final int Modality = 0x00080060;

    /** (0008,0061) Modalities in Study: CS, VM 1-n. */
    public static final int ModalitiesInStudy = 0x00080061;

    /** (0008,0062) SOP Classes in Study: UI, VM 1-n. */
    public static final int SOPClassesInStudy = 0x00080062;

    /** (0008,0063) Anatomic Regions in Study Code Sequence: SQ, VM 1. */
    public static final int AnatomicRegionsInStudyCodeSequence = 0x00080063;

    /** (0008,0064) Conversion Type: CS, VM 1. */
    public static final int ConversionType = 0x00080064;

    /** (0008,0068) Presentation Intent Type: CS, VM 1. */
    public static final int PresentationIntentType = 0x00080068;

    /** (0008,0070) Manufacturer: LO, VM 1. */
    public static final int Manufacturer = 0x00080070;

    /** (0008,0080) Institution Name: LO, VM 1. */
    public static final int InstitutionName = 0x00080080;

    /** (0008,0081) Institution Address: ST, VM 1. */
    public static final int InstitutionAddress = 0x00080081;

    /** (0008,0082) Institution Code Sequence: SQ, VM 1. */
    public static final int InstitutionCodeSequence = 0x00080082;

    /** (0008,0090) Referring Physician's Name: PN, VM 1. */
    public static final int ReferringPhysicianName = 0x00080090;

    /** (0008,0092) Referring Physician's Address: ST, VM 1. */
    public static final int ReferringPhysicianAddress = 0x00080092;

    /** (0008,0094) Referring Physician's Telephone Numbers: SH, VM 1-n. */
    public static final int ReferringPhysicianTelephoneNumbers = 0x00080094;

    /** (0008,0096) Referring Physician Identification Sequence: SQ, VM 1. */
    public static final int ReferringPhysicianIdentificationSequence = 0x00080096;

    /** (0008,009C) Consulting Physician's Name: PN, VM 1-n. */
    public static final int ConsultingPhysicianName = 0x0008009C;

    /** (0008,009D) Consulting Physician Identification Sequence: SQ, VM 1. */
    public static final int ConsultingPhysicianIdentificationSequence = 0x0008009D;

    /** (0008,0100) Code Value: SH, VM 1. */
    public static final int CodeValue = 0x00080100;

    /** (0008,0101) Extended Code Value: LO, VM 1. */
    public static final int ExtendedCodeValue = 0x00080101;

    /** (0008,0102) Coding Scheme Designator: SH, VM 1. */
    public static final int CodingSchemeDesignator = 0x00080102;

    /** (0008,0103) Coding Scheme Version: SH, VM 1. */
    public static final int CodingSchemeVersion = 0x00080103;

    /** (0008,0104) Code Meaning: LO, VM 1. */
    public static final int CodeMeaning = 0x00080104;

    /** (0008,0105) Mapping Resource: CS, VM 1. */
    public static final int MappingResource = 0x00080105;

    /** (0008,0106) Context Group Version: DT, VM 1. */
    public static final int ContextGroupVersion = 0x00080106;

    /** (0008,0107) Context Group Local Version: DT, VM 1. */
    public static final int ContextGroupLocalVersion = 0x00080107;

    /** (0008,0108) Extended Code Meaning: LT, VM 1. */
    public static final int ExtendedCodeMeaning = 0x00080108;

    /** (0008,0109) Coding Scheme Resources Sequence: SQ, VM 1. */
    public static final int CodingSchemeResourcesSequence = 0x00080109;

    /** (0008,010A) Coding Scheme URL Type: CS, VM 1. */
    public static final int CodingSchemeURLType = 0x0008010A;

    /** (0008,010B) Context Group Extension Flag: CS, VM 1. */
    public static final int ContextGroupExtensionFlag = 0x0008010B;

    /** (0008,010C) Coding Scheme UID: UI, VM 1. */
    public static final int CodingSchemeUID = 0x0008010C;

    /** (0008,010D) Context Group Extension Creator UID: UI, VM 1. */
    public static final int ContextGroupExtensionCreatorUID = 0x0008010D;

    /** (0008,010E) Coding Scheme URL: UR, VM 1. */
    public static final int CodingSchemeURL = 0x0008010E;

    /** (0008,010F) Context Identifier: CS, VM 1. */
    public static final int ContextIdentifier = 0x0008010F;

    /** (0008,0110) Coding Scheme Identification Sequence: SQ, VM 1. */
    public static final int CodingSchemeIdentificationSequence = 0x00080110;

    /** (0008,0112) Coding Scheme Registry: LO, VM 1. */
    public static final int CodingSchemeRegistry = 0x00080112;

    /** (0008,0114) Coding Scheme External ID: ST, VM 1. */
    public static final int CodingSchemeExternalID = 0x00080114;

    /** (0008,0115) Coding Scheme Name: ST, VM 1. */
    public static final int CodingSchemeName = 0x00080115;

    /** (0008,0116) Coding Scheme Responsible Organization: ST, VM 1. */
    public static final int CodingSchemeResponsibleOrganization = 0x00080116;

    /** (0008,0117) Context UID: UI, VM 1. */
    public static final int ContextUID = 0x00080117;

    /** (0008,0118) Mapping Resource UID: UI, VM 1. */
    public static final int MappingResourceUID = 0x00080118;

    /** (0008,0119) Long Code Value: UC, VM 1. */
    public static final int LongCodeValue = 0x00080119;

    /** (0008,0120) URN Code Value: UR, VM 1. */
    public static final int URNCodeValue = 0x00080120;

    /** (0008,0121) Equivalent Code Sequence: SQ, VM 1. */
    public static final int EquivalentCodeSequence = 0x00080121;

    /** (0008,0122) Mapping Resource Name: LO, VM 1. */
    public static final int MappingResourceName = 0x00080122;

    /** (0008,0123) Context Group Identification Sequence: SQ, VM 1. */
    public static final int ContextGroupIdentificationSequence = 0x00080123;

    /** (0008,0124) Mapping Resource Identification Sequence: SQ, VM 1. */
    public static final int MappingResourceIdentificationSequence = 0x00080124;

    /** (0008,0201) Timezone Offset From UTC: SH, VM 1. */
    public static final int TimezoneOffsetFromUTC = 0x00080201;

    /** (0008,0220) Responsible Group Code Sequence: SQ, VM 1. */
    public static final int ResponsibleGroupCodeSequence = 0x00080220;

    /** (0008,0221) Equipment Modality: CS, VM 1. */
    public static final int EquipmentModality = 0x00080221;

    /** (0008,0222) Manufacturer's Related Model Group: LO, VM 1. */
    public static final int ManufacturerRelatedModelGroup = 0x00080222;

    /** (0008,0300) Private Data Element Characteristics Sequence: SQ, VM 1. */
    public static final int PrivateDataElementCharacteristicsSequence = 0x00080300;

    /** (0008,0301) Private Group Reference: US, VM 1. */
    public static final int PrivateGroupReference = 0x00080301;

    /** (0008,0302) Private Creator Reference: LO, VM 1. */
    public static final int PrivateCreatorReference = 0x00080302;

    /** (0008,0303) Block Identifying Information Status: CS, VM 1. */
    public static final int BlockIdentifyingInformationStatus = 0x00080303;

    /** (0008,0304) Nonidentifying Private Elements: US, VM 1-n. */
    public static final int NonidentifyingPrivateElements = 0x00080304;

    /** (0008,0305) Deidentification Action Sequence: SQ, VM 1. */
    public static final int DeidentificationActionSequence = 0x00080305;

    /** (0008,0306) Identifying Private Elements: US, VM 1-n. */
    public static final int IdentifyingPrivateElements = 0x00080306;

    /** (0008,0307) Deidentification Action: CS, VM 1. */
    public static final int DeidentificationAction = 0x00080307;

    /** (0008,0308) Private Data Element: US, VM 1. */
    public static final int PrivateDataElement = 0x00080308;

    /** (0008,0309) Private Data Element Value Multiplicity: UL, VM 1-3. */
    public static final int PrivateDataElementValueMultiplicity = 0x00080309;

    /** (0008,030A) Private Data Element Value Representation: CS, VM 1. */
    public static final int PrivateDataElementValueRepresentation = 0x0008030A;

    /** (0008,030B) Private Data Element Number of Items: UL, VM 1-2. */
    public static final int PrivateDataElementNumberOfItems = 0x0008030B;

    /** (0008,030C) Private Data Element Name: UC, VM 1. */
    public static final int PrivateDataElementName = 0x0008030C;

    /** (0008,030D) Private Data Element Keyword: UC, VM 1. */
    public static final int PrivateDataElementKeyword = 0x0008030D;

    /** (0008,030E) Private Data Element Description: UT, VM 1. */
    public static final int PrivateDataElementDescription = 0x0008030E;

    /** (0008,030F) Private Data Element Encoding: UT, VM 1. */
    public static final int PrivateDataElementEncoding = 0x0008030F;

    /** (0008,0310) Private Data Element Definition Sequence: SQ, VM 1. */
    public static final int PrivateDataElementDefinitionSequence = 0x00080310;

    /** (0008,0400) Scope of Inventory Sequence: SQ, VM 1. */
    public static final int ScopeOfInventorySequence = 0x00080400;

    /** (0008,0401) Inventory Purpose: LT, VM 1. */
    public static final int InventoryPurpose = 0x00080401;

    /** (0008,0402) Inventory Instance Description: LT, VM 1. */
    public static final int InventoryInstanceDescription = 0x00080402;

    /** (0008,0403) Inventory Level: CS, VM 1. */
    public static final int InventoryLevel = 0x00080403;

    /** (0008,0404) Item Inventory DateTime: DT, VM 1. */
    public static final int ItemInventoryDateTime = 0x00080404;

    /** (0008,0405) Removed from Operational Use: CS, VM 1. */
    public static final int RemovedFromOperationalUse = 0x00080405;

    /** (0008,0406) Reason for Removal Code Sequence: SQ, VM 1. */
    public static final int ReasonForRemovalCodeSequence = 0x00080406;

    /** (0008,0407) Stored Instance Base URI: UR, VM 1. */
    public static final int StoredInstanceBaseURI = 0x00080407;

    /** (0008,0408) Folder Access URI: UR, VM 1. */
    public static final int FolderAccessURI = 0x00080408;

    /** (0008,0409) File Access URI: UR, VM 1. */
    public static final int FileAccessURI = 0x00080409;

    /** (0008,040A) Container File Type: CS, VM 1. */
    public static final int ContainerFileType = 0x0008040A;

    /** (0008,040B) Filename in Container: UR, VM 1. */
    public static final int FilenameInContainer = 0x0008040B;

    /** (0008,040C) File Offset in Container: UV, VM 1. */
    public static final int FileOffsetInContainer = 0x0008040C;

    /** (0008,040D) File Length in Container: UV, VM 1. */
    public static final int FileLengthInContainer = 0x0008040D;

    /** (0008,040E) Stored Instance Transfer Syntax UID: UI, VM 1. */
    public static final int StoredInstanceTransferSyntaxUID = 0x0008040E;

    /** (0008,040F) Extended Matching Mechanisms: CS, VM 1-n. */
    public static final int ExtendedMatchingMechanisms = 0x0008040F;

    /** (0008,0410) Range Matching Sequence: SQ, VM 1. */
    public static final int RangeMatchingSequence = 0x00080410;

    /** (0008,0411) List of UID Matching Sequence: SQ, VM 1. */
    public static final int ListOfUIDMatchingSequence = 0x00080411;

    /** (0008,0412) Empty Value Matching Sequence: SQ, VM 1. */
    public static final int EmptyValueMatchingSequence = 0x00080412;

    /** (0008,0413) General Matching Sequence: SQ, VM 1. */
    public static final int GeneralMatchingSequence = 0x00080413;

    /** (0008,0414) Requested Status Interval: US, VM 1. */
    public static final int RequestedStatusInterval = 0x00080414;

    /** (0008,0415) Retain Instances: CS, VM 1. */
    public static final int RetainInstances = 0x00080415;

    /** (0008,0416) Expiration DateTime: DT, VM 1. */
    public static final int ExpirationDateTime = 0x00080416;

    /** (0008,0417) Transaction Status: CS, VM 1. */
    public static final int TransactionStatus = 0x00080417;

    /** (0008,0418) Transaction Status Comment: LT, VM 1. */
    public static final int TransactionStatusComment = 0x00080418;

    /** (0008,0419) File Set Access Sequence: SQ, VM 1. */
    public static final int FileSetAccessSequence = 0x00080419;

    /** (0008,041A) File Access Sequence: SQ, VM 1. */
    public static final int FileAccessSequence = 0x0008041A;

    /** (0008,041B) Record Key: OB, VM 1. */
    public static final int RecordKey = 0x0008041B;

    /** (0008,041C) Prior Record Key: OB, VM 1. */
    public static final int PriorRecordKey = 0x0008041C;

    /** (0008,041D) Metadata Sequence: SQ, VM 1. */
    public static final int MetadataSequence = 0x0008041D;

    /** (0008,041E) Updated Metadata Sequence: SQ, VM 1. */
    public static final int UpdatedMetadataSequence = 0x0008041E;

    /** (0008,041F) Study Update DateTime: DT, VM 1. */
    public static final int StudyUpdateDateTime = 0x0008041F;

    /** (0008,0420) Inventory Access End Points Sequence: SQ, VM 1. */
    public static final int InventoryAccessEndPointsSequence = 0x00080420;

    /** (0008,0421) Study Access End Points Sequence: SQ, VM 1. */
    public static final int StudyAccessEndPointsSequence = 0x00080421;

    /** (0008,0422) Incorporated Inventory Instance Sequence: SQ, VM 1. */
    public static final int IncorporatedInventoryInstanceSequence = 0x00080422;

    /** (0008,0423) Inventoried Studies Sequence: SQ, VM 1. */
    public static final int InventoriedStudiesSequence = 0x00080423;

    /** (0008,0424) Inventoried Series Sequence: SQ, VM 1. */
    public static final int InventoriedSeriesSequence = 0x00080424;

    /** (0008,0425) Inventoried Instances Sequence: SQ, VM 1. */
    public static final int InventoriedInstancesSequence = 0x00080425;

    /** (0008,0426) Inventory Completion Status: CS, VM 1. */
    public static final int InventoryCompletionStatus = 0x00080426;

    /** (0008,0427) Number of Study Records in Instance: UL, VM 1. */
    public static final int NumberOfStudyRecordsInInstance = 0x00080427;

    /** (0008,0428) Total Number of Study Records: UV, VM 1. */
    public static final int TotalNumberOfStudyRecords = 0x00080428;

    /** (0008,0429) Maximum Number of Records: UV, VM 1. */
    public static final int MaximumNumberOfRecords = 0x00080429;

    /** (0008,1000) Network ID: AE, VM 1. Retired. */
    public static final int NetworkID = 0x00081000;

    /** (0008,1010) Station Name: SH, VM 1. */
    public static final int StationName = 0x00081010;

    /** (0008,1030) Study Description: LO, VM 1. */
    public static final int StudyDescription = 0x00081030;

    /** (0008,1032) Procedure Code Sequence: SQ, VM 1. */
    public static final int ProcedureCodeSequence = 0x00081032;

    /** (0008,103E) Series Description: LO, VM 1. */
    public static final int SeriesDescription = 0x0008103E;

    /** (0008,103F) Series Description Code Sequence: SQ, VM 1. */
    public static final int SeriesDescriptionCodeSequence = 0x0008103F;

    /** (0008,1040) Institutional Department Name: LO, VM 1. */
    public static final int InstitutionalDepartmentName = 0x00081040;

    /** (0008,1041) Institutional Department Type Code Sequence: SQ, VM 1. */
    public static final int InstitutionalDepartmentTypeCodeSequence = 0x00081041;

    /** (0008,1048) Physician(s) of Record: PN, VM 1-n. */
    public static final int PhysiciansOfRecord = 0x00081048;

    /** (0008,1049) Physician(s) of Record Identification Sequence: SQ, VM 1. */
    public static final int PhysiciansOfRecordIdentificationSequence = 0x00081049;

    /** (0008,1050) Performing Physician's Name: PN, VM 1-n. */
    public static final int PerformingPhysicianName = 0x00081050;

    /** (0008,1052) Performing Physician Identification Sequence: SQ, VM 1. */
    public static final int PerformingPhysicianIdentificationSequence = 0x00081052;

    /** (0008,1060) Name of Physician(s) Reading Study: PN, VM 1-n. */
    public static final int NameOfPhysiciansReadingStudy = 0x00081060;

    /** (0008,1062) Physician(s) Reading Study Identification Sequence: SQ, VM 1. */
    public static final int PhysiciansReadingStudyIdentificationSequence = 0x00081062;

    /** (0008,1070) Operators' Name: PN, VM 1-n. */
    public static final int OperatorsName = 0x00081070;

    /** (0008,1072) Operator Identification Sequence: SQ, VM 1. */
    public static final int OperatorIdentificationSequence = 0x00081072;

    /** (0008,1080) Admitting Diagnoses Description: LO, VM 1-n. */
    public static final int AdmittingDiagnosesDescription = 0x00081080;

    /** (0008,1084) Admitting Diagnoses Code Sequence: SQ, VM 1. */
    public static final int AdmittingDiagnosesCodeSequence = 0x00081084;

    /** (0008,1088) Pyramid Description: LO, VM 1. */
    public static final int PyramidDescription = 0x00081088;

    /** (0008,1090) Manufacturer's Model Name: LO, VM 1. */
    public static final int ManufacturerModelName = 0x00081090;

    /** (0008,1100) Referenced Results Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedResultsSequence = 0x00081100;

    /** (0008,1110) Referenced Study Sequence: SQ, VM 1. */
    public static final int ReferencedStudySequence = 0x00081110;

    /** (0008,1111) Referenced Performed Procedure Step Sequence: SQ, VM 1. */
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;

    /** (0008,1112) Referenced Instances by SOP Class Sequence: SQ, VM 1. */
    public static final int ReferencedInstancesBySOPClassSequence = 0x00081112;

    /** (0008,1115) Referenced Series Sequence: SQ, VM 1. */
    public static final int ReferencedSeriesSequence = 0x00081115;

    /** (0008,1120) Referenced Patient Sequence: SQ, VM 1. */
    public static final int ReferencedPatientSequence = 0x00081120;

    /** (0008,1125) Referenced Visit Sequence: SQ, VM 1. */
    public static final int ReferencedVisitSequence = 0x00081125;

    /** (0008,1130) Referenced Overlay Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedOverlaySequence = 0x00081130;

    /** (0008,1134) Referenced Stereometric Instance Sequence: SQ, VM 1. */
    public static final int ReferencedStereometricInstanceSequence = 0x00081134;

    /** (0008,113A) Referenced Waveform Sequence: SQ, VM 1. */
    public static final int ReferencedWaveformSequence = 0x0008113A;

    /** (0008,1140) Referenced Image Sequence: SQ, VM 1. */
    public static final int ReferencedImageSequence = 0x00081140;

    /** (0008,1145) Referenced Curve Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedCurveSequence = 0x00081145;

    /** (0008,114A) Referenced Instance Sequence: SQ, VM 1. */
    public static final int ReferencedInstanceSequence = 0x0008114A;

    /** (0008,114B) Referenced Real World Value Mapping Instance Sequence: SQ, VM 1. */
    public static final int ReferencedRealWorldValueMappingInstanceSequence = 0x0008114B;

    /** (0008,114C) Referenced Segmentation Sequence: SQ, VM 1. */
    public static final int ReferencedSegmentationSequence = 0x0008114C;

    /** (0008,114D) Referenced Surface Segmentation Sequence: SQ, VM 1. */
    public static final int ReferencedSurfaceSegmentationSequence = 0x0008114D;

    /** (0008,1150) Referenced SOP Class UID: UI, VM 1. */
    public static final int ReferencedSOPClassUID = 0x00081150;

    /** (0008,1155) Referenced SOP Instance UID: UI, VM 1. */
    public static final int ReferencedSOPInstanceUID = 0x00081155;

    /** (0008,1156) Definition Source Sequence: SQ, VM 1. */
    public static final int DefinitionSourceSequence = 0x00081156;

    /** (0008,115A) SOP Classes Supported: UI, VM 1-n. */
    public static final int SOPClassesSupported = 0x0008115A;

    /** (0008,1160) Referenced Frame Number: IS, VM 1-n. */
    public static final int ReferencedFrameNumber = 0x00081160;

    /** (0008,1161) Simple Frame List: UL, VM 1-n. */
    public static final int SimpleFrameList = 0x00081161;

    /** (0008,1162) Calculated Frame List: UL, VM 3-3n. */
    public static final int CalculatedFrameList = 0x00081162;

    /** (0008,1163) Time Range: FD, VM 2. */
    public static final int TimeRange = 0x00081163;

    /** (0008,1164) Frame Extraction Sequence: SQ, VM 1. */
    public static final int FrameExtractionSequence = 0x00081164;

    /** (0008,1167) Multi-frame Source SOP Instance UID: UI, VM 1. */
    public static final int MultiFrameSourceSOPInstanceUID = 0x00081167;

    /** (0008,1190) Retrieve URL: UR, VM 1. */
    public static final int RetrieveURL = 0x00081190;

    /** (0008,1195) Transaction UID: UI, VM 1. */
    public static final int TransactionUID = 0x00081195;

    /** (0008,1196) Warning Reason: US, VM 1. */
    public static final int WarningReason = 0x00081196;

    /** (0008,1197) Failure Reason: US, VM 1. */
    public static final int FailureReason = 0x00081197;

    /** (0008,1198) Failed SOP Sequence: SQ, VM 1. */
    public static final int FailedSOPSequence = 0x00081198;

    /** (0008,1199) Referenced SOP Sequence: SQ, VM 1. */
    public static final int ReferencedSOPSequence = 0x00081199;

    /** (0008,119A) Other Failures Sequence: SQ, VM 1. */
    public static final int OtherFailuresSequence = 0x0008119A;

    /** (0008,119B) Failed Study Sequence: SQ, VM 1. */
    public static final int FailedStudySequence = 0x0008119B;

    /** (0008,1200) Studies Containing Other Referenced Instances Sequence: SQ, VM 1. */
    public static final int StudiesContainingOtherReferencedInstancesSequence = 0x00081200;

    /** (0008,1250) Related Series Sequence: SQ, VM 1. */
    public static final int RelatedSeriesSequence = 0x00081250;

    /** (0008,1301) Principal Diagnosis Code Sequence: SQ, VM 1. */
    public static final int PrincipalDiagnosisCodeSequence = 0x00081301;

    /** (0008,1302) Primary Diagnosis Code Sequence: SQ, VM 1. */
    public static final int PrimaryDiagnosisCodeSequence = 0x00081302;

    /** (0008,1303) Secondary Diagnoses Code Sequence: SQ, VM 1. */
    public static final int SecondaryDiagnosesCodeSequence = 0x00081303;

    /** (0008,1304) Histological Diagnoses Code Sequence: SQ, VM 1. */
    public static final int HistologicalDiagnosesCodeSequence = 0x00081304;

    /** (0008,2110) Lossy Image Compression (Retired): CS, VM 1. Retired. */
    public static final int LossyImageCompressionRetired = 0x00082110;

    /** (0008,2111) Derivation Description: ST, VM 1. */
    public static final int DerivationDescription = 0x00082111;

    /** (0008,2112) Source Image Sequence: SQ, VM 1. */
    public static final int SourceImageSequence = 0x00082112;

    /** (0008,2120) Stage Name: SH, VM 1. */
    public static final int StageName = 0x00082120;

    /** (0008,2122) Stage Number: IS, VM 1. */
    public static final int StageNumber = 0x00082122;

    /** (0008,2124) Number of Stages: IS, VM 1. */
    public static final int NumberOfStages = 0x00082124;

    /** (0008,2127) View Name: SH, VM 1. */
    public static final int ViewName = 0x00082127;

    /** (0008,2128) View Number: IS, VM 1. */
    public static final int ViewNumber = 0x00082128;

    /** (0008,2129) Number of Event Timers: IS, VM 1. */
    public static final int NumberOfEventTimers = 0x00082129;

    /** (0008,212A) Number of Views in Stage: IS, VM 1. */
    public static final int NumberOfViewsInStage = 0x0008212A;

    /** (0008,2130) Event Elapsed Time(s): DS, VM 1-n. */
    public static final int EventElapsedTimes = 0x00082130;

    /** (0008,2132) Event Timer Name(s): LO, VM 1-n. */
    public static final int EventTimerNames = 0x00082132;

    /** (0008,2133) Event Timer Sequence: SQ, VM 1. */
    public static final int EventTimerSequence = 0x00082133;

    /** (0008,2134) Event Time Offset: FD, VM 1. */
    public static final int EventTimeOffset = 0x00082134;

    /** (0008,2135) Event Code Sequence: SQ, VM 1. */
    public static final int EventCodeSequence = 0x00082135;

    /** (0008,2142) Start Trim: IS, VM 1. */
    public static final int StartTrim = 0x00082142;

    /** (0008,2143) Stop Trim: IS, VM 1. */
    public static final int StopTrim = 0x00082143;

    /** (0008,2144) Recommended Display Frame Rate: IS, VM 1. */
    public static final int RecommendedDisplayFrameRate = 0x00082144;

    /** (0008,2200) Transducer Position: CS, VM 1. Retired. */
    public static final int TransducerPosition = 0x00082200;

    /** (0008,2204) Transducer Orientation: CS, VM 1. Retired. */
    public static final int TransducerOrientation = 0x00082204;

    /** (0008,2208) Anatomic Structure: CS, VM 1. Retired. */
    public static final int AnatomicStructure = 0x00082208;

    /** (0008,2218) Anatomic Region Sequence: SQ, VM 1. */
    public static final int AnatomicRegionSequence = 0x00082218;

    /** (0008,2220) Anatomic Region Modifier Sequence: SQ, VM 1. */
    public static final int AnatomicRegionModifierSequence = 0x00082220;

    /** (0008,2228) Primary Anatomic Structure Sequence: SQ, VM 1. */
    public static final int PrimaryAnatomicStructureSequence = 0x00082228;

    /** (0008,2229) Anatomic Structure, Space or Region Sequence: SQ, VM 1. Retired. */
    public static final int AnatomicStructureSpaceOrRegionSequence = 0x00082229;

    /** (0008,2230) Primary Anatomic Structure Modifier Sequence: SQ, VM 1. */
    public static final int PrimaryAnatomicStructureModifierSequence = 0x00082230;

    /** (0008,2240) Transducer Position Sequence: SQ, VM 1. Retired. */
    public static final int TransducerPositionSequence = 0x00082240;

    /** (0008,2242) Transducer Position Modifier Sequence: SQ, VM 1. Retired. */
    public static final int TransducerPositionModifierSequence = 0x00082242;

    /** (0008,2244) Transducer Orientation Sequence: SQ, VM 1. Retired. */
    public static final int TransducerOrientationSequence = 0x00082244;

    /** (0008,2246) Transducer Orientation Modifier Sequence: SQ, VM 1. Retired. */
    public static final int TransducerOrientationModifierSequence = 0x00082246;

    /** (0008,2251) Anatomic Structure Space Or Region Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicStructureSpaceOrRegionCodeSequenceTrial = 0x00082251;

    /** (0008,2253) Anatomic Portal Of Entrance Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicPortalOfEntranceCodeSequenceTrial = 0x00082253;

    /** (0008,2255) Anatomic Approach Direction Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicApproachDirectionCodeSequenceTrial = 0x00082255;

    /** (0008,2256) Anatomic Perspective Description (Trial): ST, VM 1. Retired. */
    public static final int AnatomicPerspectiveDescriptionTrial = 0x00082256;

    /** (0008,2257) Anatomic Perspective Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicPerspectiveCodeSequenceTrial = 0x00082257;

    /** (0008,2258) Anatomic Location Of Examining Instrument Description (Trial): ST, VM 1. Retired. */
    public static final int AnatomicLocationOfExaminingInstrumentDescriptionTrial = 0x00082258;

    /** (0008,2259) Anatomic Location Of Examining Instrument Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicLocationOfExaminingInstrumentCodeSequenceTrial = 0x00082259;

    /** (0008,225A) Anatomic Structure Space Or Region Modifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AnatomicStructureSpaceOrRegionModifierCodeSequenceTrial = 0x0008225A;

    /** (0008,225C) On Axis Background Anatomic Structure Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int OnAxisBackgroundAnatomicStructureCodeSequenceTrial = 0x0008225C;

    /** (0008,3001) Alternate Representation Sequence: SQ, VM 1. */
    public static final int AlternateRepresentationSequence = 0x00083001;

    /** (0008,3002) Available Transfer Syntax UID: UI, VM 1-n. */
    public static final int AvailableTransferSyntaxUID = 0x00083002;

    /** (0008,3010) Irradiation Event UID: UI, VM 1-n. */
    public static final int IrradiationEventUID = 0x00083010;

    /** (0008,3011) Source Irradiation Event Sequence: SQ, VM 1. */
    public static final int SourceIrradiationEventSequence = 0x00083011;

    /** (0008,3012) Radiopharmaceutical Administration Event UID: UI, VM 1. */
    public static final int RadiopharmaceuticalAdministrationEventUID = 0x00083012;

    /** (0008,4000) Identifying Comments: LT, VM 1. Retired. */
    public static final int IdentifyingComments = 0x00084000;

    /** (0008,9007) Frame Type: CS, VM 4-5. */
    public static final int FrameType = 0x00089007;

    /** (0008,9092) Referenced Image Evidence Sequence: SQ, VM 1. */
    public static final int ReferencedImageEvidenceSequence = 0x00089092;

    /** (0008,9121) Referenced Raw Data Sequence: SQ, VM 1. */
    public static final int ReferencedRawDataSequence = 0x00089121;

    /** (0008,9123) Creator-Version UID: UI, VM 1. */
    public static final int CreatorVersionUID = 0x00089123;

    /** (0008,9124) Derivation Image Sequence: SQ, VM 1. */
    public static final int DerivationImageSequence = 0x00089124;

    /** (0008,9154) Source Image Evidence Sequence: SQ, VM 1. */
    public static final int SourceImageEvidenceSequence = 0x00089154;

    /** (0008,9205) Pixel Presentation: CS, VM 1. */
    public static final int PixelPresentation = 0x00089205;

    /** (0008,9206) Volumetric Properties: CS, VM 1. */
    public static final int VolumetricProperties = 0x00089206;

    /** (0008,9207) Volume Based Calculation Technique: CS, VM 1. */
    public static final int VolumeBasedCalculationTechnique = 0x00089207;

    /** (0008,9208) Complex Image Component: CS, VM 1. */
    public static final int ComplexImageComponent = 0x00089208;

    /** (0008,9209) Acquisition Contrast: CS, VM 1. */
    public static final int AcquisitionContrast = 0x00089209;

    /** (0008,9215) Derivation Code Sequence: SQ, VM 1. */
    public static final int DerivationCodeSequence = 0x00089215;

    /** (0008,9237) Referenced Presentation State Sequence: SQ, VM 1. */
    public static final int ReferencedPresentationStateSequence = 0x00089237;

    /** (0008,9410) Referenced Other Plane Sequence: SQ, VM 1. */
    public static final int ReferencedOtherPlaneSequence = 0x00089410;

    /** (0008,9458) Frame Display Sequence: SQ, VM 1. */
    public static final int FrameDisplaySequence = 0x00089458;

    /** (0008,9459) Recommended Display Frame Rate in Float: FL, VM 1. */
    public static final int RecommendedDisplayFrameRateInFloat = 0x00089459;

    /** (0008,9460) Skip Frame Range Flag: CS, VM 1. */
    public static final int SkipFrameRangeFlag = 0x00089460;

    /** (0010,0010) Patient's Name: PN, VM 1. */
    public static final int PatientName = 0x00100010;

    /** (0010,0011) Person Names to Use Sequence: SQ, VM 1. */
    public static final int PersonNamesToUseSequence = 0x00100011;

    /** (0010,0012) Name to Use: LT, VM 1. */
    public static final int NameToUse = 0x00100012;

    /** (0010,0013) Name to Use Comment: UT, VM 1. */
    public static final int NameToUseComment = 0x00100013;

    /** (0010,0014) Third Person Pronouns Sequence: SQ, VM 1. */
    public static final int ThirdPersonPronounsSequence = 0x00100014;

    /** (0010,0015) Pronoun Code Sequence: SQ, VM 1. */
    public static final int PronounCodeSequence = 0x00100015;

    /** (0010,0016) Pronoun Comment: UT, VM 1. */
    public static final int PronounComment = 0x00100016;

    /** (0010,0020) Patient ID: LO, VM 1. */
    public static final int PatientID = 0x00100020;

    /** (0010,0021) Issuer of Patient ID: LO, VM 1. */
    public static final int IssuerOfPatientID = 0x00100021;

    /** (0010,0022) Type of Patient ID: CS, VM 1. */
    public static final int TypeOfPatientID = 0x00100022;

    /** (0010,0024) Issuer of Patient ID Qualifiers Sequence: SQ, VM 1. */
    public static final int IssuerOfPatientIDQualifiersSequence = 0x00100024;

    /** (0010,0026) Source Patient Group Identification Sequence: SQ, VM 1. */
    public static final int SourcePatientGroupIdentificationSequence = 0x00100026;

    /** (0010,0027) Group of Patients Identification Sequence: SQ, VM 1. */
    public static final int GroupOfPatientsIdentificationSequence = 0x00100027;

    /** (0010,0028) Subject Relative Position in Image: US, VM 3. */
    public static final int SubjectRelativePositionInImage = 0x00100028;

    /** (0010,0030) Patient's Birth Date: DA, VM 1. */
    public static final int PatientBirthDate = 0x00100030;

    /** (0010,0032) Patient's Birth Time: TM, VM 1. */
    public static final int PatientBirthTime = 0x00100032;

    /** (0010,0033) Patient's Birth Date in Alternative Calendar: LO, VM 1. */
    public static final int PatientBirthDateInAlternativeCalendar = 0x00100033;

    /** (0010,0034) Patient's Death Date in Alternative Calendar: LO, VM 1. */
    public static final int PatientDeathDateInAlternativeCalendar = 0x00100034;

    /** (0010,0035) Patient's Alternative Calendar: CS, VM 1. */
    public static final int PatientAlternativeCalendar = 0x00100035;

    /** (0010,0040) Patient's Sex: CS, VM 1. */
    public static final int PatientSex = 0x00100040;

    /** (0010,0041) Gender Identity Sequence: SQ, VM 1. */
    public static final int GenderIdentitySequence = 0x00100041;

    /** (0010,0042) Sex Parameters for Clinical Use Category Comment: UT, VM 1. */
    public static final int SexParametersForClinicalUseCategoryComment = 0x00100042;

    /** (0010,0043) Sex Parameters for Clinical Use Category Sequence: SQ, VM 1. */
    public static final int SexParametersForClinicalUseCategorySequence = 0x00100043;

    /** (0010,0044) Gender Identity Code Sequence: SQ, VM 1. */
    public static final int GenderIdentityCodeSequence = 0x00100044;

    /** (0010,0045) Gender Identity Comment: UT, VM 1. */
    public static final int GenderIdentityComment = 0x00100045;

    /** (0010,0046) Sex Parameters for Clinical Use Category Code Sequence: SQ, VM 1. */
    public static final int SexParametersForClinicalUseCategoryCodeSequence = 0x00100046;

    /** (0010,0047) Sex Parameters for Clinical Use Category Reference: UR, VM 1-n. */
    public static final int SexParametersForClinicalUseCategoryReference = 0x00100047;

    /** (0010,0050) Patient's Insurance Plan Code Sequence: SQ, VM 1. */
    public static final int PatientInsurancePlanCodeSequence = 0x00100050;

    /** (0010,0101) Patient's Primary Language Code Sequence: SQ, VM 1. */
    public static final int PatientPrimaryLanguageCodeSequence = 0x00100101;

    /** (0010,0102) Patient's Primary Language Modifier Code Sequence: SQ, VM 1. */
    public static final int PatientPrimaryLanguageModifierCodeSequence = 0x00100102;

    /** (0010,0200) Quality Control Subject: CS, VM 1. */
    public static final int QualityControlSubject = 0x00100200;

    /** (0010,0201) Quality Control Subject Type Code Sequence: SQ, VM 1. */
    public static final int QualityControlSubjectTypeCodeSequence = 0x00100201;

    /** (0010,0212) Strain Description: UC, VM 1. */
    public static final int StrainDescription = 0x00100212;

    /** (0010,0213) Strain Nomenclature: LO, VM 1. */
    public static final int StrainNomenclature = 0x00100213;

    /** (0010,0214) Strain Stock Number: LO, VM 1. */
    public static final int StrainStockNumber = 0x00100214;

    /** (0010,0215) Strain Source Registry Code Sequence: SQ, VM 1. */
    public static final int StrainSourceRegistryCodeSequence = 0x00100215;

    /** (0010,0216) Strain Stock Sequence: SQ, VM 1. */
    public static final int StrainStockSequence = 0x00100216;

    /** (0010,0217) Strain Source: LO, VM 1. */
    public static final int StrainSource = 0x00100217;

    /** (0010,0218) Strain Additional Information: UT, VM 1. */
    public static final int StrainAdditionalInformation = 0x00100218;

    /** (0010,0219) Strain Code Sequence: SQ, VM 1. */
    public static final int StrainCodeSequence = 0x00100219;

    /** (0010,0221) Genetic Modifications Sequence: SQ, VM 1. */
    public static final int GeneticModificationsSequence = 0x00100221;

    /** (0010,0222) Genetic Modifications Description: UC, VM 1. */
    public static final int GeneticModificationsDescription = 0x00100222;

    /** (0010,0223) Genetic Modifications Nomenclature: LO, VM 1. */
    public static final int GeneticModificationsNomenclature = 0x00100223;

    /** (0010,0229) Genetic Modifications Code Sequence: SQ, VM 1. */
    public static final int GeneticModificationsCodeSequence = 0x00100229;

    /** (0010,1000) Other Patient IDs: LO, VM 1-n. Retired. */
    public static final int OtherPatientIDs = 0x00101000;

    /** (0010,1001) Other Patient Names: PN, VM 1-n. */
    public static final int OtherPatientNames = 0x00101001;

    /** (0010,1002) Other Patient IDs Sequence: SQ, VM 1. */
    public static final int OtherPatientIDsSequence = 0x00101002;

    /** (0010,1005) Patient's Birth Name: PN, VM 1. */
    public static final int PatientBirthName = 0x00101005;

    /** (0010,1010) Patient's Age: AS, VM 1. */
    public static final int PatientAge = 0x00101010;

    /** (0010,1020) Patient's Size: DS, VM 1. */
    public static final int PatientSize = 0x00101020;

    /** (0010,1021) Patient's Size Code Sequence: SQ, VM 1. */
    public static final int PatientSizeCodeSequence = 0x00101021;

    /** (0010,1022) Patient's Body Mass Index: DS, VM 1. */
    public static final int PatientBodyMassIndex = 0x00101022;

    /** (0010,1023) Measured AP Dimension: DS, VM 1. */
    public static final int MeasuredAPDimension = 0x00101023;

    /** (0010,1024) Measured Lateral Dimension: DS, VM 1. */
    public static final int MeasuredLateralDimension = 0x00101024;

    /** (0010,1030) Patient's Weight: DS, VM 1. */
    public static final int PatientWeight = 0x00101030;

    /** (0010,1040) Patient's Address: LO, VM 1. */
    public static final int PatientAddress = 0x00101040;

    /** (0010,1050) Insurance Plan Identification: LO, VM 1-n. Retired. */
    public static final int InsurancePlanIdentification = 0x00101050;

    /** (0010,1060) Patient's Mother's Birth Name: PN, VM 1. */
    public static final int PatientMotherBirthName = 0x00101060;

    /** (0010,1080) Military Rank: LO, VM 1. */
    public static final int MilitaryRank = 0x00101080;

    /** (0010,1081) Branch of Service: LO, VM 1. */
    public static final int BranchOfService = 0x00101081;

    /** (0010,1090) Medical Record Locator: LO, VM 1. Retired. */
    public static final int MedicalRecordLocator = 0x00101090;

    /** (0010,1100) Referenced Patient Photo Sequence: SQ, VM 1. */
    public static final int ReferencedPatientPhotoSequence = 0x00101100;

    /** (0010,2000) Medical Alerts: LO, VM 1-n. */
    public static final int MedicalAlerts = 0x00102000;

    /** (0010,2110) Allergies: LO, VM 1-n. */
    public static final int Allergies = 0x00102110;

    /** (0010,2150) Country of Residence: LO, VM 1. */
    public static final int CountryOfResidence = 0x00102150;

    /** (0010,2152) Region of Residence: LO, VM 1. */
    public static final int RegionOfResidence = 0x00102152;

    /** (0010,2154) Patient's Telephone Numbers: SH, VM 1-n. */
    public static final int PatientTelephoneNumbers = 0x00102154;

    /** (0010,2155) Patient's Telecom Information: LT, VM 1. */
    public static final int PatientTelecomInformation = 0x00102155;

    /** (0010,2160) Ethnic Group: SH, VM 1. Retired. */
    public static final int EthnicGroup = 0x00102160;

    /** (0010,2161) Ethnic Group Code Sequence: SQ, VM 1. */
    public static final int EthnicGroupCodeSequence = 0x00102161;

    /** (0010,2162) Ethnic Groups: UC, VM 1-n. */
    public static final int EthnicGroups = 0x00102162;

    /** (0010,2180) Occupation: SH, VM 1. */
    public static final int Occupation = 0x00102180;

    /** (0010,21A0) Smoking Status: CS, VM 1. */
    public static final int SmokingStatus = 0x001021A0;

    /** (0010,21B0) Additional Patient History: LT, VM 1. */
    public static final int AdditionalPatientHistory = 0x001021B0;

    /** (0010,21C0) Pregnancy Status: US, VM 1. */
    public static final int PregnancyStatus = 0x001021C0;

    /** (0010,21D0) Last Menstrual Date: DA, VM 1. */
    public static final int LastMenstrualDate = 0x001021D0;

    /** (0010,21F0) Patient's Religious Preference: LO, VM 1. */
    public static final int PatientReligiousPreference = 0x001021F0;

    /** (0010,2201) Patient Species Description: LO, VM 1. */
    public static final int PatientSpeciesDescription = 0x00102201;

    /** (0010,2202) Patient Species Code Sequence: SQ, VM 1. */
    public static final int PatientSpeciesCodeSequence = 0x00102202;

    /** (0010,2203) Patient's Sex Neutered: CS, VM 1. */
    public static final int PatientSexNeutered = 0x00102203;

    /** (0010,2210) Anatomical Orientation Type: CS, VM 1. */
    public static final int AnatomicalOrientationType = 0x00102210;

    /** (0010,2292) Patient Breed Description: LO, VM 1. */
    public static final int PatientBreedDescription = 0x00102292;

    /** (0010,2293) Patient Breed Code Sequence: SQ, VM 1. */
    public static final int PatientBreedCodeSequence = 0x00102293;

    /** (0010,2294) Breed Registration Sequence: SQ, VM 1. */
    public static final int BreedRegistrationSequence = 0x00102294;

    /** (0010,2295) Breed Registration Number: LO, VM 1. */
    public static final int BreedRegistrationNumber = 0x00102295;

    /** (0010,2296) Breed Registry Code Sequence: SQ, VM 1. */
    public static final int BreedRegistryCodeSequence = 0x00102296;

    /** (0010,2297) Responsible Person: PN, VM 1. */
    public static final int ResponsiblePerson = 0x00102297;

    /** (0010,2298) Responsible Person Role: CS, VM 1. */
    public static final int ResponsiblePersonRole = 0x00102298;

    /** (0010,2299) Responsible Organization: LO, VM 1. */
    public static final int ResponsibleOrganization = 0x00102299;

    /** (0010,4000) Patient Comments: LT, VM 1. */
    public static final int PatientComments = 0x00104000;

    /** (0010,9431) Examined Body Thickness: FL, VM 1. */
    public static final int ExaminedBodyThickness = 0x00109431;

    /** (0012,0010) Clinical Trial Sponsor Name: LO, VM 1. */
    public static final int ClinicalTrialSponsorName = 0x00120010;

    /** (0012,0020) Clinical Trial Protocol ID: LO, VM 1. */
    public static final int ClinicalTrialProtocolID = 0x00120020;

    /** (0012,0021) Clinical Trial Protocol Name: LO, VM 1. */
    public static final int ClinicalTrialProtocolName = 0x00120021;

    /** (0012,0022) Issuer of Clinical Trial Protocol ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialProtocolID = 0x00120022;

    /** (0012,0023) Other Clinical Trial Protocol IDs Sequence: SQ, VM 1. */
    public static final int OtherClinicalTrialProtocolIDsSequence = 0x00120023;

    /** (0012,0030) Clinical Trial Site ID: LO, VM 1. */
    public static final int ClinicalTrialSiteID = 0x00120030;

    /** (0012,0031) Clinical Trial Site Name: LO, VM 1. */
    public static final int ClinicalTrialSiteName = 0x00120031;

    /** (0012,0032) Issuer of Clinical Trial Site ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialSiteID = 0x00120032;

    /** (0012,0040) Clinical Trial Subject ID: LO, VM 1. */
    public static final int ClinicalTrialSubjectID = 0x00120040;

    /** (0012,0041) Issuer of Clinical Trial Subject ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialSubjectID = 0x00120041;

    /** (0012,0042) Clinical Trial Subject Reading ID: LO, VM 1. */
    public static final int ClinicalTrialSubjectReadingID = 0x00120042;

    /** (0012,0043) Issuer of Clinical Trial Subject Reading ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialSubjectReadingID = 0x00120043;

    /** (0012,0050) Clinical Trial Time Point ID: LO, VM 1. */
    public static final int ClinicalTrialTimePointID = 0x00120050;

    /** (0012,0051) Clinical Trial Time Point Description: ST, VM 1. */
    public static final int ClinicalTrialTimePointDescription = 0x00120051;

    /** (0012,0052) Longitudinal Temporal Offset from Event: FD, VM 1. */
    public static final int LongitudinalTemporalOffsetFromEvent = 0x00120052;

    /** (0012,0053) Longitudinal Temporal Event Type: CS, VM 1. */
    public static final int LongitudinalTemporalEventType = 0x00120053;

    /** (0012,0054) Clinical Trial Time Point Type Code Sequence: SQ, VM 1. */
    public static final int ClinicalTrialTimePointTypeCodeSequence = 0x00120054;

    /** (0012,0055) Issuer of Clinical Trial Time Point ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialTimePointID = 0x00120055;

    /** (0012,0060) Clinical Trial Coordinating Center Name: LO, VM 1. */
    public static final int ClinicalTrialCoordinatingCenterName = 0x00120060;

    /** (0012,0062) Patient Identity Removed: CS, VM 1. */
    public static final int PatientIdentityRemoved = 0x00120062;

    /** (0012,0063) De-identification Method: LO, VM 1-n. */
    public static final int DeidentificationMethod = 0x00120063;

    /** (0012,0064) De-identification Method Code Sequence: SQ, VM 1. */
    public static final int DeidentificationMethodCodeSequence = 0x00120064;

    /** (0012,0071) Clinical Trial Series ID: LO, VM 1. */
    public static final int ClinicalTrialSeriesID = 0x00120071;

    /** (0012,0072) Clinical Trial Series Description: LO, VM 1. */
    public static final int ClinicalTrialSeriesDescription = 0x00120072;

    /** (0012,0073) Issuer of Clinical Trial Series ID: LO, VM 1. */
    public static final int IssuerOfClinicalTrialSeriesID = 0x00120073;

    /** (0012,0081) Clinical Trial Protocol Ethics Committee Name: LO, VM 1. */
    public static final int ClinicalTrialProtocolEthicsCommitteeName = 0x00120081;

    /** (0012,0082) Clinical Trial Protocol Ethics Committee Approval Number: LO, VM 1. */
    public static final int ClinicalTrialProtocolEthicsCommitteeApprovalNumber = 0x00120082;

    /** (0012,0083) Consent for Clinical Trial Use Sequence: SQ, VM 1. */
    public static final int ConsentForClinicalTrialUseSequence = 0x00120083;

    /** (0012,0084) Distribution Type: CS, VM 1. */
    public static final int DistributionType = 0x00120084;

    /** (0012,0085) Consent for Distribution Flag: CS, VM 1. */
    public static final int ConsentForDistributionFlag = 0x00120085;

    /** (0012,0086) Ethics Committee Approval Effectiveness Start Date: DA, VM 1. */
    public static final int EthicsCommitteeApprovalEffectivenessStartDate = 0x00120086;

    /** (0012,0087) Ethics Committee Approval Effectiveness End Date: DA, VM 1. */
    public static final int EthicsCommitteeApprovalEffectivenessEndDate = 0x00120087;

    /** (0014,0023) CAD File Format: ST, VM 1. Retired. */
    public static final int CADFileFormat = 0x00140023;

    /** (0014,0024) Component Reference System: ST, VM 1. Retired. */
    public static final int ComponentReferenceSystem = 0x00140024;

    /** (0014,0025) Component Manufacturing Procedure: ST, VM 1. */
    public static final int ComponentManufacturingProcedure = 0x00140025;

    /** (0014,0028) Component Manufacturer: ST, VM 1. */
    public static final int ComponentManufacturer = 0x00140028;

    /** (0014,0030) Material Thickness: DS, VM 1-n. */
    public static final int MaterialThickness = 0x00140030;

    /** (0014,0032) Material Pipe Diameter: DS, VM 1-n. */
    public static final int MaterialPipeDiameter = 0x00140032;

    /** (0014,0034) Material Isolation Diameter: DS, VM 1-n. */
    public static final int MaterialIsolationDiameter = 0x00140034;

    /** (0014,0042) Material Grade: ST, VM 1. */
    public static final int MaterialGrade = 0x00140042;

    /** (0014,0044) Material Properties Description: ST, VM 1. */
    public static final int MaterialPropertiesDescription = 0x00140044;

    /** (0014,0045) Material Properties File Format (Retired): ST, VM 1. Retired. */
    public static final int MaterialPropertiesFileFormatRetired = 0x00140045;

    /** (0014,0046) Material Notes: LT, VM 1. */
    public static final int MaterialNotes = 0x00140046;

    /** (0014,0050) Component Shape: CS, VM 1. */
    public static final int ComponentShape = 0x00140050;

    /** (0014,0052) Curvature Type: CS, VM 1. */
    public static final int CurvatureType = 0x00140052;

    /** (0014,0054) Outer Diameter: DS, VM 1. */
    public static final int OuterDiameter = 0x00140054;

    /** (0014,0056) Inner Diameter: DS, VM 1. */
    public static final int InnerDiameter = 0x00140056;

    /** (0014,0100) Component Welder IDs: LO, VM 1-n. */
    public static final int ComponentWelderIDs = 0x00140100;

    /** (0014,0101) Secondary Approval Status: CS, VM 1. */
    public static final int SecondaryApprovalStatus = 0x00140101;

    /** (0014,0102) Secondary Review Date: DA, VM 1. */
    public static final int SecondaryReviewDate = 0x00140102;

    /** (0014,0103) Secondary Review Time: TM, VM 1. */
    public static final int SecondaryReviewTime = 0x00140103;

    /** (0014,0104) Secondary Reviewer Name: PN, VM 1. */
    public static final int SecondaryReviewerName = 0x00140104;

    /** (0014,0105) Repair ID: ST, VM 1. */
    public static final int RepairID = 0x00140105;

    /** (0014,0106) Multiple Component Approval Sequence: SQ, VM 1. */
    public static final int MultipleComponentApprovalSequence = 0x00140106;

    /** (0014,0107) Other Approval Status: CS, VM 1-n. */
    public static final int OtherApprovalStatus = 0x00140107;

    /** (0014,0108) Other Secondary Approval Status: CS, VM 1-n. */
    public static final int OtherSecondaryApprovalStatus = 0x00140108;

    /** (0014,0200) Data Element Label Sequence: SQ, VM 1. */
    public static final int DataElementLabelSequence = 0x00140200;

    /** (0014,0201) Data Element Label Item Sequence: SQ, VM 1. */
    public static final int DataElementLabelItemSequence = 0x00140201;

    /** (0014,0202) Data Element: AT, VM 1. */
    public static final int DataElement = 0x00140202;

    /** (0014,0203) Data Element Name: LO, VM 1. */
    public static final int DataElementName = 0x00140203;

    /** (0014,0204) Data Element Description: LO, VM 1. */
    public static final int DataElementDescription = 0x00140204;

    /** (0014,0205) Data Element Conditionality: CS, VM 1. */
    public static final int DataElementConditionality = 0x00140205;

    /** (0014,0206) Data Element Minimum Characters: IS, VM 1. */
    public static final int DataElementMinimumCharacters = 0x00140206;

    /** (0014,0207) Data Element Maximum Characters: IS, VM 1. */
    public static final int DataElementMaximumCharacters = 0x00140207;

    /** (0014,1010) Actual Environmental Conditions: ST, VM 1. */
    public static final int ActualEnvironmentalConditions = 0x00141010;

    /** (0014,1020) Expiry Date: DA, VM 1. */
    public static final int ExpiryDate = 0x00141020;

    /** (0014,1040) Environmental Conditions: ST, VM 1. */
    public static final int EnvironmentalConditions = 0x00141040;

    /** (0014,2002) Evaluator Sequence: SQ, VM 1. */
    public static final int EvaluatorSequence = 0x00142002;

    /** (0014,2004) Evaluator Number: IS, VM 1. */
    public static final int EvaluatorNumber = 0x00142004;

    /** (0014,2006) Evaluator Name: PN, VM 1. */
    public static final int EvaluatorName = 0x00142006;

    /** (0014,2008) Evaluation Attempt: IS, VM 1. */
    public static final int EvaluationAttempt = 0x00142008;

    /** (0014,2012) Indication Sequence: SQ, VM 1. */
    public static final int IndicationSequence = 0x00142012;

    /** (0014,2014) Indication Number: IS, VM 1. */
    public static final int IndicationNumber = 0x00142014;

    /** (0014,2016) Indication Label: SH, VM 1. */
    public static final int IndicationLabel = 0x00142016;

    /** (0014,2018) Indication Description: ST, VM 1. */
    public static final int IndicationDescription = 0x00142018;

    /** (0014,201A) Indication Type: CS, VM 1-n. */
    public static final int IndicationType = 0x0014201A;

    /** (0014,201C) Indication Disposition: CS, VM 1. */
    public static final int IndicationDisposition = 0x0014201C;

    /** (0014,201E) Indication ROI Sequence: SQ, VM 1. */
    public static final int IndicationROISequence = 0x0014201E;

    /** (0014,2030) Indication Physical Property Sequence: SQ, VM 1. */
    public static final int IndicationPhysicalPropertySequence = 0x00142030;

    /** (0014,2032) Property Label: SH, VM 1. */
    public static final int PropertyLabel = 0x00142032;

    /** (0014,2202) Coordinate System Number of Axes: IS, VM 1. */
    public static final int CoordinateSystemNumberOfAxes = 0x00142202;

    /** (0014,2204) Coordinate System Axes Sequence: SQ, VM 1. */
    public static final int CoordinateSystemAxesSequence = 0x00142204;

    /** (0014,2206) Coordinate System Axis Description: ST, VM 1. */
    public static final int CoordinateSystemAxisDescription = 0x00142206;

    /** (0014,2208) Coordinate System Data Set Mapping: CS, VM 1. */
    public static final int CoordinateSystemDataSetMapping = 0x00142208;

    /** (0014,220A) Coordinate System Axis Number: IS, VM 1. */
    public static final int CoordinateSystemAxisNumber = 0x0014220A;

    /** (0014,220C) Coordinate System Axis Type: CS, VM 1. */
    public static final int CoordinateSystemAxisType = 0x0014220C;

    /** (0014,220E) Coordinate System Axis Units: CS, VM 1. */
    public static final int CoordinateSystemAxisUnits = 0x0014220E;

    /** (0014,2210) Coordinate System Axis Values: OB, VM 1. */
    public static final int CoordinateSystemAxisValues = 0x00142210;

    /** (0014,2220) Coordinate System Transform Sequence: SQ, VM 1. */
    public static final int CoordinateSystemTransformSequence = 0x00142220;

    /** (0014,2222) Transform Description: ST, VM 1. */
    public static final int TransformDescription = 0x00142222;

    /** (0014,2224) Transform Number of Axes: IS, VM 1. */
    public static final int TransformNumberOfAxes = 0x00142224;

    /** (0014,2226) Transform Order of Axes: IS, VM 1-n. */
    public static final int TransformOrderOfAxes = 0x00142226;

    /** (0014,2228) Transformed Axis Units: CS, VM 1. */
    public static final int TransformedAxisUnits = 0x00142228;

    /** (0014,222A) Coordinate System Transform Rotation and Scale Matrix: DS, VM 1-n. */
    public static final int CoordinateSystemTransformRotationAndScaleMatrix = 0x0014222A;

    /** (0014,222C) Coordinate System Transform Translation Matrix: DS, VM 1-n. */
    public static final int CoordinateSystemTransformTranslationMatrix = 0x0014222C;

    /** (0014,3011) Internal Detector Frame Time: DS, VM 1. */
    public static final int InternalDetectorFrameTime = 0x00143011;

    /** (0014,3012) Number of Frames Integrated: DS, VM 1. */
    public static final int NumberOfFramesIntegrated = 0x00143012;

    /** (0014,3020) Detector Temperature Sequence: SQ, VM 1. */
    public static final int DetectorTemperatureSequence = 0x00143020;

    /** (0014,3022) Sensor Name: ST, VM 1. */
    public static final int SensorName = 0x00143022;

    /** (0014,3024) Horizontal Offset of Sensor: DS, VM 1. */
    public static final int HorizontalOffsetOfSensor = 0x00143024;

    /** (0014,3026) Vertical Offset of Sensor: DS, VM 1. */
    public static final int VerticalOffsetOfSensor = 0x00143026;

    /** (0014,3028) Sensor Temperature: DS, VM 1. */
    public static final int SensorTemperature = 0x00143028;

    /** (0014,3040) Dark Current Sequence: SQ, VM 1. */
    public static final int DarkCurrentSequence = 0x00143040;

    /** (0014,3050) Dark Current Counts: OB or OW, VM 1. */
    public static final int DarkCurrentCounts = 0x00143050;

    /** (0014,3060) Gain Correction Reference Sequence: SQ, VM 1. */
    public static final int GainCorrectionReferenceSequence = 0x00143060;

    /** (0014,3070) Air Counts: OB or OW, VM 1. */
    public static final int AirCounts = 0x00143070;

    /** (0014,3071) KV Used in Gain Calibration: DS, VM 1. */
    public static final int KVUsedInGainCalibration = 0x00143071;

    /** (0014,3072) MA Used in Gain Calibration: DS, VM 1. */
    public static final int MAUsedInGainCalibration = 0x00143072;

    /** (0014,3073) Number of Frames Used for Integration: DS, VM 1. */
    public static final int NumberOfFramesUsedForIntegration = 0x00143073;

    /** (0014,3074) Filter Material Used in Gain Calibration: LO, VM 1. */
    public static final int FilterMaterialUsedInGainCalibration = 0x00143074;

    /** (0014,3075) Filter Thickness Used in Gain Calibration: DS, VM 1. */
    public static final int FilterThicknessUsedInGainCalibration = 0x00143075;

    /** (0014,3076) Date of Gain Calibration: DA, VM 1. */
    public static final int DateOfGainCalibration = 0x00143076;

    /** (0014,3077) Time of Gain Calibration: TM, VM 1. */
    public static final int TimeOfGainCalibration = 0x00143077;

    /** (0014,3080) Bad Pixel Image: OB, VM 1. */
    public static final int BadPixelImage = 0x00143080;

    /** (0014,3099) Calibration Notes: LT, VM 1. */
    public static final int CalibrationNotes = 0x00143099;

    /** (0014,3100) Linearity Correction Technique: LT, VM 1. */
    public static final int LinearityCorrectionTechnique = 0x00143100;

    /** (0014,3101) Beam Hardening Correction Technique: LT, VM 1. */
    public static final int BeamHardeningCorrectionTechnique = 0x00143101;

    /** (0014,4002) Pulser Equipment Sequence: SQ, VM 1. */
    public static final int PulserEquipmentSequence = 0x00144002;

    /** (0014,4004) Pulser Type: CS, VM 1. */
    public static final int PulserType = 0x00144004;

    /** (0014,4006) Pulser Notes: LT, VM 1. */
    public static final int PulserNotes = 0x00144006;

    /** (0014,4008) Receiver Equipment Sequence: SQ, VM 1. */
    public static final int ReceiverEquipmentSequence = 0x00144008;

    /** (0014,400A) Amplifier Type: CS, VM 1. */
    public static final int AmplifierType = 0x0014400A;

    /** (0014,400C) Receiver Notes: LT, VM 1. */
    public static final int ReceiverNotes = 0x0014400C;

    /** (0014,400E) Pre-Amplifier Equipment Sequence: SQ, VM 1. */
    public static final int PreAmplifierEquipmentSequence = 0x0014400E;

    /** (0014,400F) Pre-Amplifier Notes: LT, VM 1. */
    public static final int PreAmplifierNotes = 0x0014400F;

    /** (0014,4010) Transmit Transducer Sequence: SQ, VM 1. */
    public static final int TransmitTransducerSequence = 0x00144010;

    /** (0014,4011) Receive Transducer Sequence: SQ, VM 1. */
    public static final int ReceiveTransducerSequence = 0x00144011;

    /** (0014,4012) Number of Elements: US, VM 1. */
    public static final int NumberOfElements = 0x00144012;

    /** (0014,4013) Element Shape: CS, VM 1. */
    public static final int ElementShape = 0x00144013;

    /** (0014,4014) Element Dimension A: DS, VM 1. */
    public static final int ElementDimensionA = 0x00144014;

    /** (0014,4015) Element Dimension B: DS, VM 1. */
    public static final int ElementDimensionB = 0x00144015;

    /** (0014,4016) Element Pitch A: DS, VM 1. */
    public static final int ElementPitchA = 0x00144016;

    /** (0014,4017) Measured Beam Dimension A: DS, VM 1. */
    public static final int MeasuredBeamDimensionA = 0x00144017;

    /** (0014,4018) Measured Beam Dimension B: DS, VM 1. */
    public static final int MeasuredBeamDimensionB = 0x00144018;

    /** (0014,4019) Location of Measured Beam Diameter: DS, VM 1. */
    public static final int LocationOfMeasuredBeamDiameter = 0x00144019;

    /** (0014,401A) Nominal Frequency: DS, VM 1. */
    public static final int NominalFrequency = 0x0014401A;

    /** (0014,401B) Measured Center Frequency: DS, VM 1. */
    public static final int MeasuredCenterFrequency = 0x0014401B;

    /** (0014,401C) Measured Bandwidth: DS, VM 1. */
    public static final int MeasuredBandwidth = 0x0014401C;

    /** (0014,401D) Element Pitch B: DS, VM 1. */
    public static final int ElementPitchB = 0x0014401D;

    /** (0014,4020) Pulser Settings Sequence: SQ, VM 1. */
    public static final int PulserSettingsSequence = 0x00144020;

    /** (0014,4022) Pulse Width: DS, VM 1. */
    public static final int PulseWidth = 0x00144022;

    /** (0014,4024) Excitation Frequency: DS, VM 1. */
    public static final int ExcitationFrequency = 0x00144024;

    /** (0014,4026) Modulation Type: CS, VM 1. */
    public static final int ModulationType = 0x00144026;

    /** (0014,4028) Damping: DS, VM 1. */
    public static final int Damping = 0x00144028;

    /** (0014,4030) Receiver Settings Sequence: SQ, VM 1. */
    public static final int ReceiverSettingsSequence = 0x00144030;

    /** (0014,4031) Acquired Soundpath Length: DS, VM 1. */
    public static final int AcquiredSoundpathLength = 0x00144031;

    /** (0014,4032) Acquisition Compression Type: CS, VM 1. */
    public static final int AcquisitionCompressionType = 0x00144032;

    /** (0014,4033) Acquisition Sample Size: IS, VM 1. */
    public static final int AcquisitionSampleSize = 0x00144033;

    /** (0014,4034) Rectifier Smoothing: DS, VM 1. */
    public static final int RectifierSmoothing = 0x00144034;

    /** (0014,4035) DAC Sequence: SQ, VM 1. */
    public static final int DACSequence = 0x00144035;

    /** (0014,4036) DAC Type: CS, VM 1. */
    public static final int DACType = 0x00144036;

    /** (0014,4038) DAC Gain Points: DS, VM 1-n. */
    public static final int DACGainPoints = 0x00144038;

    /** (0014,403A) DAC Time Points: DS, VM 1-n. */
    public static final int DACTimePoints = 0x0014403A;

    /** (0014,403C) DAC Amplitude: DS, VM 1-n. */
    public static final int DACAmplitude = 0x0014403C;

    /** (0014,4040) Pre-Amplifier Settings Sequence: SQ, VM 1. */
    public static final int PreAmplifierSettingsSequence = 0x00144040;

    /** (0014,4050) Transmit Transducer Settings Sequence: SQ, VM 1. */
    public static final int TransmitTransducerSettingsSequence = 0x00144050;

    /** (0014,4051) Receive Transducer Settings Sequence: SQ, VM 1. */
    public static final int ReceiveTransducerSettingsSequence = 0x00144051;

    /** (0014,4052) Incident Angle: DS, VM 1. */
    public static final int IncidentAngle = 0x00144052;

    /** (0014,4054) Coupling Technique: ST, VM 1. */
    public static final int CouplingTechnique = 0x00144054;

    /** (0014,4056) Coupling Medium: ST, VM 1. */
    public static final int CouplingMedium = 0x00144056;

    /** (0014,4057) Coupling Velocity: DS, VM 1. */
    public static final int CouplingVelocity = 0x00144057;

    /** (0014,4058) Probe Center Location X: DS, VM 1. */
    public static final int ProbeCenterLocationX = 0x00144058;

    /** (0014,4059) Probe Center Location Z: DS, VM 1. */
    public static final int ProbeCenterLocationZ = 0x00144059;

    /** (0014,405A) Sound Path Length: DS, VM 1. */
    public static final int SoundPathLength = 0x0014405A;

    /** (0014,405C) Delay Law Identifier: ST, VM 1. */
    public static final int DelayLawIdentifier = 0x0014405C;

    /** (0014,4060) Gate Settings Sequence: SQ, VM 1. */
    public static final int GateSettingsSequence = 0x00144060;

    /** (0014,4062) Gate Threshold: DS, VM 1. */
    public static final int GateThreshold = 0x00144062;

    /** (0014,4064) Velocity of Sound: DS, VM 1. */
    public static final int VelocityOfSound = 0x00144064;

    /** (0014,4070) Calibration Settings Sequence: SQ, VM 1. */
    public static final int CalibrationSettingsSequence = 0x00144070;

    /** (0014,4072) Calibration Procedure: ST, VM 1. */
    public static final int CalibrationProcedure = 0x00144072;

    /** (0014,4074) Procedure Version: SH, VM 1. */
    public static final int ProcedureVersion = 0x00144074;

    /** (0014,4076) Procedure Creation Date: DA, VM 1. */
    public static final int ProcedureCreationDate = 0x00144076;

    /** (0014,4078) Procedure Expiration Date: DA, VM 1. */
    public static final int ProcedureExpirationDate = 0x00144078;

    /** (0014,407A) Procedure Last Modified Date: DA, VM 1. */
    public static final int ProcedureLastModifiedDate = 0x0014407A;

    /** (0014,407C) Calibration Time: TM, VM 1-n. */
    public static final int CalibrationTime = 0x0014407C;

    /** (0014,407E) Calibration Date: DA, VM 1-n. */
    public static final int CalibrationDate = 0x0014407E;

    /** (0014,4080) Probe Drive Equipment Sequence: SQ, VM 1. */
    public static final int ProbeDriveEquipmentSequence = 0x00144080;

    /** (0014,4081) Drive Type: CS, VM 1. */
    public static final int DriveType = 0x00144081;

    /** (0014,4082) Probe Drive Notes: LT, VM 1. */
    public static final int ProbeDriveNotes = 0x00144082;

    /** (0014,4083) Drive Probe Sequence: SQ, VM 1. */
    public static final int DriveProbeSequence = 0x00144083;

    /** (0014,4084) Probe Inductance: DS, VM 1. */
    public static final int ProbeInductance = 0x00144084;

    /** (0014,4085) Probe Resistance: DS, VM 1. */
    public static final int ProbeResistance = 0x00144085;

    /** (0014,4086) Receive Probe Sequence: SQ, VM 1. */
    public static final int ReceiveProbeSequence = 0x00144086;

    /** (0014,4087) Probe Drive Settings Sequence: SQ, VM 1. */
    public static final int ProbeDriveSettingsSequence = 0x00144087;

    /** (0014,4088) Bridge Resistors: DS, VM 1. */
    public static final int BridgeResistors = 0x00144088;

    /** (0014,4089) Probe Orientation Angle: DS, VM 1. */
    public static final int ProbeOrientationAngle = 0x00144089;

    /** (0014,408B) User Selected Gain Y: DS, VM 1. */
    public static final int UserSelectedGainY = 0x0014408B;

    /** (0014,408C) User Selected Phase: DS, VM 1. */
    public static final int UserSelectedPhase = 0x0014408C;

    /** (0014,408D) User Selected Offset X: DS, VM 1. */
    public static final int UserSelectedOffsetX = 0x0014408D;

    /** (0014,408E) User Selected Offset Y: DS, VM 1. */
    public static final int UserSelectedOffsetY = 0x0014408E;

    /** (0014,4091) Channel Settings Sequence: SQ, VM 1. */
    public static final int ChannelSettingsSequence = 0x00144091;

    /** (0014,4092) Channel Threshold: DS, VM 1. */
    public static final int ChannelThreshold = 0x00144092;

    /** (0014,409A) Scanner Settings Sequence: SQ, VM 1. */
    public static final int ScannerSettingsSequence = 0x0014409A;

    /** (0014,409B) Scan Procedure: ST, VM 1. */
    public static final int ScanProcedure = 0x0014409B;

    /** (0014,409C) Translation Rate X: DS, VM 1. */
    public static final int TranslationRateX = 0x0014409C;

    /** (0014,409D) Translation Rate Y: DS, VM 1. */
    public static final int TranslationRateY = 0x0014409D;

    /** (0014,409F) Channel Overlap: DS, VM 1. */
    public static final int ChannelOverlap = 0x0014409F;

    /** (0014,40A0) Image Quality Indicator Type: LO, VM 1-n. */
    public static final int ImageQualityIndicatorType = 0x001440A0;

    /** (0014,40A1) Image Quality Indicator Material: LO, VM 1-n. */
    public static final int ImageQualityIndicatorMaterial = 0x001440A1;

    /** (0014,40A2) Image Quality Indicator Size: LO, VM 1-n. */
    public static final int ImageQualityIndicatorSize = 0x001440A2;

    /** (0014,4101) Wave Dimensions Definition Sequence: SQ, VM 1. */
    public static final int WaveDimensionsDefinitionSequence = 0x00144101;

    /** (0014,4102) Wave Dimension Number: US, VM 1. */
    public static final int WaveDimensionNumber = 0x00144102;

    /** (0014,4103) Wave Dimension Description: LO, VM 1. */
    public static final int WaveDimensionDescription = 0x00144103;

    /** (0014,4104) Wave Dimension Unit: US, VM 1. */
    public static final int WaveDimensionUnit = 0x00144104;

    /** (0014,4105) Wave Dimension Value Type: CS, VM 1. */
    public static final int WaveDimensionValueType = 0x00144105;

    /** (0014,4106) Wave Dimension Values Sequence: SQ, VM 1-n. */
    public static final int WaveDimensionValuesSequence = 0x00144106;

    /** (0014,4107) Referenced Wave Dimension: US, VM 1. */
    public static final int ReferencedWaveDimension = 0x00144107;

    /** (0014,4108) Integer Numeric Value: SL, VM 1. */
    public static final int IntegerNumericValue = 0x00144108;

    /** (0014,4109) Byte Numeric Value: OB, VM 1. */
    public static final int ByteNumericValue = 0x00144109;

    /** (0014,410A) Short Numeric Value: OW, VM 1. */
    public static final int ShortNumericValue = 0x0014410A;

    /** (0014,410B) Single Precision Floating Point Numeric Value: OF, VM 1. */
    public static final int SinglePrecisionFloatingPointNumericValue = 0x0014410B;

    /** (0014,410C) Double Precision Floating Point Numeric Value: OD, VM 1. */
    public static final int DoublePrecisionFloatingPointNumericValue = 0x0014410C;

    /** (0014,5002) LINAC Energy: IS, VM 1. */
    public static final int LINACEnergy = 0x00145002;

    /** (0014,5004) LINAC Output: IS, VM 1. */
    public static final int LINACOutput = 0x00145004;

    /** (0014,5100) Active Aperture: US, VM 1. */
    public static final int ActiveAperture = 0x00145100;

    /** (0014,5101) Total Aperture: DS, VM 1. */
    public static final int TotalAperture = 0x00145101;

    /** (0014,5102) Aperture Elevation: DS, VM 1. */
    public static final int ApertureElevation = 0x00145102;

    /** (0014,5103) Main Lobe Angle: DS, VM 1. */
    public static final int MainLobeAngle = 0x00145103;

    /** (0014,5104) Main Roof Angle: DS, VM 1. */
    public static final int MainRoofAngle = 0x00145104;

    /** (0014,5105) Connector Type: CS, VM 1. */
    public static final int ConnectorType = 0x00145105;

    /** (0014,5106) Wedge Model Number: SH, VM 1. */
    public static final int WedgeModelNumber = 0x00145106;

    /** (0014,5107) Wedge Angle Float: DS, VM 1. */
    public static final int WedgeAngleFloat = 0x00145107;

    /** (0014,5108) Wedge Roof Angle: DS, VM 1. */
    public static final int WedgeRoofAngle = 0x00145108;

    /** (0014,5109) Wedge Element 1 Position: CS, VM 1. */
    public static final int WedgeElement1Position = 0x00145109;

    /** (0014,510A) Wedge Material Velocity: DS, VM 1. */
    public static final int WedgeMaterialVelocity = 0x0014510A;

    /** (0014,510B) Wedge Material: SH, VM 1. */
    public static final int WedgeMaterial = 0x0014510B;

    /** (0014,510C) Wedge Offset Z: DS, VM 1. */
    public static final int WedgeOffsetZ = 0x0014510C;

    /** (0014,510D) Wedge Origin Offset X: DS, VM 1. */
    public static final int WedgeOriginOffsetX = 0x0014510D;

    /** (0014,510E) Wedge Time Delay: DS, VM 1. */
    public static final int WedgeTimeDelay = 0x0014510E;

    /** (0014,510F) Wedge Name: SH, VM 1. */
    public static final int WedgeName = 0x0014510F;

    /** (0014,5110) Wedge Manufacturer Name: SH, VM 1. */
    public static final int WedgeManufacturerName = 0x00145110;

    /** (0014,5111) Wedge Description: LO, VM 1. */
    public static final int WedgeDescription = 0x00145111;

    /** (0014,5112) Nominal Beam Angle: DS, VM 1. */
    public static final int NominalBeamAngle = 0x00145112;

    /** (0014,5113) Wedge Offset X: DS, VM 1. */
    public static final int WedgeOffsetX = 0x00145113;

    /** (0014,5114) Wedge Offset Y: DS, VM 1. */
    public static final int WedgeOffsetY = 0x00145114;

    /** (0014,5115) Wedge Total Length: DS, VM 1. */
    public static final int WedgeTotalLength = 0x00145115;

    /** (0014,5116) Wedge In Contact Length: DS, VM 1. */
    public static final int WedgeInContactLength = 0x00145116;

    /** (0014,5117) Wedge Front Gap: DS, VM 1. */
    public static final int WedgeFrontGap = 0x00145117;

    /** (0014,5118) Wedge Total Height: DS, VM 1. */
    public static final int WedgeTotalHeight = 0x00145118;

    /** (0014,5119) Wedge Front Height: DS, VM 1. */
    public static final int WedgeFrontHeight = 0x00145119;

    /** (0014,511A) Wedge Rear Height: DS, VM 1. */
    public static final int WedgeRearHeight = 0x0014511A;

    /** (0014,511B) Wedge Total Width: DS, VM 1. */
    public static final int WedgeTotalWidth = 0x0014511B;

    /** (0014,511C) Wedge In Contact Width: DS, VM 1. */
    public static final int WedgeInContactWidth = 0x0014511C;

    /** (0014,511D) Wedge Chamfer Height: DS, VM 1. */
    public static final int WedgeChamferHeight = 0x0014511D;

    /** (0014,511E) Wedge Curve: CS, VM 1. */
    public static final int WedgeCurve = 0x0014511E;

    /** (0014,511F) Radius Along the Wedge: DS, VM 1. */
    public static final int RadiusAlongWedge = 0x0014511F;

    /** (0014,6001) Thermal Camera Settings Sequence: SQ, VM 1. */
    public static final int ThermalCameraSettingsSequence = 0x00146001;

    /** (0014,6002) Acquisition Frame Rate: DS, VM 1. */
    public static final int AcquisitionFrameRate = 0x00146002;

    /** (0014,6003) Integration Time: DS, VM 1. */
    public static final int IntegrationTime = 0x00146003;

    /** (0014,6004) Number of Calibration Frames: DS, VM 1. */
    public static final int NumberOfCalibrationFrames = 0x00146004;

    /** (0014,6005) Number of Rows in Full Acquisition Image: DS, VM 1. */
    public static final int NumberOfRowsInFullAcquisitionImage = 0x00146005;

    /** (0014,6006) Number Of Columns in Full Acquisition Image: DS, VM 1. */
    public static final int NumberOfColumnsInFullAcquisitionImage = 0x00146006;

    /** (0014,6007) Thermal Source Settings Sequence: SQ, VM 1. */
    public static final int ThermalSourceSettingsSequence = 0x00146007;

    /** (0014,6008) Source Horizontal Pitch: DS, VM 1. */
    public static final int SourceHorizontalPitch = 0x00146008;

    /** (0014,6009) Source Vertical Pitch: DS, VM 1. */
    public static final int SourceVerticalPitch = 0x00146009;

    /** (0014,600A) Source Horizontal Scan Speed: DS, VM 1. */
    public static final int SourceHorizontalScanSpeed = 0x0014600A;

    /** (0014,600B) Thermal Source Modulation Frequency: DS, VM 1. */
    public static final int ThermalSourceModulationFrequency = 0x0014600B;

    /** (0014,600C) Induction Source Setting Sequence: SQ, VM 1. */
    public static final int InductionSourceSettingSequence = 0x0014600C;

    /** (0014,600D) Coil Frequency: DS, VM 1. */
    public static final int CoilFrequency = 0x0014600D;

    /** (0014,600E) Current Amplitude Across Coil: DS, VM 1. */
    public static final int CurrentAmplitudeAcrossCoil = 0x0014600E;

    /** (0014,600F) Flash Source Setting Sequence: SQ, VM 1. */
    public static final int FlashSourceSettingSequence = 0x0014600F;

    /** (0014,6010) Flash Duration: DS, VM 1. */
    public static final int FlashDuration = 0x00146010;

    /** (0014,6011) Flash Frame Number: DS, VM 1-n. */
    public static final int FlashFrameNumber = 0x00146011;

    /** (0014,6012) Laser Source Setting Sequence: SQ, VM 1. */
    public static final int LaserSourceSettingSequence = 0x00146012;

    /** (0014,6013) Horizontal Laser Spot Dimension: DS, VM 1. */
    public static final int HorizontalLaserSpotDimension = 0x00146013;

    /** (0014,6014) Vertical Laser Spot Dimension: DS, VM 1. */
    public static final int VerticalLaserSpotDimension = 0x00146014;

    /** (0014,6015) Laser Wavelength: DS, VM 1. */
    public static final int LaserWavelength = 0x00146015;

    /** (0014,6016) Laser Power: DS, VM 1. */
    public static final int LaserPower = 0x00146016;

    /** (0014,6017) Forced Gas Setting Sequence: SQ, VM 1. */
    public static final int ForcedGasSettingSequence = 0x00146017;

    /** (0014,6018) Vibration Source Setting Sequence: SQ, VM 1. */
    public static final int VibrationSourceSettingSequence = 0x00146018;

    /** (0014,6019) Vibration Excitation Frequency: DS, VM 1. */
    public static final int VibrationExcitationFrequency = 0x00146019;

    /** (0014,601A) Vibration Excitation Voltage: DS, VM 1. */
    public static final int VibrationExcitationVoltage = 0x0014601A;

    /** (0014,601B) Thermography Data Capture Method: CS, VM 1. */
    public static final int ThermographyDataCaptureMethod = 0x0014601B;

    /** (0014,601C) Thermal Technique: CS, VM 1. */
    public static final int ThermalTechnique = 0x0014601C;

    /** (0014,601D) Thermal Camera Core Sequence: SQ, VM 1. */
    public static final int ThermalCameraCoreSequence = 0x0014601D;

    /** (0014,601E) Detector Wavelength Range: CS, VM 1. */
    public static final int DetectorWavelengthRange = 0x0014601E;

    /** (0014,601F) Thermal Camera Calibration Type: CS, VM 1. */
    public static final int ThermalCameraCalibrationType = 0x0014601F;

    /** (0014,6020) Acquisition Image Counter: UV, VM 1. */
    public static final int AcquisitionImageCounter = 0x00146020;

    /** (0014,6021) Front Panel Temperature: DS, VM 1. */
    public static final int FrontPanelTemperature = 0x00146021;

    /** (0014,6022) Air Gap Temperature: DS, VM 1. */
    public static final int AirGapTemperature = 0x00146022;

    /** (0014,6023) Vertical Pixel Size: DS, VM 1. */
    public static final int VerticalPixelSize = 0x00146023;

    /** (0014,6024) Horizontal Pixel Size: DS, VM 1. */
    public static final int HorizontalPixelSize = 0x00146024;

    /** (0014,6025) Data Streaming Protocol: ST, VM 1-n. */
    public static final int DataStreamingProtocol = 0x00146025;

    /** (0014,6026) Lens Sequence: SQ, VM 1. */
    public static final int LensSequence = 0x00146026;

    /** (0014,6027) Field of View: DS, VM 1. */
    public static final int FieldOfView = 0x00146027;

    /** (0014,6028) Lens Filter Manufacturer: LO, VM 1. */
    public static final int LensFilterManufacturer = 0x00146028;

    /** (0014,6029) Cutoff Filter Type: CS, VM 1. */
    public static final int CutoffFilterType = 0x00146029;

    /** (0014,602A) Lens Filter Cut-Off Wavelength: DS, VM 1-n. */
    public static final int LensFilterCutOffWavelength = 0x0014602A;

    /** (0014,602B) Thermal Source Sequence: SQ, VM 1. */
    public static final int ThermalSourceSequence = 0x0014602B;

    /** (0014,602C) Thermal Source Motion State: CS, VM 1. */
    public static final int ThermalSourceMotionState = 0x0014602C;

    /** (0014,602D) Thermal Source Motion Type: CS, VM 1. */
    public static final int ThermalSourceMotionType = 0x0014602D;

    /** (0014,602E) Induction Heating Sequence: SQ, VM 1. */
    public static final int InductionHeatingSequence = 0x0014602E;

    /** (0014,602F) Coil Configuration ID: ST, VM 1. */
    public static final int CoilConfigurationID = 0x0014602F;

    /** (0014,6030) Number of Turns in Coil: DS, VM 1. */
    public static final int NumberOfTurnsInCoil = 0x00146030;

    /** (0014,6031) Shape of Individual Turn: CS, VM 1. */
    public static final int ShapeOfIndividualTurn = 0x00146031;

    /** (0014,6032) Size of Individual Turn: DS, VM 1-n. */
    public static final int SizeOfIndividualTurn = 0x00146032;

    /** (0014,6033) Distance Between Turns: DS, VM 1-n. */
    public static final int DistanceBetweenTurns = 0x00146033;

    /** (0014,6034) Flash Heating Sequence: SQ, VM 1. */
    public static final int FlashHeatingSequence = 0x00146034;

    /** (0014,6035) Number of Lamps: DS, VM 1. */
    public static final int NumberOfLamps = 0x00146035;

    /** (0014,6036) Flash Synchronization Protocol: ST, VM 1. */
    public static final int FlashSynchronizationProtocol = 0x00146036;

    /** (0014,6037) Flash Modification Status: CS, VM 1. */
    public static final int FlashModificationStatus = 0x00146037;

    /** (0014,6038) Laser Heating Sequence: SQ, VM 1. */
    public static final int LaserHeatingSequence = 0x00146038;

    /** (0014,6039) Laser Manufacturer: LO, VM 1. */
    public static final int LaserManufacturer = 0x00146039;

    /** (0014,603A) Laser Model Number: LO, VM 1. */
    public static final int LaserModelNumber = 0x0014603A;

    /** (0014,603B) Laser Type Description: ST, VM 1. */
    public static final int LaserTypeDescription = 0x0014603B;

    /** (0014,603C) Forced Gas Heating Sequence: SQ, VM 1. */
    public static final int ForcedGasHeatingSequence = 0x0014603C;

    /** (0014,603D) Gas Used for Heating/Cooling Part: LO, VM 1. */
    public static final int GasUsedForHeatingCoolingPart = 0x0014603D;

    /** (0014,603E) Vibration/Sonic Heating Sequence: SQ, VM 1. */
    public static final int VibrationSonicHeatingSequence = 0x0014603E;

    /** (0014,603F) Probe Manufacturer: LO, VM 1. */
    public static final int ProbeManufacturer = 0x0014603F;

    /** (0014,6040) Probe Model Number: LO, VM 1. */
    public static final int ProbeModelNumber = 0x00146040;

    /** (0014,6041) Aperture Size: DS, VM 1. */
    public static final int ApertureSize = 0x00146041;

    /** (0014,6042) Probe Resonant Frequency: DS, VM 1. */
    public static final int ProbeResonantFrequency = 0x00146042;

    /** (0014,6043) Heat Source Description: UT, VM 1. */
    public static final int HeatSourceDescription = 0x00146043;

    /** (0014,6044) Surface Preparation with Optical Coating: CS, VM 1. */
    public static final int SurfacePreparationWithOpticalCoating = 0x00146044;

    /** (0014,6045) Optical Coating Type: ST, VM 1. */
    public static final int OpticalCoatingType = 0x00146045;

    /** (0014,6046) Thermal Conductivity of Exposed Surface: DS, VM 1. */
    public static final int ThermalConductivityOfExposedSurface = 0x00146046;

    /** (0014,6047) Material Density: DS, VM 1. */
    public static final int MaterialDensity = 0x00146047;

    /** (0014,6048) Specific Heat of Inspection Surface: DS, VM 1. */
    public static final int SpecificHeatOfInspectionSurface = 0x00146048;

    /** (0014,6049) Emissivity of Inspection Surface: DS, VM 1. */
    public static final int EmissivityOfInspectionSurface = 0x00146049;

    /** (0014,604A) Electromagnetic Classification of Inspection Surface: CS, VM 1-n. */
    public static final int ElectromagneticClassificationOfInspectionSurface = 0x0014604A;

    /** (0014,604C) Moving Window Size: DS, VM 1. */
    public static final int MovingWindowSize = 0x0014604C;

    /** (0014,604D) Moving Window Type: CS, VM 1. */
    public static final int MovingWindowType = 0x0014604D;

    /** (0014,604E) Moving Window Weights: DS, VM 1-n. */
    public static final int MovingWindowWeights = 0x0014604E;

    /** (0014,604F) Moving Window Pitch: DS, VM 1. */
    public static final int MovingWindowPitch = 0x0014604F;

    /** (0014,6050) Moving Window Padding Scheme: CS, VM 1. */
    public static final int MovingWindowPaddingScheme = 0x00146050;

    /** (0014,6051) Moving Window Padding Length: DS, VM 1. */
    public static final int MovingWindowPaddingLength = 0x00146051;

    /** (0014,6052) Spatial Filtering Parameters Sequence: SQ, VM 1. */
    public static final int SpatialFilteringParametersSequence = 0x00146052;

    /** (0014,6053) Spatial Filtering Scheme: CS, VM 1. */
    public static final int SpatialFilteringScheme = 0x00146053;

    /** (0014,6056) Horizontal Moving Window Size: DS, VM 1. */
    public static final int HorizontalMovingWindowSize = 0x00146056;

    /** (0014,6057) Vertical Moving Window Size: DS, VM 1. */
    public static final int VerticalMovingWindowSize = 0x00146057;

    /** (0014,6059) Polynomial Fitting Sequence: SQ, VM 1. */
    public static final int PolynomialFittingSequence = 0x00146059;

    /** (0014,605A) Fitting Data Type: CS, VM 1-n. */
    public static final int FittingDataType = 0x0014605A;

    /** (0014,605B) Operation on Time Axis Before Fitting: CS, VM 1. */
    public static final int OperationOnTimeAxisBeforeFitting = 0x0014605B;

    /** (0014,605C) Operation on Pixel Intensity Before Fitting: CS, VM 1. */
    public static final int OperationOnPixelIntensityBeforeFitting = 0x0014605C;

    /** (0014,605D) Order of Polynomial: DS, VM 1. */
    public static final int OrderOfPolynomial = 0x0014605D;

    /** (0014,605E) Independent Variable for Polynomial Fit: CS, VM 1. */
    public static final int IndependentVariableForPolynomialFit = 0x0014605E;

    /** (0014,605F) PolynomialCoefficients: DS, VM 1-n. */
    public static final int PolynomialCoefficients = 0x0014605F;

    /** (0014,6060) Thermography Pixel Data Unit: CS, VM 1. */
    public static final int ThermographyPixelDataUnit = 0x00146060;

    /** (0016,0001) White Point: DS, VM 1. */
    public static final int WhitePoint = 0x00160001;

    /** (0016,0002) Primary Chromaticities: DS, VM 3. */
    public static final int PrimaryChromaticities = 0x00160002;

    /** (0016,0003) Battery Level: UT, VM 1. */
    public static final int BatteryLevel = 0x00160003;

    /** (0016,0004) Exposure Time in Seconds: DS, VM 1. */
    public static final int ExposureTimeInSeconds = 0x00160004;

    /** (0016,0005) F-Number: DS, VM 1. */
    public static final int FNumber = 0x00160005;

    /** (0016,0006) OECF Rows: IS, VM 1. */
    public static final int OECFRows = 0x00160006;

    /** (0016,0007) OECF Columns: IS, VM 1. */
    public static final int OECFColumns = 0x00160007;

    /** (0016,0008) OECF Column Names: UC, VM 1-n. */
    public static final int OECFColumnNames = 0x00160008;

    /** (0016,0009) OECF Values: DS, VM 1-n. */
    public static final int OECFValues = 0x00160009;

    /** (0016,000A) Spatial Frequency Response Rows: IS, VM 1. */
    public static final int SpatialFrequencyResponseRows = 0x0016000A;

    /** (0016,000B) Spatial Frequency Response Columns: IS, VM 1. */
    public static final int SpatialFrequencyResponseColumns = 0x0016000B;

    /** (0016,000C) Spatial Frequency Response Column Names: UC, VM 1-n. */
    public static final int SpatialFrequencyResponseColumnNames = 0x0016000C;

    /** (0016,000D) Spatial Frequency Response Values: DS, VM 1-n. */
    public static final int SpatialFrequencyResponseValues = 0x0016000D;

    /** (0016,000E) Color Filter Array Pattern Rows: IS, VM 1. */
    public static final int ColorFilterArrayPatternRows = 0x0016000E;

    /** (0016,000F) Color Filter Array Pattern Columns: IS, VM 1. */
    public static final int ColorFilterArrayPatternColumns = 0x0016000F;

    /** (0016,0010) Color Filter Array Pattern Values: DS, VM 1-n. */
    public static final int ColorFilterArrayPatternValues = 0x00160010;

    /** (0016,0011) Flash Firing Status: US, VM 1. */
    public static final int FlashFiringStatus = 0x00160011;

    /** (0016,0012) Flash Return Status: US, VM 1. */
    public static final int FlashReturnStatus = 0x00160012;

    /** (0016,0013) Flash Mode: US, VM 1. */
    public static final int FlashMode = 0x00160013;

    /** (0016,0014) Flash Function Present: US, VM 1. */
    public static final int FlashFunctionPresent = 0x00160014;

    /** (0016,0015) Flash Red Eye Mode: US, VM 1. */
    public static final int FlashRedEyeMode = 0x00160015;

    /** (0016,0016) Exposure Program: US, VM 1. */
    public static final int ExposureProgram = 0x00160016;

    /** (0016,0017) Spectral Sensitivity: UT, VM 1. */
    public static final int SpectralSensitivity = 0x00160017;

    /** (0016,0018) Photographic Sensitivity: IS, VM 1. */
    public static final int PhotographicSensitivity = 0x00160018;

    /** (0016,0019) Self Timer Mode: IS, VM 1. */
    public static final int SelfTimerMode = 0x00160019;

    /** (0016,001A) Sensitivity Type: US, VM 1. */
    public static final int SensitivityType = 0x0016001A;

    /** (0016,001B) Standard Output Sensitivity: IS, VM 1. */
    public static final int StandardOutputSensitivity = 0x0016001B;

    /** (0016,001C) Recommended Exposure Index: IS, VM 1. */
    public static final int RecommendedExposureIndex = 0x0016001C;

    /** (0016,001D) ISO Speed: IS, VM 1. */
    public static final int ISOSpeed = 0x0016001D;

    /** (0016,001E) ISO Speed Latitude yyy: IS, VM 1. */
    public static final int ISOSpeedLatitudeyyy = 0x0016001E;

    /** (0016,001F) ISO Speed Latitude zzz: IS, VM 1. */
    public static final int ISOSpeedLatitudezzz = 0x0016001F;

    /** (0016,0020) EXIF Version: UT, VM 1. */
    public static final int EXIFVersion = 0x00160020;

    /** (0016,0021) Shutter Speed Value: DS, VM 1. */
    public static final int ShutterSpeedValue = 0x00160021;

    /** (0016,0022) Aperture Value: DS, VM 1. */
    public static final int ApertureValue = 0x00160022;

    /** (0016,0023) Brightness Value: DS, VM 1. */
    public static final int BrightnessValue = 0x00160023;

    /** (0016,0024) Exposure Bias Value: DS, VM 1. */
    public static final int ExposureBiasValue = 0x00160024;

    /** (0016,0025) Max Aperture Value: DS, VM 1. */
    public static final int MaxApertureValue = 0x00160025;

    /** (0016,0026) Subject Distance: DS, VM 1. */
    public static final int SubjectDistance = 0x00160026;

    /** (0016,0027) Metering Mode: US, VM 1. */
    public static final int MeteringMode = 0x00160027;

    /** (0016,0028) Light Source: US, VM 1. */
    public static final int LightSource = 0x00160028;

    /** (0016,0029) Focal Length: DS, VM 1. */
    public static final int FocalLength = 0x00160029;

    /** (0016,002A) Subject Area: IS, VM 2-4. */
    public static final int SubjectArea = 0x0016002A;

    /** (0016,002B) Maker Note: OB, VM 1. */
    public static final int MakerNote = 0x0016002B;

    /** (0016,0030) Temperature: DS, VM 1. */
    public static final int Temperature = 0x00160030;

    /** (0016,0031) Humidity: DS, VM 1. */
    public static final int Humidity = 0x00160031;

    /** (0016,0032) Pressure: DS, VM 1. */
    public static final int Pressure = 0x00160032;

    /** (0016,0033) Water Depth: DS, VM 1. */
    public static final int WaterDepth = 0x00160033;

    /** (0016,0034) Acceleration: DS, VM 1. */
    public static final int Acceleration = 0x00160034;

    /** (0016,0035) Camera Elevation Angle: DS, VM 1. */
    public static final int CameraElevationAngle = 0x00160035;

    /** (0016,0036) Flash Energy: DS, VM 1-2. */
    public static final int FlashEnergy = 0x00160036;

    /** (0016,0037) Subject Location: IS, VM 2. */
    public static final int SubjectLocation = 0x00160037;

    /** (0016,0038) Photographic Exposure Index: DS, VM 1. */
    public static final int PhotographicExposureIndex = 0x00160038;

    /** (0016,0039) Sensing Method: US, VM 1. */
    public static final int SensingMethod = 0x00160039;

    /** (0016,003A) File Source: US, VM 1. */
    public static final int FileSource = 0x0016003A;

    /** (0016,003B) Scene Type: US, VM 1. */
    public static final int SceneType = 0x0016003B;

    /** (0016,0041) Custom Rendered: US, VM 1. */
    public static final int CustomRendered = 0x00160041;

    /** (0016,0042) Exposure Mode: US, VM 1. */
    public static final int ExposureMode = 0x00160042;

    /** (0016,0043) White Balance: US, VM 1. */
    public static final int WhiteBalance = 0x00160043;

    /** (0016,0044) Digital Zoom Ratio: DS, VM 1. */
    public static final int DigitalZoomRatio = 0x00160044;

    /** (0016,0045) Focal Length In 35mm Film: IS, VM 1. */
    public static final int FocalLengthIn35mmFilm = 0x00160045;

    /** (0016,0046) Scene Capture Type: US, VM 1. */
    public static final int SceneCaptureType = 0x00160046;

    /** (0016,0047) Gain Control: US, VM 1. */
    public static final int GainControl = 0x00160047;

    /** (0016,0048) Contrast: US, VM 1. */
    public static final int Contrast = 0x00160048;

    /** (0016,0049) Saturation: US, VM 1. */
    public static final int Saturation = 0x00160049;

    /** (0016,004A) Sharpness: US, VM 1. */
    public static final int Sharpness = 0x0016004A;

    /** (0016,004B) Device Setting Description: OB, VM 1. */
    public static final int DeviceSettingDescription = 0x0016004B;

    /** (0016,004C) Subject Distance Range: US, VM 1. */
    public static final int SubjectDistanceRange = 0x0016004C;

    /** (0016,004D) Camera Owner Name: UT, VM 1. */
    public static final int CameraOwnerName = 0x0016004D;

    /** (0016,004E) Lens Specification: DS, VM 4. */
    public static final int LensSpecification = 0x0016004E;

    /** (0016,004F) Lens Make: UT, VM 1. */
    public static final int LensMake = 0x0016004F;

    /** (0016,0050) Lens Model: UT, VM 1. */
    public static final int LensModel = 0x00160050;

    /** (0016,0051) Lens Serial Number: UT, VM 1. */
    public static final int LensSerialNumber = 0x00160051;

    /** (0016,0061) Interoperability Index: CS, VM 1. */
    public static final int InteroperabilityIndex = 0x00160061;

    /** (0016,0062) Interoperability Version: OB, VM 1. */
    public static final int InteroperabilityVersion = 0x00160062;

    /** (0016,0070) GPS Version ID: OB, VM 1. */
    public static final int GPSVersionID = 0x00160070;

    /** (0016,0071) GPS Latitude Ref: CS, VM 1. */
    public static final int GPSLatitudeRef = 0x00160071;

    /** (0016,0072) GPS Latitude: DS, VM 3. */
    public static final int GPSLatitude = 0x00160072;

    /** (0016,0073) GPS Longitude Ref: CS, VM 1. */
    public static final int GPSLongitudeRef = 0x00160073;

    /** (0016,0074) GPS Longitude: DS, VM 3. */
    public static final int GPSLongitude = 0x00160074;

    /** (0016,0075) GPS Altitude Ref: US, VM 1. */
    public static final int GPSAltitudeRef = 0x00160075;

    /** (0016,0076) GPS Altitude: DS, VM 1. */
    public static final int GPSAltitude = 0x00160076;

    /** (0016,0077) GPS Time Stamp: DT, VM 1. */
    public static final int GPSTimeStamp = 0x00160077;

    /** (0016,0078) GPS Satellites: UT, VM 1. */
    public static final int GPSSatellites = 0x00160078;

    /** (0016,0079) GPS Status: CS, VM 1. */
    public static final int GPSStatus = 0x00160079;

    /** (0016,007A) GPS Measure Mode: CS, VM 1. */
    public static final int GPSMeasureMode = 0x0016007A;

    /** (0016,007B) GPS DOP: DS, VM 1. */
    public static final int GPSDOP = 0x0016007B;

    /** (0016,007C) GPS Speed Ref: CS, VM 1. */
    public static final int GPSSpeedRef = 0x0016007C;

    /** (0016,007D) GPS Speed: DS, VM 1. */
    public static final int GPSSpeed = 0x0016007D;

    /** (0016,007E) GPS Track Ref: CS, VM 1. */
    public static final int GPSTrackRef = 0x0016007E;

    /** (0016,007F) GPS Track: DS, VM 1. */
    public static final int GPSTrack = 0x0016007F;

    /** (0016,0080) GPS Img Direction Ref: CS, VM 1. */
    public static final int GPSImgDirectionRef = 0x00160080;

    /** (0016,0081) GPS Img Direction: DS, VM 1. */
    public static final int GPSImgDirection = 0x00160081;

    /** (0016,0082) GPS Map Datum: UT, VM 1. */
    public static final int GPSMapDatum = 0x00160082;

    /** (0016,0083) GPS Dest Latitude Ref: CS, VM 1. */
    public static final int GPSDestLatitudeRef = 0x00160083;

    /** (0016,0084) GPS Dest Latitude: DS, VM 3. */
    public static final int GPSDestLatitude = 0x00160084;

    /** (0016,0085) GPS Dest Longitude Ref: CS, VM 1. */
    public static final int GPSDestLongitudeRef = 0x00160085;

    /** (0016,0086) GPS Dest Longitude: DS, VM 3. */
    public static final int GPSDestLongitude = 0x00160086;

    /** (0016,0087) GPS Dest Bearing Ref: CS, VM 1. */
    public static final int GPSDestBearingRef = 0x00160087;

    /** (0016,0088) GPS Dest Bearing: DS, VM 1. */
    public static final int GPSDestBearing = 0x00160088;

    /** (0016,0089) GPS Dest Distance Ref: CS, VM 1. */
    public static final int GPSDestDistanceRef = 0x00160089;

    /** (0016,008A) GPS Dest Distance: DS, VM 1. */
    public static final int GPSDestDistance = 0x0016008A;

    /** (0016,008B) GPS Processing Method: OB, VM 1. */
    public static final int GPSProcessingMethod = 0x0016008B;

    /** (0016,008C) GPS Area Information: OB, VM 1. */
    public static final int GPSAreaInformation = 0x0016008C;

    /** (0016,008D) GPS Date Stamp: DT, VM 1. */
    public static final int GPSDateStamp = 0x0016008D;

    /** (0016,008E) GPS Differential: IS, VM 1. */
    public static final int GPSDifferential = 0x0016008E;

    /** (0016,1001) Light Source Polarization: CS, VM 1. */
    public static final int LightSourcePolarization = 0x00161001;

    /** (0016,1002) Emitter Color Temperature: DS, VM 1. */
    public static final int EmitterColorTemperature = 0x00161002;

    /** (0016,1003) Contact Method: CS, VM 1. */
    public static final int ContactMethod = 0x00161003;

    /** (0016,1004) Immersion Media: CS, VM 1-n. */
    public static final int ImmersionMedia = 0x00161004;

    /** (0016,1005) Optical Magnification Factor: DS, VM 1. */
    public static final int OpticalMagnificationFactor = 0x00161005;

    /** (0018,0010) Contrast/Bolus Agent: LO, VM 1. */
    public static final int ContrastBolusAgent = 0x00180010;

    /** (0018,0012) Contrast/Bolus Agent Sequence: SQ, VM 1. */
    public static final int ContrastBolusAgentSequence = 0x00180012;

    /** (0018,0013) Contrast/Bolus T1 Relaxivity: FL, VM 1. */
    public static final int ContrastBolusT1Relaxivity = 0x00180013;

    /** (0018,0014) Contrast/Bolus Administration Route Sequence: SQ, VM 1. */
    public static final int ContrastBolusAdministrationRouteSequence = 0x00180014;

    /** (0018,0015) Body Part Examined: CS, VM 1. */
    public static final int BodyPartExamined = 0x00180015;

    /** (0018,0020) Scanning Sequence: CS, VM 1-n. */
    public static final int ScanningSequence = 0x00180020;

    /** (0018,0021) Sequence Variant: CS, VM 1-n. */
    public static final int SequenceVariant = 0x00180021;

    /** (0018,0022) Scan Options: CS, VM 1-n. */
    public static final int ScanOptions = 0x00180022;

    /** (0018,0023) MR Acquisition Type: CS, VM 1. */
    public static final int MRAcquisitionType = 0x00180023;

    /** (0018,0024) Sequence Name: SH, VM 1. */
    public static final int SequenceName = 0x00180024;

    /** (0018,0025) Angio Flag: CS, VM 1. */
    public static final int AngioFlag = 0x00180025;

    /** (0018,0026) Intervention Drug Information Sequence: SQ, VM 1. */
    public static final int InterventionDrugInformationSequence = 0x00180026;

    /** (0018,0027) Intervention Drug Stop Time: TM, VM 1. */
    public static final int InterventionDrugStopTime = 0x00180027;

    /** (0018,0028) Intervention Drug Dose: DS, VM 1. */
    public static final int InterventionDrugDose = 0x00180028;

    /** (0018,0029) Intervention Drug Code Sequence: SQ, VM 1. */
    public static final int InterventionDrugCodeSequence = 0x00180029;

    /** (0018,002A) Additional Drug Sequence: SQ, VM 1. */
    public static final int AdditionalDrugSequence = 0x0018002A;

    /** (0018,0030) Radionuclide: LO, VM 1-n. Retired. */
    public static final int Radionuclide = 0x00180030;

    /** (0018,0031) Radiopharmaceutical: LO, VM 1. */
    public static final int Radiopharmaceutical = 0x00180031;

    /** (0018,0032) Energy Window Centerline: DS, VM 1. Retired. */
    public static final int EnergyWindowCenterline = 0x00180032;

    /** (0018,0033) Energy Window Total Width: DS, VM 1-n. Retired. */
    public static final int EnergyWindowTotalWidth = 0x00180033;

    /** (0018,0034) Intervention Drug Name: LO, VM 1. */
    public static final int InterventionDrugName = 0x00180034;

    /** (0018,0035) Intervention Drug Start Time: TM, VM 1. */
    public static final int InterventionDrugStartTime = 0x00180035;

    /** (0018,0036) Intervention Sequence: SQ, VM 1. */
    public static final int InterventionSequence = 0x00180036;

    /** (0018,0037) Therapy Type: CS, VM 1. Retired. */
    public static final int TherapyType = 0x00180037;

    /** (0018,0038) Intervention Status: CS, VM 1. */
    public static final int InterventionStatus = 0x00180038;

    /** (0018,0039) Therapy Description: CS, VM 1. Retired. */
    public static final int TherapyDescription = 0x00180039;

    /** (0018,003A) Intervention Description: ST, VM 1. */
    public static final int InterventionDescription = 0x0018003A;

    /** (0018,0040) Cine Rate: IS, VM 1. */
    public static final int CineRate = 0x00180040;

    /** (0018,0042) Initial Cine Run State: CS, VM 1. */
    public static final int InitialCineRunState = 0x00180042;

    /** (0018,0050) Slice Thickness: DS, VM 1. */
    public static final int SliceThickness = 0x00180050;

    /** (0018,0060) KVP: DS, VM 1. */
    public static final int KVP = 0x00180060;

    /** (0018,0070) Counts Accumulated: IS, VM 1. */
    public static final int CountsAccumulated = 0x00180070;

    /** (0018,0071) Acquisition Termination Condition: CS, VM 1. */
    public static final int AcquisitionTerminationCondition = 0x00180071;

    /** (0018,0072) Effective Duration: DS, VM 1. */
    public static final int EffectiveDuration = 0x00180072;

    /** (0018,0073) Acquisition Start Condition: CS, VM 1. */
    public static final int AcquisitionStartCondition = 0x00180073;

    /** (0018,0074) Acquisition Start Condition Data: IS, VM 1. */
    public static final int AcquisitionStartConditionData = 0x00180074;

    /** (0018,0075) Acquisition Termination Condition Data: IS, VM 1. */
    public static final int AcquisitionTerminationConditionData = 0x00180075;

    /** (0018,0080) Repetition Time: DS, VM 1. */
    public static final int RepetitionTime = 0x00180080;

    /** (0018,0081) Echo Time: DS, VM 1. */
    public static final int EchoTime = 0x00180081;

    /** (0018,0082) Inversion Time: DS, VM 1. */
    public static final int InversionTime = 0x00180082;

    /** (0018,0083) Number of Averages: DS, VM 1. */
    public static final int NumberOfAverages = 0x00180083;

    /** (0018,0084) Imaging Frequency: DS, VM 1. */
    public static final int ImagingFrequency = 0x00180084;

    /** (0018,0085) Imaged Nucleus: SH, VM 1. */
    public static final int ImagedNucleus = 0x00180085;

    /** (0018,0086) Echo Number(s): IS, VM 1-n. */
    public static final int EchoNumbers = 0x00180086;

    /** (0018,0087) Magnetic Field Strength: DS, VM 1. */
    public static final int MagneticFieldStrength = 0x00180087;

    /** (0018,0088) Spacing Between Slices: DS, VM 1. */
    public static final int SpacingBetweenSlices = 0x00180088;

    /** (0018,0089) Number of Phase Encoding Steps: IS, VM 1. */
    public static final int NumberOfPhaseEncodingSteps = 0x00180089;

    /** (0018,0090) Data Collection Diameter: DS, VM 1. */
    public static final int DataCollectionDiameter = 0x00180090;

    /** (0018,0091) Echo Train Length: IS, VM 1. */
    public static final int EchoTrainLength = 0x00180091;

    /** (0018,0093) Percent Sampling: DS, VM 1. */
    public static final int PercentSampling = 0x00180093;

    /** (0018,0094) Percent Phase Field of View: DS, VM 1. */
    public static final int PercentPhaseFieldOfView = 0x00180094;

    /** (0018,0095) Pixel Bandwidth: DS, VM 1. */
    public static final int PixelBandwidth = 0x00180095;

    /** (0018,1000) Device Serial Number: LO, VM 1. */
    public static final int DeviceSerialNumber = 0x00181000;

    /** (0018,1002) Device UID: UI, VM 1. */
    public static final int DeviceUID = 0x00181002;

    /** (0018,1003) Device ID: LO, VM 1. */
    public static final int DeviceID = 0x00181003;

    /** (0018,1004) Plate ID: LO, VM 1. */
    public static final int PlateID = 0x00181004;

    /** (0018,1005) Generator ID: LO, VM 1. */
    public static final int GeneratorID = 0x00181005;

    /** (0018,1006) Grid ID: LO, VM 1. */
    public static final int GridID = 0x00181006;

    /** (0018,1007) Cassette ID: LO, VM 1. */
    public static final int CassetteID = 0x00181007;

    /** (0018,1008) Gantry ID: LO, VM 1. */
    public static final int GantryID = 0x00181008;

    /** (0018,1009) Unique Device Identifier: UT, VM 1. */
    public static final int UniqueDeviceIdentifier = 0x00181009;

    /** (0018,100A) UDI Sequence: SQ, VM 1. */
    public static final int UDISequence = 0x0018100A;

    /** (0018,100B) Manufacturer's Device Class UID: UI, VM 1-n. */
    public static final int ManufacturerDeviceClassUID = 0x0018100B;

    /** (0018,1010) Secondary Capture Device ID: LO, VM 1. */
    public static final int SecondaryCaptureDeviceID = 0x00181010;

    /** (0018,1011) Hardcopy Creation Device ID: LO, VM 1. Retired. */
    public static final int HardcopyCreationDeviceID = 0x00181011;

    /** (0018,1012) Date of Secondary Capture: DA, VM 1. */
    public static final int DateOfSecondaryCapture = 0x00181012;

    /** (0018,1014) Time of Secondary Capture: TM, VM 1. */
    public static final int TimeOfSecondaryCapture = 0x00181014;

    /** (0018,1016) Secondary Capture Device Manufacturer: LO, VM 1. */
    public static final int SecondaryCaptureDeviceManufacturer = 0x00181016;

    /** (0018,1017) Hardcopy Device Manufacturer: LO, VM 1. Retired. */
    public static final int HardcopyDeviceManufacturer = 0x00181017;

    /** (0018,1018) Secondary Capture Device Manufacturer's Model Name: LO, VM 1. */
    public static final int SecondaryCaptureDeviceManufacturerModelName = 0x00181018;

    /** (0018,1019) Secondary Capture Device Software Versions: LO, VM 1-n. */
    public static final int SecondaryCaptureDeviceSoftwareVersions = 0x00181019;

    /** (0018,101A) Hardcopy Device Software Version: LO, VM 1-n. Retired. */
    public static final int HardcopyDeviceSoftwareVersion = 0x0018101A;

    /** (0018,101B) Hardcopy Device Manufacturer's Model Name: LO, VM 1. Retired. */
    public static final int HardcopyDeviceManufacturerModelName = 0x0018101B;

    /** (0018,1020) Software Versions: LO, VM 1-n. */
    public static final int SoftwareVersions = 0x00181020;

    /** (0018,1022) Video Image Format Acquired: SH, VM 1. */
    public static final int VideoImageFormatAcquired = 0x00181022;

    /** (0018,1023) Digital Image Format Acquired: LO, VM 1. */
    public static final int DigitalImageFormatAcquired = 0x00181023;

    /** (0018,1030) Protocol Name: LO, VM 1. */
    public static final int ProtocolName = 0x00181030;

    /** (0018,1040) Contrast/Bolus Route: LO, VM 1. */
    public static final int ContrastBolusRoute = 0x00181040;

    /** (0018,1041) Contrast/Bolus Volume: DS, VM 1. */
    public static final int ContrastBolusVolume = 0x00181041;

    /** (0018,1042) Contrast/Bolus Start Time: TM, VM 1. */
    public static final int ContrastBolusStartTime = 0x00181042;

    /** (0018,1043) Contrast/Bolus Stop Time: TM, VM 1. */
    public static final int ContrastBolusStopTime = 0x00181043;

    /** (0018,1044) Contrast/Bolus Total Dose: DS, VM 1. */
    public static final int ContrastBolusTotalDose = 0x00181044;

    /** (0018,1045) Syringe Counts: IS, VM 1. */
    public static final int SyringeCounts = 0x00181045;

    /** (0018,1046) Contrast Flow Rate: DS, VM 1-n. */
    public static final int ContrastFlowRate = 0x00181046;

    /** (0018,1047) Contrast Flow Duration: DS, VM 1-n. */
    public static final int ContrastFlowDuration = 0x00181047;

    /** (0018,1048) Contrast/Bolus Ingredient: CS, VM 1. */
    public static final int ContrastBolusIngredient = 0x00181048;

    /** (0018,1049) Contrast/Bolus Ingredient Concentration: DS, VM 1. */
    public static final int ContrastBolusIngredientConcentration = 0x00181049;

    /** (0018,1050) Spatial Resolution: DS, VM 1. */
    public static final int SpatialResolution = 0x00181050;

    /** (0018,1060) Trigger Time: DS, VM 1. */
    public static final int TriggerTime = 0x00181060;

    /** (0018,1061) Trigger Source or Type: LO, VM 1. */
    public static final int TriggerSourceOrType = 0x00181061;

    /** (0018,1062) Nominal Interval: IS, VM 1. */
    public static final int NominalInterval = 0x00181062;

    /** (0018,1063) Frame Time: DS, VM 1. */
    public static final int FrameTime = 0x00181063;

    /** (0018,1064) Cardiac Framing Type: LO, VM 1. */
    public static final int CardiacFramingType = 0x00181064;

    /** (0018,1065) Frame Time Vector: DS, VM 1-n. */
    public static final int FrameTimeVector = 0x00181065;

    /** (0018,1066) Frame Delay: DS, VM 1. */
    public static final int FrameDelay = 0x00181066;

    /** (0018,1067) Image Trigger Delay: DS, VM 1. */
    public static final int ImageTriggerDelay = 0x00181067;

    /** (0018,1068) Multiplex Group Time Offset: DS, VM 1. */
    public static final int MultiplexGroupTimeOffset = 0x00181068;

    /** (0018,1069) Trigger Time Offset: DS, VM 1. */
    public static final int TriggerTimeOffset = 0x00181069;

    /** (0018,106A) Synchronization Trigger: CS, VM 1. */
    public static final int SynchronizationTrigger = 0x0018106A;

    /** (0018,106C) Synchronization Channel: US, VM 2. */
    public static final int SynchronizationChannel = 0x0018106C;

    /** (0018,106E) Trigger Sample Position: UL, VM 1. */
    public static final int TriggerSamplePosition = 0x0018106E;

    /** (0018,1070) Radiopharmaceutical Route: LO, VM 1. */
    public static final int RadiopharmaceuticalRoute = 0x00181070;

    /** (0018,1071) Radiopharmaceutical Volume: DS, VM 1. */
    public static final int RadiopharmaceuticalVolume = 0x00181071;

    /** (0018,1072) Radiopharmaceutical Start Time: TM, VM 1. */
    public static final int RadiopharmaceuticalStartTime = 0x00181072;

    /** (0018,1073) Radiopharmaceutical Stop Time: TM, VM 1. */
    public static final int RadiopharmaceuticalStopTime = 0x00181073;

    /** (0018,1074) Radionuclide Total Dose: DS, VM 1. */
    public static final int RadionuclideTotalDose = 0x00181074;

    /** (0018,1075) Radionuclide Half Life: DS, VM 1. */
    public static final int RadionuclideHalfLife = 0x00181075;

    /** (0018,1076) Radionuclide Positron Fraction: DS, VM 1. */
    public static final int RadionuclidePositronFraction = 0x00181076;

    /** (0018,1077) Radiopharmaceutical Specific Activity: DS, VM 1. */
    public static final int RadiopharmaceuticalSpecificActivity = 0x00181077;

    /** (0018,1078) Radiopharmaceutical Start DateTime: DT, VM 1. */
    public static final int RadiopharmaceuticalStartDateTime = 0x00181078;

    /** (0018,1079) Radiopharmaceutical Stop DateTime: DT, VM 1. */
    public static final int RadiopharmaceuticalStopDateTime = 0x00181079;

    /** (0018,1080) Beat Rejection Flag: CS, VM 1. */
    public static final int BeatRejectionFlag = 0x00181080;

    /** (0018,1081) Low R-R Value: IS, VM 1. */
    public static final int LowRRValue = 0x00181081;

    /** (0018,1082) High R-R Value: IS, VM 1. */
    public static final int HighRRValue = 0x00181082;

    /** (0018,1083) Intervals Acquired: IS, VM 1. */
    public static final int IntervalsAcquired = 0x00181083;

    /** (0018,1084) Intervals Rejected: IS, VM 1. */
    public static final int IntervalsRejected = 0x00181084;

    /** (0018,1085) PVC Rejection: LO, VM 1. */
    public static final int PVCRejection = 0x00181085;

    /** (0018,1086) Skip Beats: IS, VM 1. */
    public static final int SkipBeats = 0x00181086;

    /** (0018,1088) Heart Rate: IS, VM 1. */
    public static final int HeartRate = 0x00181088;

    /** (0018,1090) Cardiac Number of Images: IS, VM 1. */
    public static final int CardiacNumberOfImages = 0x00181090;

    /** (0018,1094) Trigger Window: IS, VM 1. */
    public static final int TriggerWindow = 0x00181094;

    /** (0018,1100) Reconstruction Diameter: DS, VM 1. */
    public static final int ReconstructionDiameter = 0x00181100;

    /** (0018,1110) Distance Source to Detector: DS, VM 1. */
    public static final int DistanceSourceToDetector = 0x00181110;

    /** (0018,1111) Distance Source to Patient: DS, VM 1. */
    public static final int DistanceSourceToPatient = 0x00181111;

    /** (0018,1114) Estimated Radiographic Magnification Factor: DS, VM 1. */
    public static final int EstimatedRadiographicMagnificationFactor = 0x00181114;

    /** (0018,1120) Gantry/Detector Tilt: DS, VM 1. */
    public static final int GantryDetectorTilt = 0x00181120;

    /** (0018,1121) Gantry/Detector Slew: DS, VM 1. */
    public static final int GantryDetectorSlew = 0x00181121;

    /** (0018,1130) Table Height: DS, VM 1. */
    public static final int TableHeight = 0x00181130;

    /** (0018,1131) Table Traverse: DS, VM 1. */
    public static final int TableTraverse = 0x00181131;

    /** (0018,1134) Table Motion: CS, VM 1. */
    public static final int TableMotion = 0x00181134;

    /** (0018,1135) Table Vertical Increment: DS, VM 1-n. */
    public static final int TableVerticalIncrement = 0x00181135;

    /** (0018,1136) Table Lateral Increment: DS, VM 1-n. */
    public static final int TableLateralIncrement = 0x00181136;

    /** (0018,1137) Table Longitudinal Increment: DS, VM 1-n. */
    public static final int TableLongitudinalIncrement = 0x00181137;

    /** (0018,1138) Table Angle: DS, VM 1. */
    public static final int TableAngle = 0x00181138;

    /** (0018,113A) Table Type: CS, VM 1. */
    public static final int TableType = 0x0018113A;

    /** (0018,1140) Rotation Direction: CS, VM 1. */
    public static final int RotationDirection = 0x00181140;

    /** (0018,1141) Angular Position: DS, VM 1. Retired. */
    public static final int AngularPosition = 0x00181141;

    /** (0018,1142) Radial Position: DS, VM 1-n. */
    public static final int RadialPosition = 0x00181142;

    /** (0018,1143) Scan Arc: DS, VM 1. */
    public static final int ScanArc = 0x00181143;

    /** (0018,1144) Angular Step: DS, VM 1. */
    public static final int AngularStep = 0x00181144;

    /** (0018,1145) Center of Rotation Offset: DS, VM 1. */
    public static final int CenterOfRotationOffset = 0x00181145;

    /** (0018,1146) Rotation Offset: DS, VM 1-n. Retired. */
    public static final int RotationOffset = 0x00181146;

    /** (0018,1147) Field of View Shape: CS, VM 1. */
    public static final int FieldOfViewShape = 0x00181147;

    /** (0018,1149) Field of View Dimension(s): IS, VM 1-2. */
    public static final int FieldOfViewDimensions = 0x00181149;

    /** (0018,1150) Exposure Time: IS, VM 1. */
    public static final int ExposureTime = 0x00181150;

    /** (0018,1151) X-Ray Tube Current: IS, VM 1. */
    public static final int XRayTubeCurrent = 0x00181151;

    /** (0018,1152) Exposure: IS, VM 1. */
    public static final int Exposure = 0x00181152;

    /** (0018,1153) Exposure in µAs: IS, VM 1. */
    public static final int ExposureInuAs = 0x00181153;

    /** (0018,1154) Average Pulse Width: DS, VM 1. */
    public static final int AveragePulseWidth = 0x00181154;

    /** (0018,1155) Radiation Setting: CS, VM 1. */
    public static final int RadiationSetting = 0x00181155;

    /** (0018,1156) Rectification Type: CS, VM 1. */
    public static final int RectificationType = 0x00181156;

    /** (0018,115A) Radiation Mode: CS, VM 1. */
    public static final int RadiationMode = 0x0018115A;

    /** (0018,115E) Image and Fluoroscopy Area Dose Product: DS, VM 1. */
    public static final int ImageAndFluoroscopyAreaDoseProduct = 0x0018115E;

    /** (0018,1160) Filter Type: SH, VM 1. */
    public static final int FilterType = 0x00181160;

    /** (0018,1161) Type of Filters: LO, VM 1-n. */
    public static final int TypeOfFilters = 0x00181161;

    /** (0018,1162) Intensifier Size: DS, VM 1. */
    public static final int IntensifierSize = 0x00181162;

    /** (0018,1164) Imager Pixel Spacing: DS, VM 2. */
    public static final int ImagerPixelSpacing = 0x00181164;

    /** (0018,1166) Grid: CS, VM 1-n. */
    public static final int Grid = 0x00181166;

    /** (0018,1170) Generator Power: IS, VM 1. */
    public static final int GeneratorPower = 0x00181170;

    /** (0018,1180) Collimator/grid Name: SH, VM 1. */
    public static final int CollimatorGridName = 0x00181180;

    /** (0018,1181) Collimator Type: CS, VM 1. */
    public static final int CollimatorType = 0x00181181;

    /** (0018,1182) Focal Distance: IS, VM 1-2. */
    public static final int FocalDistance = 0x00181182;

    /** (0018,1183) X Focus Center: DS, VM 1-2. */
    public static final int XFocusCenter = 0x00181183;

    /** (0018,1184) Y Focus Center: DS, VM 1-2. */
    public static final int YFocusCenter = 0x00181184;

    /** (0018,1190) Focal Spot(s): DS, VM 1-n. */
    public static final int FocalSpots = 0x00181190;

    /** (0018,1191) Anode Target Material: CS, VM 1. */
    public static final int AnodeTargetMaterial = 0x00181191;

    /** (0018,11A0) Body Part Thickness: DS, VM 1. */
    public static final int BodyPartThickness = 0x001811A0;

    /** (0018,11A2) Compression Force: DS, VM 1. */
    public static final int CompressionForce = 0x001811A2;

    /** (0018,11A3) Compression Pressure: DS, VM 1. */
    public static final int CompressionPressure = 0x001811A3;

    /** (0018,11A4) Paddle Description: LO, VM 1. */
    public static final int PaddleDescription = 0x001811A4;

    /** (0018,11A5) Compression Contact Area: DS, VM 1. */
    public static final int CompressionContactArea = 0x001811A5;

    /** (0018,11B0) Acquisition Mode: LO, VM 1. */
    public static final int AcquisitionMode = 0x001811B0;

    /** (0018,11B1) Dose Mode Name: LO, VM 1. */
    public static final int DoseModeName = 0x001811B1;

    /** (0018,11B2) Acquired Subtraction Mask Flag: CS, VM 1. */
    public static final int AcquiredSubtractionMaskFlag = 0x001811B2;

    /** (0018,11B3) Fluoroscopy Persistence Flag: CS, VM 1. */
    public static final int FluoroscopyPersistenceFlag = 0x001811B3;

    /** (0018,11B4) Fluoroscopy Last Image Hold Persistence Flag: CS, VM 1. */
    public static final int FluoroscopyLastImageHoldPersistenceFlag = 0x001811B4;

    /** (0018,11B5) Upper Limit Number Of Persistent Fluoroscopy Frames: IS, VM 1. */
    public static final int UpperLimitNumberOfPersistentFluoroscopyFrames = 0x001811B5;

    /** (0018,11B6) Contrast/Bolus Auto Injection Trigger Flag: CS, VM 1. */
    public static final int ContrastBolusAutoInjectionTriggerFlag = 0x001811B6;

    /** (0018,11B7) Contrast/Bolus Injection Delay: FD, VM 1. */
    public static final int ContrastBolusInjectionDelay = 0x001811B7;

    /** (0018,11B8) XA Acquisition Phase Details Sequence: SQ, VM 1. */
    public static final int XAAcquisitionPhaseDetailsSequence = 0x001811B8;

    /** (0018,11B9) XA Acquisition Frame Rate: FD, VM 1. */
    public static final int XAAcquisitionFrameRate = 0x001811B9;

    /** (0018,11BA) XA Plane Details Sequence: SQ, VM 1. */
    public static final int XAPlaneDetailsSequence = 0x001811BA;

    /** (0018,11BB) Acquisition Field of View Label: LO, VM 1. */
    public static final int AcquisitionFieldOfViewLabel = 0x001811BB;

    /** (0018,11BC) X-Ray Filter Details Sequence: SQ, VM 1. */
    public static final int XRayFilterDetailsSequence = 0x001811BC;

    /** (0018,11BD) XA Acquisition Duration: FD, VM 1. */
    public static final int XAAcquisitionDuration = 0x001811BD;

    /** (0018,11BE) Reconstruction Pipeline Type: CS, VM 1. */
    public static final int ReconstructionPipelineType = 0x001811BE;

    /** (0018,11BF) Image Filter Details Sequence: SQ, VM 1. */
    public static final int ImageFilterDetailsSequence = 0x001811BF;

    /** (0018,11C0) Applied Mask Subtraction Flag: CS, VM 1. */
    public static final int AppliedMaskSubtractionFlag = 0x001811C0;

    /** (0018,11C1) Requested Series Description Code Sequence: SQ, VM 1. */
    public static final int RequestedSeriesDescriptionCodeSequence = 0x001811C1;

    /** (0018,1200) Date of Last Calibration: DA, VM 1-n. */
    public static final int DateOfLastCalibration = 0x00181200;

    /** (0018,1201) Time of Last Calibration: TM, VM 1-n. */
    public static final int TimeOfLastCalibration = 0x00181201;

    /** (0018,1202) DateTime of Last Calibration: DT, VM 1. */
    public static final int DateTimeOfLastCalibration = 0x00181202;

    /** (0018,1203) Calibration DateTime: DT, VM 1. */
    public static final int CalibrationDateTime = 0x00181203;

    /** (0018,1204) Date of Manufacture: DA, VM 1. */
    public static final int DateOfManufacture = 0x00181204;

    /** (0018,1205) Date of Installation: DA, VM 1. */
    public static final int DateOfInstallation = 0x00181205;

    /** (0018,1210) Convolution Kernel: SH, VM 1-n. */
    public static final int ConvolutionKernel = 0x00181210;

    /** (0018,1240) Upper/Lower Pixel Values: IS, VM 1-n. Retired. */
    public static final int UpperLowerPixelValues = 0x00181240;

    /** (0018,1242) Actual Frame Duration: IS, VM 1. */
    public static final int ActualFrameDuration = 0x00181242;

    /** (0018,1243) Count Rate: IS, VM 1. */
    public static final int CountRate = 0x00181243;

    /** (0018,1244) Preferred Playback Sequencing: US, VM 1. */
    public static final int PreferredPlaybackSequencing = 0x00181244;

    /** (0018,1250) Receive Coil Name: SH, VM 1. */
    public static final int ReceiveCoilName = 0x00181250;

    /** (0018,1251) Transmit Coil Name: SH, VM 1. */
    public static final int TransmitCoilName = 0x00181251;

    /** (0018,1260) Plate Type: SH, VM 1. */
    public static final int PlateType = 0x00181260;

    /** (0018,1261) Phosphor Type: LO, VM 1. */
    public static final int PhosphorType = 0x00181261;

    /** (0018,1271) Water Equivalent Diameter: FD, VM 1. */
    public static final int WaterEquivalentDiameter = 0x00181271;

    /** (0018,1272) Water Equivalent Diameter Calculation Method Code Sequence: SQ, VM 1. */
    public static final int WaterEquivalentDiameterCalculationMethodCodeSequence = 0x00181272;

    /** (0018,1300) Scan Velocity: DS, VM 1. */
    public static final int ScanVelocity = 0x00181300;

    /** (0018,1301) Whole Body Technique: CS, VM 1-n. */
    public static final int WholeBodyTechnique = 0x00181301;

    /** (0018,1302) Scan Length: IS, VM 1. */
    public static final int ScanLength = 0x00181302;

    /** (0018,1310) Acquisition Matrix: US, VM 4. */
    public static final int AcquisitionMatrix = 0x00181310;

    /** (0018,1312) In-plane Phase Encoding Direction: CS, VM 1. */
    public static final int InPlanePhaseEncodingDirection = 0x00181312;

    /** (0018,1314) Flip Angle: DS, VM 1. */
    public static final int FlipAngle = 0x00181314;

    /** (0018,1315) Variable Flip Angle Flag: CS, VM 1. */
    public static final int VariableFlipAngleFlag = 0x00181315;

    /** (0018,1316) SAR: DS, VM 1. */
    public static final int SAR = 0x00181316;

    /** (0018,1318) dB/dt: DS, VM 1. */
    public static final int dBdt = 0x00181318;

    /** (0018,1320) B1rms: FL, VM 1. */
    public static final int B1rms = 0x00181320;

    /** (0018,1400) Acquisition Device Processing Description: LO, VM 1. */
    public static final int AcquisitionDeviceProcessingDescription = 0x00181400;

    /** (0018,1401) Acquisition Device Processing Code: LO, VM 1. */
    public static final int AcquisitionDeviceProcessingCode = 0x00181401;

    /** (0018,1402) Cassette Orientation: CS, VM 1. */
    public static final int CassetteOrientation = 0x00181402;

    /** (0018,1403) Cassette Size: CS, VM 1. */
    public static final int CassetteSize = 0x00181403;

    /** (0018,1404) Exposures on Plate: US, VM 1. */
    public static final int ExposuresOnPlate = 0x00181404;

    /** (0018,1405) Relative X-Ray Exposure: IS, VM 1. */
    public static final int RelativeXRayExposure = 0x00181405;

    /** (0018,1411) Exposure Index: DS, VM 1. */
    public static final int ExposureIndex = 0x00181411;

    /** (0018,1412) Target Exposure Index: DS, VM 1. */
    public static final int TargetExposureIndex = 0x00181412;

    /** (0018,1413) Deviation Index: DS, VM 1. */
    public static final int DeviationIndex = 0x00181413;

    /** (0018,1450) Column Angulation: DS, VM 1. */
    public static final int ColumnAngulation = 0x00181450;

    /** (0018,1460) Tomo Layer Height: DS, VM 1. */
    public static final int TomoLayerHeight = 0x00181460;

    /** (0018,1470) Tomo Angle: DS, VM 1. */
    public static final int TomoAngle = 0x00181470;

    /** (0018,1480) Tomo Time: DS, VM 1. */
    public static final int TomoTime = 0x00181480;

    /** (0018,1490) Tomo Type: CS, VM 1. */
    public static final int TomoType = 0x00181490;

    /** (0018,1491) Tomo Class: CS, VM 1. */
    public static final int TomoClass = 0x00181491;

    /** (0018,1495) Number of Tomosynthesis Source Images: IS, VM 1. */
    public static final int NumberOfTomosynthesisSourceImages = 0x00181495;

    /** (0018,1500) Positioner Motion: CS, VM 1. */
    public static final int PositionerMotion = 0x00181500;

    /** (0018,1508) Positioner Type: CS, VM 1. */
    public static final int PositionerType = 0x00181508;

    /** (0018,1510) Positioner Primary Angle: DS, VM 1. */
    public static final int PositionerPrimaryAngle = 0x00181510;

    /** (0018,1511) Positioner Secondary Angle: DS, VM 1. */
    public static final int PositionerSecondaryAngle = 0x00181511;

    /** (0018,1520) Positioner Primary Angle Increment: DS, VM 1-n. */
    public static final int PositionerPrimaryAngleIncrement = 0x00181520;

    /** (0018,1521) Positioner Secondary Angle Increment: DS, VM 1-n. */
    public static final int PositionerSecondaryAngleIncrement = 0x00181521;

    /** (0018,1530) Detector Primary Angle: DS, VM 1. */
    public static final int DetectorPrimaryAngle = 0x00181530;

    /** (0018,1531) Detector Secondary Angle: DS, VM 1. */
    public static final int DetectorSecondaryAngle = 0x00181531;

    /** (0018,1600) Shutter Shape: CS, VM 1-3. */
    public static final int ShutterShape = 0x00181600;

    /** (0018,1602) Shutter Left Vertical Edge: IS, VM 1. */
    public static final int ShutterLeftVerticalEdge = 0x00181602;

    /** (0018,1604) Shutter Right Vertical Edge: IS, VM 1. */
    public static final int ShutterRightVerticalEdge = 0x00181604;

    /** (0018,1606) Shutter Upper Horizontal Edge: IS, VM 1. */
    public static final int ShutterUpperHorizontalEdge = 0x00181606;

    /** (0018,1608) Shutter Lower Horizontal Edge: IS, VM 1. */
    public static final int ShutterLowerHorizontalEdge = 0x00181608;

    /** (0018,1610) Center of Circular Shutter: IS, VM 2. */
    public static final int CenterOfCircularShutter = 0x00181610;

    /** (0018,1612) Radius of Circular Shutter: IS, VM 1. */
    public static final int RadiusOfCircularShutter = 0x00181612;

    /** (0018,1620) Vertices of the Polygonal Shutter: IS, VM 2-2n. */
    public static final int VerticesOfThePolygonalShutter = 0x00181620;

    /** (0018,1622) Shutter Presentation Value: US, VM 1. */
    public static final int ShutterPresentationValue = 0x00181622;

    /** (0018,1623) Shutter Overlay Group: US, VM 1. */
    public static final int ShutterOverlayGroup = 0x00181623;

    /** (0018,1624) Shutter Presentation Color CIELab Value: US, VM 3. */
    public static final int ShutterPresentationColorCIELabValue = 0x00181624;

    /** (0018,1630) Outline Shape Type: CS, VM 1. */
    public static final int OutlineShapeType = 0x00181630;

    /** (0018,1631) Outline Left Vertical Edge: FD, VM 1. */
    public static final int OutlineLeftVerticalEdge = 0x00181631;

    /** (0018,1632) Outline Right Vertical Edge: FD, VM 1. */
    public static final int OutlineRightVerticalEdge = 0x00181632;

    /** (0018,1633) Outline Upper Horizontal Edge: FD, VM 1. */
    public static final int OutlineUpperHorizontalEdge = 0x00181633;

    /** (0018,1634) Outline Lower Horizontal Edge: FD, VM 1. */
    public static final int OutlineLowerHorizontalEdge = 0x00181634;

    /** (0018,1635) Center of Circular Outline: FD, VM 2. */
    public static final int CenterOfCircularOutline = 0x00181635;

    /** (0018,1636) Diameter of Circular Outline: FD, VM 1. */
    public static final int DiameterOfCircularOutline = 0x00181636;

    /** (0018,1637) Number of Polygonal Vertices: UL, VM 1. */
    public static final int NumberOfPolygonalVertices = 0x00181637;

    /** (0018,1638) Vertices of the Polygonal Outline: OF, VM 1. */
    public static final int VerticesOfThePolygonalOutline = 0x00181638;

    /** (0018,1700) Collimator Shape: CS, VM 1-3. */
    public static final int CollimatorShape = 0x00181700;

    /** (0018,1702) Collimator Left Vertical Edge: IS, VM 1. */
    public static final int CollimatorLeftVerticalEdge = 0x00181702;

    /** (0018,1704) Collimator Right Vertical Edge: IS, VM 1. */
    public static final int CollimatorRightVerticalEdge = 0x00181704;

    /** (0018,1706) Collimator Upper Horizontal Edge: IS, VM 1. */
    public static final int CollimatorUpperHorizontalEdge = 0x00181706;

    /** (0018,1708) Collimator Lower Horizontal Edge: IS, VM 1. */
    public static final int CollimatorLowerHorizontalEdge = 0x00181708;

    /** (0018,1710) Center of Circular Collimator: IS, VM 2. */
    public static final int CenterOfCircularCollimator = 0x00181710;

    /** (0018,1712) Radius of Circular Collimator: IS, VM 1. */
    public static final int RadiusOfCircularCollimator = 0x00181712;

    /** (0018,1720) Vertices of the Polygonal Collimator: IS, VM 2-2n. */
    public static final int VerticesOfThePolygonalCollimator = 0x00181720;

    /** (0018,1800) Acquisition Time Synchronized: CS, VM 1. */
    public static final int AcquisitionTimeSynchronized = 0x00181800;

    /** (0018,1801) Time Source: SH, VM 1. */
    public static final int TimeSource = 0x00181801;

    /** (0018,1802) Time Distribution Protocol: CS, VM 1. */
    public static final int TimeDistributionProtocol = 0x00181802;

    /** (0018,1803) NTP Source Address: LO, VM 1. */
    public static final int NTPSourceAddress = 0x00181803;

    /** (0018,2001) Page Number Vector: IS, VM 1-n. */
    public static final int PageNumberVector = 0x00182001;

    /** (0018,2002) Frame Label Vector: SH, VM 1-n. */
    public static final int FrameLabelVector = 0x00182002;

    /** (0018,2003) Frame Primary Angle Vector: DS, VM 1-n. */
    public static final int FramePrimaryAngleVector = 0x00182003;

    /** (0018,2004) Frame Secondary Angle Vector: DS, VM 1-n. */
    public static final int FrameSecondaryAngleVector = 0x00182004;

    /** (0018,2005) Slice Location Vector: DS, VM 1-n. */
    public static final int SliceLocationVector = 0x00182005;

    /** (0018,2006) Display Window Label Vector: SH, VM 1-n. */
    public static final int DisplayWindowLabelVector = 0x00182006;

    /** (0018,2010) Nominal Scanned Pixel Spacing: DS, VM 2. */
    public static final int NominalScannedPixelSpacing = 0x00182010;

    /** (0018,2020) Digitizing Device Transport Direction: CS, VM 1. */
    public static final int DigitizingDeviceTransportDirection = 0x00182020;

    /** (0018,2030) Rotation of Scanned Film: DS, VM 1. */
    public static final int RotationOfScannedFilm = 0x00182030;

    /** (0018,2041) Biopsy Target Sequence: SQ, VM 1. */
    public static final int BiopsyTargetSequence = 0x00182041;

    /** (0018,2042) Target UID: UI, VM 1. */
    public static final int TargetUID = 0x00182042;

    /** (0018,2043) Localizing Cursor Position: FL, VM 2. */
    public static final int LocalizingCursorPosition = 0x00182043;

    /** (0018,2044) Calculated Target Position: FL, VM 3. */
    public static final int CalculatedTargetPosition = 0x00182044;

    /** (0018,2045) Target Label: SH, VM 1. */
    public static final int TargetLabel = 0x00182045;

    /** (0018,2046) Displayed Z Value: FL, VM 1. */
    public static final int DisplayedZValue = 0x00182046;

    /** (0018,3100) IVUS Acquisition: CS, VM 1. */
    public static final int IVUSAcquisition = 0x00183100;

    /** (0018,3101) IVUS Pullback Rate: DS, VM 1. */
    public static final int IVUSPullbackRate = 0x00183101;

    /** (0018,3102) IVUS Gated Rate: DS, VM 1. */
    public static final int IVUSGatedRate = 0x00183102;

    /** (0018,3103) IVUS Pullback Start Frame Number: IS, VM 1. */
    public static final int IVUSPullbackStartFrameNumber = 0x00183103;

    /** (0018,3104) IVUS Pullback Stop Frame Number: IS, VM 1. */
    public static final int IVUSPullbackStopFrameNumber = 0x00183104;

    /** (0018,3105) Lesion Number: IS, VM 1-n. */
    public static final int LesionNumber = 0x00183105;

    /** (0018,4000) Acquisition Comments: LT, VM 1. Retired. */
    public static final int AcquisitionComments = 0x00184000;

    /** (0018,5000) Output Power: SH, VM 1-n. */
    public static final int OutputPower = 0x00185000;

    /** (0018,5010) Transducer Data: LO, VM 1-n. */
    public static final int TransducerData = 0x00185010;

    /** (0018,5011) Transducer Identification Sequence: SQ, VM 1. */
    public static final int TransducerIdentificationSequence = 0x00185011;

    /** (0018,5012) Focus Depth: DS, VM 1. */
    public static final int FocusDepth = 0x00185012;

    /** (0018,5020) Processing Function: LO, VM 1. */
    public static final int ProcessingFunction = 0x00185020;

    /** (0018,5021) Postprocessing Function: LO, VM 1. Retired. */
    public static final int PostprocessingFunction = 0x00185021;

    /** (0018,5022) Mechanical Index: DS, VM 1. */
    public static final int MechanicalIndex = 0x00185022;

    /** (0018,5024) Bone Thermal Index: DS, VM 1. */
    public static final int BoneThermalIndex = 0x00185024;

    /** (0018,5026) Cranial Thermal Index: DS, VM 1. */
    public static final int CranialThermalIndex = 0x00185026;

    /** (0018,5027) Soft Tissue Thermal Index: DS, VM 1. */
    public static final int SoftTissueThermalIndex = 0x00185027;

    /** (0018,5028) Soft Tissue-focus Thermal Index: DS, VM 1. */
    public static final int SoftTissueFocusThermalIndex = 0x00185028;

    /** (0018,5029) Soft Tissue-surface Thermal Index: DS, VM 1. */
    public static final int SoftTissueSurfaceThermalIndex = 0x00185029;

    /** (0018,5030) Dynamic Range: DS, VM 1. Retired. */
    public static final int DynamicRange = 0x00185030;

    /** (0018,5040) Total Gain: DS, VM 1. Retired. */
    public static final int TotalGain = 0x00185040;

    /** (0018,5050) Depth of Scan Field: IS, VM 1. */
    public static final int DepthOfScanField = 0x00185050;

    /** (0018,5100) Patient Position: CS, VM 1. */
    public static final int PatientPosition = 0x00185100;

    /** (0018,5101) View Position: CS, VM 1. */
    public static final int ViewPosition = 0x00185101;

    /** (0018,5104) Projection Eponymous Name Code Sequence: SQ, VM 1. */
    public static final int ProjectionEponymousNameCodeSequence = 0x00185104;

    /** (0018,5210) Image Transformation Matrix: DS, VM 6. Retired. */
    public static final int ImageTransformationMatrix = 0x00185210;

    /** (0018,5212) Image Translation Vector: DS, VM 3. Retired. */
    public static final int ImageTranslationVector = 0x00185212;

    /** (0018,6000) Sensitivity: DS, VM 1. */
    public static final int Sensitivity = 0x00186000;

    /** (0018,6011) Sequence of Ultrasound Regions: SQ, VM 1. */
    public static final int SequenceOfUltrasoundRegions = 0x00186011;

    /** (0018,6012) Region Spatial Format: US, VM 1. */
    public static final int RegionSpatialFormat = 0x00186012;

    /** (0018,6014) Region Data Type: US, VM 1. */
    public static final int RegionDataType = 0x00186014;

    /** (0018,6016) Region Flags: UL, VM 1. */
    public static final int RegionFlags = 0x00186016;

    /** (0018,6018) Region Location Min X0: UL, VM 1. */
    public static final int RegionLocationMinX0 = 0x00186018;

    /** (0018,601A) Region Location Min Y0: UL, VM 1. */
    public static final int RegionLocationMinY0 = 0x0018601A;

    /** (0018,601C) Region Location Max X1: UL, VM 1. */
    public static final int RegionLocationMaxX1 = 0x0018601C;

    /** (0018,601E) Region Location Max Y1: UL, VM 1. */
    public static final int RegionLocationMaxY1 = 0x0018601E;

    /** (0018,6020) Reference Pixel X0: SL, VM 1. */
    public static final int ReferencePixelX0 = 0x00186020;

    /** (0018,6022) Reference Pixel Y0: SL, VM 1. */
    public static final int ReferencePixelY0 = 0x00186022;

    /** (0018,6024) Physical Units X Direction: US, VM 1. */
    public static final int PhysicalUnitsXDirection = 0x00186024;

    /** (0018,6026) Physical Units Y Direction: US, VM 1. */
    public static final int PhysicalUnitsYDirection = 0x00186026;

    /** (0018,6028) Reference Pixel Physical Value X: FD, VM 1. */
    public static final int ReferencePixelPhysicalValueX = 0x00186028;

    /** (0018,602A) Reference Pixel Physical Value Y: FD, VM 1. */
    public static final int ReferencePixelPhysicalValueY = 0x0018602A;

    /** (0018,602C) Physical Delta X: FD, VM 1. */
    public static final int PhysicalDeltaX = 0x0018602C;

    /** (0018,602E) Physical Delta Y: FD, VM 1. */
    public static final int PhysicalDeltaY = 0x0018602E;

    /** (0018,6030) Transducer Frequency: UL, VM 1. */
    public static final int TransducerFrequency = 0x00186030;

    /** (0018,6031) Transducer Type: CS, VM 1. */
    public static final int TransducerType = 0x00186031;

    /** (0018,6032) Pulse Repetition Frequency: UL, VM 1. */
    public static final int PulseRepetitionFrequency = 0x00186032;

    /** (0018,6034) Doppler Correction Angle: FD, VM 1. */
    public static final int DopplerCorrectionAngle = 0x00186034;

    /** (0018,6036) Steering Angle: FD, VM 1. */
    public static final int SteeringAngle = 0x00186036;

    /** (0018,6038) Doppler Sample Volume X Position (Retired): UL, VM 1. Retired. */
    public static final int DopplerSampleVolumeXPositionRetired = 0x00186038;

    /** (0018,6039) Doppler Sample Volume X Position: SL, VM 1. */
    public static final int DopplerSampleVolumeXPosition = 0x00186039;

    /** (0018,603A) Doppler Sample Volume Y Position (Retired): UL, VM 1. Retired. */
    public static final int DopplerSampleVolumeYPositionRetired = 0x0018603A;

    /** (0018,603B) Doppler Sample Volume Y Position: SL, VM 1. */
    public static final int DopplerSampleVolumeYPosition = 0x0018603B;

    /** (0018,603C) TM-Line Position X0 (Retired): UL, VM 1. Retired. */
    public static final int TMLinePositionX0Retired = 0x0018603C;

    /** (0018,603D) TM-Line Position X0: SL, VM 1. */
    public static final int TMLinePositionX0 = 0x0018603D;

    /** (0018,603E) TM-Line Position Y0 (Retired): UL, VM 1. Retired. */
    public static final int TMLinePositionY0Retired = 0x0018603E;

    /** (0018,603F) TM-Line Position Y0: SL, VM 1. */
    public static final int TMLinePositionY0 = 0x0018603F;

    /** (0018,6040) TM-Line Position X1 (Retired): UL, VM 1. Retired. */
    public static final int TMLinePositionX1Retired = 0x00186040;

    /** (0018,6041) TM-Line Position X1: SL, VM 1. */
    public static final int TMLinePositionX1 = 0x00186041;

    /** (0018,6042) TM-Line Position Y1 (Retired): UL, VM 1. Retired. */
    public static final int TMLinePositionY1Retired = 0x00186042;

    /** (0018,6043) TM-Line Position Y1: SL, VM 1. */
    public static final int TMLinePositionY1 = 0x00186043;

    /** (0018,6044) Pixel Component Organization: US, VM 1. */
    public static final int PixelComponentOrganization = 0x00186044;

    /** (0018,6046) Pixel Component Mask: UL, VM 1. */
    public static final int PixelComponentMask = 0x00186046;

    /** (0018,6048) Pixel Component Range Start: UL, VM 1. */
    public static final int PixelComponentRangeStart = 0x00186048;

    /** (0018,604A) Pixel Component Range Stop: UL, VM 1. */
    public static final int PixelComponentRangeStop = 0x0018604A;

    /** (0018,604C) Pixel Component Physical Units: US, VM 1. */
    public static final int PixelComponentPhysicalUnits = 0x0018604C;

    /** (0018,604E) Pixel Component Data Type: US, VM 1. */
    public static final int PixelComponentDataType = 0x0018604E;

    /** (0018,6050) Number of Table Break Points: UL, VM 1. */
    public static final int NumberOfTableBreakPoints = 0x00186050;

    /** (0018,6052) Table of X Break Points: UL, VM 1-n. */
    public static final int TableOfXBreakPoints = 0x00186052;

    /** (0018,6054) Table of Y Break Points: FD, VM 1-n. */
    public static final int TableOfYBreakPoints = 0x00186054;

    /** (0018,6056) Number of Table Entries: UL, VM 1. */
    public static final int NumberOfTableEntries = 0x00186056;

    /** (0018,6058) Table of Pixel Values: UL, VM 1-n. */
    public static final int TableOfPixelValues = 0x00186058;

    /** (0018,605A) Table of Parameter Values: FL, VM 1-n. */
    public static final int TableOfParameterValues = 0x0018605A;

    /** (0018,6060) R Wave Time Vector: FL, VM 1-n. */
    public static final int RWaveTimeVector = 0x00186060;

    /** (0018,6070) Active Image Area Overlay Group: US, VM 1. */
    public static final int ActiveImageAreaOverlayGroup = 0x00186070;

    /** (0018,7000) Detector Conditions Nominal Flag: CS, VM 1. */
    public static final int DetectorConditionsNominalFlag = 0x00187000;

    /** (0018,7001) Detector Temperature: DS, VM 1. */
    public static final int DetectorTemperature = 0x00187001;

    /** (0018,7004) Detector Type: CS, VM 1. */
    public static final int DetectorType = 0x00187004;

    /** (0018,7005) Detector Configuration: CS, VM 1. */
    public static final int DetectorConfiguration = 0x00187005;

    /** (0018,7006) Detector Description: LT, VM 1. */
    public static final int DetectorDescription = 0x00187006;

    /** (0018,7008) Detector Mode: LT, VM 1. */
    public static final int DetectorMode = 0x00187008;

    /** (0018,700A) Detector ID: SH, VM 1. */
    public static final int DetectorID = 0x0018700A;

    /** (0018,700C) Date of Last Detector Calibration: DA, VM 1. */
    public static final int DateOfLastDetectorCalibration = 0x0018700C;

    /** (0018,700E) Time of Last Detector Calibration: TM, VM 1. */
    public static final int TimeOfLastDetectorCalibration = 0x0018700E;

    /** (0018,7010) Exposures on Detector Since Last Calibration: IS, VM 1. */
    public static final int ExposuresOnDetectorSinceLastCalibration = 0x00187010;

    /** (0018,7011) Exposures on Detector Since Manufactured: IS, VM 1. */
    public static final int ExposuresOnDetectorSinceManufactured = 0x00187011;

    /** (0018,7012) Detector Time Since Last Exposure: DS, VM 1. */
    public static final int DetectorTimeSinceLastExposure = 0x00187012;

    /** (0018,7014) Detector Active Time: DS, VM 1. */
    public static final int DetectorActiveTime = 0x00187014;

    /** (0018,7016) Detector Activation Offset From Exposure: DS, VM 1. */
    public static final int DetectorActivationOffsetFromExposure = 0x00187016;

    /** (0018,701A) Detector Binning: DS, VM 2. */
    public static final int DetectorBinning = 0x0018701A;

    /** (0018,7020) Detector Element Physical Size: DS, VM 2. */
    public static final int DetectorElementPhysicalSize = 0x00187020;

    /** (0018,7022) Detector Element Spacing: DS, VM 2. */
    public static final int DetectorElementSpacing = 0x00187022;

    /** (0018,7024) Detector Active Shape: CS, VM 1. */
    public static final int DetectorActiveShape = 0x00187024;

    /** (0018,7026) Detector Active Dimension(s): DS, VM 1-2. */
    public static final int DetectorActiveDimensions = 0x00187026;

    /** (0018,7028) Detector Active Origin: DS, VM 2. */
    public static final int DetectorActiveOrigin = 0x00187028;

    /** (0018,702A) Detector Manufacturer Name: LO, VM 1. */
    public static final int DetectorManufacturerName = 0x0018702A;

    /** (0018,702B) Detector Manufacturer's Model Name: LO, VM 1. */
    public static final int DetectorManufacturerModelName = 0x0018702B;

    /** (0018,7030) Field of View Origin: DS, VM 2. */
    public static final int FieldOfViewOrigin = 0x00187030;

    /** (0018,7032) Field of View Rotation: DS, VM 1. */
    public static final int FieldOfViewRotation = 0x00187032;

    /** (0018,7034) Field of View Horizontal Flip: CS, VM 1. */
    public static final int FieldOfViewHorizontalFlip = 0x00187034;

    /** (0018,7036) Pixel Data Area Origin Relative To FOV: FL, VM 2. */
    public static final int PixelDataAreaOriginRelativeToFOV = 0x00187036;

    /** (0018,7038) Pixel Data Area Rotation Angle Relative To FOV: FL, VM 1. */
    public static final int PixelDataAreaRotationAngleRelativeToFOV = 0x00187038;

    /** (0018,7040) Grid Absorbing Material: LT, VM 1. */
    public static final int GridAbsorbingMaterial = 0x00187040;

    /** (0018,7041) Grid Spacing Material: LT, VM 1. */
    public static final int GridSpacingMaterial = 0x00187041;

    /** (0018,7042) Grid Thickness: DS, VM 1. */
    public static final int GridThickness = 0x00187042;

    /** (0018,7044) Grid Pitch: DS, VM 1. */
    public static final int GridPitch = 0x00187044;

    /** (0018,7046) Grid Aspect Ratio: IS, VM 2. */
    public static final int GridAspectRatio = 0x00187046;

    /** (0018,7048) Grid Period: DS, VM 1. */
    public static final int GridPeriod = 0x00187048;

    /** (0018,704C) Grid Focal Distance: DS, VM 1. */
    public static final int GridFocalDistance = 0x0018704C;

    /** (0018,7050) Filter Material: CS, VM 1-n. */
    public static final int FilterMaterial = 0x00187050;

    /** (0018,7052) Filter Thickness Minimum: DS, VM 1-n. */
    public static final int FilterThicknessMinimum = 0x00187052;

    /** (0018,7054) Filter Thickness Maximum: DS, VM 1-n. */
    public static final int FilterThicknessMaximum = 0x00187054;

    /** (0018,7056) Filter Beam Path Length Minimum: FL, VM 1-n. */
    public static final int FilterBeamPathLengthMinimum = 0x00187056;

    /** (0018,7058) Filter Beam Path Length Maximum: FL, VM 1-n. */
    public static final int FilterBeamPathLengthMaximum = 0x00187058;

    /** (0018,7060) Exposure Control Mode: CS, VM 1. */
    public static final int ExposureControlMode = 0x00187060;

    /** (0018,7062) Exposure Control Mode Description: LT, VM 1. */
    public static final int ExposureControlModeDescription = 0x00187062;

    /** (0018,7064) Exposure Status: CS, VM 1. */
    public static final int ExposureStatus = 0x00187064;

    /** (0018,7065) Phototimer Setting: DS, VM 1. */
    public static final int PhototimerSetting = 0x00187065;

    /** (0018,8150) Exposure Time in µS: DS, VM 1. */
    public static final int ExposureTimeInuS = 0x00188150;

    /** (0018,8151) X-Ray Tube Current in µA: DS, VM 1. */
    public static final int XRayTubeCurrentInuA = 0x00188151;

    /** (0018,9004) Content Qualification: CS, VM 1. */
    public static final int ContentQualification = 0x00189004;

    /** (0018,9005) Pulse Sequence Name: SH, VM 1. */
    public static final int PulseSequenceName = 0x00189005;

    /** (0018,9006) MR Imaging Modifier Sequence: SQ, VM 1. */
    public static final int MRImagingModifierSequence = 0x00189006;

    /** (0018,9008) Echo Pulse Sequence: CS, VM 1. */
    public static final int EchoPulseSequence = 0x00189008;

    /** (0018,9009) Inversion Recovery: CS, VM 1. */
    public static final int InversionRecovery = 0x00189009;

    /** (0018,9010) Flow Compensation: CS, VM 1. */
    public static final int FlowCompensation = 0x00189010;

    /** (0018,9011) Multiple Spin Echo: CS, VM 1. */
    public static final int MultipleSpinEcho = 0x00189011;

    /** (0018,9012) Multi-planar Excitation: CS, VM 1. */
    public static final int MultiPlanarExcitation = 0x00189012;

    /** (0018,9014) Phase Contrast: CS, VM 1. */
    public static final int PhaseContrast = 0x00189014;

    /** (0018,9015) Time of Flight Contrast: CS, VM 1. */
    public static final int TimeOfFlightContrast = 0x00189015;

    /** (0018,9016) Spoiling: CS, VM 1. */
    public static final int Spoiling = 0x00189016;

    /** (0018,9017) Steady State Pulse Sequence: CS, VM 1. */
    public static final int SteadyStatePulseSequence = 0x00189017;

    /** (0018,9018) Echo Planar Pulse Sequence: CS, VM 1. */
    public static final int EchoPlanarPulseSequence = 0x00189018;

    /** (0018,9019) Tag Angle First Axis: FD, VM 1. */
    public static final int TagAngleFirstAxis = 0x00189019;

    /** (0018,9020) Magnetization Transfer: CS, VM 1. */
    public static final int MagnetizationTransfer = 0x00189020;

    /** (0018,9021) T2 Preparation: CS, VM 1. */
    public static final int T2Preparation = 0x00189021;

    /** (0018,9022) Blood Signal Nulling: CS, VM 1. */
    public static final int BloodSignalNulling = 0x00189022;

    /** (0018,9024) Saturation Recovery: CS, VM 1. */
    public static final int SaturationRecovery = 0x00189024;

    /** (0018,9025) Spectrally Selected Suppression: CS, VM 1. */
    public static final int SpectrallySelectedSuppression = 0x00189025;

    /** (0018,9026) Spectrally Selected Excitation: CS, VM 1. */
    public static final int SpectrallySelectedExcitation = 0x00189026;

    /** (0018,9027) Spatial Pre-saturation: CS, VM 1. */
    public static final int SpatialPresaturation = 0x00189027;

    /** (0018,9028) Tagging: CS, VM 1. */
    public static final int Tagging = 0x00189028;

    /** (0018,9029) Oversampling Phase: CS, VM 1. */
    public static final int OversamplingPhase = 0x00189029;

    /** (0018,9030) Tag Spacing First Dimension: FD, VM 1. */
    public static final int TagSpacingFirstDimension = 0x00189030;

    /** (0018,9032) Geometry of k-Space Traversal: CS, VM 1. */
    public static final int GeometryOfKSpaceTraversal = 0x00189032;

    /** (0018,9033) Segmented k-Space Traversal: CS, VM 1. */
    public static final int SegmentedKSpaceTraversal = 0x00189033;

    /** (0018,9034) Rectilinear Phase Encode Reordering: CS, VM 1. */
    public static final int RectilinearPhaseEncodeReordering = 0x00189034;

    /** (0018,9035) Tag Thickness: FD, VM 1. */
    public static final int TagThickness = 0x00189035;

    /** (0018,9036) Partial Fourier Direction: CS, VM 1. */
    public static final int PartialFourierDirection = 0x00189036;

    /** (0018,9037) Cardiac Synchronization Technique: CS, VM 1. */
    public static final int CardiacSynchronizationTechnique = 0x00189037;

    /** (0018,9041) Receive Coil Manufacturer Name: LO, VM 1. */
    public static final int ReceiveCoilManufacturerName = 0x00189041;

    /** (0018,9042) MR Receive Coil Sequence: SQ, VM 1. */
    public static final int MRReceiveCoilSequence = 0x00189042;

    /** (0018,9043) Receive Coil Type: CS, VM 1. */
    public static final int ReceiveCoilType = 0x00189043;

    /** (0018,9044) Quadrature Receive Coil: CS, VM 1. */
    public static final int QuadratureReceiveCoil = 0x00189044;

    /** (0018,9045) Multi-Coil Definition Sequence: SQ, VM 1. */
    public static final int MultiCoilDefinitionSequence = 0x00189045;

    /** (0018,9046) Multi-Coil Configuration: LO, VM 1. */
    public static final int MultiCoilConfiguration = 0x00189046;

    /** (0018,9047) Multi-Coil Element Name: SH, VM 1. */
    public static final int MultiCoilElementName = 0x00189047;

    /** (0018,9048) Multi-Coil Element Used: CS, VM 1. */
    public static final int MultiCoilElementUsed = 0x00189048;

    /** (0018,9049) MR Transmit Coil Sequence: SQ, VM 1. */
    public static final int MRTransmitCoilSequence = 0x00189049;

    /** (0018,9050) Transmit Coil Manufacturer Name: LO, VM 1. */
    public static final int TransmitCoilManufacturerName = 0x00189050;

    /** (0018,9051) Transmit Coil Type: CS, VM 1. */
    public static final int TransmitCoilType = 0x00189051;

    /** (0018,9052) Spectral Width: FD, VM 1-2. */
    public static final int SpectralWidth = 0x00189052;

    /** (0018,9053) Chemical Shift Reference: FD, VM 1-2. */
    public static final int ChemicalShiftReference = 0x00189053;

    /** (0018,9054) Volume Localization Technique: CS, VM 1. */
    public static final int VolumeLocalizationTechnique = 0x00189054;

    /** (0018,9058) MR Acquisition Frequency Encoding Steps: US, VM 1. */
    public static final int MRAcquisitionFrequencyEncodingSteps = 0x00189058;

    /** (0018,9059) De-coupling: CS, VM 1. */
    public static final int Decoupling = 0x00189059;

    /** (0018,9060) De-coupled Nucleus: CS, VM 1-2. */
    public static final int DecoupledNucleus = 0x00189060;

    /** (0018,9061) De-coupling Frequency: FD, VM 1-2. */
    public static final int DecouplingFrequency = 0x00189061;

    /** (0018,9062) De-coupling Method: CS, VM 1. */
    public static final int DecouplingMethod = 0x00189062;

    /** (0018,9063) De-coupling Chemical Shift Reference: FD, VM 1-2. */
    public static final int DecouplingChemicalShiftReference = 0x00189063;

    /** (0018,9064) k-space Filtering: CS, VM 1. */
    public static final int KSpaceFiltering = 0x00189064;

    /** (0018,9065) Time Domain Filtering: CS, VM 1-2. */
    public static final int TimeDomainFiltering = 0x00189065;

    /** (0018,9066) Number of Zero Fills: US, VM 1-2. */
    public static final int NumberOfZeroFills = 0x00189066;

    /** (0018,9067) Baseline Correction: CS, VM 1. */
    public static final int BaselineCorrection = 0x00189067;

    /** (0018,9069) Parallel Reduction Factor In-plane: FD, VM 1. */
    public static final int ParallelReductionFactorInPlane = 0x00189069;

    /** (0018,9070) Cardiac R-R Interval Specified: FD, VM 1. */
    public static final int CardiacRRIntervalSpecified = 0x00189070;

    /** (0018,9073) Acquisition Duration: FD, VM 1. */
    public static final int AcquisitionDuration = 0x00189073;

    /** (0018,9074) Frame Acquisition DateTime: DT, VM 1. */
    public static final int FrameAcquisitionDateTime = 0x00189074;

    /** (0018,9075) Diffusion Directionality: CS, VM 1. */
    public static final int DiffusionDirectionality = 0x00189075;

    /** (0018,9076) Diffusion Gradient Direction Sequence: SQ, VM 1. */
    public static final int DiffusionGradientDirectionSequence = 0x00189076;

    /** (0018,9077) Parallel Acquisition: CS, VM 1. */
    public static final int ParallelAcquisition = 0x00189077;

    /** (0018,9078) Parallel Acquisition Technique: CS, VM 1. */
    public static final int ParallelAcquisitionTechnique = 0x00189078;

    /** (0018,9079) Inversion Times: FD, VM 1-n. */
    public static final int InversionTimes = 0x00189079;

    /** (0018,9080) Metabolite Map Description: ST, VM 1. */
    public static final int MetaboliteMapDescription = 0x00189080;

    /** (0018,9081) Partial Fourier: CS, VM 1. */
    public static final int PartialFourier = 0x00189081;

    /** (0018,9082) Effective Echo Time: FD, VM 1. */
    public static final int EffectiveEchoTime = 0x00189082;

    /** (0018,9083) Metabolite Map Code Sequence: SQ, VM 1. */
    public static final int MetaboliteMapCodeSequence = 0x00189083;

    /** (0018,9084) Chemical Shift Sequence: SQ, VM 1. */
    public static final int ChemicalShiftSequence = 0x00189084;

    /** (0018,9085) Cardiac Signal Source: CS, VM 1. */
    public static final int CardiacSignalSource = 0x00189085;

    /** (0018,9087) Diffusion b-value: FD, VM 1. */
    public static final int DiffusionBValue = 0x00189087;

    /** (0018,9089) Diffusion Gradient Orientation: FD, VM 3. */
    public static final int DiffusionGradientOrientation = 0x00189089;

    /** (0018,9090) Velocity Encoding Direction: FD, VM 3. */
    public static final int VelocityEncodingDirection = 0x00189090;

    /** (0018,9091) Velocity Encoding Minimum Value: FD, VM 1. */
    public static final int VelocityEncodingMinimumValue = 0x00189091;

    /** (0018,9092) Velocity Encoding Acquisition Sequence: SQ, VM 1. */
    public static final int VelocityEncodingAcquisitionSequence = 0x00189092;

    /** (0018,9093) Number of k-Space Trajectories: US, VM 1. */
    public static final int NumberOfKSpaceTrajectories = 0x00189093;

    /** (0018,9094) Coverage of k-Space: CS, VM 1. */
    public static final int CoverageOfKSpace = 0x00189094;

    /** (0018,9095) Spectroscopy Acquisition Phase Rows: UL, VM 1. */
    public static final int SpectroscopyAcquisitionPhaseRows = 0x00189095;

    /** (0018,9096) Parallel Reduction Factor In-plane (Retired): FD, VM 1. Retired. */
    public static final int ParallelReductionFactorInPlaneRetired = 0x00189096;

    /** (0018,9098) Transmitter Frequency: FD, VM 1-2. */
    public static final int TransmitterFrequency = 0x00189098;

    /** (0018,9100) Resonant Nucleus: CS, VM 1-2. */
    public static final int ResonantNucleus = 0x00189100;

    /** (0018,9101) Frequency Correction: CS, VM 1. */
    public static final int FrequencyCorrection = 0x00189101;

    /** (0018,9103) MR Spectroscopy FOV/Geometry Sequence: SQ, VM 1. */
    public static final int MRSpectroscopyFOVGeometrySequence = 0x00189103;

    /** (0018,9104) Slab Thickness: FD, VM 1. */
    public static final int SlabThickness = 0x00189104;

    /** (0018,9105) Slab Orientation: FD, VM 3. */
    public static final int SlabOrientation = 0x00189105;

    /** (0018,9106) Mid Slab Position: FD, VM 3. */
    public static final int MidSlabPosition = 0x00189106;

    /** (0018,9107) MR Spatial Saturation Sequence: SQ, VM 1. */
    public static final int MRSpatialSaturationSequence = 0x00189107;

    /** (0018,9112) MR Timing and Related Parameters Sequence: SQ, VM 1. */
    public static final int MRTimingAndRelatedParametersSequence = 0x00189112;

    /** (0018,9114) MR Echo Sequence: SQ, VM 1. */
    public static final int MREchoSequence = 0x00189114;

    /** (0018,9115) MR Modifier Sequence: SQ, VM 1. */
    public static final int MRModifierSequence = 0x00189115;

    /** (0018,9117) MR Diffusion Sequence: SQ, VM 1. */
    public static final int MRDiffusionSequence = 0x00189117;

    /** (0018,9118) Cardiac Synchronization Sequence: SQ, VM 1. */
    public static final int CardiacSynchronizationSequence = 0x00189118;

    /** (0018,9119) MR Averages Sequence: SQ, VM 1. */
    public static final int MRAveragesSequence = 0x00189119;

    /** (0018,9125) MR FOV/Geometry Sequence: SQ, VM 1. */
    public static final int MRFOVGeometrySequence = 0x00189125;

    /** (0018,9126) Volume Localization Sequence: SQ, VM 1. */
    public static final int VolumeLocalizationSequence = 0x00189126;

    /** (0018,9127) Spectroscopy Acquisition Data Columns: UL, VM 1. */
    public static final int SpectroscopyAcquisitionDataColumns = 0x00189127;

    /** (0018,9147) Diffusion Anisotropy Type: CS, VM 1. */
    public static final int DiffusionAnisotropyType = 0x00189147;

    /** (0018,9151) Frame Reference DateTime: DT, VM 1. */
    public static final int FrameReferenceDateTime = 0x00189151;

    /** (0018,9152) MR Metabolite Map Sequence: SQ, VM 1. */
    public static final int MRMetaboliteMapSequence = 0x00189152;

    /** (0018,9155) Parallel Reduction Factor out-of-plane: FD, VM 1. */
    public static final int ParallelReductionFactorOutOfPlane = 0x00189155;

    /** (0018,9159) Spectroscopy Acquisition Out-of-plane Phase Steps: UL, VM 1. */
    public static final int SpectroscopyAcquisitionOutOfPlanePhaseSteps = 0x00189159;

    /** (0018,9166) Bulk Motion Status: CS, VM 1. Retired. */
    public static final int BulkMotionStatus = 0x00189166;

    /** (0018,9168) Parallel Reduction Factor Second In-plane: FD, VM 1. */
    public static final int ParallelReductionFactorSecondInPlane = 0x00189168;

    /** (0018,9169) Cardiac Beat Rejection Technique: CS, VM 1. */
    public static final int CardiacBeatRejectionTechnique = 0x00189169;

    /** (0018,9170) Respiratory Motion Compensation Technique: CS, VM 1. */
    public static final int RespiratoryMotionCompensationTechnique = 0x00189170;

    /** (0018,9171) Respiratory Signal Source: CS, VM 1. */
    public static final int RespiratorySignalSource = 0x00189171;

    /** (0018,9172) Bulk Motion Compensation Technique: CS, VM 1. */
    public static final int BulkMotionCompensationTechnique = 0x00189172;

    /** (0018,9173) Bulk Motion Signal Source: CS, VM 1. */
    public static final int BulkMotionSignalSource = 0x00189173;

    /** (0018,9174) Applicable Safety Standard Agency: CS, VM 1. */
    public static final int ApplicableSafetyStandardAgency = 0x00189174;

    /** (0018,9175) Applicable Safety Standard Description: LO, VM 1. */
    public static final int ApplicableSafetyStandardDescription = 0x00189175;

    /** (0018,9176) Operating Mode Sequence: SQ, VM 1. */
    public static final int OperatingModeSequence = 0x00189176;

    /** (0018,9177) Operating Mode Type: CS, VM 1. */
    public static final int OperatingModeType = 0x00189177;

    /** (0018,9178) Operating Mode: CS, VM 1. */
    public static final int OperatingMode = 0x00189178;

    /** (0018,9179) Specific Absorption Rate Definition: CS, VM 1. */
    public static final int SpecificAbsorptionRateDefinition = 0x00189179;

    /** (0018,9180) Gradient Output Type: CS, VM 1. */
    public static final int GradientOutputType = 0x00189180;

    /** (0018,9181) Specific Absorption Rate Value: FD, VM 1. */
    public static final int SpecificAbsorptionRateValue = 0x00189181;

    /** (0018,9182) Gradient Output: FD, VM 1. */
    public static final int GradientOutput = 0x00189182;

    /** (0018,9183) Flow Compensation Direction: CS, VM 1. */
    public static final int FlowCompensationDirection = 0x00189183;

    /** (0018,9184) Tagging Delay: FD, VM 1. */
    public static final int TaggingDelay = 0x00189184;

    /** (0018,9185) Respiratory Motion Compensation Technique Description: ST, VM 1. */
    public static final int RespiratoryMotionCompensationTechniqueDescription = 0x00189185;

    /** (0018,9186) Respiratory Signal Source ID: SH, VM 1. */
    public static final int RespiratorySignalSourceID = 0x00189186;

    /** (0018,9195) Chemical Shift Minimum Integration Limit in Hz: FD, VM 1. Retired. */
    public static final int ChemicalShiftMinimumIntegrationLimitInHz = 0x00189195;

    /** (0018,9196) Chemical Shift Maximum Integration Limit in Hz: FD, VM 1. Retired. */
    public static final int ChemicalShiftMaximumIntegrationLimitInHz = 0x00189196;

    /** (0018,9197) MR Velocity Encoding Sequence: SQ, VM 1. */
    public static final int MRVelocityEncodingSequence = 0x00189197;

    /** (0018,9198) First Order Phase Correction: CS, VM 1. */
    public static final int FirstOrderPhaseCorrection = 0x00189198;

    /** (0018,9199) Water Referenced Phase Correction: CS, VM 1. */
    public static final int WaterReferencedPhaseCorrection = 0x00189199;

    /** (0018,9200) MR Spectroscopy Acquisition Type: CS, VM 1. */
    public static final int MRSpectroscopyAcquisitionType = 0x00189200;

    /** (0018,9214) Respiratory Cycle Position: CS, VM 1. */
    public static final int RespiratoryCyclePosition = 0x00189214;

    /** (0018,9217) Velocity Encoding Maximum Value: FD, VM 1. */
    public static final int VelocityEncodingMaximumValue = 0x00189217;

    /** (0018,9218) Tag Spacing Second Dimension: FD, VM 1. */
    public static final int TagSpacingSecondDimension = 0x00189218;

    /** (0018,9219) Tag Angle Second Axis: SS, VM 1. */
    public static final int TagAngleSecondAxis = 0x00189219;

    /** (0018,9220) Frame Acquisition Duration: FD, VM 1. */
    public static final int FrameAcquisitionDuration = 0x00189220;

    /** (0018,9226) MR Image Frame Type Sequence: SQ, VM 1. */
    public static final int MRImageFrameTypeSequence = 0x00189226;

    /** (0018,9227) MR Spectroscopy Frame Type Sequence: SQ, VM 1. */
    public static final int MRSpectroscopyFrameTypeSequence = 0x00189227;

    /** (0018,9231) MR Acquisition Phase Encoding Steps in-plane: US, VM 1. */
    public static final int MRAcquisitionPhaseEncodingStepsInPlane = 0x00189231;

    /** (0018,9232) MR Acquisition Phase Encoding Steps out-of-plane: US, VM 1. */
    public static final int MRAcquisitionPhaseEncodingStepsOutOfPlane = 0x00189232;

    /** (0018,9234) Spectroscopy Acquisition Phase Columns: UL, VM 1. */
    public static final int SpectroscopyAcquisitionPhaseColumns = 0x00189234;

    /** (0018,9236) Cardiac Cycle Position: CS, VM 1. */
    public static final int CardiacCyclePosition = 0x00189236;

    /** (0018,9239) Specific Absorption Rate Sequence: SQ, VM 1. */
    public static final int SpecificAbsorptionRateSequence = 0x00189239;

    /** (0018,9240) RF Echo Train Length: US, VM 1. */
    public static final int RFEchoTrainLength = 0x00189240;

    /** (0018,9241) Gradient Echo Train Length: US, VM 1. */
    public static final int GradientEchoTrainLength = 0x00189241;

    /** (0018,9250) Arterial Spin Labeling Contrast: CS, VM 1. */
    public static final int ArterialSpinLabelingContrast = 0x00189250;

    /** (0018,9251) MR Arterial Spin Labeling Sequence: SQ, VM 1. */
    public static final int MRArterialSpinLabelingSequence = 0x00189251;

    /** (0018,9252) ASL Technique Description: LO, VM 1. */
    public static final int ASLTechniqueDescription = 0x00189252;

    /** (0018,9253) ASL Slab Number: US, VM 1. */
    public static final int ASLSlabNumber = 0x00189253;

    /** (0018,9254) ASL Slab Thickness: FD, VM 1. */
    public static final int ASLSlabThickness = 0x00189254;

    /** (0018,9255) ASL Slab Orientation: FD, VM 3. */
    public static final int ASLSlabOrientation = 0x00189255;

    /** (0018,9256) ASL Mid Slab Position: FD, VM 3. */
    public static final int ASLMidSlabPosition = 0x00189256;

    /** (0018,9257) ASL Context: CS, VM 1. */
    public static final int ASLContext = 0x00189257;

    /** (0018,9258) ASL Pulse Train Duration: UL, VM 1. */
    public static final int ASLPulseTrainDuration = 0x00189258;

    /** (0018,9259) ASL Crusher Flag: CS, VM 1. */
    public static final int ASLCrusherFlag = 0x00189259;

    /** (0018,925A) ASL Crusher Flow Limit: FD, VM 1. */
    public static final int ASLCrusherFlowLimit = 0x0018925A;

    /** (0018,925B) ASL Crusher Description: LO, VM 1. */
    public static final int ASLCrusherDescription = 0x0018925B;

    /** (0018,925C) ASL Bolus Cut-off Flag: CS, VM 1. */
    public static final int ASLBolusCutoffFlag = 0x0018925C;

    /** (0018,925D) ASL Bolus Cut-off Timing Sequence: SQ, VM 1. */
    public static final int ASLBolusCutoffTimingSequence = 0x0018925D;

    /** (0018,925E) ASL Bolus Cut-off Technique: LO, VM 1. */
    public static final int ASLBolusCutoffTechnique = 0x0018925E;

    /** (0018,925F) ASL Bolus Cut-off Delay Time: UL, VM 1. */
    public static final int ASLBolusCutoffDelayTime = 0x0018925F;

    /** (0018,9260) ASL Slab Sequence: SQ, VM 1. */
    public static final int ASLSlabSequence = 0x00189260;

    /** (0018,9295) Chemical Shift Minimum Integration Limit in ppm: FD, VM 1. */
    public static final int ChemicalShiftMinimumIntegrationLimitInppm = 0x00189295;

    /** (0018,9296) Chemical Shift Maximum Integration Limit in ppm: FD, VM 1. */
    public static final int ChemicalShiftMaximumIntegrationLimitInppm = 0x00189296;

    /** (0018,9297) Water Reference Acquisition: CS, VM 1. */
    public static final int WaterReferenceAcquisition = 0x00189297;

    /** (0018,9298) Echo Peak Position: IS, VM 1. */
    public static final int EchoPeakPosition = 0x00189298;

    /** (0018,9301) CT Acquisition Type Sequence: SQ, VM 1. */
    public static final int CTAcquisitionTypeSequence = 0x00189301;

    /** (0018,9302) Acquisition Type: CS, VM 1. */
    public static final int AcquisitionType = 0x00189302;

    /** (0018,9303) Tube Angle: FD, VM 1. */
    public static final int TubeAngle = 0x00189303;

    /** (0018,9304) CT Acquisition Details Sequence: SQ, VM 1. */
    public static final int CTAcquisitionDetailsSequence = 0x00189304;

    /** (0018,9305) Revolution Time: FD, VM 1. */
    public static final int RevolutionTime = 0x00189305;

    /** (0018,9306) Single Collimation Width: FD, VM 1. */
    public static final int SingleCollimationWidth = 0x00189306;

    /** (0018,9307) Total Collimation Width: FD, VM 1. */
    public static final int TotalCollimationWidth = 0x00189307;

    /** (0018,9308) CT Table Dynamics Sequence: SQ, VM 1. */
    public static final int CTTableDynamicsSequence = 0x00189308;

    /** (0018,9309) Table Speed: FD, VM 1. */
    public static final int TableSpeed = 0x00189309;

    /** (0018,9310) Table Feed per Rotation: FD, VM 1. */
    public static final int TableFeedPerRotation = 0x00189310;

    /** (0018,9311) Spiral Pitch Factor: FD, VM 1. */
    public static final int SpiralPitchFactor = 0x00189311;

    /** (0018,9312) CT Geometry Sequence: SQ, VM 1. */
    public static final int CTGeometrySequence = 0x00189312;

    /** (0018,9313) Data Collection Center (Patient): FD, VM 3. */
    public static final int DataCollectionCenterPatient = 0x00189313;

    /** (0018,9314) CT Reconstruction Sequence: SQ, VM 1. */
    public static final int CTReconstructionSequence = 0x00189314;

    /** (0018,9315) Reconstruction Algorithm: CS, VM 1. */
    public static final int ReconstructionAlgorithm = 0x00189315;

    /** (0018,9316) Convolution Kernel Group: CS, VM 1. */
    public static final int ConvolutionKernelGroup = 0x00189316;

    /** (0018,9317) Reconstruction Field of View: FD, VM 2. */
    public static final int ReconstructionFieldOfView = 0x00189317;

    /** (0018,9318) Reconstruction Target Center (Patient): FD, VM 3. */
    public static final int ReconstructionTargetCenterPatient = 0x00189318;

    /** (0018,9319) Reconstruction Angle: FD, VM 1. */
    public static final int ReconstructionAngle = 0x00189319;

    /** (0018,9320) Image Filter: SH, VM 1. */
    public static final int ImageFilter = 0x00189320;

    /** (0018,9321) CT Exposure Sequence: SQ, VM 1. */
    public static final int CTExposureSequence = 0x00189321;

    /** (0018,9322) Reconstruction Pixel Spacing: FD, VM 2. */
    public static final int ReconstructionPixelSpacing = 0x00189322;

    /** (0018,9323) Exposure Modulation Type: CS, VM 1-n. */
    public static final int ExposureModulationType = 0x00189323;

    /** (0018,9324) Estimated Dose Saving: FD, VM 1. Retired. */
    public static final int EstimatedDoseSaving = 0x00189324;

    /** (0018,9325) CT X-Ray Details Sequence: SQ, VM 1. */
    public static final int CTXRayDetailsSequence = 0x00189325;

    /** (0018,9326) CT Position Sequence: SQ, VM 1. */
    public static final int CTPositionSequence = 0x00189326;

    /** (0018,9327) Table Position: FD, VM 1. */
    public static final int TablePosition = 0x00189327;

    /** (0018,9328) Exposure Time in ms: FD, VM 1. */
    public static final int ExposureTimeInms = 0x00189328;

    /** (0018,9329) CT Image Frame Type Sequence: SQ, VM 1. */
    public static final int CTImageFrameTypeSequence = 0x00189329;

    /** (0018,9330) X-Ray Tube Current in mA: FD, VM 1. */
    public static final int XRayTubeCurrentInmA = 0x00189330;

    /** (0018,9332) Exposure in mAs: FD, VM 1. */
    public static final int ExposureInmAs = 0x00189332;

    /** (0018,9333) Constant Volume Flag: CS, VM 1. */
    public static final int ConstantVolumeFlag = 0x00189333;

    /** (0018,9334) Fluoroscopy Flag: CS, VM 1. */
    public static final int FluoroscopyFlag = 0x00189334;

    /** (0018,9335) Distance Source to Data Collection Center: FD, VM 1. */
    public static final int DistanceSourceToDataCollectionCenter = 0x00189335;

    /** (0018,9337) Contrast/Bolus Agent Number: US, VM 1. */
    public static final int ContrastBolusAgentNumber = 0x00189337;

    /** (0018,9338) Contrast/Bolus Ingredient Code Sequence: SQ, VM 1. */
    public static final int ContrastBolusIngredientCodeSequence = 0x00189338;

    /** (0018,9340) Contrast Administration Profile Sequence: SQ, VM 1. */
    public static final int ContrastAdministrationProfileSequence = 0x00189340;

    /** (0018,9341) Contrast/Bolus Usage Sequence: SQ, VM 1. */
    public static final int ContrastBolusUsageSequence = 0x00189341;

    /** (0018,9342) Contrast/Bolus Agent Administered: CS, VM 1. */
    public static final int ContrastBolusAgentAdministered = 0x00189342;

    /** (0018,9343) Contrast/Bolus Agent Detected: CS, VM 1. */
    public static final int ContrastBolusAgentDetected = 0x00189343;

    /** (0018,9344) Contrast/Bolus Agent Phase: CS, VM 1. */
    public static final int ContrastBolusAgentPhase = 0x00189344;

    /** (0018,9345) CTDIvol: FD, VM 1. */
    public static final int CTDIvol = 0x00189345;

    /** (0018,9346) CTDI Phantom Type Code Sequence: SQ, VM 1. */
    public static final int CTDIPhantomTypeCodeSequence = 0x00189346;

    /** (0018,9351) Calcium Scoring Mass Factor Patient: FL, VM 1. */
    public static final int CalciumScoringMassFactorPatient = 0x00189351;

    /** (0018,9352) Calcium Scoring Mass Factor Device: FL, VM 3. */
    public static final int CalciumScoringMassFactorDevice = 0x00189352;

    /** (0018,9353) Energy Weighting Factor: FL, VM 1. */
    public static final int EnergyWeightingFactor = 0x00189353;

    /** (0018,9360) CT Additional X-Ray Source Sequence: SQ, VM 1. */
    public static final int CTAdditionalXRaySourceSequence = 0x00189360;

    /** (0018,9361) Multi-energy CT Acquisition: CS, VM 1. */
    public static final int MultienergyCTAcquisition = 0x00189361;

    /** (0018,9362) Multi-energy CT Acquisition Sequence: SQ, VM 1. */
    public static final int MultienergyCTAcquisitionSequence = 0x00189362;

    /** (0018,9363) Multi-energy CT Processing Sequence: SQ, VM 1. */
    public static final int MultienergyCTProcessingSequence = 0x00189363;

    /** (0018,9364) Multi-energy CT Characteristics Sequence: SQ, VM 1. */
    public static final int MultienergyCTCharacteristicsSequence = 0x00189364;

    /** (0018,9365) Multi-energy CT X-Ray Source Sequence: SQ, VM 1. */
    public static final int MultienergyCTXRaySourceSequence = 0x00189365;

    /** (0018,9366) X-Ray Source Index: US, VM 1. */
    public static final int XRaySourceIndex = 0x00189366;

    /** (0018,9367) X-Ray Source ID: UC, VM 1. */
    public static final int XRaySourceID = 0x00189367;

    /** (0018,9368) Multi-energy Source Technique: CS, VM 1. */
    public static final int MultienergySourceTechnique = 0x00189368;

    /** (0018,9369) Source Start DateTime: DT, VM 1. */
    public static final int SourceStartDateTime = 0x00189369;

    /** (0018,936A) Source End DateTime: DT, VM 1. */
    public static final int SourceEndDateTime = 0x0018936A;

    /** (0018,936B) Switching Phase Number: US, VM 1. */
    public static final int SwitchingPhaseNumber = 0x0018936B;

    /** (0018,936C) Switching Phase Nominal Duration: DS, VM 1. */
    public static final int SwitchingPhaseNominalDuration = 0x0018936C;

    /** (0018,936D) Switching Phase Transition Duration: DS, VM 1. */
    public static final int SwitchingPhaseTransitionDuration = 0x0018936D;

    /** (0018,936E) Effective Bin Energy: DS, VM 1. */
    public static final int EffectiveBinEnergy = 0x0018936E;

    /** (0018,936F) Multi-energy CT X-Ray Detector Sequence: SQ, VM 1. */
    public static final int MultienergyCTXRayDetectorSequence = 0x0018936F;

    /** (0018,9370) X-Ray Detector Index: US, VM 1. */
    public static final int XRayDetectorIndex = 0x00189370;

    /** (0018,9371) X-Ray Detector ID: UC, VM 1. */
    public static final int XRayDetectorID = 0x00189371;

    /** (0018,9372) Multi-energy Detector Type: CS, VM 1. */
    public static final int MultienergyDetectorType = 0x00189372;

    /** (0018,9373) X-Ray Detector Label: ST, VM 1. */
    public static final int XRayDetectorLabel = 0x00189373;

    /** (0018,9374) Nominal Max Energy: DS, VM 1. */
    public static final int NominalMaxEnergy = 0x00189374;

    /** (0018,9375) Nominal Min Energy: DS, VM 1. */
    public static final int NominalMinEnergy = 0x00189375;

    /** (0018,9376) Referenced X-Ray Detector Index: US, VM 1-n. */
    public static final int ReferencedXRayDetectorIndex = 0x00189376;

    /** (0018,9377) Referenced X-Ray Source Index: US, VM 1-n. */
    public static final int ReferencedXRaySourceIndex = 0x00189377;

    /** (0018,9378) Referenced Path Index: US, VM 1-n. */
    public static final int ReferencedPathIndex = 0x00189378;

    /** (0018,9379) Multi-energy CT Path Sequence: SQ, VM 1. */
    public static final int MultienergyCTPathSequence = 0x00189379;

    /** (0018,937A) Multi-energy CT Path Index: US, VM 1. */
    public static final int MultienergyCTPathIndex = 0x0018937A;

    /** (0018,937B) Multi-energy Acquisition Description: UT, VM 1. */
    public static final int MultienergyAcquisitionDescription = 0x0018937B;

    /** (0018,937C) Monoenergetic Energy Equivalent: FD, VM 1. */
    public static final int MonoenergeticEnergyEquivalent = 0x0018937C;

    /** (0018,937D) Material Code Sequence: SQ, VM 1. */
    public static final int MaterialCodeSequence = 0x0018937D;

    /** (0018,937E) Decomposition Method: CS, VM 1. */
    public static final int DecompositionMethod = 0x0018937E;

    /** (0018,937F) Decomposition Description: UT, VM 1. */
    public static final int DecompositionDescription = 0x0018937F;

    /** (0018,9380) Decomposition Algorithm Identification Sequence: SQ, VM 1. */
    public static final int DecompositionAlgorithmIdentificationSequence = 0x00189380;

    /** (0018,9381) Decomposition Material Sequence: SQ, VM 1. */
    public static final int DecompositionMaterialSequence = 0x00189381;

    /** (0018,9382) Material Attenuation Sequence: SQ, VM 1. */
    public static final int MaterialAttenuationSequence = 0x00189382;

    /** (0018,9383) Photon Energy: DS, VM 1. */
    public static final int PhotonEnergy = 0x00189383;

    /** (0018,9384) X-Ray Mass Attenuation Coefficient: DS, VM 1. */
    public static final int XRayMassAttenuationCoefficient = 0x00189384;

    /** (0018,9390) Metal Artifact Reduction Sequence: SQ, VM 1. */
    public static final int MetalArtifactReductionSequence = 0x00189390;

    /** (0018,9391) Metal Artifact Reduction Applied: CS, VM 1. */
    public static final int MetalArtifactReductionApplied = 0x00189391;

    /** (0018,9392) Metal Artifact Reduction Algorithm Identification Sequence: SQ, VM 1. */
    public static final int MetalArtifactReductionAlgorithmIdentificationSequence = 0x00189392;

    /** (0018,9401) Projection Pixel Calibration Sequence: SQ, VM 1. */
    public static final int ProjectionPixelCalibrationSequence = 0x00189401;

    /** (0018,9402) Distance Source to Isocenter: FL, VM 1. */
    public static final int DistanceSourceToIsocenter = 0x00189402;

    /** (0018,9403) Distance Object to Table Top: FL, VM 1. */
    public static final int DistanceObjectToTableTop = 0x00189403;

    /** (0018,9404) Object Pixel Spacing in Center of Beam: FL, VM 2. */
    public static final int ObjectPixelSpacingInCenterOfBeam = 0x00189404;

    /** (0018,9405) Positioner Position Sequence: SQ, VM 1. */
    public static final int PositionerPositionSequence = 0x00189405;

    /** (0018,9406) Table Position Sequence: SQ, VM 1. */
    public static final int TablePositionSequence = 0x00189406;

    /** (0018,9407) Collimator Shape Sequence: SQ, VM 1. */
    public static final int CollimatorShapeSequence = 0x00189407;

    /** (0018,9410) Planes in Acquisition: CS, VM 1. */
    public static final int PlanesInAcquisition = 0x00189410;

    /** (0018,9412) XA/XRF Frame Characteristics Sequence: SQ, VM 1. */
    public static final int XAXRFFrameCharacteristicsSequence = 0x00189412;

    /** (0018,9417) Frame Acquisition Sequence: SQ, VM 1. */
    public static final int FrameAcquisitionSequence = 0x00189417;

    /** (0018,9420) X-Ray Receptor Type: CS, VM 1. */
    public static final int XRayReceptorType = 0x00189420;

    /** (0018,9423) Acquisition Protocol Name: LO, VM 1. */
    public static final int AcquisitionProtocolName = 0x00189423;

    /** (0018,9424) Acquisition Protocol Description: LT, VM 1. */
    public static final int AcquisitionProtocolDescription = 0x00189424;

    /** (0018,9425) Contrast/Bolus Ingredient Opaque: CS, VM 1. */
    public static final int ContrastBolusIngredientOpaque = 0x00189425;

    /** (0018,9426) Distance Receptor Plane to Detector Housing: FL, VM 1. */
    public static final int DistanceReceptorPlaneToDetectorHousing = 0x00189426;

    /** (0018,9427) Intensifier Active Shape: CS, VM 1. */
    public static final int IntensifierActiveShape = 0x00189427;

    /** (0018,9428) Intensifier Active Dimension(s): FL, VM 1-2. */
    public static final int IntensifierActiveDimensions = 0x00189428;

    /** (0018,9429) Physical Detector Size: FL, VM 2. */
    public static final int PhysicalDetectorSize = 0x00189429;

    /** (0018,9430) Position of Isocenter Projection: FL, VM 2. */
    public static final int PositionOfIsocenterProjection = 0x00189430;

    /** (0018,9432) Field of View Sequence: SQ, VM 1. */
    public static final int FieldOfViewSequence = 0x00189432;

    /** (0018,9433) Field of View Description: LO, VM 1. */
    public static final int FieldOfViewDescription = 0x00189433;

    /** (0018,9434) Exposure Control Sensing Regions Sequence: SQ, VM 1. */
    public static final int ExposureControlSensingRegionsSequence = 0x00189434;

    /** (0018,9435) Exposure Control Sensing Region Shape: CS, VM 1. */
    public static final int ExposureControlSensingRegionShape = 0x00189435;

    /** (0018,9436) Exposure Control Sensing Region Left Vertical Edge: SS, VM 1. */
    public static final int ExposureControlSensingRegionLeftVerticalEdge = 0x00189436;

    /** (0018,9437) Exposure Control Sensing Region Right Vertical Edge: SS, VM 1. */
    public static final int ExposureControlSensingRegionRightVerticalEdge = 0x00189437;

    /** (0018,9438) Exposure Control Sensing Region Upper Horizontal Edge: SS, VM 1. */
    public static final int ExposureControlSensingRegionUpperHorizontalEdge = 0x00189438;

    /** (0018,9439) Exposure Control Sensing Region Lower Horizontal Edge: SS, VM 1. */
    public static final int ExposureControlSensingRegionLowerHorizontalEdge = 0x00189439;

    /** (0018,9440) Center of Circular Exposure Control Sensing Region: SS, VM 2. */
    public static final int CenterOfCircularExposureControlSensingRegion = 0x00189440;

    /** (0018,9441) Radius of Circular Exposure Control Sensing Region: US, VM 1. */
    public static final int RadiusOfCircularExposureControlSensingRegion = 0x00189441;

    /** (0018,9442) Vertices of the Polygonal Exposure Control Sensing Region: SS, VM 2-n. */
    public static final int VerticesOfThePolygonalExposureControlSensingRegion = 0x00189442;

    /** (0018,9447) Column Angulation (Patient): FL, VM 1. */
    public static final int ColumnAngulationPatient = 0x00189447;

    /** (0018,9449) Beam Angle: FL, VM 1. */
    public static final int BeamAngle = 0x00189449;

    /** (0018,9451) Frame Detector Parameters Sequence: SQ, VM 1. */
    public static final int FrameDetectorParametersSequence = 0x00189451;

    /** (0018,9452) Calculated Anatomy Thickness: FL, VM 1. */
    public static final int CalculatedAnatomyThickness = 0x00189452;

    /** (0018,9455) Calibration Sequence: SQ, VM 1. */
    public static final int CalibrationSequence = 0x00189455;

    /** (0018,9456) Object Thickness Sequence: SQ, VM 1. */
    public static final int ObjectThicknessSequence = 0x00189456;

    /** (0018,9457) Plane Identification: CS, VM 1. */
    public static final int PlaneIdentification = 0x00189457;

    /** (0018,9461) Field of View Dimension(s) in Float: FL, VM 1-2. */
    public static final int FieldOfViewDimensionsInFloat = 0x00189461;

    /** (0018,9462) Isocenter Reference System Sequence: SQ, VM 1. */
    public static final int IsocenterReferenceSystemSequence = 0x00189462;

    /** (0018,9463) Positioner Isocenter Primary Angle: FL, VM 1. */
    public static final int PositionerIsocenterPrimaryAngle = 0x00189463;

    /** (0018,9464) Positioner Isocenter Secondary Angle: FL, VM 1. */
    public static final int PositionerIsocenterSecondaryAngle = 0x00189464;

    /** (0018,9465) Positioner Isocenter Detector Rotation Angle: FL, VM 1. */
    public static final int PositionerIsocenterDetectorRotationAngle = 0x00189465;

    /** (0018,9466) Table X Position to Isocenter: FL, VM 1. */
    public static final int TableXPositionToIsocenter = 0x00189466;

    /** (0018,9467) Table Y Position to Isocenter: FL, VM 1. */
    public static final int TableYPositionToIsocenter = 0x00189467;

    /** (0018,9468) Table Z Position to Isocenter: FL, VM 1. */
    public static final int TableZPositionToIsocenter = 0x00189468;

    /** (0018,9469) Table Horizontal Rotation Angle: FL, VM 1. */
    public static final int TableHorizontalRotationAngle = 0x00189469;

    /** (0018,9470) Table Head Tilt Angle: FL, VM 1. */
    public static final int TableHeadTiltAngle = 0x00189470;

    /** (0018,9471) Table Cradle Tilt Angle: FL, VM 1. */
    public static final int TableCradleTiltAngle = 0x00189471;

    /** (0018,9472) Frame Display Shutter Sequence: SQ, VM 1. */
    public static final int FrameDisplayShutterSequence = 0x00189472;

    /** (0018,9473) Acquired Image Area Dose Product: FL, VM 1. */
    public static final int AcquiredImageAreaDoseProduct = 0x00189473;

    /** (0018,9474) C-arm Positioner Tabletop Relationship: CS, VM 1. */
    public static final int CArmPositionerTabletopRelationship = 0x00189474;

    /** (0018,9476) X-Ray Geometry Sequence: SQ, VM 1. */
    public static final int XRayGeometrySequence = 0x00189476;

    /** (0018,9477) Irradiation Event Identification Sequence: SQ, VM 1. */
    public static final int IrradiationEventIdentificationSequence = 0x00189477;

    /** (0018,9504) X-Ray 3D Frame Type Sequence: SQ, VM 1. */
    public static final int XRay3DFrameTypeSequence = 0x00189504;

    /** (0018,9506) Contributing Sources Sequence: SQ, VM 1. */
    public static final int ContributingSourcesSequence = 0x00189506;

    /** (0018,9507) X-Ray 3D Acquisition Sequence: SQ, VM 1. */
    public static final int XRay3DAcquisitionSequence = 0x00189507;

    /** (0018,9508) Primary Positioner Scan Arc: FL, VM 1. */
    public static final int PrimaryPositionerScanArc = 0x00189508;

    /** (0018,9509) Secondary Positioner Scan Arc: FL, VM 1. */
    public static final int SecondaryPositionerScanArc = 0x00189509;

    /** (0018,9510) Primary Positioner Scan Start Angle: FL, VM 1. */
    public static final int PrimaryPositionerScanStartAngle = 0x00189510;

    /** (0018,9511) Secondary Positioner Scan Start Angle: FL, VM 1. */
    public static final int SecondaryPositionerScanStartAngle = 0x00189511;

    /** (0018,9514) Primary Positioner Increment: FL, VM 1. */
    public static final int PrimaryPositionerIncrement = 0x00189514;

    /** (0018,9515) Secondary Positioner Increment: FL, VM 1. */
    public static final int SecondaryPositionerIncrement = 0x00189515;

    /** (0018,9516) Start Acquisition DateTime: DT, VM 1. */
    public static final int StartAcquisitionDateTime = 0x00189516;

    /** (0018,9517) End Acquisition DateTime: DT, VM 1. */
    public static final int EndAcquisitionDateTime = 0x00189517;

    /** (0018,9518) Primary Positioner Increment Sign: SS, VM 1. */
    public static final int PrimaryPositionerIncrementSign = 0x00189518;

    /** (0018,9519) Secondary Positioner Increment Sign: SS, VM 1. */
    public static final int SecondaryPositionerIncrementSign = 0x00189519;

    /** (0018,9524) Application Name: LO, VM 1. */
    public static final int ApplicationName = 0x00189524;

    /** (0018,9525) Application Version: LO, VM 1. */
    public static final int ApplicationVersion = 0x00189525;

    /** (0018,9526) Application Manufacturer: LO, VM 1. */
    public static final int ApplicationManufacturer = 0x00189526;

    /** (0018,9527) Algorithm Type: CS, VM 1. */
    public static final int AlgorithmType = 0x00189527;

    /** (0018,9528) Algorithm Description: LO, VM 1. */
    public static final int AlgorithmDescription = 0x00189528;

    /** (0018,9530) X-Ray 3D Reconstruction Sequence: SQ, VM 1. */
    public static final int XRay3DReconstructionSequence = 0x00189530;

    /** (0018,9531) Reconstruction Description: LO, VM 1. */
    public static final int ReconstructionDescription = 0x00189531;

    /** (0018,9538) Per Projection Acquisition Sequence: SQ, VM 1. */
    public static final int PerProjectionAcquisitionSequence = 0x00189538;

    /** (0018,9541) Detector Position Sequence: SQ, VM 1. */
    public static final int DetectorPositionSequence = 0x00189541;

    /** (0018,9542) X-Ray Acquisition Dose Sequence: SQ, VM 1. */
    public static final int XRayAcquisitionDoseSequence = 0x00189542;

    /** (0018,9543) X-Ray Source Isocenter Primary Angle: FD, VM 1. */
    public static final int XRaySourceIsocenterPrimaryAngle = 0x00189543;

    /** (0018,9544) X-Ray Source Isocenter Secondary Angle: FD, VM 1. */
    public static final int XRaySourceIsocenterSecondaryAngle = 0x00189544;

    /** (0018,9545) Breast Support Isocenter Primary Angle: FD, VM 1. */
    public static final int BreastSupportIsocenterPrimaryAngle = 0x00189545;

    /** (0018,9546) Breast Support Isocenter Secondary Angle: FD, VM 1. */
    public static final int BreastSupportIsocenterSecondaryAngle = 0x00189546;

    /** (0018,9547) Breast Support X Position to Isocenter: FD, VM 1. */
    public static final int BreastSupportXPositionToIsocenter = 0x00189547;

    /** (0018,9548) Breast Support Y Position to Isocenter: FD, VM 1. */
    public static final int BreastSupportYPositionToIsocenter = 0x00189548;

    /** (0018,9549) Breast Support Z Position to Isocenter: FD, VM 1. */
    public static final int BreastSupportZPositionToIsocenter = 0x00189549;

    /** (0018,9550) Detector Isocenter Primary Angle: FD, VM 1. */
    public static final int DetectorIsocenterPrimaryAngle = 0x00189550;

    /** (0018,9551) Detector Isocenter Secondary Angle: FD, VM 1. */
    public static final int DetectorIsocenterSecondaryAngle = 0x00189551;

    /** (0018,9552) Detector X Position to Isocenter: FD, VM 1. */
    public static final int DetectorXPositionToIsocenter = 0x00189552;

    /** (0018,9553) Detector Y Position to Isocenter: FD, VM 1. */
    public static final int DetectorYPositionToIsocenter = 0x00189553;

    /** (0018,9554) Detector Z Position to Isocenter: FD, VM 1. */
    public static final int DetectorZPositionToIsocenter = 0x00189554;

    /** (0018,9555) X-Ray Grid Sequence: SQ, VM 1. */
    public static final int XRayGridSequence = 0x00189555;

    /** (0018,9556) X-Ray Filter Sequence: SQ, VM 1. */
    public static final int XRayFilterSequence = 0x00189556;

    /** (0018,9557) Detector Active Area TLHC Position: FD, VM 3. */
    public static final int DetectorActiveAreaTLHCPosition = 0x00189557;

    /** (0018,9558) Detector Active Area Orientation: FD, VM 6. */
    public static final int DetectorActiveAreaOrientation = 0x00189558;

    /** (0018,9559) Positioner Primary Angle Direction: CS, VM 1. */
    public static final int PositionerPrimaryAngleDirection = 0x00189559;

    /** (0018,9601) Diffusion b-matrix Sequence: SQ, VM 1. */
    public static final int DiffusionBMatrixSequence = 0x00189601;

    /** (0018,9602) Diffusion b-value XX: FD, VM 1. */
    public static final int DiffusionBValueXX = 0x00189602;

    /** (0018,9603) Diffusion b-value XY: FD, VM 1. */
    public static final int DiffusionBValueXY = 0x00189603;

    /** (0018,9604) Diffusion b-value XZ: FD, VM 1. */
    public static final int DiffusionBValueXZ = 0x00189604;

    /** (0018,9605) Diffusion b-value YY: FD, VM 1. */
    public static final int DiffusionBValueYY = 0x00189605;

    /** (0018,9606) Diffusion b-value YZ: FD, VM 1. */
    public static final int DiffusionBValueYZ = 0x00189606;

    /** (0018,9607) Diffusion b-value ZZ: FD, VM 1. */
    public static final int DiffusionBValueZZ = 0x00189607;

    /** (0018,9621) Functional MR Sequence: SQ, VM 1. */
    public static final int FunctionalMRSequence = 0x00189621;

    /** (0018,9622) Functional Settling Phase Frames Present: CS, VM 1. */
    public static final int FunctionalSettlingPhaseFramesPresent = 0x00189622;

    /** (0018,9623) Functional Sync Pulse: DT, VM 1. */
    public static final int FunctionalSyncPulse = 0x00189623;

    /** (0018,9624) Settling Phase Frame: CS, VM 1. */
    public static final int SettlingPhaseFrame = 0x00189624;

    /** (0018,9701) Decay Correction DateTime: DT, VM 1. */
    public static final int DecayCorrectionDateTime = 0x00189701;

    /** (0018,9715) Start Density Threshold: FD, VM 1. */
    public static final int StartDensityThreshold = 0x00189715;

    /** (0018,9716) Start Relative Density Difference Threshold: FD, VM 1. */
    public static final int StartRelativeDensityDifferenceThreshold = 0x00189716;

    /** (0018,9717) Start Cardiac Trigger Count Threshold: FD, VM 1. */
    public static final int StartCardiacTriggerCountThreshold = 0x00189717;

    /** (0018,9718) Start Respiratory Trigger Count Threshold: FD, VM 1. */
    public static final int StartRespiratoryTriggerCountThreshold = 0x00189718;

    /** (0018,9719) Termination Counts Threshold: FD, VM 1. */
    public static final int TerminationCountsThreshold = 0x00189719;

    /** (0018,9720) Termination Density Threshold: FD, VM 1. */
    public static final int TerminationDensityThreshold = 0x00189720;

    /** (0018,9721) Termination Relative Density Threshold: FD, VM 1. */
    public static final int TerminationRelativeDensityThreshold = 0x00189721;

    /** (0018,9722) Termination Time Threshold: FD, VM 1. */
    public static final int TerminationTimeThreshold = 0x00189722;

    /** (0018,9723) Termination Cardiac Trigger Count Threshold: FD, VM 1. */
    public static final int TerminationCardiacTriggerCountThreshold = 0x00189723;

    /** (0018,9724) Termination Respiratory Trigger Count Threshold: FD, VM 1. */
    public static final int TerminationRespiratoryTriggerCountThreshold = 0x00189724;

    /** (0018,9725) Detector Geometry: CS, VM 1. */
    public static final int DetectorGeometry = 0x00189725;

    /** (0018,9726) Transverse Detector Separation: FD, VM 1. */
    public static final int TransverseDetectorSeparation = 0x00189726;

    /** (0018,9727) Axial Detector Dimension: FD, VM 1. */
    public static final int AxialDetectorDimension = 0x00189727;

    /** (0018,9729) Radiopharmaceutical Agent Number: US, VM 1. */
    public static final int RadiopharmaceuticalAgentNumber = 0x00189729;

    /** (0018,9732) PET Frame Acquisition Sequence: SQ, VM 1. */
    public static final int PETFrameAcquisitionSequence = 0x00189732;

    /** (0018,9733) PET Detector Motion Details Sequence: SQ, VM 1. */
    public static final int PETDetectorMotionDetailsSequence = 0x00189733;

    /** (0018,9734) PET Table Dynamics Sequence: SQ, VM 1. */
    public static final int PETTableDynamicsSequence = 0x00189734;

    /** (0018,9735) PET Position Sequence: SQ, VM 1. */
    public static final int PETPositionSequence = 0x00189735;

    /** (0018,9736) PET Frame Correction Factors Sequence: SQ, VM 1. */
    public static final int PETFrameCorrectionFactorsSequence = 0x00189736;

    /** (0018,9737) Radiopharmaceutical Usage Sequence: SQ, VM 1. */
    public static final int RadiopharmaceuticalUsageSequence = 0x00189737;

    /** (0018,9738) Attenuation Correction Source: CS, VM 1. */
    public static final int AttenuationCorrectionSource = 0x00189738;

    /** (0018,9739) Number of Iterations: US, VM 1. */
    public static final int NumberOfIterations = 0x00189739;

    /** (0018,9740) Number of Subsets: US, VM 1. */
    public static final int NumberOfSubsets = 0x00189740;

    /** (0018,9749) PET Reconstruction Sequence: SQ, VM 1. */
    public static final int PETReconstructionSequence = 0x00189749;

    /** (0018,9751) PET Frame Type Sequence: SQ, VM 1. */
    public static final int PETFrameTypeSequence = 0x00189751;

    /** (0018,9755) Time of Flight Information Used: CS, VM 1. */
    public static final int TimeOfFlightInformationUsed = 0x00189755;

    /** (0018,9756) Reconstruction Type: CS, VM 1. */
    public static final int ReconstructionType = 0x00189756;

    /** (0018,9758) Decay Corrected: CS, VM 1. */
    public static final int DecayCorrected = 0x00189758;

    /** (0018,9759) Attenuation Corrected: CS, VM 1. */
    public static final int AttenuationCorrected = 0x00189759;

    /** (0018,9760) Scatter Corrected: CS, VM 1. */
    public static final int ScatterCorrected = 0x00189760;

    /** (0018,9761) Dead Time Corrected: CS, VM 1. */
    public static final int DeadTimeCorrected = 0x00189761;

    /** (0018,9762) Gantry Motion Corrected: CS, VM 1. */
    public static final int GantryMotionCorrected = 0x00189762;

    /** (0018,9763) Patient Motion Corrected: CS, VM 1. */
    public static final int PatientMotionCorrected = 0x00189763;

    /** (0018,9764) Count Loss Normalization Corrected: CS, VM 1. */
    public static final int CountLossNormalizationCorrected = 0x00189764;

    /** (0018,9765) Randoms Corrected: CS, VM 1. */
    public static final int RandomsCorrected = 0x00189765;

    /** (0018,9766) Non-uniform Radial Sampling Corrected: CS, VM 1. */
    public static final int NonUniformRadialSamplingCorrected = 0x00189766;

    /** (0018,9767) Sensitivity Calibrated: CS, VM 1. */
    public static final int SensitivityCalibrated = 0x00189767;

    /** (0018,9768) Detector Normalization Correction: CS, VM 1. */
    public static final int DetectorNormalizationCorrection = 0x00189768;

    /** (0018,9769) Iterative Reconstruction Method: CS, VM 1. */
    public static final int IterativeReconstructionMethod = 0x00189769;

    /** (0018,9770) Attenuation Correction Temporal Relationship: CS, VM 1. */
    public static final int AttenuationCorrectionTemporalRelationship = 0x00189770;

    /** (0018,9771) Patient Physiological State Sequence: SQ, VM 1. */
    public static final int PatientPhysiologicalStateSequence = 0x00189771;

    /** (0018,9772) Patient Physiological State Code Sequence: SQ, VM 1. */
    public static final int PatientPhysiologicalStateCodeSequence = 0x00189772;

    /** (0018,9801) Depth(s) of Focus: FD, VM 1-n. */
    public static final int DepthsOfFocus = 0x00189801;

    /** (0018,9803) Excluded Intervals Sequence: SQ, VM 1. */
    public static final int ExcludedIntervalsSequence = 0x00189803;

    /** (0018,9804) Exclusion Start DateTime: DT, VM 1. */
    public static final int ExclusionStartDateTime = 0x00189804;

    /** (0018,9805) Exclusion Duration: FD, VM 1. */
    public static final int ExclusionDuration = 0x00189805;

    /** (0018,9806) US Image Description Sequence: SQ, VM 1. */
    public static final int USImageDescriptionSequence = 0x00189806;

    /** (0018,9807) Image Data Type Sequence: SQ, VM 1. */
    public static final int ImageDataTypeSequence = 0x00189807;

    /** (0018,9808) Data Type: CS, VM 1. */
    public static final int DataType = 0x00189808;

    /** (0018,9809) Transducer Scan Pattern Code Sequence: SQ, VM 1. */
    public static final int TransducerScanPatternCodeSequence = 0x00189809;

    /** (0018,980B) Aliased Data Type: CS, VM 1. */
    public static final int AliasedDataType = 0x0018980B;

    /** (0018,980C) Position Measuring Device Used: CS, VM 1. */
    public static final int PositionMeasuringDeviceUsed = 0x0018980C;

    /** (0018,980D) Transducer Geometry Code Sequence: SQ, VM 1. */
    public static final int TransducerGeometryCodeSequence = 0x0018980D;

    /** (0018,980E) Transducer Beam Steering Code Sequence: SQ, VM 1. */
    public static final int TransducerBeamSteeringCodeSequence = 0x0018980E;

    /** (0018,980F) Transducer Application Code Sequence: SQ, VM 1. */
    public static final int TransducerApplicationCodeSequence = 0x0018980F;

    /** (0018,9810) Zero Velocity Pixel Value: US or SS, VM 1. */
    public static final int ZeroVelocityPixelValue = 0x00189810;

    /** (0018,9821) Photoacoustic Excitation Characteristics Sequence: SQ, VM 1. */
    public static final int PhotoacousticExcitationCharacteristicsSequence = 0x00189821;

    /** (0018,9822) Excitation Spectral Width: FD, VM 1. */
    public static final int ExcitationSpectralWidth = 0x00189822;

    /** (0018,9823) Excitation Energy: FD, VM 1. */
    public static final int ExcitationEnergy = 0x00189823;

    /** (0018,9824) Excitation Pulse Duration: FD, VM 1. */
    public static final int ExcitationPulseDuration = 0x00189824;

    /** (0018,9825) Excitation Wavelength Sequence: SQ, VM 1. */
    public static final int ExcitationWavelengthSequence = 0x00189825;

    /** (0018,9826) Excitation Wavelength: FD, VM 1. */
    public static final int ExcitationWavelength = 0x00189826;

    /** (0018,9828) Illumination Translation Flag: CS, VM 1. */
    public static final int IlluminationTranslationFlag = 0x00189828;

    /** (0018,9829) Acoustic Coupling Medium Flag: CS, VM 1. */
    public static final int AcousticCouplingMediumFlag = 0x00189829;

    /** (0018,982A) Acoustic Coupling Medium Code Sequence: SQ, VM 1. */
    public static final int AcousticCouplingMediumCodeSequence = 0x0018982A;

    /** (0018,982B) Acoustic Coupling Medium Temperature: FD, VM 1. */
    public static final int AcousticCouplingMediumTemperature = 0x0018982B;

    /** (0018,982C) Transducer Response Sequence: SQ, VM 1. */
    public static final int TransducerResponseSequence = 0x0018982C;

    /** (0018,982D) Center Frequency: FD, VM 1. */
    public static final int CenterFrequency = 0x0018982D;

    /** (0018,982E) Fractional Bandwidth: FD, VM 1. */
    public static final int FractionalBandwidth = 0x0018982E;

    /** (0018,982F) Lower Cutoff Frequency: FD, VM 1. */
    public static final int LowerCutoffFrequency = 0x0018982F;

    /** (0018,9830) Upper Cutoff Frequency: FD, VM 1. */
    public static final int UpperCutoffFrequency = 0x00189830;

    /** (0018,9831) Transducer Technology Sequence: SQ, VM 1. */
    public static final int TransducerTechnologySequence = 0x00189831;

    /** (0018,9832) Sound Speed Correction Mechanism Code Sequence: SQ, VM 1. */
    public static final int SoundSpeedCorrectionMechanismCodeSequence = 0x00189832;

    /** (0018,9833) Object Sound Speed: FD, VM 1. */
    public static final int ObjectSoundSpeed = 0x00189833;

    /** (0018,9834) Acoustic Coupling Medium Sound Speed: FD, VM 1. */
    public static final int AcousticCouplingMediumSoundSpeed = 0x00189834;

    /** (0018,9835) Photoacoustic Image Frame Type Sequence: SQ, VM 1. */
    public static final int PhotoacousticImageFrameTypeSequence = 0x00189835;

    /** (0018,9836) Image Data Type Code Sequence: SQ, VM 1. */
    public static final int ImageDataTypeCodeSequence = 0x00189836;

    /** (0018,9900) Reference Location Label: LO, VM 1. */
    public static final int ReferenceLocationLabel = 0x00189900;

    /** (0018,9901) Reference Location Description: UT, VM 1. */
    public static final int ReferenceLocationDescription = 0x00189901;

    /** (0018,9902) Reference Basis Code Sequence: SQ, VM 1. */
    public static final int ReferenceBasisCodeSequence = 0x00189902;

    /** (0018,9903) Reference Geometry Code Sequence: SQ, VM 1. */
    public static final int ReferenceGeometryCodeSequence = 0x00189903;

    /** (0018,9904) Offset Distance: DS, VM 1. */
    public static final int OffsetDistance = 0x00189904;

    /** (0018,9905) Offset Direction: CS, VM 1. */
    public static final int OffsetDirection = 0x00189905;

    /** (0018,9906) Potential Scheduled Protocol Code Sequence: SQ, VM 1. */
    public static final int PotentialScheduledProtocolCodeSequence = 0x00189906;

    /** (0018,9907) Potential Requested Procedure Code Sequence: SQ, VM 1. */
    public static final int PotentialRequestedProcedureCodeSequence = 0x00189907;

    /** (0018,9908) Potential Reasons for Procedure: UC, VM 1-n. */
    public static final int PotentialReasonsForProcedure = 0x00189908;

    /** (0018,9909) Potential Reasons for Procedure Code Sequence: SQ, VM 1. */
    public static final int PotentialReasonsForProcedureCodeSequence = 0x00189909;

    /** (0018,990A) Potential Diagnostic Tasks: UC, VM 1-n. */
    public static final int PotentialDiagnosticTasks = 0x0018990A;

    /** (0018,990B) Contraindications Code Sequence: SQ, VM 1. */
    public static final int ContraindicationsCodeSequence = 0x0018990B;

    /** (0018,990C) Referenced Defined Protocol Sequence: SQ, VM 1. */
    public static final int ReferencedDefinedProtocolSequence = 0x0018990C;

    /** (0018,990D) Referenced Performed Protocol Sequence: SQ, VM 1. */
    public static final int ReferencedPerformedProtocolSequence = 0x0018990D;

    /** (0018,990E) Predecessor Protocol Sequence: SQ, VM 1. */
    public static final int PredecessorProtocolSequence = 0x0018990E;

    /** (0018,990F) Protocol Planning Information: UT, VM 1. */
    public static final int ProtocolPlanningInformation = 0x0018990F;

    /** (0018,9910) Protocol Design Rationale: UT, VM 1. */
    public static final int ProtocolDesignRationale = 0x00189910;

    /** (0018,9911) Patient Specification Sequence: SQ, VM 1. */
    public static final int PatientSpecificationSequence = 0x00189911;

    /** (0018,9912) Model Specification Sequence: SQ, VM 1. */
    public static final int ModelSpecificationSequence = 0x00189912;

    /** (0018,9913) Parameters Specification Sequence: SQ, VM 1. */
    public static final int ParametersSpecificationSequence = 0x00189913;

    /** (0018,9914) Instruction Sequence: SQ, VM 1. */
    public static final int InstructionSequence = 0x00189914;

    /** (0018,9915) Instruction Index: US, VM 1. */
    public static final int InstructionIndex = 0x00189915;

    /** (0018,9916) Instruction Text: LO, VM 1. */
    public static final int InstructionText = 0x00189916;

    /** (0018,9917) Instruction Description: UT, VM 1. */
    public static final int InstructionDescription = 0x00189917;

    /** (0018,9918) Instruction Performed Flag: CS, VM 1. */
    public static final int InstructionPerformedFlag = 0x00189918;

    /** (0018,9919) Instruction Performed DateTime: DT, VM 1. */
    public static final int InstructionPerformedDateTime = 0x00189919;

    /** (0018,991A) Instruction Performance Comment: UT, VM 1. */
    public static final int InstructionPerformanceComment = 0x0018991A;

    /** (0018,991B) Patient Positioning Instruction Sequence: SQ, VM 1. */
    public static final int PatientPositioningInstructionSequence = 0x0018991B;

    /** (0018,991C) Positioning Method Code Sequence: SQ, VM 1. */
    public static final int PositioningMethodCodeSequence = 0x0018991C;

    /** (0018,991D) Positioning Landmark Sequence: SQ, VM 1. */
    public static final int PositioningLandmarkSequence = 0x0018991D;

    /** (0018,991E) Target Frame of Reference UID: UI, VM 1. */
    public static final int TargetFrameOfReferenceUID = 0x0018991E;

    /** (0018,991F) Acquisition Protocol Element Specification Sequence: SQ, VM 1. */
    public static final int AcquisitionProtocolElementSpecificationSequence = 0x0018991F;

    /** (0018,9920) Acquisition Protocol Element Sequence: SQ, VM 1. */
    public static final int AcquisitionProtocolElementSequence = 0x00189920;

    /** (0018,9921) Protocol Element Number: US, VM 1. */
    public static final int ProtocolElementNumber = 0x00189921;

    /** (0018,9922) Protocol Element Name: LO, VM 1. */
    public static final int ProtocolElementName = 0x00189922;

    /** (0018,9923) Protocol Element Characteristics Summary: UT, VM 1. */
    public static final int ProtocolElementCharacteristicsSummary = 0x00189923;

    /** (0018,9924) Protocol Element Purpose: UT, VM 1. */
    public static final int ProtocolElementPurpose = 0x00189924;

    /** (0018,9930) Acquisition Motion: CS, VM 1. */
    public static final int AcquisitionMotion = 0x00189930;

    /** (0018,9931) Acquisition Start Location Sequence: SQ, VM 1. */
    public static final int AcquisitionStartLocationSequence = 0x00189931;

    /** (0018,9932) Acquisition End Location Sequence: SQ, VM 1. */
    public static final int AcquisitionEndLocationSequence = 0x00189932;

    /** (0018,9933) Reconstruction Protocol Element Specification Sequence: SQ, VM 1. */
    public static final int ReconstructionProtocolElementSpecificationSequence = 0x00189933;

    /** (0018,9934) Reconstruction Protocol Element Sequence: SQ, VM 1. */
    public static final int ReconstructionProtocolElementSequence = 0x00189934;

    /** (0018,9935) Storage Protocol Element Specification Sequence: SQ, VM 1. */
    public static final int StorageProtocolElementSpecificationSequence = 0x00189935;

    /** (0018,9936) Storage Protocol Element Sequence: SQ, VM 1. */
    public static final int StorageProtocolElementSequence = 0x00189936;

    /** (0018,9937) Requested Series Description: LO, VM 1. */
    public static final int RequestedSeriesDescription = 0x00189937;

    /** (0018,9938) Source Acquisition Protocol Element Number: US, VM 1-n. */
    public static final int SourceAcquisitionProtocolElementNumber = 0x00189938;

    /** (0018,9939) Source Acquisition Beam Number: US, VM 1-n. */
    public static final int SourceAcquisitionBeamNumber = 0x00189939;

    /** (0018,993A) Source Reconstruction Protocol Element Number: US, VM 1-n. */
    public static final int SourceReconstructionProtocolElementNumber = 0x0018993A;

    /** (0018,993B) Reconstruction Start Location Sequence: SQ, VM 1. */
    public static final int ReconstructionStartLocationSequence = 0x0018993B;

    /** (0018,993C) Reconstruction End Location Sequence: SQ, VM 1. */
    public static final int ReconstructionEndLocationSequence = 0x0018993C;

    /** (0018,993D) Reconstruction Algorithm Sequence: SQ, VM 1. */
    public static final int ReconstructionAlgorithmSequence = 0x0018993D;

    /** (0018,993E) Reconstruction Target Center Location Sequence: SQ, VM 1. */
    public static final int ReconstructionTargetCenterLocationSequence = 0x0018993E;

    /** (0018,9941) Image Filter Description: UT, VM 1. */
    public static final int ImageFilterDescription = 0x00189941;

    /** (0018,9942) CTDIvol Notification Trigger: FD, VM 1. */
    public static final int CTDIvolNotificationTrigger = 0x00189942;

    /** (0018,9943) DLP Notification Trigger: FD, VM 1. */
    public static final int DLPNotificationTrigger = 0x00189943;

    /** (0018,9944) Auto KVP Selection Type: CS, VM 1. */
    public static final int AutoKVPSelectionType = 0x00189944;

    /** (0018,9945) Auto KVP Upper Bound: FD, VM 1. */
    public static final int AutoKVPUpperBound = 0x00189945;

    /** (0018,9946) Auto KVP Lower Bound: FD, VM 1. */
    public static final int AutoKVPLowerBound = 0x00189946;

    /** (0018,9947) Protocol Defined Patient Position: CS, VM 1. */
    public static final int ProtocolDefinedPatientPosition = 0x00189947;

    /** (0018,A001) Contributing Equipment Sequence: SQ, VM 1. */
    public static final int ContributingEquipmentSequence = 0x0018A001;

    /** (0018,A002) Contribution DateTime: DT, VM 1. */
    public static final int ContributionDateTime = 0x0018A002;

    /** (0018,A003) Contribution Description: ST, VM 1. */
    public static final int ContributionDescription = 0x0018A003;

    /** (0020,000D) Study Instance UID: UI, VM 1. */
    public static final int StudyInstanceUID = 0x0020000D;

    /** (0020,000E) Series Instance UID: UI, VM 1. */
    public static final int SeriesInstanceUID = 0x0020000E;

    /** (0020,0010) Study ID: SH, VM 1. */
    public static final int StudyID = 0x00200010;

    /** (0020,0011) Series Number: IS, VM 1. */
    public static final int SeriesNumber = 0x00200011;

    /** (0020,0012) Acquisition Number: IS, VM 1. */
    public static final int AcquisitionNumber = 0x00200012;

    /** (0020,0013) Instance Number: IS, VM 1. */
    public static final int InstanceNumber = 0x00200013;

    /** (0020,0014) Isotope Number: IS, VM 1. Retired. */
    public static final int IsotopeNumber = 0x00200014;

    /** (0020,0015) Phase Number: IS, VM 1. Retired. */
    public static final int PhaseNumber = 0x00200015;

    /** (0020,0016) Interval Number: IS, VM 1. Retired. */
    public static final int IntervalNumber = 0x00200016;

    /** (0020,0017) Time Slot Number: IS, VM 1. Retired. */
    public static final int TimeSlotNumber = 0x00200017;

    /** (0020,0018) Angle Number: IS, VM 1. Retired. */
    public static final int AngleNumber = 0x00200018;

    /** (0020,0019) Item Number: IS, VM 1. */
    public static final int ItemNumber = 0x00200019;

    /** (0020,0020) Patient Orientation: CS, VM 2. */
    public static final int PatientOrientation = 0x00200020;

    /** (0020,0022) Overlay Number: IS, VM 1. Retired. */
    public static final int OverlayNumber = 0x00200022;

    /** (0020,0024) Curve Number: IS, VM 1. Retired. */
    public static final int CurveNumber = 0x00200024;

    /** (0020,0026) LUT Number: IS, VM 1. Retired. */
    public static final int LUTNumber = 0x00200026;

    /** (0020,0027) Pyramid Label: LO, VM 1. */
    public static final int PyramidLabel = 0x00200027;

    /** (0020,0030) Image Position: DS, VM 3. Retired. */
    public static final int ImagePosition = 0x00200030;

    /** (0020,0032) Image Position (Patient): DS, VM 3. */
    public static final int ImagePositionPatient = 0x00200032;

    /** (0020,0035) Image Orientation: DS, VM 6. Retired. */
    public static final int ImageOrientation = 0x00200035;

    /** (0020,0037) Image Orientation (Patient): DS, VM 6. */
    public static final int ImageOrientationPatient = 0x00200037;

    /** (0020,0050) Location: DS, VM 1. Retired. */
    public static final int Location = 0x00200050;

    /** (0020,0052) Frame of Reference UID: UI, VM 1. */
    public static final int FrameOfReferenceUID = 0x00200052;

    /** (0020,0060) Laterality: CS, VM 1. */
    public static final int Laterality = 0x00200060;

    /** (0020,0062) Image Laterality: CS, VM 1. */
    public static final int ImageLaterality = 0x00200062;

    /** (0020,0070) Image Geometry Type: LO, VM 1. Retired. */
    public static final int ImageGeometryType = 0x00200070;

    /** (0020,0080) Masking Image: CS, VM 1-n. Retired. */
    public static final int MaskingImage = 0x00200080;

    /** (0020,00AA) Report Number: IS, VM 1. Retired. */
    public static final int ReportNumber = 0x002000AA;

    /** (0020,0100) Temporal Position Identifier: IS, VM 1. */
    public static final int TemporalPositionIdentifier = 0x00200100;

    /** (0020,0105) Number of Temporal Positions: IS, VM 1. */
    public static final int NumberOfTemporalPositions = 0x00200105;

    /** (0020,0110) Temporal Resolution: DS, VM 1. */
    public static final int TemporalResolution = 0x00200110;

    /** (0020,0200) Synchronization Frame of Reference UID: UI, VM 1. */
    public static final int SynchronizationFrameOfReferenceUID = 0x00200200;

    /** (0020,0242) SOP Instance UID of Concatenation Source: UI, VM 1. */
    public static final int SOPInstanceUIDOfConcatenationSource = 0x00200242;

    /** (0020,1000) Series in Study: IS, VM 1. Retired. */
    public static final int SeriesInStudy = 0x00201000;

    /** (0020,1001) Acquisitions in Series: IS, VM 1. Retired. */
    public static final int AcquisitionsInSeries = 0x00201001;

    /** (0020,1002) Images in Acquisition: IS, VM 1. */
    public static final int ImagesInAcquisition = 0x00201002;

    /** (0020,1003) Images in Series: IS, VM 1. Retired. */
    public static final int ImagesInSeries = 0x00201003;

    /** (0020,1004) Acquisitions in Study: IS, VM 1. Retired. */
    public static final int AcquisitionsInStudy = 0x00201004;

    /** (0020,1005) Images in Study: IS, VM 1. Retired. */
    public static final int ImagesInStudy = 0x00201005;

    /** (0020,1020) Reference: LO, VM 1-n. Retired. */
    public static final int Reference = 0x00201020;

    /** (0020,103F) Target Position Reference Indicator: LO, VM 1. */
    public static final int TargetPositionReferenceIndicator = 0x0020103F;

    /** (0020,1040) Position Reference Indicator: LO, VM 1. */
    public static final int PositionReferenceIndicator = 0x00201040;

    /** (0020,1041) Slice Location: DS, VM 1. */
    public static final int SliceLocation = 0x00201041;

    /** (0020,1070) Other Study Numbers: IS, VM 1-n. Retired. */
    public static final int OtherStudyNumbers = 0x00201070;

    /** (0020,1200) Number of Patient Related Studies: IS, VM 1. */
    public static final int NumberOfPatientRelatedStudies = 0x00201200;

    /** (0020,1202) Number of Patient Related Series: IS, VM 1. */
    public static final int NumberOfPatientRelatedSeries = 0x00201202;

    /** (0020,1204) Number of Patient Related Instances: IS, VM 1. */
    public static final int NumberOfPatientRelatedInstances = 0x00201204;

    /** (0020,1206) Number of Study Related Series: IS, VM 1. */
    public static final int NumberOfStudyRelatedSeries = 0x00201206;

    /** (0020,1208) Number of Study Related Instances: IS, VM 1. */
    public static final int NumberOfStudyRelatedInstances = 0x00201208;

    /** (0020,1209) Number of Series Related Instances: IS, VM 1. */
    public static final int NumberOfSeriesRelatedInstances = 0x00201209;

    /** (0020,31xx) Source Image IDs: CS, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int SourceImageIDs = 0x00203100;

    /** (0020,3401) Modifying Device ID: CS, VM 1. Retired. */
    public static final int ModifyingDeviceID = 0x00203401;

    /** (0020,3402) Modified Image ID: CS, VM 1. Retired. */
    public static final int ModifiedImageID = 0x00203402;

    /** (0020,3403) Modified Image Date: DA, VM 1. Retired. */
    public static final int ModifiedImageDate = 0x00203403;

    /** (0020,3404) Modifying Device Manufacturer: LO, VM 1. Retired. */
    public static final int ModifyingDeviceManufacturer = 0x00203404;

    /** (0020,3405) Modified Image Time: TM, VM 1. Retired. */
    public static final int ModifiedImageTime = 0x00203405;

    /** (0020,3406) Modified Image Description: LO, VM 1. Retired. */
    public static final int ModifiedImageDescription = 0x00203406;

    /** (0020,4000) Image Comments: LT, VM 1. */
    public static final int ImageComments = 0x00204000;

    /** (0020,5000) Original Image Identification: AT, VM 1-n. Retired. */
    public static final int OriginalImageIdentification = 0x00205000;

    /** (0020,5002) Original Image Identification Nomenclature: LO, VM 1-n. Retired. */
    public static final int OriginalImageIdentificationNomenclature = 0x00205002;

    /** (0020,9056) Stack ID: SH, VM 1. */
    public static final int StackID = 0x00209056;

    /** (0020,9057) In-Stack Position Number: UL, VM 1. */
    public static final int InStackPositionNumber = 0x00209057;

    /** (0020,9071) Frame Anatomy Sequence: SQ, VM 1. */
    public static final int FrameAnatomySequence = 0x00209071;

    /** (0020,9072) Frame Laterality: CS, VM 1. */
    public static final int FrameLaterality = 0x00209072;

    /** (0020,9111) Frame Content Sequence: SQ, VM 1. */
    public static final int FrameContentSequence = 0x00209111;

    /** (0020,9113) Plane Position Sequence: SQ, VM 1. */
    public static final int PlanePositionSequence = 0x00209113;

    /** (0020,9116) Plane Orientation Sequence: SQ, VM 1. */
    public static final int PlaneOrientationSequence = 0x00209116;

    /** (0020,9128) Temporal Position Index: UL, VM 1. */
    public static final int TemporalPositionIndex = 0x00209128;

    /** (0020,9153) Nominal Cardiac Trigger Delay Time: FD, VM 1. */
    public static final int NominalCardiacTriggerDelayTime = 0x00209153;

    /** (0020,9154) Nominal Cardiac Trigger Time Prior To R-Peak: FL, VM 1. */
    public static final int NominalCardiacTriggerTimePriorToRPeak = 0x00209154;

    /** (0020,9155) Actual Cardiac Trigger Time Prior To R-Peak: FL, VM 1. */
    public static final int ActualCardiacTriggerTimePriorToRPeak = 0x00209155;

    /** (0020,9156) Frame Acquisition Number: US, VM 1. */
    public static final int FrameAcquisitionNumber = 0x00209156;

    /** (0020,9157) Dimension Index Values: UL, VM 1-n. */
    public static final int DimensionIndexValues = 0x00209157;

    /** (0020,9158) Frame Comments: LT, VM 1. */
    public static final int FrameComments = 0x00209158;

    /** (0020,9161) Concatenation UID: UI, VM 1. */
    public static final int ConcatenationUID = 0x00209161;

    /** (0020,9162) In-concatenation Number: US, VM 1. */
    public static final int InConcatenationNumber = 0x00209162;

    /** (0020,9163) In-concatenation Total Number: US, VM 1. */
    public static final int InConcatenationTotalNumber = 0x00209163;

    /** (0020,9164) Dimension Organization UID: UI, VM 1. */
    public static final int DimensionOrganizationUID = 0x00209164;

    /** (0020,9165) Dimension Index Pointer: AT, VM 1. */
    public static final int DimensionIndexPointer = 0x00209165;

    /** (0020,9167) Functional Group Pointer: AT, VM 1. */
    public static final int FunctionalGroupPointer = 0x00209167;

    /** (0020,9170) Unassigned Shared Converted Attributes Sequence: SQ, VM 1. */
    public static final int UnassignedSharedConvertedAttributesSequence = 0x00209170;

    /** (0020,9171) Unassigned Per-Frame Converted Attributes Sequence: SQ, VM 1. */
    public static final int UnassignedPerFrameConvertedAttributesSequence = 0x00209171;

    /** (0020,9172) Conversion Source Attributes Sequence: SQ, VM 1. */
    public static final int ConversionSourceAttributesSequence = 0x00209172;

    /** (0020,9213) Dimension Index Private Creator: LO, VM 1. */
    public static final int DimensionIndexPrivateCreator = 0x00209213;

    /** (0020,9221) Dimension Organization Sequence: SQ, VM 1. */
    public static final int DimensionOrganizationSequence = 0x00209221;

    /** (0020,9222) Dimension Index Sequence: SQ, VM 1. */
    public static final int DimensionIndexSequence = 0x00209222;

    /** (0020,9228) Concatenation Frame Offset Number: UL, VM 1. */
    public static final int ConcatenationFrameOffsetNumber = 0x00209228;

    /** (0020,9238) Functional Group Private Creator: LO, VM 1. */
    public static final int FunctionalGroupPrivateCreator = 0x00209238;

    /** (0020,9241) Nominal Percentage of Cardiac Phase: FL, VM 1. */
    public static final int NominalPercentageOfCardiacPhase = 0x00209241;

    /** (0020,9245) Nominal Percentage of Respiratory Phase: FL, VM 1. */
    public static final int NominalPercentageOfRespiratoryPhase = 0x00209245;

    /** (0020,9246) Starting Respiratory Amplitude: FL, VM 1. */
    public static final int StartingRespiratoryAmplitude = 0x00209246;

    /** (0020,9247) Starting Respiratory Phase: CS, VM 1. */
    public static final int StartingRespiratoryPhase = 0x00209247;

    /** (0020,9248) Ending Respiratory Amplitude: FL, VM 1. */
    public static final int EndingRespiratoryAmplitude = 0x00209248;

    /** (0020,9249) Ending Respiratory Phase: CS, VM 1. */
    public static final int EndingRespiratoryPhase = 0x00209249;

    /** (0020,9250) Respiratory Trigger Type: CS, VM 1. */
    public static final int RespiratoryTriggerType = 0x00209250;

    /** (0020,9251) R-R Interval Time Nominal: FD, VM 1. */
    public static final int RRIntervalTimeNominal = 0x00209251;

    /** (0020,9252) Actual Cardiac Trigger Delay Time: FD, VM 1. */
    public static final int ActualCardiacTriggerDelayTime = 0x00209252;

    /** (0020,9253) Respiratory Synchronization Sequence: SQ, VM 1. */
    public static final int RespiratorySynchronizationSequence = 0x00209253;

    /** (0020,9254) Respiratory Interval Time: FD, VM 1. */
    public static final int RespiratoryIntervalTime = 0x00209254;

    /** (0020,9255) Nominal Respiratory Trigger Delay Time: FD, VM 1. */
    public static final int NominalRespiratoryTriggerDelayTime = 0x00209255;

    /** (0020,9256) Respiratory Trigger Delay Threshold: FD, VM 1. */
    public static final int RespiratoryTriggerDelayThreshold = 0x00209256;

    /** (0020,9257) Actual Respiratory Trigger Delay Time: FD, VM 1. */
    public static final int ActualRespiratoryTriggerDelayTime = 0x00209257;

    /** (0020,9301) Image Position (Volume): FD, VM 3. */
    public static final int ImagePositionVolume = 0x00209301;

    /** (0020,9302) Image Orientation (Volume): FD, VM 6. */
    public static final int ImageOrientationVolume = 0x00209302;

    /** (0020,9307) Ultrasound Acquisition Geometry: CS, VM 1. */
    public static final int UltrasoundAcquisitionGeometry = 0x00209307;

    /** (0020,9308) Apex Position: FD, VM 3. */
    public static final int ApexPosition = 0x00209308;

    /** (0020,9309) Volume to Transducer Mapping Matrix: FD, VM 16. */
    public static final int VolumeToTransducerMappingMatrix = 0x00209309;

    /** (0020,930A) Volume to Table Mapping Matrix: FD, VM 16. */
    public static final int VolumeToTableMappingMatrix = 0x0020930A;

    /** (0020,930B) Volume to Transducer Relationship: CS, VM 1. */
    public static final int VolumeToTransducerRelationship = 0x0020930B;

    /** (0020,930C) Patient Frame of Reference Source: CS, VM 1. */
    public static final int PatientFrameOfReferenceSource = 0x0020930C;

    /** (0020,930D) Temporal Position Time Offset: FD, VM 1. */
    public static final int TemporalPositionTimeOffset = 0x0020930D;

    /** (0020,930E) Plane Position (Volume) Sequence: SQ, VM 1. */
    public static final int PlanePositionVolumeSequence = 0x0020930E;

    /** (0020,930F) Plane Orientation (Volume) Sequence: SQ, VM 1. */
    public static final int PlaneOrientationVolumeSequence = 0x0020930F;

    /** (0020,9310) Temporal Position Sequence: SQ, VM 1. */
    public static final int TemporalPositionSequence = 0x00209310;

    /** (0020,9311) Dimension Organization Type: CS, VM 1. */
    public static final int DimensionOrganizationType = 0x00209311;

    /** (0020,9312) Volume Frame of Reference UID: UI, VM 1. */
    public static final int VolumeFrameOfReferenceUID = 0x00209312;

    /** (0020,9313) Table Frame of Reference UID: UI, VM 1. */
    public static final int TableFrameOfReferenceUID = 0x00209313;

    /** (0020,9421) Dimension Description Label: LO, VM 1. */
    public static final int DimensionDescriptionLabel = 0x00209421;

    /** (0020,9450) Patient Orientation in Frame Sequence: SQ, VM 1. */
    public static final int PatientOrientationInFrameSequence = 0x00209450;

    /** (0020,9453) Frame Label: LO, VM 1. */
    public static final int FrameLabel = 0x00209453;

    /** (0020,9518) Acquisition Index: US, VM 1-n. */
    public static final int AcquisitionIndex = 0x00209518;

    /** (0020,9529) Contributing SOP Instances Reference Sequence: SQ, VM 1. */
    public static final int ContributingSOPInstancesReferenceSequence = 0x00209529;

    /** (0020,9536) Reconstruction Index: US, VM 1. */
    public static final int ReconstructionIndex = 0x00209536;

    /** (0022,0001) Light Path Filter Pass-Through Wavelength: US, VM 1. */
    public static final int LightPathFilterPassThroughWavelength = 0x00220001;

    /** (0022,0002) Light Path Filter Pass Band: US, VM 2. */
    public static final int LightPathFilterPassBand = 0x00220002;

    /** (0022,0003) Image Path Filter Pass-Through Wavelength: US, VM 1. */
    public static final int ImagePathFilterPassThroughWavelength = 0x00220003;

    /** (0022,0004) Image Path Filter Pass Band: US, VM 2. */
    public static final int ImagePathFilterPassBand = 0x00220004;

    /** (0022,0005) Patient Eye Movement Commanded: CS, VM 1. */
    public static final int PatientEyeMovementCommanded = 0x00220005;

    /** (0022,0006) Patient Eye Movement Command Code Sequence: SQ, VM 1. */
    public static final int PatientEyeMovementCommandCodeSequence = 0x00220006;

    /** (0022,0007) Spherical Lens Power: FL, VM 1. */
    public static final int SphericalLensPower = 0x00220007;

    /** (0022,0008) Cylinder Lens Power: FL, VM 1. */
    public static final int CylinderLensPower = 0x00220008;

    /** (0022,0009) Cylinder Axis: FL, VM 1. */
    public static final int CylinderAxis = 0x00220009;

    /** (0022,000A) Emmetropic Magnification: FL, VM 1. */
    public static final int EmmetropicMagnification = 0x0022000A;

    /** (0022,000B) Intra Ocular Pressure: FL, VM 1. */
    public static final int IntraOcularPressure = 0x0022000B;

    /** (0022,000C) Horizontal Field of View: FL, VM 1. */
    public static final int HorizontalFieldOfView = 0x0022000C;

    /** (0022,000D) Pupil Dilated: CS, VM 1. */
    public static final int PupilDilated = 0x0022000D;

    /** (0022,000E) Degree of Dilation: FL, VM 1. */
    public static final int DegreeOfDilation = 0x0022000E;

    /** (0022,000F) Vertex Distance: FD, VM 1. */
    public static final int VertexDistance = 0x0022000F;

    /** (0022,0010) Stereo Baseline Angle: FL, VM 1. */
    public static final int StereoBaselineAngle = 0x00220010;

    /** (0022,0011) Stereo Baseline Displacement: FL, VM 1. */
    public static final int StereoBaselineDisplacement = 0x00220011;

    /** (0022,0012) Stereo Horizontal Pixel Offset: FL, VM 1. */
    public static final int StereoHorizontalPixelOffset = 0x00220012;

    /** (0022,0013) Stereo Vertical Pixel Offset: FL, VM 1. */
    public static final int StereoVerticalPixelOffset = 0x00220013;

    /** (0022,0014) Stereo Rotation: FL, VM 1. */
    public static final int StereoRotation = 0x00220014;

    /** (0022,0015) Acquisition Device Type Code Sequence: SQ, VM 1. */
    public static final int AcquisitionDeviceTypeCodeSequence = 0x00220015;

    /** (0022,0016) Illumination Type Code Sequence: SQ, VM 1. */
    public static final int IlluminationTypeCodeSequence = 0x00220016;

    /** (0022,0017) Light Path Filter Type Stack Code Sequence: SQ, VM 1. */
    public static final int LightPathFilterTypeStackCodeSequence = 0x00220017;

    /** (0022,0018) Image Path Filter Type Stack Code Sequence: SQ, VM 1. */
    public static final int ImagePathFilterTypeStackCodeSequence = 0x00220018;

    /** (0022,0019) Lenses Code Sequence: SQ, VM 1. */
    public static final int LensesCodeSequence = 0x00220019;

    /** (0022,001A) Channel Description Code Sequence: SQ, VM 1. */
    public static final int ChannelDescriptionCodeSequence = 0x0022001A;

    /** (0022,001B) Refractive State Sequence: SQ, VM 1. */
    public static final int RefractiveStateSequence = 0x0022001B;

    /** (0022,001C) Mydriatic Agent Code Sequence: SQ, VM 1. */
    public static final int MydriaticAgentCodeSequence = 0x0022001C;

    /** (0022,001D) Relative Image Position Code Sequence: SQ, VM 1. */
    public static final int RelativeImagePositionCodeSequence = 0x0022001D;

    /** (0022,001E) Camera Angle of View: FL, VM 1. */
    public static final int CameraAngleOfView = 0x0022001E;

    /** (0022,0020) Stereo Pairs Sequence: SQ, VM 1. */
    public static final int StereoPairsSequence = 0x00220020;

    /** (0022,0021) Left Image Sequence: SQ, VM 1. */
    public static final int LeftImageSequence = 0x00220021;

    /** (0022,0022) Right Image Sequence: SQ, VM 1. */
    public static final int RightImageSequence = 0x00220022;

    /** (0022,0028) Stereo Pairs Present: CS, VM 1. */
    public static final int StereoPairsPresent = 0x00220028;

    /** (0022,0030) Axial Length of the Eye: FL, VM 1. */
    public static final int AxialLengthOfTheEye = 0x00220030;

    /** (0022,0031) Ophthalmic Frame Location Sequence: SQ, VM 1. */
    public static final int OphthalmicFrameLocationSequence = 0x00220031;

    /** (0022,0032) Reference Coordinates: FL, VM 2-2n. */
    public static final int ReferenceCoordinates = 0x00220032;

    /** (0022,0035) Depth Spatial Resolution: FL, VM 1. */
    public static final int DepthSpatialResolution = 0x00220035;

    /** (0022,0036) Maximum Depth Distortion: FL, VM 1. */
    public static final int MaximumDepthDistortion = 0x00220036;

    /** (0022,0037) Along-scan Spatial Resolution: FL, VM 1. */
    public static final int AlongScanSpatialResolution = 0x00220037;

    /** (0022,0038) Maximum Along-scan Distortion: FL, VM 1. */
    public static final int MaximumAlongScanDistortion = 0x00220038;

    /** (0022,0039) Ophthalmic Image Orientation: CS, VM 1. */
    public static final int OphthalmicImageOrientation = 0x00220039;

    /** (0022,0041) Depth of Transverse Image: FL, VM 1. */
    public static final int DepthOfTransverseImage = 0x00220041;

    /** (0022,0042) Mydriatic Agent Concentration Units Sequence: SQ, VM 1. */
    public static final int MydriaticAgentConcentrationUnitsSequence = 0x00220042;

    /** (0022,0048) Across-scan Spatial Resolution: FL, VM 1. */
    public static final int AcrossScanSpatialResolution = 0x00220048;

    /** (0022,0049) Maximum Across-scan Distortion: FL, VM 1. */
    public static final int MaximumAcrossScanDistortion = 0x00220049;

    /** (0022,004E) Mydriatic Agent Concentration: DS, VM 1. */
    public static final int MydriaticAgentConcentration = 0x0022004E;

    /** (0022,0055) Illumination Wave Length: FL, VM 1. */
    public static final int IlluminationWaveLength = 0x00220055;

    /** (0022,0056) Illumination Power: FL, VM 1. */
    public static final int IlluminationPower = 0x00220056;

    /** (0022,0057) Illumination Bandwidth: FL, VM 1. */
    public static final int IlluminationBandwidth = 0x00220057;

    /** (0022,0058) Mydriatic Agent Sequence: SQ, VM 1. */
    public static final int MydriaticAgentSequence = 0x00220058;

    /** (0022,1007) Ophthalmic Axial Measurements Right Eye Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialMeasurementsRightEyeSequence = 0x00221007;

    /** (0022,1008) Ophthalmic Axial Measurements Left Eye Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialMeasurementsLeftEyeSequence = 0x00221008;

    /** (0022,1009) Ophthalmic Axial Measurements Device Type: CS, VM 1. */
    public static final int OphthalmicAxialMeasurementsDeviceType = 0x00221009;

    /** (0022,1010) Ophthalmic Axial Length Measurements Type: CS, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsType = 0x00221010;

    /** (0022,1012) Ophthalmic Axial Length Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthSequence = 0x00221012;

    /** (0022,1019) Ophthalmic Axial Length: FL, VM 1. */
    public static final int OphthalmicAxialLength = 0x00221019;

    /** (0022,1024) Lens Status Code Sequence: SQ, VM 1. */
    public static final int LensStatusCodeSequence = 0x00221024;

    /** (0022,1025) Vitreous Status Code Sequence: SQ, VM 1. */
    public static final int VitreousStatusCodeSequence = 0x00221025;

    /** (0022,1028) IOL Formula Code Sequence: SQ, VM 1. */
    public static final int IOLFormulaCodeSequence = 0x00221028;

    /** (0022,1029) IOL Formula Detail: LO, VM 1. */
    public static final int IOLFormulaDetail = 0x00221029;

    /** (0022,1033) Keratometer Index: FL, VM 1. */
    public static final int KeratometerIndex = 0x00221033;

    /** (0022,1035) Source of Ophthalmic Axial Length Code Sequence: SQ, VM 1. */
    public static final int SourceOfOphthalmicAxialLengthCodeSequence = 0x00221035;

    /** (0022,1036) Source of Corneal Size Data Code Sequence: SQ, VM 1. */
    public static final int SourceOfCornealSizeDataCodeSequence = 0x00221036;

    /** (0022,1037) Target Refraction: FL, VM 1. */
    public static final int TargetRefraction = 0x00221037;

    /** (0022,1039) Refractive Procedure Occurred: CS, VM 1. */
    public static final int RefractiveProcedureOccurred = 0x00221039;

    /** (0022,1040) Refractive Surgery Type Code Sequence: SQ, VM 1. */
    public static final int RefractiveSurgeryTypeCodeSequence = 0x00221040;

    /** (0022,1044) Ophthalmic Ultrasound Method Code Sequence: SQ, VM 1. */
    public static final int OphthalmicUltrasoundMethodCodeSequence = 0x00221044;

    /** (0022,1045) Surgically Induced Astigmatism Sequence: SQ, VM 1. */
    public static final int SurgicallyInducedAstigmatismSequence = 0x00221045;

    /** (0022,1046) Type of Optical Correction: CS, VM 1. */
    public static final int TypeOfOpticalCorrection = 0x00221046;

    /** (0022,1047) Toric IOL Power Sequence: SQ, VM 1. */
    public static final int ToricIOLPowerSequence = 0x00221047;

    /** (0022,1048) Predicted Toric Error Sequence: SQ, VM 1. */
    public static final int PredictedToricErrorSequence = 0x00221048;

    /** (0022,1049) Pre-Selected for Implantation: CS, VM 1. */
    public static final int PreSelectedForImplantation = 0x00221049;

    /** (0022,104A) Toric IOL Power for Exact Emmetropia Sequence: SQ, VM 1. */
    public static final int ToricIOLPowerForExactEmmetropiaSequence = 0x0022104A;

    /** (0022,104B) Toric IOL Power for Exact Target Refraction Sequence: SQ, VM 1. */
    public static final int ToricIOLPowerForExactTargetRefractionSequence = 0x0022104B;

    /** (0022,1050) Ophthalmic Axial Length Measurements Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsSequence = 0x00221050;

    /** (0022,1053) IOL Power: FL, VM 1. */
    public static final int IOLPower = 0x00221053;

    /** (0022,1054) Predicted Refractive Error: FL, VM 1. */
    public static final int PredictedRefractiveError = 0x00221054;

    /** (0022,1059) Ophthalmic Axial Length Velocity: FL, VM 1. */
    public static final int OphthalmicAxialLengthVelocity = 0x00221059;

    /** (0022,1065) Lens Status Description: LO, VM 1. */
    public static final int LensStatusDescription = 0x00221065;

    /** (0022,1066) Vitreous Status Description: LO, VM 1. */
    public static final int VitreousStatusDescription = 0x00221066;

    /** (0022,1090) IOL Power Sequence: SQ, VM 1. */
    public static final int IOLPowerSequence = 0x00221090;

    /** (0022,1092) Lens Constant Sequence: SQ, VM 1. */
    public static final int LensConstantSequence = 0x00221092;

    /** (0022,1093) IOL Manufacturer: LO, VM 1. */
    public static final int IOLManufacturer = 0x00221093;

    /** (0022,1094) Lens Constant Description: LO, VM 1. Retired. */
    public static final int LensConstantDescription = 0x00221094;

    /** (0022,1095) Implant Name: LO, VM 1. */
    public static final int ImplantName = 0x00221095;

    /** (0022,1096) Keratometry Measurement Type Code Sequence: SQ, VM 1. */
    public static final int KeratometryMeasurementTypeCodeSequence = 0x00221096;

    /** (0022,1097) Implant Part Number: LO, VM 1. */
    public static final int ImplantPartNumber = 0x00221097;

    /** (0022,1100) Referenced Ophthalmic Axial Measurements Sequence: SQ, VM 1. */
    public static final int ReferencedOphthalmicAxialMeasurementsSequence = 0x00221100;

    /** (0022,1101) Ophthalmic Axial Length Measurements Segment Name Code Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsSegmentNameCodeSequence = 0x00221101;

    /** (0022,1103) Refractive Error Before Refractive Surgery Code Sequence: SQ, VM 1. */
    public static final int RefractiveErrorBeforeRefractiveSurgeryCodeSequence = 0x00221103;

    /** (0022,1121) IOL Power For Exact Emmetropia: FL, VM 1. */
    public static final int IOLPowerForExactEmmetropia = 0x00221121;

    /** (0022,1122) IOL Power For Exact Target Refraction: FL, VM 1. */
    public static final int IOLPowerForExactTargetRefraction = 0x00221122;

    /** (0022,1125) Anterior Chamber Depth Definition Code Sequence: SQ, VM 1. */
    public static final int AnteriorChamberDepthDefinitionCodeSequence = 0x00221125;

    /** (0022,1127) Lens Thickness Sequence: SQ, VM 1. */
    public static final int LensThicknessSequence = 0x00221127;

    /** (0022,1128) Anterior Chamber Depth Sequence: SQ, VM 1. */
    public static final int AnteriorChamberDepthSequence = 0x00221128;

    /** (0022,112A) Calculation Comment Sequence: SQ, VM 1. */
    public static final int CalculationCommentSequence = 0x0022112A;

    /** (0022,112B) Calculation Comment Type: CS, VM 1. */
    public static final int CalculationCommentType = 0x0022112B;

    /** (0022,112C) Calculation Comment: LT, VM 1. */
    public static final int CalculationComment = 0x0022112C;

    /** (0022,1130) Lens Thickness: FL, VM 1. */
    public static final int LensThickness = 0x00221130;

    /** (0022,1131) Anterior Chamber Depth: FL, VM 1. */
    public static final int AnteriorChamberDepth = 0x00221131;

    /** (0022,1132) Source of Lens Thickness Data Code Sequence: SQ, VM 1. */
    public static final int SourceOfLensThicknessDataCodeSequence = 0x00221132;

    /** (0022,1133) Source of Anterior Chamber Depth Data Code Sequence: SQ, VM 1. */
    public static final int SourceOfAnteriorChamberDepthDataCodeSequence = 0x00221133;

    /** (0022,1134) Source of Refractive Measurements Sequence: SQ, VM 1. */
    public static final int SourceOfRefractiveMeasurementsSequence = 0x00221134;

    /** (0022,1135) Source of Refractive Measurements Code Sequence: SQ, VM 1. */
    public static final int SourceOfRefractiveMeasurementsCodeSequence = 0x00221135;

    /** (0022,1140) Ophthalmic Axial Length Measurement Modified: CS, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementModified = 0x00221140;

    /** (0022,1150) Ophthalmic Axial Length Data Source Code Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthDataSourceCodeSequence = 0x00221150;

    /** (0022,1153) Ophthalmic Axial Length Acquisition Method Code Sequence: SQ, VM 1. Retired. */
    public static final int OphthalmicAxialLengthAcquisitionMethodCodeSequence = 0x00221153;

    /** (0022,1155) Signal to Noise Ratio: FL, VM 1. */
    public static final int SignalToNoiseRatio = 0x00221155;

    /** (0022,1159) Ophthalmic Axial Length Data Source Description: LO, VM 1. */
    public static final int OphthalmicAxialLengthDataSourceDescription = 0x00221159;

    /** (0022,1210) Ophthalmic Axial Length Measurements Total Length Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsTotalLengthSequence = 0x00221210;

    /** (0022,1211) Ophthalmic Axial Length Measurements Segmental Length Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsSegmentalLengthSequence = 0x00221211;

    /** (0022,1212) Ophthalmic Axial Length Measurements Length Summation Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthMeasurementsLengthSummationSequence = 0x00221212;

    /** (0022,1220) Ultrasound Ophthalmic Axial Length Measurements Sequence: SQ, VM 1. */
    public static final int UltrasoundOphthalmicAxialLengthMeasurementsSequence = 0x00221220;

    /** (0022,1225) Optical Ophthalmic Axial Length Measurements Sequence: SQ, VM 1. */
    public static final int OpticalOphthalmicAxialLengthMeasurementsSequence = 0x00221225;

    /** (0022,1230) Ultrasound Selected Ophthalmic Axial Length Sequence: SQ, VM 1. */
    public static final int UltrasoundSelectedOphthalmicAxialLengthSequence = 0x00221230;

    /** (0022,1250) Ophthalmic Axial Length Selection Method Code Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthSelectionMethodCodeSequence = 0x00221250;

    /** (0022,1255) Optical Selected Ophthalmic Axial Length Sequence: SQ, VM 1. */
    public static final int OpticalSelectedOphthalmicAxialLengthSequence = 0x00221255;

    /** (0022,1257) Selected Segmental Ophthalmic Axial Length Sequence: SQ, VM 1. */
    public static final int SelectedSegmentalOphthalmicAxialLengthSequence = 0x00221257;

    /** (0022,1260) Selected Total Ophthalmic Axial Length Sequence: SQ, VM 1. */
    public static final int SelectedTotalOphthalmicAxialLengthSequence = 0x00221260;

    /** (0022,1262) Ophthalmic Axial Length Quality Metric Sequence: SQ, VM 1. */
    public static final int OphthalmicAxialLengthQualityMetricSequence = 0x00221262;

    /** (0022,1265) Ophthalmic Axial Length Quality Metric Type Code Sequence: SQ, VM 1. Retired. */
    public static final int OphthalmicAxialLengthQualityMetricTypeCodeSequence = 0x00221265;

    /** (0022,1273) Ophthalmic Axial Length Quality Metric Type Description: LO, VM 1. Retired. */
    public static final int OphthalmicAxialLengthQualityMetricTypeDescription = 0x00221273;

    /** (0022,1300) Intraocular Lens Calculations Right Eye Sequence: SQ, VM 1. */
    public static final int IntraocularLensCalculationsRightEyeSequence = 0x00221300;

    /** (0022,1310) Intraocular Lens Calculations Left Eye Sequence: SQ, VM 1. */
    public static final int IntraocularLensCalculationsLeftEyeSequence = 0x00221310;

    /** (0022,1330) Referenced Ophthalmic Axial Length Measurement QC Image Sequence: SQ, VM 1. */
    public static final int ReferencedOphthalmicAxialLengthMeasurementQCImageSequence = 0x00221330;

    /** (0022,1415) Ophthalmic Mapping Device Type: CS, VM 1. */
    public static final int OphthalmicMappingDeviceType = 0x00221415;

    /** (0022,1420) Acquisition Method Code Sequence: SQ, VM 1. */
    public static final int AcquisitionMethodCodeSequence = 0x00221420;

    /** (0022,1423) Acquisition Method Algorithm Sequence: SQ, VM 1. */
    public static final int AcquisitionMethodAlgorithmSequence = 0x00221423;

    /** (0022,1436) Ophthalmic Thickness Map Type Code Sequence: SQ, VM 1. */
    public static final int OphthalmicThicknessMapTypeCodeSequence = 0x00221436;

    /** (0022,1443) Ophthalmic Thickness Mapping Normals Sequence: SQ, VM 1. */
    public static final int OphthalmicThicknessMappingNormalsSequence = 0x00221443;

    /** (0022,1445) Retinal Thickness Definition Code Sequence: SQ, VM 1. */
    public static final int RetinalThicknessDefinitionCodeSequence = 0x00221445;

    /** (0022,1450) Pixel Value Mapping to Coded Concept Sequence: SQ, VM 1. */
    public static final int PixelValueMappingToCodedConceptSequence = 0x00221450;

    /** (0022,1452) Mapped Pixel Value: US or SS, VM 1. */
    public static final int MappedPixelValue = 0x00221452;

    /** (0022,1454) Pixel Value Mapping Explanation: LO, VM 1. */
    public static final int PixelValueMappingExplanation = 0x00221454;

    /** (0022,1458) Ophthalmic Thickness Map Quality Threshold Sequence: SQ, VM 1. */
    public static final int OphthalmicThicknessMapQualityThresholdSequence = 0x00221458;

    /** (0022,1460) Ophthalmic Thickness Map Threshold Quality Rating: FL, VM 1. */
    public static final int OphthalmicThicknessMapThresholdQualityRating = 0x00221460;

    /** (0022,1463) Anatomic Structure Reference Point: FL, VM 2. */
    public static final int AnatomicStructureReferencePoint = 0x00221463;

    /** (0022,1465) Registration to Localizer Sequence: SQ, VM 1. */
    public static final int RegistrationToLocalizerSequence = 0x00221465;

    /** (0022,1466) Registered Localizer Units: CS, VM 1. */
    public static final int RegisteredLocalizerUnits = 0x00221466;

    /** (0022,1467) Registered Localizer Top Left Hand Corner: FL, VM 2. */
    public static final int RegisteredLocalizerTopLeftHandCorner = 0x00221467;

    /** (0022,1468) Registered Localizer Bottom Right Hand Corner: FL, VM 2. */
    public static final int RegisteredLocalizerBottomRightHandCorner = 0x00221468;

    /** (0022,1470) Ophthalmic Thickness Map Quality Rating Sequence: SQ, VM 1. */
    public static final int OphthalmicThicknessMapQualityRatingSequence = 0x00221470;

    /** (0022,1472) Relevant OPT Attributes Sequence: SQ, VM 1. */
    public static final int RelevantOPTAttributesSequence = 0x00221472;

    /** (0022,1512) Transformation Method Code Sequence: SQ, VM 1. */
    public static final int TransformationMethodCodeSequence = 0x00221512;

    /** (0022,1513) Transformation Algorithm Sequence: SQ, VM 1. */
    public static final int TransformationAlgorithmSequence = 0x00221513;

    /** (0022,1515) Ophthalmic Axial Length Method: CS, VM 1. */
    public static final int OphthalmicAxialLengthMethod = 0x00221515;

    /** (0022,1517) Ophthalmic FOV: FL, VM 1. */
    public static final int OphthalmicFOV = 0x00221517;

    /** (0022,1518) Two Dimensional to Three Dimensional Map Sequence: SQ, VM 1. */
    public static final int TwoDimensionalToThreeDimensionalMapSequence = 0x00221518;

    /** (0022,1525) Wide Field Ophthalmic Photography Quality Rating Sequence: SQ, VM 1. */
    public static final int WideFieldOphthalmicPhotographyQualityRatingSequence = 0x00221525;

    /** (0022,1526) Wide Field Ophthalmic Photography Quality Threshold Sequence: SQ, VM 1. */
    public static final int WideFieldOphthalmicPhotographyQualityThresholdSequence = 0x00221526;

    /** (0022,1527) Wide Field Ophthalmic Photography Threshold Quality Rating: FL, VM 1. */
    public static final int WideFieldOphthalmicPhotographyThresholdQualityRating = 0x00221527;

    /** (0022,1528) X Coordinates Center Pixel View Angle: FL, VM 1. */
    public static final int XCoordinatesCenterPixelViewAngle = 0x00221528;

    /** (0022,1529) Y Coordinates Center Pixel View Angle: FL, VM 1. */
    public static final int YCoordinatesCenterPixelViewAngle = 0x00221529;

    /** (0022,1530) Number of Map Points: UL, VM 1. */
    public static final int NumberOfMapPoints = 0x00221530;

    /** (0022,1531) Two Dimensional to Three Dimensional Map Data: OF, VM 1. */
    public static final int TwoDimensionalToThreeDimensionalMapData = 0x00221531;

    /** (0022,1612) Derivation Algorithm Sequence: SQ, VM 1. */
    public static final int DerivationAlgorithmSequence = 0x00221612;

    /** (0022,1615) Ophthalmic Image Type Code Sequence: SQ, VM 1. */
    public static final int OphthalmicImageTypeCodeSequence = 0x00221615;

    /** (0022,1616) Ophthalmic Image Type Description: LO, VM 1. */
    public static final int OphthalmicImageTypeDescription = 0x00221616;

    /** (0022,1618) Scan Pattern Type Code Sequence: SQ, VM 1. */
    public static final int ScanPatternTypeCodeSequence = 0x00221618;

    /** (0022,1620) Referenced Surface Mesh Identification Sequence: SQ, VM 1. */
    public static final int ReferencedSurfaceMeshIdentificationSequence = 0x00221620;

    /** (0022,1622) Ophthalmic Volumetric Properties Flag: CS, VM 1. */
    public static final int OphthalmicVolumetricPropertiesFlag = 0x00221622;

    /** (0022,1623) Ophthalmic Anatomic Reference Point Frame Coordinate: FL, VM 1. */
    public static final int OphthalmicAnatomicReferencePointFrameCoordinate = 0x00221623;

    /** (0022,1624) Ophthalmic Anatomic Reference Point X-Coordinate: FL, VM 1. */
    public static final int OphthalmicAnatomicReferencePointXCoordinate = 0x00221624;

    /** (0022,1626) Ophthalmic Anatomic Reference Point Y-Coordinate: FL, VM 1. */
    public static final int OphthalmicAnatomicReferencePointYCoordinate = 0x00221626;

    /** (0022,1627) Ophthalmic En Face Volume Descriptor Sequence: SQ, VM 1. */
    public static final int OphthalmicEnFaceVolumeDescriptorSequence = 0x00221627;

    /** (0022,1628) Ophthalmic En Face Image Quality Rating Sequence: SQ, VM 1. */
    public static final int OphthalmicEnFaceImageQualityRatingSequence = 0x00221628;

    /** (0022,1629) Ophthalmic En Face Volume Descriptor Scope: CS, VM 1. */
    public static final int OphthalmicEnFaceVolumeDescriptorScope = 0x00221629;

    /** (0022,1630) Quality Threshold: DS, VM 1. */
    public static final int QualityThreshold = 0x00221630;

    /** (0022,1632) Ophthalmic Anatomic Reference Point Sequence: SQ, VM 1. */
    public static final int OphthalmicAnatomicReferencePointSequence = 0x00221632;

    /** (0022,1633) Ophthalmic Anatomic Reference Point Localization Type: CS, VM 1. */
    public static final int OphthalmicAnatomicReferencePointLocalizationType = 0x00221633;

    /** (0022,1634) Primary Anatomic Structure Item Index: IS, VM 1. */
    public static final int PrimaryAnatomicStructureItemIndex = 0x00221634;

    /** (0022,1640) OCT B-scan Analysis Acquisition Parameters Sequence: SQ, VM 1. */
    public static final int OCTBscanAnalysisAcquisitionParametersSequence = 0x00221640;

    /** (0022,1642) Number of B-scans Per Frame: UL, VM 1. */
    public static final int NumberOfBscansPerFrame = 0x00221642;

    /** (0022,1643) B-scan Slab Thickness: FL, VM 1. */
    public static final int BscanSlabThickness = 0x00221643;

    /** (0022,1644) Distance Between B-scan Slabs: FL, VM 1. */
    public static final int DistanceBetweenBscanSlabs = 0x00221644;

    /** (0022,1645) B-scan Cycle Time: FL, VM 1. */
    public static final int BscanCycleTime = 0x00221645;

    /** (0022,1646) B-scan Cycle Time Vector: FL, VM 1-n. */
    public static final int BscanCycleTimeVector = 0x00221646;

    /** (0022,1649) A-scan Rate: FL, VM 1. */
    public static final int AscanRate = 0x00221649;

    /** (0022,1650) B-scan Rate: FL, VM 1. */
    public static final int BscanRate = 0x00221650;

    /** (0022,1658) Surface Mesh Z-Pixel Offset: UL, VM 1. */
    public static final int SurfaceMeshZPixelOffset = 0x00221658;

    /** (0024,0010) Visual Field Horizontal Extent: FL, VM 1. */
    public static final int VisualFieldHorizontalExtent = 0x00240010;

    /** (0024,0011) Visual Field Vertical Extent: FL, VM 1. */
    public static final int VisualFieldVerticalExtent = 0x00240011;

    /** (0024,0012) Visual Field Shape: CS, VM 1. */
    public static final int VisualFieldShape = 0x00240012;

    /** (0024,0016) Screening Test Mode Code Sequence: SQ, VM 1. */
    public static final int ScreeningTestModeCodeSequence = 0x00240016;

    /** (0024,0018) Maximum Stimulus Luminance: FL, VM 1. */
    public static final int MaximumStimulusLuminance = 0x00240018;

    /** (0024,0020) Background Luminance: FL, VM 1. */
    public static final int BackgroundLuminance = 0x00240020;

    /** (0024,0021) Stimulus Color Code Sequence: SQ, VM 1. */
    public static final int StimulusColorCodeSequence = 0x00240021;

    /** (0024,0024) Background Illumination Color Code Sequence: SQ, VM 1. */
    public static final int BackgroundIlluminationColorCodeSequence = 0x00240024;

    /** (0024,0025) Stimulus Area: FL, VM 1. */
    public static final int StimulusArea = 0x00240025;

    /** (0024,0028) Stimulus Presentation Time: FL, VM 1. */
    public static final int StimulusPresentationTime = 0x00240028;

    /** (0024,0032) Fixation Sequence: SQ, VM 1. */
    public static final int FixationSequence = 0x00240032;

    /** (0024,0033) Fixation Monitoring Code Sequence: SQ, VM 1. */
    public static final int FixationMonitoringCodeSequence = 0x00240033;

    /** (0024,0034) Visual Field Catch Trial Sequence: SQ, VM 1. */
    public static final int VisualFieldCatchTrialSequence = 0x00240034;

    /** (0024,0035) Fixation Checked Quantity: US, VM 1. */
    public static final int FixationCheckedQuantity = 0x00240035;

    /** (0024,0036) Patient Not Properly Fixated Quantity: US, VM 1. */
    public static final int PatientNotProperlyFixatedQuantity = 0x00240036;

    /** (0024,0037) Presented Visual Stimuli Data Flag: CS, VM 1. */
    public static final int PresentedVisualStimuliDataFlag = 0x00240037;

    /** (0024,0038) Number of Visual Stimuli: US, VM 1. */
    public static final int NumberOfVisualStimuli = 0x00240038;

    /** (0024,0039) Excessive Fixation Losses Data Flag: CS, VM 1. */
    public static final int ExcessiveFixationLossesDataFlag = 0x00240039;

    /** (0024,0040) Excessive Fixation Losses: CS, VM 1. */
    public static final int ExcessiveFixationLosses = 0x00240040;

    /** (0024,0042) Stimuli Retesting Quantity: US, VM 1. */
    public static final int StimuliRetestingQuantity = 0x00240042;

    /** (0024,0044) Comments on Patient's Performance of Visual Field: LT, VM 1. */
    public static final int CommentsOnPatientPerformanceOfVisualField = 0x00240044;

    /** (0024,0045) False Negatives Estimate Flag: CS, VM 1. */
    public static final int FalseNegativesEstimateFlag = 0x00240045;

    /** (0024,0046) False Negatives Estimate: FL, VM 1. */
    public static final int FalseNegativesEstimate = 0x00240046;

    /** (0024,0048) Negative Catch Trials Quantity: US, VM 1. */
    public static final int NegativeCatchTrialsQuantity = 0x00240048;

    /** (0024,0050) False Negatives Quantity: US, VM 1. */
    public static final int FalseNegativesQuantity = 0x00240050;

    /** (0024,0051) Excessive False Negatives Data Flag: CS, VM 1. */
    public static final int ExcessiveFalseNegativesDataFlag = 0x00240051;

    /** (0024,0052) Excessive False Negatives: CS, VM 1. */
    public static final int ExcessiveFalseNegatives = 0x00240052;

    /** (0024,0053) False Positives Estimate Flag: CS, VM 1. */
    public static final int FalsePositivesEstimateFlag = 0x00240053;

    /** (0024,0054) False Positives Estimate: FL, VM 1. */
    public static final int FalsePositivesEstimate = 0x00240054;

    /** (0024,0055) Catch Trials Data Flag: CS, VM 1. */
    public static final int CatchTrialsDataFlag = 0x00240055;

    /** (0024,0056) Positive Catch Trials Quantity: US, VM 1. */
    public static final int PositiveCatchTrialsQuantity = 0x00240056;

    /** (0024,0057) Test Point Normals Data Flag: CS, VM 1. */
    public static final int TestPointNormalsDataFlag = 0x00240057;

    /** (0024,0058) Test Point Normals Sequence: SQ, VM 1. */
    public static final int TestPointNormalsSequence = 0x00240058;

    /** (0024,0059) Global Deviation Probability Normals Flag: CS, VM 1. */
    public static final int GlobalDeviationProbabilityNormalsFlag = 0x00240059;

    /** (0024,0060) False Positives Quantity: US, VM 1. */
    public static final int FalsePositivesQuantity = 0x00240060;

    /** (0024,0061) Excessive False Positives Data Flag: CS, VM 1. */
    public static final int ExcessiveFalsePositivesDataFlag = 0x00240061;

    /** (0024,0062) Excessive False Positives: CS, VM 1. */
    public static final int ExcessiveFalsePositives = 0x00240062;

    /** (0024,0063) Visual Field Test Normals Flag: CS, VM 1. */
    public static final int VisualFieldTestNormalsFlag = 0x00240063;

    /** (0024,0064) Results Normals Sequence: SQ, VM 1. */
    public static final int ResultsNormalsSequence = 0x00240064;

    /** (0024,0065) Age Corrected Sensitivity Deviation Algorithm Sequence: SQ, VM 1. */
    public static final int AgeCorrectedSensitivityDeviationAlgorithmSequence = 0x00240065;

    /** (0024,0066) Global Deviation From Normal: FL, VM 1. */
    public static final int GlobalDeviationFromNormal = 0x00240066;

    /** (0024,0067) Generalized Defect Sensitivity Deviation Algorithm Sequence: SQ, VM 1. */
    public static final int GeneralizedDefectSensitivityDeviationAlgorithmSequence = 0x00240067;

    /** (0024,0068) Localized Deviation From Normal: FL, VM 1. */
    public static final int LocalizedDeviationFromNormal = 0x00240068;

    /** (0024,0069) Patient Reliability Indicator: LO, VM 1. */
    public static final int PatientReliabilityIndicator = 0x00240069;

    /** (0024,0070) Visual Field Mean Sensitivity: FL, VM 1. */
    public static final int VisualFieldMeanSensitivity = 0x00240070;

    /** (0024,0071) Global Deviation Probability: FL, VM 1. */
    public static final int GlobalDeviationProbability = 0x00240071;

    /** (0024,0072) Local Deviation Probability Normals Flag: CS, VM 1. */
    public static final int LocalDeviationProbabilityNormalsFlag = 0x00240072;

    /** (0024,0073) Localized Deviation Probability: FL, VM 1. */
    public static final int LocalizedDeviationProbability = 0x00240073;

    /** (0024,0074) Short Term Fluctuation Calculated: CS, VM 1. */
    public static final int ShortTermFluctuationCalculated = 0x00240074;

    /** (0024,0075) Short Term Fluctuation: FL, VM 1. */
    public static final int ShortTermFluctuation = 0x00240075;

    /** (0024,0076) Short Term Fluctuation Probability Calculated: CS, VM 1. */
    public static final int ShortTermFluctuationProbabilityCalculated = 0x00240076;

    /** (0024,0077) Short Term Fluctuation Probability: FL, VM 1. */
    public static final int ShortTermFluctuationProbability = 0x00240077;

    /** (0024,0078) Corrected Localized Deviation From Normal Calculated: CS, VM 1. */
    public static final int CorrectedLocalizedDeviationFromNormalCalculated = 0x00240078;

    /** (0024,0079) Corrected Localized Deviation From Normal: FL, VM 1. */
    public static final int CorrectedLocalizedDeviationFromNormal = 0x00240079;

    /** (0024,0080) Corrected Localized Deviation From Normal Probability Calculated: CS, VM 1. */
    public static final int CorrectedLocalizedDeviationFromNormalProbabilityCalculated = 0x00240080;

    /** (0024,0081) Corrected Localized Deviation From Normal Probability: FL, VM 1. */
    public static final int CorrectedLocalizedDeviationFromNormalProbability = 0x00240081;

    /** (0024,0083) Global Deviation Probability Sequence: SQ, VM 1. */
    public static final int GlobalDeviationProbabilitySequence = 0x00240083;

    /** (0024,0085) Localized Deviation Probability Sequence: SQ, VM 1. */
    public static final int LocalizedDeviationProbabilitySequence = 0x00240085;

    /** (0024,0086) Foveal Sensitivity Measured: CS, VM 1. */
    public static final int FovealSensitivityMeasured = 0x00240086;

    /** (0024,0087) Foveal Sensitivity: FL, VM 1. */
    public static final int FovealSensitivity = 0x00240087;

    /** (0024,0088) Visual Field Test Duration: FL, VM 1. */
    public static final int VisualFieldTestDuration = 0x00240088;

    /** (0024,0089) Visual Field Test Point Sequence: SQ, VM 1. */
    public static final int VisualFieldTestPointSequence = 0x00240089;

    /** (0024,0090) Visual Field Test Point X-Coordinate: FL, VM 1. */
    public static final int VisualFieldTestPointXCoordinate = 0x00240090;

    /** (0024,0091) Visual Field Test Point Y-Coordinate: FL, VM 1. */
    public static final int VisualFieldTestPointYCoordinate = 0x00240091;

    /** (0024,0092) Age Corrected Sensitivity Deviation Value: FL, VM 1. */
    public static final int AgeCorrectedSensitivityDeviationValue = 0x00240092;

    /** (0024,0093) Stimulus Results: CS, VM 1. */
    public static final int StimulusResults = 0x00240093;

    /** (0024,0094) Sensitivity Value: FL, VM 1. */
    public static final int SensitivityValue = 0x00240094;

    /** (0024,0095) Retest Stimulus Seen: CS, VM 1. */
    public static final int RetestStimulusSeen = 0x00240095;

    /** (0024,0096) Retest Sensitivity Value: FL, VM 1. */
    public static final int RetestSensitivityValue = 0x00240096;

    /** (0024,0097) Visual Field Test Point Normals Sequence: SQ, VM 1. */
    public static final int VisualFieldTestPointNormalsSequence = 0x00240097;

    /** (0024,0098) Quantified Defect: FL, VM 1. */
    public static final int QuantifiedDefect = 0x00240098;

    /** (0024,0100) Age Corrected Sensitivity Deviation Probability Value: FL, VM 1. */
    public static final int AgeCorrectedSensitivityDeviationProbabilityValue = 0x00240100;

    /** (0024,0102) Generalized Defect Corrected Sensitivity Deviation Flag: CS, VM 1. */
    public static final int GeneralizedDefectCorrectedSensitivityDeviationFlag = 0x00240102;

    /** (0024,0103) Generalized Defect Corrected Sensitivity Deviation Value: FL, VM 1. */
    public static final int GeneralizedDefectCorrectedSensitivityDeviationValue = 0x00240103;

    /** (0024,0104) Generalized Defect Corrected Sensitivity Deviation Probability Value: FL, VM 1. */
    public static final int GeneralizedDefectCorrectedSensitivityDeviationProbabilityValue = 0x00240104;

    /** (0024,0105) Minimum Sensitivity Value: FL, VM 1. */
    public static final int MinimumSensitivityValue = 0x00240105;

    /** (0024,0106) Blind Spot Localized: CS, VM 1. */
    public static final int BlindSpotLocalized = 0x00240106;

    /** (0024,0107) Blind Spot X-Coordinate: FL, VM 1. */
    public static final int BlindSpotXCoordinate = 0x00240107;

    /** (0024,0108) Blind Spot Y-Coordinate: FL, VM 1. */
    public static final int BlindSpotYCoordinate = 0x00240108;

    /** (0024,0110) Visual Acuity Measurement Sequence: SQ, VM 1. */
    public static final int VisualAcuityMeasurementSequence = 0x00240110;

    /** (0024,0112) Refractive Parameters Used on Patient Sequence: SQ, VM 1. */
    public static final int RefractiveParametersUsedOnPatientSequence = 0x00240112;

    /** (0024,0113) Measurement Laterality: CS, VM 1. */
    public static final int MeasurementLaterality = 0x00240113;

    /** (0024,0114) Ophthalmic Patient Clinical Information Left Eye Sequence: SQ, VM 1. */
    public static final int OphthalmicPatientClinicalInformationLeftEyeSequence = 0x00240114;

    /** (0024,0115) Ophthalmic Patient Clinical Information Right Eye Sequence: SQ, VM 1. */
    public static final int OphthalmicPatientClinicalInformationRightEyeSequence = 0x00240115;

    /** (0024,0117) Foveal Point Normative Data Flag: CS, VM 1. */
    public static final int FovealPointNormativeDataFlag = 0x00240117;

    /** (0024,0118) Foveal Point Probability Value: FL, VM 1. */
    public static final int FovealPointProbabilityValue = 0x00240118;

    /** (0024,0120) Screening Baseline Measured: CS, VM 1. */
    public static final int ScreeningBaselineMeasured = 0x00240120;

    /** (0024,0122) Screening Baseline Measured Sequence: SQ, VM 1. */
    public static final int ScreeningBaselineMeasuredSequence = 0x00240122;

    /** (0024,0124) Screening Baseline Type: CS, VM 1. */
    public static final int ScreeningBaselineType = 0x00240124;

    /** (0024,0126) Screening Baseline Value: FL, VM 1. */
    public static final int ScreeningBaselineValue = 0x00240126;

    /** (0024,0202) Algorithm Source: LO, VM 1. */
    public static final int AlgorithmSource = 0x00240202;

    /** (0024,0306) Data Set Name: LO, VM 1. */
    public static final int DataSetName = 0x00240306;

    /** (0024,0307) Data Set Version: LO, VM 1. */
    public static final int DataSetVersion = 0x00240307;

    /** (0024,0308) Data Set Source: LO, VM 1. */
    public static final int DataSetSource = 0x00240308;

    /** (0024,0309) Data Set Description: LO, VM 1. */
    public static final int DataSetDescription = 0x00240309;

    /** (0024,0317) Visual Field Test Reliability Global Index Sequence: SQ, VM 1. */
    public static final int VisualFieldTestReliabilityGlobalIndexSequence = 0x00240317;

    /** (0024,0320) Visual Field Global Results Index Sequence: SQ, VM 1. */
    public static final int VisualFieldGlobalResultsIndexSequence = 0x00240320;

    /** (0024,0325) Data Observation Sequence: SQ, VM 1. */
    public static final int DataObservationSequence = 0x00240325;

    /** (0024,0338) Index Normals Flag: CS, VM 1. */
    public static final int IndexNormalsFlag = 0x00240338;

    /** (0024,0341) Index Probability: FL, VM 1. */
    public static final int IndexProbability = 0x00240341;

    /** (0024,0344) Index Probability Sequence: SQ, VM 1. */
    public static final int IndexProbabilitySequence = 0x00240344;

    /** (0028,0002) Samples per Pixel: US, VM 1. */
    public static final int SamplesPerPixel = 0x00280002;

    /** (0028,0003) Samples per Pixel Used: US, VM 1. */
    public static final int SamplesPerPixelUsed = 0x00280003;

    /** (0028,0004) Photometric Interpretation: CS, VM 1. */
    public static final int PhotometricInterpretation = 0x00280004;

    /** (0028,0005) Image Dimensions: US, VM 1. Retired. */
    public static final int ImageDimensions = 0x00280005;

    /** (0028,0006) Planar Configuration: US, VM 1. */
    public static final int PlanarConfiguration = 0x00280006;

    /** (0028,0008) Number of Frames: IS, VM 1. */
    public static final int NumberOfFrames = 0x00280008;

    /** (0028,0009) Frame Increment Pointer: AT, VM 1-n. */
    public static final int FrameIncrementPointer = 0x00280009;

    /** (0028,000A) Frame Dimension Pointer: AT, VM 1-n. */
    public static final int FrameDimensionPointer = 0x0028000A;

    /** (0028,0010) Rows: US, VM 1. */
    public static final int Rows = 0x00280010;

    /** (0028,0011) Columns: US, VM 1. */
    public static final int Columns = 0x00280011;

    /** (0028,0012) Planes: US, VM 1. Retired. */
    public static final int Planes = 0x00280012;

    /** (0028,0014) Ultrasound Color Data Present: US, VM 1. */
    public static final int UltrasoundColorDataPresent = 0x00280014;

    /** (0028,0030) Pixel Spacing: DS, VM 2. */
    public static final int PixelSpacing = 0x00280030;

    /** (0028,0031) Zoom Factor: DS, VM 2. */
    public static final int ZoomFactor = 0x00280031;

    /** (0028,0032) Zoom Center: DS, VM 2. */
    public static final int ZoomCenter = 0x00280032;

    /** (0028,0034) Pixel Aspect Ratio: IS, VM 2. */
    public static final int PixelAspectRatio = 0x00280034;

    /** (0028,0040) Image Format: CS, VM 1. Retired. */
    public static final int ImageFormat = 0x00280040;

    /** (0028,0050) Manipulated Image: LO, VM 1-n. Retired. */
    public static final int ManipulatedImage = 0x00280050;

    /** (0028,0051) Corrected Image: CS, VM 1-n. */
    public static final int CorrectedImage = 0x00280051;

    /** (0028,005F) Compression Recognition Code: LO, VM 1. Retired. */
    public static final int CompressionRecognitionCode = 0x0028005F;

    /** (0028,0060) Compression Code: CS, VM 1. Retired. */
    public static final int CompressionCode = 0x00280060;

    /** (0028,0061) Compression Originator: SH, VM 1. Retired. */
    public static final int CompressionOriginator = 0x00280061;

    /** (0028,0062) Compression Label: LO, VM 1. Retired. */
    public static final int CompressionLabel = 0x00280062;

    /** (0028,0063) Compression Description: SH, VM 1. Retired. */
    public static final int CompressionDescription = 0x00280063;

    /** (0028,0065) Compression Sequence: CS, VM 1-n. Retired. */
    public static final int CompressionSequence = 0x00280065;

    /** (0028,0066) Compression Step Pointers: AT, VM 1-n. Retired. */
    public static final int CompressionStepPointers = 0x00280066;

    /** (0028,0068) Repeat Interval: US, VM 1. Retired. */
    public static final int RepeatInterval = 0x00280068;

    /** (0028,0069) Bits Grouped: US, VM 1. Retired. */
    public static final int BitsGrouped = 0x00280069;

    /** (0028,0070) Perimeter Table: US, VM 1-n. Retired. */
    public static final int PerimeterTable = 0x00280070;

    /** (0028,0071) Perimeter Value: US or SS, VM 1. Retired. */
    public static final int PerimeterValue = 0x00280071;

    /** (0028,0080) Predictor Rows: US, VM 1. Retired. */
    public static final int PredictorRows = 0x00280080;

    /** (0028,0081) Predictor Columns: US, VM 1. Retired. */
    public static final int PredictorColumns = 0x00280081;

    /** (0028,0082) Predictor Constants: US, VM 1-n. Retired. */
    public static final int PredictorConstants = 0x00280082;

    /** (0028,0090) Blocked Pixels: CS, VM 1. Retired. */
    public static final int BlockedPixels = 0x00280090;

    /** (0028,0091) Block Rows: US, VM 1. Retired. */
    public static final int BlockRows = 0x00280091;

    /** (0028,0092) Block Columns: US, VM 1. Retired. */
    public static final int BlockColumns = 0x00280092;

    /** (0028,0093) Row Overlap: US, VM 1. Retired. */
    public static final int RowOverlap = 0x00280093;

    /** (0028,0094) Column Overlap: US, VM 1. Retired. */
    public static final int ColumnOverlap = 0x00280094;

    /** (0028,0100) Bits Allocated: US, VM 1. */
    public static final int BitsAllocated = 0x00280100;

    /** (0028,0101) Bits Stored: US, VM 1. */
    public static final int BitsStored = 0x00280101;

    /** (0028,0102) High Bit: US, VM 1. */
    public static final int HighBit = 0x00280102;

    /** (0028,0103) Pixel Representation: US, VM 1. */
    public static final int PixelRepresentation = 0x00280103;

    /** (0028,0104) Smallest Valid Pixel Value: US or SS, VM 1. Retired. */
    public static final int SmallestValidPixelValue = 0x00280104;

    /** (0028,0105) Largest Valid Pixel Value: US or SS, VM 1. Retired. */
    public static final int LargestValidPixelValue = 0x00280105;

    /** (0028,0106) Smallest Image Pixel Value: US or SS, VM 1. */
    public static final int SmallestImagePixelValue = 0x00280106;

    /** (0028,0107) Largest Image Pixel Value: US or SS, VM 1. */
    public static final int LargestImagePixelValue = 0x00280107;

    /** (0028,0108) Smallest Pixel Value in Series: US or SS, VM 1. */
    public static final int SmallestPixelValueInSeries = 0x00280108;

    /** (0028,0109) Largest Pixel Value in Series: US or SS, VM 1. */
    public static final int LargestPixelValueInSeries = 0x00280109;

    /** (0028,0110) Smallest Image Pixel Value in Plane: US or SS, VM 1. Retired. */
    public static final int SmallestImagePixelValueInPlane = 0x00280110;

    /** (0028,0111) Largest Image Pixel Value in Plane: US or SS, VM 1. Retired. */
    public static final int LargestImagePixelValueInPlane = 0x00280111;

    /** (0028,0120) Pixel Padding Value: US or SS, VM 1. */
    public static final int PixelPaddingValue = 0x00280120;

    /** (0028,0121) Pixel Padding Range Limit: US or SS, VM 1. */
    public static final int PixelPaddingRangeLimit = 0x00280121;

    /** (0028,0122) Float Pixel Padding Value: FL, VM 1. */
    public static final int FloatPixelPaddingValue = 0x00280122;

    /** (0028,0123) Double Float Pixel Padding Value: FD, VM 1. */
    public static final int DoubleFloatPixelPaddingValue = 0x00280123;

    /** (0028,0124) Float Pixel Padding Range Limit: FL, VM 1. */
    public static final int FloatPixelPaddingRangeLimit = 0x00280124;

    /** (0028,0125) Double Float Pixel Padding Range Limit: FD, VM 1. */
    public static final int DoubleFloatPixelPaddingRangeLimit = 0x00280125;

    /** (0028,0200) Image Location: US, VM 1. Retired. */
    public static final int ImageLocation = 0x00280200;

    /** (0028,0300) Quality Control Image: CS, VM 1. */
    public static final int QualityControlImage = 0x00280300;

    /** (0028,0301) Burned In Annotation: CS, VM 1. */
    public static final int BurnedInAnnotation = 0x00280301;

    /** (0028,0302) Recognizable Visual Features: CS, VM 1. */
    public static final int RecognizableVisualFeatures = 0x00280302;

    /** (0028,0303) Longitudinal Temporal Information Modified: CS, VM 1. */
    public static final int LongitudinalTemporalInformationModified = 0x00280303;

    /** (0028,0304) Referenced Color Palette Instance UID: UI, VM 1. */
    public static final int ReferencedColorPaletteInstanceUID = 0x00280304;

    /** (0028,0400) Transform Label: LO, VM 1. Retired. */
    public static final int TransformLabel = 0x00280400;

    /** (0028,04x0) Rows For Nth Order Coefficients: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int RowsForNthOrderCoefficients = 0x00280410;

    /** (0028,0401) Transform Version Number: LO, VM 1. Retired. */
    public static final int TransformVersionNumber = 0x00280401;

    /** (0028,04x1) Columns For Nth Order Coefficients: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int ColumnsForNthOrderCoefficients = 0x00280411;

    /** (0028,0402) Number of Transform Steps: US, VM 1. Retired. */
    public static final int NumberOfTransformSteps = 0x00280402;

    /** (0028,04x2) Coefficient Coding: LO, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CoefficientCoding = 0x00280412;

    /** (0028,0403) Sequence of Compressed Data: LO, VM 1-n. Retired. */
    public static final int SequenceOfCompressedData = 0x00280403;

    /** (0028,04x3) Coefficient Coding Pointers: AT, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CoefficientCodingPointers = 0x00280413;

    /** (0028,0404) Details of Coefficients: AT, VM 1-n. Retired. */
    public static final int DetailsOfCoefficients = 0x00280404;

    /** (0028,0700) DCT Label: LO, VM 1. Retired. */
    public static final int DCTLabel = 0x00280700;

    /** (0028,0701) Data Block Description: CS, VM 1-n. Retired. */
    public static final int DataBlockDescription = 0x00280701;

    /** (0028,0702) Data Block: AT, VM 1-n. Retired. */
    public static final int DataBlock = 0x00280702;

    /** (0028,0710) Normalization Factor Format: US, VM 1. Retired. */
    public static final int NormalizationFactorFormat = 0x00280710;

    /** (0028,0720) Zonal Map Number Format: US, VM 1. Retired. */
    public static final int ZonalMapNumberFormat = 0x00280720;

    /** (0028,0721) Zonal Map Location: AT, VM 1-n. Retired. */
    public static final int ZonalMapLocation = 0x00280721;

    /** (0028,0722) Zonal Map Format: US, VM 1. Retired. */
    public static final int ZonalMapFormat = 0x00280722;

    /** (0028,0730) Adaptive Map Format: US, VM 1. Retired. */
    public static final int AdaptiveMapFormat = 0x00280730;

    /** (0028,0740) Code Number Format: US, VM 1. Retired. */
    public static final int CodeNumberFormat = 0x00280740;

    /** (0028,08x0) Code Label: CS, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CodeLabel = 0x00280800;

    /** (0028,08x2) Number of Tables: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int NumberOfTables = 0x00280802;

    /** (0028,08x3) Code Table Location: AT, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CodeTableLocation = 0x00280803;

    /** (0028,08x4) Bits For Code Word: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int BitsForCodeWord = 0x00280804;

    /** (0028,08x8) Image Data Location: AT, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int ImageDataLocation = 0x00280808;

    /** (0028,0A02) Pixel Spacing Calibration Type: CS, VM 1. */
    public static final int PixelSpacingCalibrationType = 0x00280A02;

    /** (0028,0A04) Pixel Spacing Calibration Description: LO, VM 1. */
    public static final int PixelSpacingCalibrationDescription = 0x00280A04;

    /** (0028,1040) Pixel Intensity Relationship: CS, VM 1. */
    public static final int PixelIntensityRelationship = 0x00281040;

    /** (0028,1041) Pixel Intensity Relationship Sign: SS, VM 1. */
    public static final int PixelIntensityRelationshipSign = 0x00281041;

    /** (0028,1050) Window Center: DS, VM 1-n. */
    public static final int WindowCenter = 0x00281050;

    /** (0028,1051) Window Width: DS, VM 1-n. */
    public static final int WindowWidth = 0x00281051;

    /** (0028,1052) Rescale Intercept: DS, VM 1. */
    public static final int RescaleIntercept = 0x00281052;

    /** (0028,1053) Rescale Slope: DS, VM 1. */
    public static final int RescaleSlope = 0x00281053;

    /** (0028,1054) Rescale Type: LO, VM 1. */
    public static final int RescaleType = 0x00281054;

    /** (0028,1055) Window Center &amp; Width Explanation: LO, VM 1-n. */
    public static final int WindowCenterWidthExplanation = 0x00281055;

    /** (0028,1056) VOI LUT Function: CS, VM 1. */
    public static final int VOILUTFunction = 0x00281056;

    /** (0028,1080) Gray Scale: CS, VM 1. Retired. */
    public static final int GrayScale = 0x00281080;

    /** (0028,1090) Recommended Viewing Mode: CS, VM 1. */
    public static final int RecommendedViewingMode = 0x00281090;

    /** (0028,1100) Gray Lookup Table Descriptor: US or SS, VM 3. Retired. */
    public static final int GrayLookupTableDescriptor = 0x00281100;

    /** (0028,1101) Red Palette Color Lookup Table Descriptor: US or SS, VM 3. */
    public static final int RedPaletteColorLookupTableDescriptor = 0x00281101;

    /** (0028,1102) Green Palette Color Lookup Table Descriptor: US or SS, VM 3. */
    public static final int GreenPaletteColorLookupTableDescriptor = 0x00281102;

    /** (0028,1103) Blue Palette Color Lookup Table Descriptor: US or SS, VM 3. */
    public static final int BluePaletteColorLookupTableDescriptor = 0x00281103;

    /** (0028,1104) Alpha Palette Color Lookup Table Descriptor: US, VM 3. */
    public static final int AlphaPaletteColorLookupTableDescriptor = 0x00281104;

    /** (0028,1111) Large Red Palette Color Lookup Table Descriptor: US or SS, VM 4. Retired. */
    public static final int LargeRedPaletteColorLookupTableDescriptor = 0x00281111;

    /** (0028,1112) Large Green Palette Color Lookup Table Descriptor: US or SS, VM 4. Retired. */
    public static final int LargeGreenPaletteColorLookupTableDescriptor = 0x00281112;

    /** (0028,1113) Large Blue Palette Color Lookup Table Descriptor: US or SS, VM 4. Retired. */
    public static final int LargeBluePaletteColorLookupTableDescriptor = 0x00281113;

    /** (0028,1199) Palette Color Lookup Table UID: UI, VM 1. */
    public static final int PaletteColorLookupTableUID = 0x00281199;

    /** (0028,1200) Gray Lookup Table Data: US or SS or OW, VM 1-n or 1. Retired. */
    public static final int GrayLookupTableData = 0x00281200;

    /** (0028,1201) Red Palette Color Lookup Table Data: OW, VM 1. */
    public static final int RedPaletteColorLookupTableData = 0x00281201;

    /** (0028,1202) Green Palette Color Lookup Table Data: OW, VM 1. */
    public static final int GreenPaletteColorLookupTableData = 0x00281202;

    /** (0028,1203) Blue Palette Color Lookup Table Data: OW, VM 1. */
    public static final int BluePaletteColorLookupTableData = 0x00281203;

    /** (0028,1204) Alpha Palette Color Lookup Table Data: OW, VM 1. */
    public static final int AlphaPaletteColorLookupTableData = 0x00281204;

    /** (0028,1211) Large Red Palette Color Lookup Table Data: OW, VM 1. Retired. */
    public static final int LargeRedPaletteColorLookupTableData = 0x00281211;

    /** (0028,1212) Large Green Palette Color Lookup Table Data: OW, VM 1. Retired. */
    public static final int LargeGreenPaletteColorLookupTableData = 0x00281212;

    /** (0028,1213) Large Blue Palette Color Lookup Table Data: OW, VM 1. Retired. */
    public static final int LargeBluePaletteColorLookupTableData = 0x00281213;

    /** (0028,1214) Large Palette Color Lookup Table UID: UI, VM 1. Retired. */
    public static final int LargePaletteColorLookupTableUID = 0x00281214;

    /** (0028,1221) Segmented Red Palette Color Lookup Table Data: OW, VM 1. */
    public static final int SegmentedRedPaletteColorLookupTableData = 0x00281221;

    /** (0028,1222) Segmented Green Palette Color Lookup Table Data: OW, VM 1. */
    public static final int SegmentedGreenPaletteColorLookupTableData = 0x00281222;

    /** (0028,1223) Segmented Blue Palette Color Lookup Table Data: OW, VM 1. */
    public static final int SegmentedBluePaletteColorLookupTableData = 0x00281223;

    /** (0028,1224) Segmented Alpha Palette Color Lookup Table Data: OW, VM 1. */
    public static final int SegmentedAlphaPaletteColorLookupTableData = 0x00281224;

    /** (0028,1230) Stored Value Color Range Sequence: SQ, VM 1. */
    public static final int StoredValueColorRangeSequence = 0x00281230;

    /** (0028,1231) Minimum Stored Value Mapped: FD, VM 1. */
    public static final int MinimumStoredValueMapped = 0x00281231;

    /** (0028,1232) Maximum Stored Value Mapped: FD, VM 1. */
    public static final int MaximumStoredValueMapped = 0x00281232;

    /** (0028,1300) Breast Implant Present: CS, VM 1. */
    public static final int BreastImplantPresent = 0x00281300;

    /** (0028,1350) Partial View: CS, VM 1. */
    public static final int PartialView = 0x00281350;

    /** (0028,1351) Partial View Description: ST, VM 1. */
    public static final int PartialViewDescription = 0x00281351;

    /** (0028,1352) Partial View Code Sequence: SQ, VM 1. */
    public static final int PartialViewCodeSequence = 0x00281352;

    /** (0028,135A) Spatial Locations Preserved: CS, VM 1. */
    public static final int SpatialLocationsPreserved = 0x0028135A;

    /** (0028,1401) Data Frame Assignment Sequence: SQ, VM 1. */
    public static final int DataFrameAssignmentSequence = 0x00281401;

    /** (0028,1402) Data Path Assignment: CS, VM 1. */
    public static final int DataPathAssignment = 0x00281402;

    /** (0028,1403) Bits Mapped to Color Lookup Table: US, VM 1. */
    public static final int BitsMappedToColorLookupTable = 0x00281403;

    /** (0028,1404) Blending LUT 1 Sequence: SQ, VM 1. */
    public static final int BlendingLUT1Sequence = 0x00281404;

    /** (0028,1405) Blending LUT 1 Transfer Function: CS, VM 1. */
    public static final int BlendingLUT1TransferFunction = 0x00281405;

    /** (0028,1406) Blending Weight Constant: FD, VM 1. */
    public static final int BlendingWeightConstant = 0x00281406;

    /** (0028,1407) Blending Lookup Table Descriptor: US, VM 3. */
    public static final int BlendingLookupTableDescriptor = 0x00281407;

    /** (0028,1408) Blending Lookup Table Data: OW, VM 1. */
    public static final int BlendingLookupTableData = 0x00281408;

    /** (0028,140B) Enhanced Palette Color Lookup Table Sequence: SQ, VM 1. */
    public static final int EnhancedPaletteColorLookupTableSequence = 0x0028140B;

    /** (0028,140C) Blending LUT 2 Sequence: SQ, VM 1. */
    public static final int BlendingLUT2Sequence = 0x0028140C;

    /** (0028,140D) Blending LUT 2 Transfer Function: CS, VM 1. */
    public static final int BlendingLUT2TransferFunction = 0x0028140D;

    /** (0028,140E) Data Path ID: CS, VM 1. */
    public static final int DataPathID = 0x0028140E;

    /** (0028,140F) RGB LUT Transfer Function: CS, VM 1. */
    public static final int RGBLUTTransferFunction = 0x0028140F;

    /** (0028,1410) Alpha LUT Transfer Function: CS, VM 1. */
    public static final int AlphaLUTTransferFunction = 0x00281410;

    /** (0028,2000) ICC Profile: OB, VM 1. */
    public static final int ICCProfile = 0x00282000;

    /** (0028,2002) Color Space: CS, VM 1. */
    public static final int ColorSpace = 0x00282002;

    /** (0028,2110) Lossy Image Compression: CS, VM 1. */
    public static final int LossyImageCompression = 0x00282110;

    /** (0028,2112) Lossy Image Compression Ratio: DS, VM 1-n. */
    public static final int LossyImageCompressionRatio = 0x00282112;

    /** (0028,2114) Lossy Image Compression Method: CS, VM 1-n. */
    public static final int LossyImageCompressionMethod = 0x00282114;

    /** (0028,3000) Modality LUT Sequence: SQ, VM 1. */
    public static final int ModalityLUTSequence = 0x00283000;

    /** (0028,3001) Variable Modality LUT Sequence: SQ, VM 1. */
    public static final int VariableModalityLUTSequence = 0x00283001;

    /** (0028,3002) LUT Descriptor: US or SS, VM 3. */
    public static final int LUTDescriptor = 0x00283002;

    /** (0028,3003) LUT Explanation: LO, VM 1. */
    public static final int LUTExplanation = 0x00283003;

    /** (0028,3004) Modality LUT Type: LO, VM 1. */
    public static final int ModalityLUTType = 0x00283004;

    /** (0028,3006) LUT Data: US or OW, VM 1-n or 1. */
    public static final int LUTData = 0x00283006;

    /** (0028,3010) VOI LUT Sequence: SQ, VM 1. */
    public static final int VOILUTSequence = 0x00283010;

    /** (0028,3110) Softcopy VOI LUT Sequence: SQ, VM 1. */
    public static final int SoftcopyVOILUTSequence = 0x00283110;

    /** (0028,4000) Image Presentation Comments: LT, VM 1. Retired. */
    public static final int ImagePresentationComments = 0x00284000;

    /** (0028,5000) Bi-Plane Acquisition Sequence: SQ, VM 1. Retired. */
    public static final int BiPlaneAcquisitionSequence = 0x00285000;

    /** (0028,6010) Representative Frame Number: US, VM 1. */
    public static final int RepresentativeFrameNumber = 0x00286010;

    /** (0028,6020) Frame Numbers of Interest (FOI): US, VM 1-n. */
    public static final int FrameNumbersOfInterest = 0x00286020;

    /** (0028,6022) Frame of Interest Description: LO, VM 1-n. */
    public static final int FrameOfInterestDescription = 0x00286022;

    /** (0028,6023) Frame of Interest Type: CS, VM 1-n. */
    public static final int FrameOfInterestType = 0x00286023;

    /** (0028,6030) Mask Pointer(s): US, VM 1-n. Retired. */
    public static final int MaskPointers = 0x00286030;

    /** (0028,6040) R Wave Pointer: US, VM 1-n. */
    public static final int RWavePointer = 0x00286040;

    /** (0028,6100) Mask Subtraction Sequence: SQ, VM 1. */
    public static final int MaskSubtractionSequence = 0x00286100;

    /** (0028,6101) Mask Operation: CS, VM 1. */
    public static final int MaskOperation = 0x00286101;

    /** (0028,6102) Applicable Frame Range: US, VM 2-2n. */
    public static final int ApplicableFrameRange = 0x00286102;

    /** (0028,6110) Mask Frame Numbers: US, VM 1-n. */
    public static final int MaskFrameNumbers = 0x00286110;

    /** (0028,6112) Contrast Frame Averaging: US, VM 1. */
    public static final int ContrastFrameAveraging = 0x00286112;

    /** (0028,6114) Mask Sub-pixel Shift: FL, VM 2. */
    public static final int MaskSubPixelShift = 0x00286114;

    /** (0028,6120) TID Offset: SS, VM 1. */
    public static final int TIDOffset = 0x00286120;

    /** (0028,6190) Mask Operation Explanation: ST, VM 1. */
    public static final int MaskOperationExplanation = 0x00286190;

    /** (0028,7000) Equipment Administrator Sequence: SQ, VM 1. */
    public static final int EquipmentAdministratorSequence = 0x00287000;

    /** (0028,7001) Number of Display Subsystems: US, VM 1. */
    public static final int NumberOfDisplaySubsystems = 0x00287001;

    /** (0028,7002) Current Configuration ID: US, VM 1. */
    public static final int CurrentConfigurationID = 0x00287002;

    /** (0028,7003) Display Subsystem ID: US, VM 1. */
    public static final int DisplaySubsystemID = 0x00287003;

    /** (0028,7004) Display Subsystem Name: SH, VM 1. */
    public static final int DisplaySubsystemName = 0x00287004;

    /** (0028,7005) Display Subsystem Description: LO, VM 1. */
    public static final int DisplaySubsystemDescription = 0x00287005;

    /** (0028,7006) System Status: CS, VM 1. */
    public static final int SystemStatus = 0x00287006;

    /** (0028,7007) System Status Comment: LO, VM 1. */
    public static final int SystemStatusComment = 0x00287007;

    /** (0028,7008) Target Luminance Characteristics Sequence: SQ, VM 1. */
    public static final int TargetLuminanceCharacteristicsSequence = 0x00287008;

    /** (0028,7009) Luminance Characteristics ID: US, VM 1. */
    public static final int LuminanceCharacteristicsID = 0x00287009;

    /** (0028,700A) Display Subsystem Configuration Sequence: SQ, VM 1. */
    public static final int DisplaySubsystemConfigurationSequence = 0x0028700A;

    /** (0028,700B) Configuration ID: US, VM 1. */
    public static final int ConfigurationID = 0x0028700B;

    /** (0028,700C) Configuration Name: SH, VM 1. */
    public static final int ConfigurationName = 0x0028700C;

    /** (0028,700D) Configuration Description: LO, VM 1. */
    public static final int ConfigurationDescription = 0x0028700D;

    /** (0028,700E) Referenced Target Luminance Characteristics ID: US, VM 1. */
    public static final int ReferencedTargetLuminanceCharacteristicsID = 0x0028700E;

    /** (0028,700F) QA Results Sequence: SQ, VM 1. */
    public static final int QAResultsSequence = 0x0028700F;

    /** (0028,7010) Display Subsystem QA Results Sequence: SQ, VM 1. */
    public static final int DisplaySubsystemQAResultsSequence = 0x00287010;

    /** (0028,7011) Configuration QA Results Sequence: SQ, VM 1. */
    public static final int ConfigurationQAResultsSequence = 0x00287011;

    /** (0028,7012) Measurement Equipment Sequence: SQ, VM 1. */
    public static final int MeasurementEquipmentSequence = 0x00287012;

    /** (0028,7013) Measurement Functions: CS, VM 1-n. */
    public static final int MeasurementFunctions = 0x00287013;

    /** (0028,7014) Measurement Equipment Type: CS, VM 1. */
    public static final int MeasurementEquipmentType = 0x00287014;

    /** (0028,7015) Visual Evaluation Result Sequence: SQ, VM 1. */
    public static final int VisualEvaluationResultSequence = 0x00287015;

    /** (0028,7016) Display Calibration Result Sequence: SQ, VM 1. */
    public static final int DisplayCalibrationResultSequence = 0x00287016;

    /** (0028,7017) DDL Value: US, VM 1. */
    public static final int DDLValue = 0x00287017;

    /** (0028,7018) CIExy White Point: FL, VM 2. */
    public static final int CIExyWhitePoint = 0x00287018;

    /** (0028,7019) Display Function Type: CS, VM 1. */
    public static final int DisplayFunctionType = 0x00287019;

    /** (0028,701A) Gamma Value: FL, VM 1. */
    public static final int GammaValue = 0x0028701A;

    /** (0028,701B) Number of Luminance Points: US, VM 1. */
    public static final int NumberOfLuminancePoints = 0x0028701B;

    /** (0028,701C) Luminance Response Sequence: SQ, VM 1. */
    public static final int LuminanceResponseSequence = 0x0028701C;

    /** (0028,701D) Target Minimum Luminance: FL, VM 1. */
    public static final int TargetMinimumLuminance = 0x0028701D;

    /** (0028,701E) Target Maximum Luminance: FL, VM 1. */
    public static final int TargetMaximumLuminance = 0x0028701E;

    /** (0028,701F) Luminance Value: FL, VM 1. */
    public static final int LuminanceValue = 0x0028701F;

    /** (0028,7020) Luminance Response Description: LO, VM 1. */
    public static final int LuminanceResponseDescription = 0x00287020;

    /** (0028,7021) White Point Flag: CS, VM 1. */
    public static final int WhitePointFlag = 0x00287021;

    /** (0028,7022) Display Device Type Code Sequence: SQ, VM 1. */
    public static final int DisplayDeviceTypeCodeSequence = 0x00287022;

    /** (0028,7023) Display Subsystem Sequence: SQ, VM 1. */
    public static final int DisplaySubsystemSequence = 0x00287023;

    /** (0028,7024) Luminance Result Sequence: SQ, VM 1. */
    public static final int LuminanceResultSequence = 0x00287024;

    /** (0028,7025) Ambient Light Value Source: CS, VM 1. */
    public static final int AmbientLightValueSource = 0x00287025;

    /** (0028,7026) Measured Characteristics: CS, VM 1-n. */
    public static final int MeasuredCharacteristics = 0x00287026;

    /** (0028,7027) Luminance Uniformity Result Sequence: SQ, VM 1. */
    public static final int LuminanceUniformityResultSequence = 0x00287027;

    /** (0028,7028) Visual Evaluation Test Sequence: SQ, VM 1. */
    public static final int VisualEvaluationTestSequence = 0x00287028;

    /** (0028,7029) Test Result: CS, VM 1. */
    public static final int TestResult = 0x00287029;

    /** (0028,702A) Test Result Comment: LO, VM 1. */
    public static final int TestResultComment = 0x0028702A;

    /** (0028,702B) Test Image Validation: CS, VM 1. */
    public static final int TestImageValidation = 0x0028702B;

    /** (0028,702C) Test Pattern Code Sequence: SQ, VM 1. */
    public static final int TestPatternCodeSequence = 0x0028702C;

    /** (0028,702D) Measurement Pattern Code Sequence: SQ, VM 1. */
    public static final int MeasurementPatternCodeSequence = 0x0028702D;

    /** (0028,702E) Visual Evaluation Method Code Sequence: SQ, VM 1. */
    public static final int VisualEvaluationMethodCodeSequence = 0x0028702E;

    /** (0028,7FE0) Pixel Data Provider URL: UR, VM 1. */
    public static final int PixelDataProviderURL = 0x00287FE0;

    /** (0028,9001) Data Point Rows: UL, VM 1. */
    public static final int DataPointRows = 0x00289001;

    /** (0028,9002) Data Point Columns: UL, VM 1. */
    public static final int DataPointColumns = 0x00289002;

    /** (0028,9003) Signal Domain Columns: CS, VM 1. */
    public static final int SignalDomainColumns = 0x00289003;

    /** (0028,9099) Largest Monochrome Pixel Value: US, VM 1. Retired. */
    public static final int LargestMonochromePixelValue = 0x00289099;

    /** (0028,9108) Data Representation: CS, VM 1. */
    public static final int DataRepresentation = 0x00289108;

    /** (0028,9110) Pixel Measures Sequence: SQ, VM 1. */
    public static final int PixelMeasuresSequence = 0x00289110;

    /** (0028,9132) Frame VOI LUT Sequence: SQ, VM 1. */
    public static final int FrameVOILUTSequence = 0x00289132;

    /** (0028,9145) Pixel Value Transformation Sequence: SQ, VM 1. */
    public static final int PixelValueTransformationSequence = 0x00289145;

    /** (0028,9235) Signal Domain Rows: CS, VM 1. */
    public static final int SignalDomainRows = 0x00289235;

    /** (0028,9411) Display Filter Percentage: FL, VM 1. */
    public static final int DisplayFilterPercentage = 0x00289411;

    /** (0028,9415) Frame Pixel Shift Sequence: SQ, VM 1. */
    public static final int FramePixelShiftSequence = 0x00289415;

    /** (0028,9416) Subtraction Item ID: US, VM 1. */
    public static final int SubtractionItemID = 0x00289416;

    /** (0028,9422) Pixel Intensity Relationship LUT Sequence: SQ, VM 1. */
    public static final int PixelIntensityRelationshipLUTSequence = 0x00289422;

    /** (0028,9443) Frame Pixel Data Properties Sequence: SQ, VM 1. */
    public static final int FramePixelDataPropertiesSequence = 0x00289443;

    /** (0028,9444) Geometrical Properties: CS, VM 1. */
    public static final int GeometricalProperties = 0x00289444;

    /** (0028,9445) Geometric Maximum Distortion: FL, VM 1. */
    public static final int GeometricMaximumDistortion = 0x00289445;

    /** (0028,9446) Image Processing Applied: CS, VM 1-n. */
    public static final int ImageProcessingApplied = 0x00289446;

    /** (0028,9454) Mask Selection Mode: CS, VM 1. */
    public static final int MaskSelectionMode = 0x00289454;

    /** (0028,9474) LUT Function: CS, VM 1. */
    public static final int LUTFunction = 0x00289474;

    /** (0028,9478) Mask Visibility Percentage: FL, VM 1. */
    public static final int MaskVisibilityPercentage = 0x00289478;

    /** (0028,9501) Pixel Shift Sequence: SQ, VM 1. */
    public static final int PixelShiftSequence = 0x00289501;

    /** (0028,9502) Region Pixel Shift Sequence: SQ, VM 1. */
    public static final int RegionPixelShiftSequence = 0x00289502;

    /** (0028,9503) Vertices of the Region: SS, VM 2-2n. */
    public static final int VerticesOfTheRegion = 0x00289503;

    /** (0028,9505) Multi-frame Presentation Sequence: SQ, VM 1. */
    public static final int MultiFramePresentationSequence = 0x00289505;

    /** (0028,9506) Pixel Shift Frame Range: US, VM 2-2n. */
    public static final int PixelShiftFrameRange = 0x00289506;

    /** (0028,9507) LUT Frame Range: US, VM 2-2n. */
    public static final int LUTFrameRange = 0x00289507;

    /** (0028,9520) Image to Equipment Mapping Matrix: DS, VM 16. */
    public static final int ImageToEquipmentMappingMatrix = 0x00289520;

    /** (0028,9537) Equipment Coordinate System Identification: CS, VM 1. */
    public static final int EquipmentCoordinateSystemIdentification = 0x00289537;

    /** (0032,000A) Study Status ID: CS, VM 1. Retired. */
    public static final int StudyStatusID = 0x0032000A;

    /** (0032,000C) Study Priority ID: CS, VM 1. Retired. */
    public static final int StudyPriorityID = 0x0032000C;

    /** (0032,0012) Study ID Issuer: LO, VM 1. Retired. */
    public static final int StudyIDIssuer = 0x00320012;

    /** (0032,0032) Study Verified Date: DA, VM 1. Retired. */
    public static final int StudyVerifiedDate = 0x00320032;

    /** (0032,0033) Study Verified Time: TM, VM 1. Retired. */
    public static final int StudyVerifiedTime = 0x00320033;

    /** (0032,0034) Study Read Date: DA, VM 1. Retired. */
    public static final int StudyReadDate = 0x00320034;

    /** (0032,0035) Study Read Time: TM, VM 1. Retired. */
    public static final int StudyReadTime = 0x00320035;

    /** (0032,1000) Scheduled Study Start Date: DA, VM 1. Retired. */
    public static final int ScheduledStudyStartDate = 0x00321000;

    /** (0032,1001) Scheduled Study Start Time: TM, VM 1. Retired. */
    public static final int ScheduledStudyStartTime = 0x00321001;

    /** (0032,1010) Scheduled Study Stop Date: DA, VM 1. Retired. */
    public static final int ScheduledStudyStopDate = 0x00321010;

    /** (0032,1011) Scheduled Study Stop Time: TM, VM 1. Retired. */
    public static final int ScheduledStudyStopTime = 0x00321011;

    /** (0032,1020) Scheduled Study Location: LO, VM 1. Retired. */
    public static final int ScheduledStudyLocation = 0x00321020;

    /** (0032,1021) Scheduled Study Location AE Title: AE, VM 1-n. Retired. */
    public static final int ScheduledStudyLocationAETitle = 0x00321021;

    /** (0032,1030) Reason for Study: LO, VM 1. Retired. */
    public static final int ReasonForStudy = 0x00321030;

    /** (0032,1031) Requesting Physician Identification Sequence: SQ, VM 1. */
    public static final int RequestingPhysicianIdentificationSequence = 0x00321031;

    /** (0032,1032) Requesting Physician: PN, VM 1. */
    public static final int RequestingPhysician = 0x00321032;

    /** (0032,1033) Requesting Service: LO, VM 1. */
    public static final int RequestingService = 0x00321033;

    /** (0032,1034) Requesting Service Code Sequence: SQ, VM 1. */
    public static final int RequestingServiceCodeSequence = 0x00321034;

    /** (0032,1040) Study Arrival Date: DA, VM 1. Retired. */
    public static final int StudyArrivalDate = 0x00321040;

    /** (0032,1041) Study Arrival Time: TM, VM 1. Retired. */
    public static final int StudyArrivalTime = 0x00321041;

    /** (0032,1050) Study Completion Date: DA, VM 1. Retired. */
    public static final int StudyCompletionDate = 0x00321050;

    /** (0032,1051) Study Completion Time: TM, VM 1. Retired. */
    public static final int StudyCompletionTime = 0x00321051;

    /** (0032,1055) Study Component Status ID: CS, VM 1. Retired. */
    public static final int StudyComponentStatusID = 0x00321055;

    /** (0032,1060) Requested Procedure Description: LO, VM 1. */
    public static final int RequestedProcedureDescription = 0x00321060;

    /** (0032,1064) Requested Procedure Code Sequence: SQ, VM 1. */
    public static final int RequestedProcedureCodeSequence = 0x00321064;

    /** (0032,1065) Requested Laterality Code Sequence: SQ, VM 1. */
    public static final int RequestedLateralityCodeSequence = 0x00321065;

    /** (0032,1066) Reason for Visit: UT, VM 1. */
    public static final int ReasonForVisit = 0x00321066;

    /** (0032,1067) Reason for Visit Code Sequence: SQ, VM 1. */
    public static final int ReasonForVisitCodeSequence = 0x00321067;

    /** (0032,1070) Requested Contrast Agent: LO, VM 1. */
    public static final int RequestedContrastAgent = 0x00321070;

    /** (0032,4000) Study Comments: LT, VM 1. Retired. */
    public static final int StudyComments = 0x00324000;

    /** (0034,0001) Flow Identifier Sequence: SQ, VM 1. */
    public static final int FlowIdentifierSequence = 0x00340001;

    /** (0034,0002) Flow Identifier: OB, VM 1. */
    public static final int FlowIdentifier = 0x00340002;

    /** (0034,0003) Flow Transfer Syntax UID: UI, VM 1. */
    public static final int FlowTransferSyntaxUID = 0x00340003;

    /** (0034,0004) Flow RTP Sampling Rate: UL, VM 1. */
    public static final int FlowRTPSamplingRate = 0x00340004;

    /** (0034,0005) Source Identifier: OB, VM 1. */
    public static final int SourceIdentifier = 0x00340005;

    /** (0034,0007) Frame Origin Timestamp: OB, VM 1. */
    public static final int FrameOriginTimestamp = 0x00340007;

    /** (0034,0008) Includes Imaging Subject: CS, VM 1. */
    public static final int IncludesImagingSubject = 0x00340008;

    /** (0034,0009) Frame Usefulness Group Sequence: SQ, VM 1. */
    public static final int FrameUsefulnessGroupSequence = 0x00340009;

    /** (0034,000A) Real-Time Bulk Data Flow Sequence: SQ, VM 1. */
    public static final int RealTimeBulkDataFlowSequence = 0x0034000A;

    /** (0034,000B) Camera Position Group Sequence: SQ, VM 1. */
    public static final int CameraPositionGroupSequence = 0x0034000B;

    /** (0034,000C) Includes Information: CS, VM 1. */
    public static final int IncludesInformation = 0x0034000C;

    /** (0034,000D) Time of Frame Group Sequence: SQ, VM 1. */
    public static final int TimeOfFrameGroupSequence = 0x0034000D;

    /** (0038,0004) Referenced Patient Alias Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedPatientAliasSequence = 0x00380004;

    /** (0038,0008) Visit Status ID: CS, VM 1. */
    public static final int VisitStatusID = 0x00380008;

    /** (0038,0010) Admission ID: LO, VM 1. */
    public static final int AdmissionID = 0x00380010;

    /** (0038,0011) Issuer of Admission ID: LO, VM 1. Retired. */
    public static final int IssuerOfAdmissionID = 0x00380011;

    /** (0038,0014) Issuer of Admission ID Sequence: SQ, VM 1. */
    public static final int IssuerOfAdmissionIDSequence = 0x00380014;

    /** (0038,0016) Route of Admissions: LO, VM 1. */
    public static final int RouteOfAdmissions = 0x00380016;

    /** (0038,001A) Scheduled Admission Date: DA, VM 1. Retired. */
    public static final int ScheduledAdmissionDate = 0x0038001A;

    /** (0038,001B) Scheduled Admission Time: TM, VM 1. Retired. */
    public static final int ScheduledAdmissionTime = 0x0038001B;

    /** (0038,001C) Scheduled Discharge Date: DA, VM 1. Retired. */
    public static final int ScheduledDischargeDate = 0x0038001C;

    /** (0038,001D) Scheduled Discharge Time: TM, VM 1. Retired. */
    public static final int ScheduledDischargeTime = 0x0038001D;

    /** (0038,001E) Scheduled Patient Institution Residence: LO, VM 1. Retired. */
    public static final int ScheduledPatientInstitutionResidence = 0x0038001E;

    /** (0038,0020) Admitting Date: DA, VM 1. */
    public static final int AdmittingDate = 0x00380020;

    /** (0038,0021) Admitting Time: TM, VM 1. */
    public static final int AdmittingTime = 0x00380021;

    /** (0038,0030) Discharge Date: DA, VM 1. Retired. */
    public static final int DischargeDate = 0x00380030;

    /** (0038,0032) Discharge Time: TM, VM 1. Retired. */
    public static final int DischargeTime = 0x00380032;

    /** (0038,0040) Discharge Diagnosis Description: LO, VM 1. Retired. */
    public static final int DischargeDiagnosisDescription = 0x00380040;

    /** (0038,0044) Discharge Diagnosis Code Sequence: SQ, VM 1. Retired. */
    public static final int DischargeDiagnosisCodeSequence = 0x00380044;

    /** (0038,0050) Special Needs: LO, VM 1. */
    public static final int SpecialNeeds = 0x00380050;

    /** (0038,0060) Service Episode ID: LO, VM 1. */
    public static final int ServiceEpisodeID = 0x00380060;

    /** (0038,0061) Issuer of Service Episode ID: LO, VM 1. Retired. */
    public static final int IssuerOfServiceEpisodeID = 0x00380061;

    /** (0038,0062) Service Episode Description: LO, VM 1. */
    public static final int ServiceEpisodeDescription = 0x00380062;

    /** (0038,0064) Issuer of Service Episode ID Sequence: SQ, VM 1. */
    public static final int IssuerOfServiceEpisodeIDSequence = 0x00380064;

    /** (0038,0100) Pertinent Documents Sequence: SQ, VM 1. */
    public static final int PertinentDocumentsSequence = 0x00380100;

    /** (0038,0101) Pertinent Resources Sequence: SQ, VM 1. */
    public static final int PertinentResourcesSequence = 0x00380101;

    /** (0038,0102) Resource Description: LO, VM 1. */
    public static final int ResourceDescription = 0x00380102;

    /** (0038,0300) Current Patient Location: LO, VM 1. */
    public static final int CurrentPatientLocation = 0x00380300;

    /** (0038,0400) Patient's Institution Residence: LO, VM 1. */
    public static final int PatientInstitutionResidence = 0x00380400;

    /** (0038,0500) Patient State: LO, VM 1. */
    public static final int PatientState = 0x00380500;

    /** (0038,0502) Patient Clinical Trial Participation Sequence: SQ, VM 1. */
    public static final int PatientClinicalTrialParticipationSequence = 0x00380502;

    /** (0038,4000) Visit Comments: LT, VM 1. */
    public static final int VisitComments = 0x00384000;

    /** (003A,0004) Waveform Originality: CS, VM 1. */
    public static final int WaveformOriginality = 0x003A0004;

    /** (003A,0005) Number of Waveform Channels: US, VM 1. */
    public static final int NumberOfWaveformChannels = 0x003A0005;

    /** (003A,0010) Number of Waveform Samples: UL, VM 1. */
    public static final int NumberOfWaveformSamples = 0x003A0010;

    /** (003A,001A) Sampling Frequency: DS, VM 1. */
    public static final int SamplingFrequency = 0x003A001A;

    /** (003A,0020) Multiplex Group Label: SH, VM 1. */
    public static final int MultiplexGroupLabel = 0x003A0020;

    /** (003A,0200) Channel Definition Sequence: SQ, VM 1. */
    public static final int ChannelDefinitionSequence = 0x003A0200;

    /** (003A,0202) Waveform Channel Number: IS, VM 1. */
    public static final int WaveformChannelNumber = 0x003A0202;

    /** (003A,0203) Channel Label: SH, VM 1. */
    public static final int ChannelLabel = 0x003A0203;

    /** (003A,0205) Channel Status: CS, VM 1-n. */
    public static final int ChannelStatus = 0x003A0205;

    /** (003A,0208) Channel Source Sequence: SQ, VM 1. */
    public static final int ChannelSourceSequence = 0x003A0208;

    /** (003A,0209) Channel Source Modifiers Sequence: SQ, VM 1. */
    public static final int ChannelSourceModifiersSequence = 0x003A0209;

    /** (003A,020A) Source Waveform Sequence: SQ, VM 1. */
    public static final int SourceWaveformSequence = 0x003A020A;

    /** (003A,020C) Channel Derivation Description: LO, VM 1. */
    public static final int ChannelDerivationDescription = 0x003A020C;

    /** (003A,0210) Channel Sensitivity: DS, VM 1. */
    public static final int ChannelSensitivity = 0x003A0210;

    /** (003A,0211) Channel Sensitivity Units Sequence: SQ, VM 1. */
    public static final int ChannelSensitivityUnitsSequence = 0x003A0211;

    /** (003A,0212) Channel Sensitivity Correction Factor: DS, VM 1. */
    public static final int ChannelSensitivityCorrectionFactor = 0x003A0212;

    /** (003A,0213) Channel Baseline: DS, VM 1. */
    public static final int ChannelBaseline = 0x003A0213;

    /** (003A,0214) Channel Time Skew: DS, VM 1. */
    public static final int ChannelTimeSkew = 0x003A0214;

    /** (003A,0215) Channel Sample Skew: DS, VM 1. */
    public static final int ChannelSampleSkew = 0x003A0215;

    /** (003A,0218) Channel Offset: DS, VM 1. */
    public static final int ChannelOffset = 0x003A0218;

    /** (003A,021A) Waveform Bits Stored: US, VM 1. */
    public static final int WaveformBitsStored = 0x003A021A;

    /** (003A,0220) Filter Low Frequency: DS, VM 1. */
    public static final int FilterLowFrequency = 0x003A0220;

    /** (003A,0221) Filter High Frequency: DS, VM 1. */
    public static final int FilterHighFrequency = 0x003A0221;

    /** (003A,0222) Notch Filter Frequency: DS, VM 1. */
    public static final int NotchFilterFrequency = 0x003A0222;

    /** (003A,0223) Notch Filter Bandwidth: DS, VM 1. */
    public static final int NotchFilterBandwidth = 0x003A0223;

    /** (003A,0230) Waveform Data Display Scale: FL, VM 1. */
    public static final int WaveformDataDisplayScale = 0x003A0230;

    /** (003A,0231) Waveform Display Background CIELab Value: US, VM 3. */
    public static final int WaveformDisplayBackgroundCIELabValue = 0x003A0231;

    /** (003A,0240) Waveform Presentation Group Sequence: SQ, VM 1. */
    public static final int WaveformPresentationGroupSequence = 0x003A0240;

    /** (003A,0241) Presentation Group Number: US, VM 1. */
    public static final int PresentationGroupNumber = 0x003A0241;

    /** (003A,0242) Channel Display Sequence: SQ, VM 1. */
    public static final int ChannelDisplaySequence = 0x003A0242;

    /** (003A,0244) Channel Recommended Display CIELab Value: US, VM 3. */
    public static final int ChannelRecommendedDisplayCIELabValue = 0x003A0244;

    /** (003A,0245) Channel Position: FL, VM 1. */
    public static final int ChannelPosition = 0x003A0245;

    /** (003A,0246) Display Shading Flag: CS, VM 1. */
    public static final int DisplayShadingFlag = 0x003A0246;

    /** (003A,0247) Fractional Channel Display Scale: FL, VM 1. */
    public static final int FractionalChannelDisplayScale = 0x003A0247;

    /** (003A,0248) Absolute Channel Display Scale: FL, VM 1. */
    public static final int AbsoluteChannelDisplayScale = 0x003A0248;

    /** (003A,0300) Multiplexed Audio Channels Description Code Sequence: SQ, VM 1. */
    public static final int MultiplexedAudioChannelsDescriptionCodeSequence = 0x003A0300;

    /** (003A,0301) Channel Identification Code: IS, VM 1. */
    public static final int ChannelIdentificationCode = 0x003A0301;

    /** (003A,0302) Channel Mode: CS, VM 1. */
    public static final int ChannelMode = 0x003A0302;

    /** (003A,0310) Multiplex Group UID: UI, VM 1. */
    public static final int MultiplexGroupUID = 0x003A0310;

    /** (003A,0311) Powerline Frequency: DS, VM 1. */
    public static final int PowerlineFrequency = 0x003A0311;

    /** (003A,0312) Channel Impedance Sequence: SQ, VM 1. */
    public static final int ChannelImpedanceSequence = 0x003A0312;

    /** (003A,0313) Impedance Value: DS, VM 1. */
    public static final int ImpedanceValue = 0x003A0313;

    /** (003A,0314) Impedance Measurement DateTime: DT, VM 1. */
    public static final int ImpedanceMeasurementDateTime = 0x003A0314;

    /** (003A,0315) Impedance Measurement Frequency: DS, VM 1. */
    public static final int ImpedanceMeasurementFrequency = 0x003A0315;

    /** (003A,0316) Impedance Measurement Current Type: CS, VM 1. */
    public static final int ImpedanceMeasurementCurrentType = 0x003A0316;

    /** (003A,0317) Waveform Amplifier Type: CS, VM 1. */
    public static final int WaveformAmplifierType = 0x003A0317;

    /** (003A,0318) Filter Low Frequency Characteristics Sequence: SQ, VM 1. */
    public static final int FilterLowFrequencyCharacteristicsSequence = 0x003A0318;

    /** (003A,0319) Filter High Frequency Characteristics Sequence: SQ, VM 1. */
    public static final int FilterHighFrequencyCharacteristicsSequence = 0x003A0319;

    /** (003A,0320) Summarized Filter Lookup Table Sequence: SQ, VM 1. */
    public static final int SummarizedFilterLookupTableSequence = 0x003A0320;

    /** (003A,0321) Notch Filter Characteristics Sequence: SQ, VM 1. */
    public static final int NotchFilterCharacteristicsSequence = 0x003A0321;

    /** (003A,0322) Waveform Filter Type: CS, VM 1. */
    public static final int WaveformFilterType = 0x003A0322;

    /** (003A,0323) Analog Filter Characteristics Sequence: SQ, VM 1. */
    public static final int AnalogFilterCharacteristicsSequence = 0x003A0323;

    /** (003A,0324) Analog Filter Roll Off: DS, VM 1. */
    public static final int AnalogFilterRollOff = 0x003A0324;

    /** (003A,0325) Analog Filter Type Code Sequence: SQ, VM 1. */
    public static final int AnalogFilterTypeCodeSequence = 0x003A0325;

    /** (003A,0326) Digital Filter Characteristics Sequence: SQ, VM 1. */
    public static final int DigitalFilterCharacteristicsSequence = 0x003A0326;

    /** (003A,0327) Digital Filter Order: IS, VM 1. */
    public static final int DigitalFilterOrder = 0x003A0327;

    /** (003A,0328) Digital Filter Type Code Sequence: SQ, VM 1. */
    public static final int DigitalFilterTypeCodeSequence = 0x003A0328;

    /** (003A,0329) Waveform Filter Description: ST, VM 1. */
    public static final int WaveformFilterDescription = 0x003A0329;

    /** (003A,032A) Filter Lookup Table Sequence: SQ, VM 1. */
    public static final int FilterLookupTableSequence = 0x003A032A;

    /** (003A,032B) Filter Lookup Table Description: ST, VM 1. */
    public static final int FilterLookupTableDescription = 0x003A032B;

    /** (003A,032C) Frequency Encoding Code Sequence: SQ, VM 1. */
    public static final int FrequencyEncodingCodeSequence = 0x003A032C;

    /** (003A,032D) Magnitude Encoding Code Sequence: SQ, VM 1. */
    public static final int MagnitudeEncodingCodeSequence = 0x003A032D;

    /** (003A,032E) Filter Lookup Table Data: OD, VM 1. */
    public static final int FilterLookupTableData = 0x003A032E;

    /** (0040,0001) Scheduled Station AE Title: AE, VM 1-n. */
    public static final int ScheduledStationAETitle = 0x00400001;

    /** (0040,0002) Scheduled Procedure Step Start Date: DA, VM 1. */
    public static final int ScheduledProcedureStepStartDate = 0x00400002;

    /** (0040,0003) Scheduled Procedure Step Start Time: TM, VM 1. */
    public static final int ScheduledProcedureStepStartTime = 0x00400003;

    /** (0040,0004) Scheduled Procedure Step End Date: DA, VM 1. */
    public static final int ScheduledProcedureStepEndDate = 0x00400004;

    /** (0040,0005) Scheduled Procedure Step End Time: TM, VM 1. */
    public static final int ScheduledProcedureStepEndTime = 0x00400005;

    /** (0040,0006) Scheduled Performing Physician's Name: PN, VM 1. */
    public static final int ScheduledPerformingPhysicianName = 0x00400006;

    /** (0040,0007) Scheduled Procedure Step Description: LO, VM 1. */
    public static final int ScheduledProcedureStepDescription = 0x00400007;

    /** (0040,0008) Scheduled Protocol Code Sequence: SQ, VM 1. */
    public static final int ScheduledProtocolCodeSequence = 0x00400008;

    /** (0040,0009) Scheduled Procedure Step ID: SH, VM 1. */
    public static final int ScheduledProcedureStepID = 0x00400009;

    /** (0040,000A) Stage Code Sequence: SQ, VM 1. */
    public static final int StageCodeSequence = 0x0040000A;

    /** (0040,000B) Scheduled Performing Physician Identification Sequence: SQ, VM 1. */
    public static final int ScheduledPerformingPhysicianIdentificationSequence = 0x0040000B;

    /** (0040,0010) Scheduled Station Name: SH, VM 1-n. */
    public static final int ScheduledStationName = 0x00400010;

    /** (0040,0011) Scheduled Procedure Step Location: SH, VM 1. */
    public static final int ScheduledProcedureStepLocation = 0x00400011;

    /** (0040,0012) Pre-Medication: LO, VM 1. */
    public static final int PreMedication = 0x00400012;

    /** (0040,0020) Scheduled Procedure Step Status: CS, VM 1. */
    public static final int ScheduledProcedureStepStatus = 0x00400020;

    /** (0040,0026) Order Placer Identifier Sequence: SQ, VM 1. */
    public static final int OrderPlacerIdentifierSequence = 0x00400026;

    /** (0040,0027) Order Filler Identifier Sequence: SQ, VM 1. */
    public static final int OrderFillerIdentifierSequence = 0x00400027;

    /** (0040,0031) Local Namespace Entity ID: UT, VM 1. */
    public static final int LocalNamespaceEntityID = 0x00400031;

    /** (0040,0032) Universal Entity ID: UT, VM 1. */
    public static final int UniversalEntityID = 0x00400032;

    /** (0040,0033) Universal Entity ID Type: CS, VM 1. */
    public static final int UniversalEntityIDType = 0x00400033;

    /** (0040,0035) Identifier Type Code: CS, VM 1. */
    public static final int IdentifierTypeCode = 0x00400035;

    /** (0040,0036) Assigning Facility Sequence: SQ, VM 1. */
    public static final int AssigningFacilitySequence = 0x00400036;

    /** (0040,0039) Assigning Jurisdiction Code Sequence: SQ, VM 1. */
    public static final int AssigningJurisdictionCodeSequence = 0x00400039;

    /** (0040,003A) Assigning Agency or Department Code Sequence: SQ, VM 1. */
    public static final int AssigningAgencyOrDepartmentCodeSequence = 0x0040003A;

    /** (0040,0100) Scheduled Procedure Step Sequence: SQ, VM 1. */
    public static final int ScheduledProcedureStepSequence = 0x00400100;

    /** (0040,0220) Referenced Non-Image Composite SOP Instance Sequence: SQ, VM 1. */
    public static final int ReferencedNonImageCompositeSOPInstanceSequence = 0x00400220;

    /** (0040,0241) Performed Station AE Title: AE, VM 1. */
    public static final int PerformedStationAETitle = 0x00400241;

    /** (0040,0242) Performed Station Name: SH, VM 1. */
    public static final int PerformedStationName = 0x00400242;

    /** (0040,0243) Performed Location: SH, VM 1. */
    public static final int PerformedLocation = 0x00400243;

    /** (0040,0244) Performed Procedure Step Start Date: DA, VM 1. */
    public static final int PerformedProcedureStepStartDate = 0x00400244;

    /** (0040,0245) Performed Procedure Step Start Time: TM, VM 1. */
    public static final int PerformedProcedureStepStartTime = 0x00400245;

    /** (0040,0250) Performed Procedure Step End Date: DA, VM 1. */
    public static final int PerformedProcedureStepEndDate = 0x00400250;

    /** (0040,0251) Performed Procedure Step End Time: TM, VM 1. */
    public static final int PerformedProcedureStepEndTime = 0x00400251;

    /** (0040,0252) Performed Procedure Step Status: CS, VM 1. */
    public static final int PerformedProcedureStepStatus = 0x00400252;

    /** (0040,0253) Performed Procedure Step ID: SH, VM 1. */
    public static final int PerformedProcedureStepID = 0x00400253;

    /** (0040,0254) Performed Procedure Step Description: LO, VM 1. */
    public static final int PerformedProcedureStepDescription = 0x00400254;

    /** (0040,0255) Performed Procedure Type Description: LO, VM 1. */
    public static final int PerformedProcedureTypeDescription = 0x00400255;

    /** (0040,0260) Performed Protocol Code Sequence: SQ, VM 1. */
    public static final int PerformedProtocolCodeSequence = 0x00400260;

    /** (0040,0261) Performed Protocol Type: CS, VM 1. */
    public static final int PerformedProtocolType = 0x00400261;

    /** (0040,0270) Scheduled Step Attributes Sequence: SQ, VM 1. */
    public static final int ScheduledStepAttributesSequence = 0x00400270;

    /** (0040,0275) Request Attributes Sequence: SQ, VM 1. */
    public static final int RequestAttributesSequence = 0x00400275;

    /** (0040,0280) Comments on the Performed Procedure Step: ST, VM 1. */
    public static final int CommentsOnThePerformedProcedureStep = 0x00400280;

    /** (0040,0281) Performed Procedure Step Discontinuation Reason Code Sequence: SQ, VM 1. */
    public static final int PerformedProcedureStepDiscontinuationReasonCodeSequence = 0x00400281;

    /** (0040,0293) Quantity Sequence: SQ, VM 1. */
    public static final int QuantitySequence = 0x00400293;

    /** (0040,0294) Quantity: DS, VM 1. */
    public static final int Quantity = 0x00400294;

    /** (0040,0295) Measuring Units Sequence: SQ, VM 1. */
    public static final int MeasuringUnitsSequence = 0x00400295;

    /** (0040,0296) Billing Item Sequence: SQ, VM 1. */
    public static final int BillingItemSequence = 0x00400296;

    /** (0040,0300) Total Time of Fluoroscopy: US, VM 1. Retired. */
    public static final int TotalTimeOfFluoroscopy = 0x00400300;

    /** (0040,0301) Total Number of Exposures: US, VM 1. Retired. */
    public static final int TotalNumberOfExposures = 0x00400301;

    /** (0040,0302) Entrance Dose: US, VM 1. */
    public static final int EntranceDose = 0x00400302;

    /** (0040,0303) Exposed Area: US, VM 1-2. */
    public static final int ExposedArea = 0x00400303;

    /** (0040,0306) Distance Source to Entrance: DS, VM 1. */
    public static final int DistanceSourceToEntrance = 0x00400306;

    /** (0040,0307) Distance Source to Support: DS, VM 1. Retired. */
    public static final int DistanceSourceToSupport = 0x00400307;

    /** (0040,030E) Exposure Dose Sequence: SQ, VM 1. Retired. */
    public static final int ExposureDoseSequence = 0x0040030E;

    /** (0040,0310) Comments on Radiation Dose: ST, VM 1. */
    public static final int CommentsOnRadiationDose = 0x00400310;

    /** (0040,0312) X-Ray Output: DS, VM 1. */
    public static final int XRayOutput = 0x00400312;

    /** (0040,0314) Half Value Layer: DS, VM 1. */
    public static final int HalfValueLayer = 0x00400314;

    /** (0040,0316) Organ Dose: DS, VM 1. */
    public static final int OrganDose = 0x00400316;

    /** (0040,0318) Organ Exposed: CS, VM 1. */
    public static final int OrganExposed = 0x00400318;

    /** (0040,0320) Billing Procedure Step Sequence: SQ, VM 1. */
    public static final int BillingProcedureStepSequence = 0x00400320;

    /** (0040,0321) Film Consumption Sequence: SQ, VM 1. */
    public static final int FilmConsumptionSequence = 0x00400321;

    /** (0040,0324) Billing Supplies and Devices Sequence: SQ, VM 1. */
    public static final int BillingSuppliesAndDevicesSequence = 0x00400324;

    /** (0040,0330) Referenced Procedure Step Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedProcedureStepSequence = 0x00400330;

    /** (0040,0340) Performed Series Sequence: SQ, VM 1. */
    public static final int PerformedSeriesSequence = 0x00400340;

    /** (0040,0400) Comments on the Scheduled Procedure Step: LT, VM 1. */
    public static final int CommentsOnTheScheduledProcedureStep = 0x00400400;

    /** (0040,0440) Protocol Context Sequence: SQ, VM 1. */
    public static final int ProtocolContextSequence = 0x00400440;

    /** (0040,0441) Content Item Modifier Sequence: SQ, VM 1. */
    public static final int ContentItemModifierSequence = 0x00400441;

    /** (0040,0500) Scheduled Specimen Sequence: SQ, VM 1. */
    public static final int ScheduledSpecimenSequence = 0x00400500;

    /** (0040,050A) Specimen Accession Number: LO, VM 1. Retired. */
    public static final int SpecimenAccessionNumber = 0x0040050A;

    /** (0040,0512) Container Identifier: LO, VM 1. */
    public static final int ContainerIdentifier = 0x00400512;

    /** (0040,0513) Issuer of the Container Identifier Sequence: SQ, VM 1. */
    public static final int IssuerOfTheContainerIdentifierSequence = 0x00400513;

    /** (0040,0515) Alternate Container Identifier Sequence: SQ, VM 1. */
    public static final int AlternateContainerIdentifierSequence = 0x00400515;

    /** (0040,0518) Container Type Code Sequence: SQ, VM 1. */
    public static final int ContainerTypeCodeSequence = 0x00400518;

    /** (0040,051A) Container Description: LO, VM 1. */
    public static final int ContainerDescription = 0x0040051A;

    /** (0040,0520) Container Component Sequence: SQ, VM 1. */
    public static final int ContainerComponentSequence = 0x00400520;

    /** (0040,0550) Specimen Sequence: SQ, VM 1. Retired. */
    public static final int SpecimenSequence = 0x00400550;

    /** (0040,0551) Specimen Identifier: LO, VM 1. */
    public static final int SpecimenIdentifier = 0x00400551;

    /** (0040,0552) Specimen Description Sequence (Trial): SQ, VM 1. Retired. */
    public static final int SpecimenDescriptionSequenceTrial = 0x00400552;

    /** (0040,0553) Specimen Description (Trial): ST, VM 1. Retired. */
    public static final int SpecimenDescriptionTrial = 0x00400553;

    /** (0040,0554) Specimen UID: UI, VM 1. */
    public static final int SpecimenUID = 0x00400554;

    /** (0040,0555) Acquisition Context Sequence: SQ, VM 1. */
    public static final int AcquisitionContextSequence = 0x00400555;

    /** (0040,0556) Acquisition Context Description: ST, VM 1. */
    public static final int AcquisitionContextDescription = 0x00400556;

    /** (0040,0560) Specimen Description Sequence: SQ, VM 1. */
    public static final int SpecimenDescriptionSequence = 0x00400560;

    /** (0040,0562) Issuer of the Specimen Identifier Sequence: SQ, VM 1. */
    public static final int IssuerOfTheSpecimenIdentifierSequence = 0x00400562;

    /** (0040,059A) Specimen Type Code Sequence: SQ, VM 1. */
    public static final int SpecimenTypeCodeSequence = 0x0040059A;

    /** (0040,0600) Specimen Short Description: LO, VM 1. */
    public static final int SpecimenShortDescription = 0x00400600;

    /** (0040,0602) Specimen Detailed Description: UT, VM 1. */
    public static final int SpecimenDetailedDescription = 0x00400602;

    /** (0040,0610) Specimen Preparation Sequence: SQ, VM 1. */
    public static final int SpecimenPreparationSequence = 0x00400610;

    /** (0040,0612) Specimen Preparation Step Content Item Sequence: SQ, VM 1. */
    public static final int SpecimenPreparationStepContentItemSequence = 0x00400612;

    /** (0040,0620) Specimen Localization Content Item Sequence: SQ, VM 1. */
    public static final int SpecimenLocalizationContentItemSequence = 0x00400620;

    /** (0040,06FA) Slide Identifier: LO, VM 1. Retired. */
    public static final int SlideIdentifier = 0x004006FA;

    /** (0040,0710) Whole Slide Microscopy Image Frame Type Sequence: SQ, VM 1. */
    public static final int WholeSlideMicroscopyImageFrameTypeSequence = 0x00400710;

    /** (0040,071A) Image Center Point Coordinates Sequence: SQ, VM 1. */
    public static final int ImageCenterPointCoordinatesSequence = 0x0040071A;

    /** (0040,072A) X Offset in Slide Coordinate System: DS, VM 1. */
    public static final int XOffsetInSlideCoordinateSystem = 0x0040072A;

    /** (0040,073A) Y Offset in Slide Coordinate System: DS, VM 1. */
    public static final int YOffsetInSlideCoordinateSystem = 0x0040073A;

    /** (0040,074A) Z Offset in Slide Coordinate System: DS, VM 1. */
    public static final int ZOffsetInSlideCoordinateSystem = 0x0040074A;

    /** (0040,08D8) Pixel Spacing Sequence: SQ, VM 1. Retired. */
    public static final int PixelSpacingSequence = 0x004008D8;

    /** (0040,08DA) Coordinate System Axis Code Sequence: SQ, VM 1. Retired. */
    public static final int CoordinateSystemAxisCodeSequence = 0x004008DA;

    /** (0040,08EA) Measurement Units Code Sequence: SQ, VM 1. */
    public static final int MeasurementUnitsCodeSequence = 0x004008EA;

    /** (0040,09F8) Vital Stain Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int VitalStainCodeSequenceTrial = 0x004009F8;

    /** (0040,1001) Requested Procedure ID: SH, VM 1. */
    public static final int RequestedProcedureID = 0x00401001;

    /** (0040,1002) Reason for the Requested Procedure: LO, VM 1. */
    public static final int ReasonForTheRequestedProcedure = 0x00401002;

    /** (0040,1003) Requested Procedure Priority: SH, VM 1. */
    public static final int RequestedProcedurePriority = 0x00401003;

    /** (0040,1004) Patient Transport Arrangements: LO, VM 1. */
    public static final int PatientTransportArrangements = 0x00401004;

    /** (0040,1005) Requested Procedure Location: LO, VM 1. */
    public static final int RequestedProcedureLocation = 0x00401005;

    /** (0040,1006) Placer Order Number / Procedure: SH, VM 1. Retired. */
    public static final int PlacerOrderNumberProcedure = 0x00401006;

    /** (0040,1007) Filler Order Number / Procedure: SH, VM 1. Retired. */
    public static final int FillerOrderNumberProcedure = 0x00401007;

    /** (0040,1008) Confidentiality Code: LO, VM 1. */
    public static final int ConfidentialityCode = 0x00401008;

    /** (0040,1009) Reporting Priority: SH, VM 1. */
    public static final int ReportingPriority = 0x00401009;

    /** (0040,100A) Reason for Requested Procedure Code Sequence: SQ, VM 1. */
    public static final int ReasonForRequestedProcedureCodeSequence = 0x0040100A;

    /** (0040,1010) Names of Intended Recipients of Results: PN, VM 1-n. */
    public static final int NamesOfIntendedRecipientsOfResults = 0x00401010;

    /** (0040,1011) Intended Recipients of Results Identification Sequence: SQ, VM 1. */
    public static final int IntendedRecipientsOfResultsIdentificationSequence = 0x00401011;

    /** (0040,1012) Reason For Performed Procedure Code Sequence: SQ, VM 1. */
    public static final int ReasonForPerformedProcedureCodeSequence = 0x00401012;

    /** (0040,1060) Requested Procedure Description (Trial): LO, VM 1. Retired. */
    public static final int RequestedProcedureDescriptionTrial = 0x00401060;

    /** (0040,1101) Person Identification Code Sequence: SQ, VM 1. */
    public static final int PersonIdentificationCodeSequence = 0x00401101;

    /** (0040,1102) Person's Address: ST, VM 1. */
    public static final int PersonAddress = 0x00401102;

    /** (0040,1103) Person's Telephone Numbers: LO, VM 1-n. */
    public static final int PersonTelephoneNumbers = 0x00401103;

    /** (0040,1104) Person's Telecom Information: LT, VM 1. */
    public static final int PersonTelecomInformation = 0x00401104;

    /** (0040,1400) Requested Procedure Comments: LT, VM 1. */
    public static final int RequestedProcedureComments = 0x00401400;

    /** (0040,2001) Reason for the Imaging Service Request: LO, VM 1. Retired. */
    public static final int ReasonForTheImagingServiceRequest = 0x00402001;

    /** (0040,2004) Issue Date of Imaging Service Request: DA, VM 1. */
    public static final int IssueDateOfImagingServiceRequest = 0x00402004;

    /** (0040,2005) Issue Time of Imaging Service Request: TM, VM 1. */
    public static final int IssueTimeOfImagingServiceRequest = 0x00402005;

    /** (0040,2006) Placer Order Number / Imaging Service Request (Retired): SH, VM 1. Retired. */
    public static final int PlacerOrderNumberImagingServiceRequestRetired = 0x00402006;

    /** (0040,2007) Filler Order Number / Imaging Service Request (Retired): SH, VM 1. Retired. */
    public static final int FillerOrderNumberImagingServiceRequestRetired = 0x00402007;

    /** (0040,2008) Order Entered By: PN, VM 1. */
    public static final int OrderEnteredBy = 0x00402008;

    /** (0040,2009) Order Enterer's Location: SH, VM 1. */
    public static final int OrderEntererLocation = 0x00402009;

    /** (0040,2010) Order Callback Phone Number: SH, VM 1. */
    public static final int OrderCallbackPhoneNumber = 0x00402010;

    /** (0040,2011) Order Callback Telecom Information: LT, VM 1. */
    public static final int OrderCallbackTelecomInformation = 0x00402011;

    /** (0040,2016) Placer Order Number / Imaging Service Request: LO, VM 1. */
    public static final int PlacerOrderNumberImagingServiceRequest = 0x00402016;

    /** (0040,2017) Filler Order Number / Imaging Service Request: LO, VM 1. */
    public static final int FillerOrderNumberImagingServiceRequest = 0x00402017;

    /** (0040,2400) Imaging Service Request Comments: LT, VM 1. */
    public static final int ImagingServiceRequestComments = 0x00402400;

    /** (0040,3001) Confidentiality Constraint on Patient Data Description: LO, VM 1. */
    public static final int ConfidentialityConstraintOnPatientDataDescription = 0x00403001;

    /** (0040,4001) General Purpose Scheduled Procedure Step Status: CS, VM 1. Retired. */
    public static final int GeneralPurposeScheduledProcedureStepStatus = 0x00404001;

    /** (0040,4002) General Purpose Performed Procedure Step Status: CS, VM 1. Retired. */
    public static final int GeneralPurposePerformedProcedureStepStatus = 0x00404002;

    /** (0040,4003) General Purpose Scheduled Procedure Step Priority: CS, VM 1. Retired. */
    public static final int GeneralPurposeScheduledProcedureStepPriority = 0x00404003;

    /** (0040,4004) Scheduled Processing Applications Code Sequence: SQ, VM 1. Retired. */
    public static final int ScheduledProcessingApplicationsCodeSequence = 0x00404004;

    /** (0040,4005) Scheduled Procedure Step Start DateTime: DT, VM 1. */
    public static final int ScheduledProcedureStepStartDateTime = 0x00404005;

    /** (0040,4006) Multiple Copies Flag: CS, VM 1. Retired. */
    public static final int MultipleCopiesFlag = 0x00404006;

    /** (0040,4007) Performed Processing Applications Code Sequence: SQ, VM 1. Retired. */
    public static final int PerformedProcessingApplicationsCodeSequence = 0x00404007;

    /** (0040,4008) Scheduled Procedure Step Expiration DateTime: DT, VM 1. */
    public static final int ScheduledProcedureStepExpirationDateTime = 0x00404008;

    /** (0040,4009) Human Performer Code Sequence: SQ, VM 1. */
    public static final int HumanPerformerCodeSequence = 0x00404009;

    /** (0040,4010) Scheduled Procedure Step Modification DateTime: DT, VM 1. */
    public static final int ScheduledProcedureStepModificationDateTime = 0x00404010;

    /** (0040,4011) Expected Completion DateTime: DT, VM 1. */
    public static final int ExpectedCompletionDateTime = 0x00404011;

    /** (0040,4015) Resulting General Purpose Performed Procedure Steps Sequence: SQ, VM 1. Retired. */
    public static final int ResultingGeneralPurposePerformedProcedureStepsSequence = 0x00404015;

    /** (0040,4016) Referenced General Purpose Scheduled Procedure Step Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedGeneralPurposeScheduledProcedureStepSequence = 0x00404016;

    /** (0040,4018) Scheduled Workitem Code Sequence: SQ, VM 1. */
    public static final int ScheduledWorkitemCodeSequence = 0x00404018;

    /** (0040,4019) Performed Workitem Code Sequence: SQ, VM 1. */
    public static final int PerformedWorkitemCodeSequence = 0x00404019;

    /** (0040,4020) Input Availability Flag: CS, VM 1. Retired. */
    public static final int InputAvailabilityFlag = 0x00404020;

    /** (0040,4021) Input Information Sequence: SQ, VM 1. */
    public static final int InputInformationSequence = 0x00404021;

    /** (0040,4022) Relevant Information Sequence: SQ, VM 1. Retired. */
    public static final int RelevantInformationSequence = 0x00404022;

    /** (0040,4023) Referenced General Purpose Scheduled Procedure Step Transaction UID: UI, VM 1. Retired. */
    public static final int ReferencedGeneralPurposeScheduledProcedureStepTransactionUID = 0x00404023;

    /** (0040,4025) Scheduled Station Name Code Sequence: SQ, VM 1. */
    public static final int ScheduledStationNameCodeSequence = 0x00404025;

    /** (0040,4026) Scheduled Station Class Code Sequence: SQ, VM 1. */
    public static final int ScheduledStationClassCodeSequence = 0x00404026;

    /** (0040,4027) Scheduled Station Geographic Location Code Sequence: SQ, VM 1. */
    public static final int ScheduledStationGeographicLocationCodeSequence = 0x00404027;

    /** (0040,4028) Performed Station Name Code Sequence: SQ, VM 1. */
    public static final int PerformedStationNameCodeSequence = 0x00404028;

    /** (0040,4029) Performed Station Class Code Sequence: SQ, VM 1. */
    public static final int PerformedStationClassCodeSequence = 0x00404029;

    /** (0040,4030) Performed Station Geographic Location Code Sequence: SQ, VM 1. */
    public static final int PerformedStationGeographicLocationCodeSequence = 0x00404030;

    /** (0040,4031) Requested Subsequent Workitem Code Sequence: SQ, VM 1. Retired. */
    public static final int RequestedSubsequentWorkitemCodeSequence = 0x00404031;

    /** (0040,4032) Non-DICOM Output Code Sequence: SQ, VM 1. Retired. */
    public static final int NonDICOMOutputCodeSequence = 0x00404032;

    /** (0040,4033) Output Information Sequence: SQ, VM 1. */
    public static final int OutputInformationSequence = 0x00404033;

    /** (0040,4034) Scheduled Human Performers Sequence: SQ, VM 1. */
    public static final int ScheduledHumanPerformersSequence = 0x00404034;

    /** (0040,4035) Actual Human Performers Sequence: SQ, VM 1. */
    public static final int ActualHumanPerformersSequence = 0x00404035;

    /** (0040,4036) Human Performer's Organization: LO, VM 1. */
    public static final int HumanPerformerOrganization = 0x00404036;

    /** (0040,4037) Human Performer's Name: PN, VM 1. */
    public static final int HumanPerformerName = 0x00404037;

    /** (0040,4040) Raw Data Handling: CS, VM 1. */
    public static final int RawDataHandling = 0x00404040;

    /** (0040,4041) Input Readiness State: CS, VM 1. */
    public static final int InputReadinessState = 0x00404041;

    /** (0040,4050) Performed Procedure Step Start DateTime: DT, VM 1. */
    public static final int PerformedProcedureStepStartDateTime = 0x00404050;

    /** (0040,4051) Performed Procedure Step End DateTime: DT, VM 1. */
    public static final int PerformedProcedureStepEndDateTime = 0x00404051;

    /** (0040,4052) Procedure Step Cancellation DateTime: DT, VM 1. */
    public static final int ProcedureStepCancellationDateTime = 0x00404052;

    /** (0040,4070) Output Destination Sequence: SQ, VM 1. */
    public static final int OutputDestinationSequence = 0x00404070;

    /** (0040,4071) DICOM Storage Sequence: SQ, VM 1. */
    public static final int DICOMStorageSequence = 0x00404071;

    /** (0040,4072) STOW-RS Storage Sequence: SQ, VM 1. */
    public static final int STOWRSStorageSequence = 0x00404072;

    /** (0040,4073) Storage URL: UR, VM 1. */
    public static final int StorageURL = 0x00404073;

    /** (0040,4074) XDS Storage Sequence: SQ, VM 1. */
    public static final int XDSStorageSequence = 0x00404074;

    /** (0040,8302) Entrance Dose in mGy: DS, VM 1. */
    public static final int EntranceDoseInmGy = 0x00408302;

    /** (0040,8303) Entrance Dose Derivation: CS, VM 1. */
    public static final int EntranceDoseDerivation = 0x00408303;

    /** (0040,9092) Parametric Map Frame Type Sequence: SQ, VM 1. */
    public static final int ParametricMapFrameTypeSequence = 0x00409092;

    /** (0040,9094) Referenced Image Real World Value Mapping Sequence: SQ, VM 1. */
    public static final int ReferencedImageRealWorldValueMappingSequence = 0x00409094;

    /** (0040,9096) Real World Value Mapping Sequence: SQ, VM 1. */
    public static final int RealWorldValueMappingSequence = 0x00409096;

    /** (0040,9098) Pixel Value Mapping Code Sequence: SQ, VM 1. */
    public static final int PixelValueMappingCodeSequence = 0x00409098;

    /** (0040,9210) LUT Label: SH, VM 1. */
    public static final int LUTLabel = 0x00409210;

    /** (0040,9211) Real World Value Last Value Mapped: US or SS, VM 1. */
    public static final int RealWorldValueLastValueMapped = 0x00409211;

    /** (0040,9212) Real World Value LUT Data: FD, VM 1-n. */
    public static final int RealWorldValueLUTData = 0x00409212;

    /** (0040,9213) Double Float Real World Value Last Value Mapped: FD, VM 1. */
    public static final int DoubleFloatRealWorldValueLastValueMapped = 0x00409213;

    /** (0040,9214) Double Float Real World Value First Value Mapped: FD, VM 1. */
    public static final int DoubleFloatRealWorldValueFirstValueMapped = 0x00409214;

    /** (0040,9216) Real World Value First Value Mapped: US or SS, VM 1. */
    public static final int RealWorldValueFirstValueMapped = 0x00409216;

    /** (0040,9220) Quantity Definition Sequence: SQ, VM 1. */
    public static final int QuantityDefinitionSequence = 0x00409220;

    /** (0040,9224) Real World Value Intercept: FD, VM 1. */
    public static final int RealWorldValueIntercept = 0x00409224;

    /** (0040,9225) Real World Value Slope: FD, VM 1. */
    public static final int RealWorldValueSlope = 0x00409225;

    /** (0040,A007) Findings Flag (Trial): CS, VM 1. Retired. */
    public static final int FindingsFlagTrial = 0x0040A007;

    /** (0040,A010) Relationship Type: CS, VM 1. */
    public static final int RelationshipType = 0x0040A010;

    /** (0040,A020) Findings Sequence (Trial): SQ, VM 1. Retired. */
    public static final int FindingsSequenceTrial = 0x0040A020;

    /** (0040,A021) Findings Group UID (Trial): UI, VM 1. Retired. */
    public static final int FindingsGroupUIDTrial = 0x0040A021;

    /** (0040,A022) Referenced Findings Group UID (Trial): UI, VM 1. Retired. */
    public static final int ReferencedFindingsGroupUIDTrial = 0x0040A022;

    /** (0040,A023) Findings Group Recording Date (Trial): DA, VM 1. Retired. */
    public static final int FindingsGroupRecordingDateTrial = 0x0040A023;

    /** (0040,A024) Findings Group Recording Time (Trial): TM, VM 1. Retired. */
    public static final int FindingsGroupRecordingTimeTrial = 0x0040A024;

    /** (0040,A026) Findings Source Category Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int FindingsSourceCategoryCodeSequenceTrial = 0x0040A026;

    /** (0040,A027) Verifying Organization: LO, VM 1. */
    public static final int VerifyingOrganization = 0x0040A027;

    /** (0040,A028) Documenting Organization Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int DocumentingOrganizationIdentifierCodeSequenceTrial = 0x0040A028;

    /** (0040,A030) Verification DateTime: DT, VM 1. */
    public static final int VerificationDateTime = 0x0040A030;

    /** (0040,A032) Observation DateTime: DT, VM 1. */
    public static final int ObservationDateTime = 0x0040A032;

    /** (0040,A033) Observation Start DateTime: DT, VM 1. */
    public static final int ObservationStartDateTime = 0x0040A033;

    /** (0040,A034) Effective Start DateTime: DT, VM 1. */
    public static final int EffectiveStartDateTime = 0x0040A034;

    /** (0040,A035) Effective Stop DateTime: DT, VM 1. */
    public static final int EffectiveStopDateTime = 0x0040A035;

    /** (0040,A040) Value Type: CS, VM 1. */
    public static final int ValueType = 0x0040A040;

    /** (0040,A043) Concept Name Code Sequence: SQ, VM 1. */
    public static final int ConceptNameCodeSequence = 0x0040A043;

    /** (0040,A047) Measurement Precision Description (Trial): LO, VM 1. Retired. */
    public static final int MeasurementPrecisionDescriptionTrial = 0x0040A047;

    /** (0040,A050) Continuity Of Content: CS, VM 1. */
    public static final int ContinuityOfContent = 0x0040A050;

    /** (0040,A057) Urgency or Priority Alerts (Trial): CS, VM 1-n. Retired. */
    public static final int UrgencyOrPriorityAlertsTrial = 0x0040A057;

    /** (0040,A060) Sequencing Indicator (Trial): LO, VM 1. Retired. */
    public static final int SequencingIndicatorTrial = 0x0040A060;

    /** (0040,A066) Document Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int DocumentIdentifierCodeSequenceTrial = 0x0040A066;

    /** (0040,A067) Document Author (Trial): PN, VM 1. Retired. */
    public static final int DocumentAuthorTrial = 0x0040A067;

    /** (0040,A068) Document Author Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int DocumentAuthorIdentifierCodeSequenceTrial = 0x0040A068;

    /** (0040,A070) Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int IdentifierCodeSequenceTrial = 0x0040A070;

    /** (0040,A073) Verifying Observer Sequence: SQ, VM 1. */
    public static final int VerifyingObserverSequence = 0x0040A073;

    /** (0040,A074) Object Binary Identifier (Trial): OB, VM 1. Retired. */
    public static final int ObjectBinaryIdentifierTrial = 0x0040A074;

    /** (0040,A075) Verifying Observer Name: PN, VM 1. */
    public static final int VerifyingObserverName = 0x0040A075;

    /** (0040,A076) Documenting Observer Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int DocumentingObserverIdentifierCodeSequenceTrial = 0x0040A076;

    /** (0040,A078) Author Observer Sequence: SQ, VM 1. */
    public static final int AuthorObserverSequence = 0x0040A078;

    /** (0040,A07A) Participant Sequence: SQ, VM 1. */
    public static final int ParticipantSequence = 0x0040A07A;

    /** (0040,A07C) Custodial Organization Sequence: SQ, VM 1. */
    public static final int CustodialOrganizationSequence = 0x0040A07C;

    /** (0040,A080) Participation Type: CS, VM 1. */
    public static final int ParticipationType = 0x0040A080;

    /** (0040,A082) Participation DateTime: DT, VM 1. */
    public static final int ParticipationDateTime = 0x0040A082;

    /** (0040,A084) Observer Type: CS, VM 1. */
    public static final int ObserverType = 0x0040A084;

    /** (0040,A085) Procedure Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ProcedureIdentifierCodeSequenceTrial = 0x0040A085;

    /** (0040,A088) Verifying Observer Identification Code Sequence: SQ, VM 1. */
    public static final int VerifyingObserverIdentificationCodeSequence = 0x0040A088;

    /** (0040,A089) Object Directory Binary Identifier (Trial): OB, VM 1. Retired. */
    public static final int ObjectDirectoryBinaryIdentifierTrial = 0x0040A089;

    /** (0040,A090) Equivalent CDA Document Sequence: SQ, VM 1. Retired. */
    public static final int EquivalentCDADocumentSequence = 0x0040A090;

    /** (0040,A0B0) Referenced Waveform Channels: US, VM 2-2n. */
    public static final int ReferencedWaveformChannels = 0x0040A0B0;

    /** (0040,A110) Date of Document or Verbal Transaction (Trial): DA, VM 1. Retired. */
    public static final int DateOfDocumentOrVerbalTransactionTrial = 0x0040A110;

    /** (0040,A112) Time of Document Creation or Verbal Transaction (Trial): TM, VM 1. Retired. */
    public static final int TimeOfDocumentCreationOrVerbalTransactionTrial = 0x0040A112;

    /** (0040,A120) DateTime: DT, VM 1. */
    public static final int DateTime = 0x0040A120;

    /** (0040,A121) Date: DA, VM 1. */
    public static final int Date = 0x0040A121;

    /** (0040,A122) Time: TM, VM 1. */
    public static final int Time = 0x0040A122;

    /** (0040,A123) Person Name: PN, VM 1. */
    public static final int PersonName = 0x0040A123;

    /** (0040,A124) UID: UI, VM 1. */
    public static final int UID = 0x0040A124;

    /** (0040,A125) Report Status ID (Trial): CS, VM 2. Retired. */
    public static final int ReportStatusIDTrial = 0x0040A125;

    /** (0040,A130) Temporal Range Type: CS, VM 1. */
    public static final int TemporalRangeType = 0x0040A130;

    /** (0040,A132) Referenced Sample Positions: UL, VM 1-n. */
    public static final int ReferencedSamplePositions = 0x0040A132;

    /** (0040,A136) Referenced Frame Numbers: US, VM 1-n. Retired. */
    public static final int ReferencedFrameNumbers = 0x0040A136;

    /** (0040,A138) Referenced Time Offsets: DS, VM 1-n. */
    public static final int ReferencedTimeOffsets = 0x0040A138;

    /** (0040,A13A) Referenced DateTime: DT, VM 1-n. */
    public static final int ReferencedDateTime = 0x0040A13A;

    /** (0040,A160) Text Value: UT, VM 1. */
    public static final int TextValue = 0x0040A160;

    /** (0040,A161) Floating Point Value: FD, VM 1-n. */
    public static final int FloatingPointValue = 0x0040A161;

    /** (0040,A162) Rational Numerator Value: SL, VM 1-n. */
    public static final int RationalNumeratorValue = 0x0040A162;

    /** (0040,A163) Rational Denominator Value: UL, VM 1-n. */
    public static final int RationalDenominatorValue = 0x0040A163;

    /** (0040,A167) Observation Category Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ObservationCategoryCodeSequenceTrial = 0x0040A167;

    /** (0040,A168) Concept Code Sequence: SQ, VM 1. */
    public static final int ConceptCodeSequence = 0x0040A168;

    /** (0040,A16A) Bibliographic Citation (Trial): ST, VM 1. Retired. */
    public static final int BibliographicCitationTrial = 0x0040A16A;

    /** (0040,A170) Purpose of Reference Code Sequence: SQ, VM 1. */
    public static final int PurposeOfReferenceCodeSequence = 0x0040A170;

    /** (0040,A171) Observation UID: UI, VM 1. */
    public static final int ObservationUID = 0x0040A171;

    /** (0040,A172) Referenced Observation UID (Trial): UI, VM 1. Retired. */
    public static final int ReferencedObservationUIDTrial = 0x0040A172;

    /** (0040,A173) Referenced Observation Class (Trial): CS, VM 1. Retired. */
    public static final int ReferencedObservationClassTrial = 0x0040A173;

    /** (0040,A174) Referenced Object Observation Class (Trial): CS, VM 1. Retired. */
    public static final int ReferencedObjectObservationClassTrial = 0x0040A174;

    /** (0040,A180) Annotation Group Number: US, VM 1. */
    public static final int AnnotationGroupNumber = 0x0040A180;

    /** (0040,A192) Observation Date (Trial): DA, VM 1. Retired. */
    public static final int ObservationDateTrial = 0x0040A192;

    /** (0040,A193) Observation Time (Trial): TM, VM 1. Retired. */
    public static final int ObservationTimeTrial = 0x0040A193;

    /** (0040,A194) Measurement Automation (Trial): CS, VM 1. Retired. */
    public static final int MeasurementAutomationTrial = 0x0040A194;

    /** (0040,A195) Modifier Code Sequence: SQ, VM 1. */
    public static final int ModifierCodeSequence = 0x0040A195;

    /** (0040,A224) Identification Description (Trial): ST, VM 1. Retired. */
    public static final int IdentificationDescriptionTrial = 0x0040A224;

    /** (0040,A290) Coordinates Set Geometric Type (Trial): CS, VM 1. Retired. */
    public static final int CoordinatesSetGeometricTypeTrial = 0x0040A290;

    /** (0040,A296) Algorithm Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int AlgorithmCodeSequenceTrial = 0x0040A296;

    /** (0040,A297) Algorithm Description (Trial): ST, VM 1. Retired. */
    public static final int AlgorithmDescriptionTrial = 0x0040A297;

    /** (0040,A29A) Pixel Coordinates Set (Trial): SL, VM 2-2n. Retired. */
    public static final int PixelCoordinatesSetTrial = 0x0040A29A;

    /** (0040,A300) Measured Value Sequence: SQ, VM 1. */
    public static final int MeasuredValueSequence = 0x0040A300;

    /** (0040,A301) Numeric Value Qualifier Code Sequence: SQ, VM 1. */
    public static final int NumericValueQualifierCodeSequence = 0x0040A301;

    /** (0040,A307) Current Observer (Trial): PN, VM 1. Retired. */
    public static final int CurrentObserverTrial = 0x0040A307;

    /** (0040,A30A) Numeric Value: DS, VM 1-n. */
    public static final int NumericValue = 0x0040A30A;

    /** (0040,A313) Referenced Accession Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ReferencedAccessionSequenceTrial = 0x0040A313;

    /** (0040,A33A) Report Status Comment (Trial): ST, VM 1. Retired. */
    public static final int ReportStatusCommentTrial = 0x0040A33A;

    /** (0040,A340) Procedure Context Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ProcedureContextSequenceTrial = 0x0040A340;

    /** (0040,A352) Verbal Source (Trial): PN, VM 1. Retired. */
    public static final int VerbalSourceTrial = 0x0040A352;

    /** (0040,A353) Address (Trial): ST, VM 1. Retired. */
    public static final int AddressTrial = 0x0040A353;

    /** (0040,A354) Telephone Number (Trial): LO, VM 1. Retired. */
    public static final int TelephoneNumberTrial = 0x0040A354;

    /** (0040,A358) Verbal Source Identifier Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int VerbalSourceIdentifierCodeSequenceTrial = 0x0040A358;

    /** (0040,A360) Predecessor Documents Sequence: SQ, VM 1. */
    public static final int PredecessorDocumentsSequence = 0x0040A360;

    /** (0040,A370) Referenced Request Sequence: SQ, VM 1. */
    public static final int ReferencedRequestSequence = 0x0040A370;

    /** (0040,A372) Performed Procedure Code Sequence: SQ, VM 1. */
    public static final int PerformedProcedureCodeSequence = 0x0040A372;

    /** (0040,A375) Current Requested Procedure Evidence Sequence: SQ, VM 1. */
    public static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;

    /** (0040,A380) Report Detail Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ReportDetailSequenceTrial = 0x0040A380;

    /** (0040,A385) Pertinent Other Evidence Sequence: SQ, VM 1. */
    public static final int PertinentOtherEvidenceSequence = 0x0040A385;

    /** (0040,A390) HL7 Structured Document Reference Sequence: SQ, VM 1. */
    public static final int HL7StructuredDocumentReferenceSequence = 0x0040A390;

    /** (0040,A402) Observation Subject UID (Trial): UI, VM 1. Retired. */
    public static final int ObservationSubjectUIDTrial = 0x0040A402;

    /** (0040,A403) Observation Subject Class (Trial): CS, VM 1. Retired. */
    public static final int ObservationSubjectClassTrial = 0x0040A403;

    /** (0040,A404) Observation Subject Type Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int ObservationSubjectTypeCodeSequenceTrial = 0x0040A404;

    /** (0040,A491) Completion Flag: CS, VM 1. */
    public static final int CompletionFlag = 0x0040A491;

    /** (0040,A492) Completion Flag Description: LO, VM 1. */
    public static final int CompletionFlagDescription = 0x0040A492;

    /** (0040,A493) Verification Flag: CS, VM 1. */
    public static final int VerificationFlag = 0x0040A493;

    /** (0040,A494) Archive Requested: CS, VM 1. */
    public static final int ArchiveRequested = 0x0040A494;

    /** (0040,A496) Preliminary Flag: CS, VM 1. */
    public static final int PreliminaryFlag = 0x0040A496;

    /** (0040,A504) Content Template Sequence: SQ, VM 1. */
    public static final int ContentTemplateSequence = 0x0040A504;

    /** (0040,A525) Identical Documents Sequence: SQ, VM 1. */
    public static final int IdenticalDocumentsSequence = 0x0040A525;

    /** (0040,A600) Observation Subject Context Flag (Trial): CS, VM 1. Retired. */
    public static final int ObservationSubjectContextFlagTrial = 0x0040A600;

    /** (0040,A601) Observer Context Flag (Trial): CS, VM 1. Retired. */
    public static final int ObserverContextFlagTrial = 0x0040A601;

    /** (0040,A603) Procedure Context Flag (Trial): CS, VM 1. Retired. */
    public static final int ProcedureContextFlagTrial = 0x0040A603;

    /** (0040,A730) Content Sequence: SQ, VM 1. */
    public static final int ContentSequence = 0x0040A730;

    /** (0040,A731) Relationship Sequence (Trial): SQ, VM 1. Retired. */
    public static final int RelationshipSequenceTrial = 0x0040A731;

    /** (0040,A732) Relationship Type Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int RelationshipTypeCodeSequenceTrial = 0x0040A732;

    /** (0040,A744) Language Code Sequence (Trial): SQ, VM 1. Retired. */
    public static final int LanguageCodeSequenceTrial = 0x0040A744;

    /** (0040,A801) Tabulated Values Sequence: SQ, VM 1. */
    public static final int TabulatedValuesSequence = 0x0040A801;

    /** (0040,A802) Number of Table Rows: UL, VM 1. */
    public static final int NumberOfTableRows = 0x0040A802;

    /** (0040,A803) Number of Table Columns: UL, VM 1. */
    public static final int NumberOfTableColumns = 0x0040A803;

    /** (0040,A804) Table Row Number: UL, VM 1. */
    public static final int TableRowNumber = 0x0040A804;

    /** (0040,A805) Table Column Number: UL, VM 1. */
    public static final int TableColumnNumber = 0x0040A805;

    /** (0040,A806) Table Row Definition Sequence: SQ, VM 1. */
    public static final int TableRowDefinitionSequence = 0x0040A806;

    /** (0040,A807) Table Column Definition Sequence: SQ, VM 1. */
    public static final int TableColumnDefinitionSequence = 0x0040A807;

    /** (0040,A808) Cell Values Sequence: SQ, VM 1. */
    public static final int CellValuesSequence = 0x0040A808;

    /** (0040,A992) Uniform Resource Locator (Trial): ST, VM 1. Retired. */
    public static final int UniformResourceLocatorTrial = 0x0040A992;

    /** (0040,B020) Waveform Annotation Sequence: SQ, VM 1. */
    public static final int WaveformAnnotationSequence = 0x0040B020;

    /** (0040,B030) Structured Waveform Annotation Sequence: SQ, VM 1. */
    public static final int StructuredWaveformAnnotationSequence = 0x0040B030;

    /** (0040,B031) Waveform Annotation Display Selection Sequence: SQ, VM 1. */
    public static final int WaveformAnnotationDisplaySelectionSequence = 0x0040B031;

    /** (0040,B032) Referenced Montage Index: US, VM 1. */
    public static final int ReferencedMontageIndex = 0x0040B032;

    /** (0040,B033) Waveform Textual Annotation Sequence: SQ, VM 1. */
    public static final int WaveformTextualAnnotationSequence = 0x0040B033;

    /** (0040,B034) Annotation DateTime: DT, VM 1. */
    public static final int AnnotationDateTime = 0x0040B034;

    /** (0040,B035) Displayed Waveform Segment Sequence: SQ, VM 1. */
    public static final int DisplayedWaveformSegmentSequence = 0x0040B035;

    /** (0040,B036) Segment Definition DateTime: DT, VM 1. */
    public static final int SegmentDefinitionDateTime = 0x0040B036;

    /** (0040,B037) Montage Activation Sequence: SQ, VM 1. */
    public static final int MontageActivationSequence = 0x0040B037;

    /** (0040,B038) Montage Activation Time Offset: DS, VM 1. */
    public static final int MontageActivationTimeOffset = 0x0040B038;

    /** (0040,B039) Waveform Montage Sequence: SQ, VM 1. */
    public static final int WaveformMontageSequence = 0x0040B039;

    /** (0040,B03A) Referenced Montage Channel Number: IS, VM 1. */
    public static final int ReferencedMontageChannelNumber = 0x0040B03A;

    /** (0040,B03B) Montage Name: LT, VM 1. */
    public static final int MontageName = 0x0040B03B;

    /** (0040,B03C) Montage Channel Sequence: SQ, VM 1. */
    public static final int MontageChannelSequence = 0x0040B03C;

    /** (0040,B03D) Montage Index: US, VM 1. */
    public static final int MontageIndex = 0x0040B03D;

    /** (0040,B03E) Montage Channel Number: IS, VM 1. */
    public static final int MontageChannelNumber = 0x0040B03E;

    /** (0040,B03F) Montage Channel Label: LO, VM 1. */
    public static final int MontageChannelLabel = 0x0040B03F;

    /** (0040,B040) Montage Channel Source Code Sequence: SQ, VM 1. */
    public static final int MontageChannelSourceCodeSequence = 0x0040B040;

    /** (0040,B041) Contributing Channel Sources Sequence: SQ, VM 1. */
    public static final int ContributingChannelSourcesSequence = 0x0040B041;

    /** (0040,B042) Channel Weight: FL, VM 1. */
    public static final int ChannelWeight = 0x0040B042;

    /** (0040,DB00) Template Identifier: CS, VM 1. */
    public static final int TemplateIdentifier = 0x0040DB00;

    /** (0040,DB06) Template Version: DT, VM 1. Retired. */
    public static final int TemplateVersion = 0x0040DB06;

    /** (0040,DB07) Template Local Version: DT, VM 1. Retired. */
    public static final int TemplateLocalVersion = 0x0040DB07;

    /** (0040,DB0B) Template Extension Flag: CS, VM 1. Retired. */
    public static final int TemplateExtensionFlag = 0x0040DB0B;

    /** (0040,DB0C) Template Extension Organization UID: UI, VM 1. Retired. */
    public static final int TemplateExtensionOrganizationUID = 0x0040DB0C;

    /** (0040,DB0D) Template Extension Creator UID: UI, VM 1. Retired. */
    public static final int TemplateExtensionCreatorUID = 0x0040DB0D;

    /** (0040,DB73) Referenced Content Item Identifier: UL, VM 1-n. */
    public static final int ReferencedContentItemIdentifier = 0x0040DB73;

    /** (0040,E001) HL7 Instance Identifier: ST, VM 1. */
    public static final int HL7InstanceIdentifier = 0x0040E001;

    /** (0040,E004) HL7 Document Effective Time: DT, VM 1. */
    public static final int HL7DocumentEffectiveTime = 0x0040E004;

    /** (0040,E006) HL7 Document Type Code Sequence: SQ, VM 1. */
    public static final int HL7DocumentTypeCodeSequence = 0x0040E006;

    /** (0040,E008) Document Class Code Sequence: SQ, VM 1. */
    public static final int DocumentClassCodeSequence = 0x0040E008;

    /** (0040,E010) Retrieve URI: UR, VM 1. */
    public static final int RetrieveURI = 0x0040E010;

    /** (0040,E011) Retrieve Location UID: UI, VM 1. */
    public static final int RetrieveLocationUID = 0x0040E011;

    /** (0040,E020) Type of Instances: CS, VM 1. */
    public static final int TypeOfInstances = 0x0040E020;

    /** (0040,E021) DICOM Retrieval Sequence: SQ, VM 1. */
    public static final int DICOMRetrievalSequence = 0x0040E021;

    /** (0040,E022) DICOM Media Retrieval Sequence: SQ, VM 1. */
    public static final int DICOMMediaRetrievalSequence = 0x0040E022;

    /** (0040,E023) WADO Retrieval Sequence: SQ, VM 1. */
    public static final int WADORetrievalSequence = 0x0040E023;

    /** (0040,E024) XDS Retrieval Sequence: SQ, VM 1. */
    public static final int XDSRetrievalSequence = 0x0040E024;

    /** (0040,E025) WADO-RS Retrieval Sequence: SQ, VM 1. */
    public static final int WADORSRetrievalSequence = 0x0040E025;

    /** (0040,E030) Repository Unique ID: UI, VM 1. */
    public static final int RepositoryUniqueID = 0x0040E030;

    /** (0040,E031) Home Community ID: UI, VM 1. */
    public static final int HomeCommunityID = 0x0040E031;

    /** (0042,0010) Document Title: ST, VM 1. */
    public static final int DocumentTitle = 0x00420010;

    /** (0042,0011) Encapsulated Document: OB, VM 1. */
    public static final int EncapsulatedDocument = 0x00420011;

    /** (0042,0012) MIME Type of Encapsulated Document: LO, VM 1. */
    public static final int MIMETypeOfEncapsulatedDocument = 0x00420012;

    /** (0042,0013) Source Instance Sequence: SQ, VM 1. */
    public static final int SourceInstanceSequence = 0x00420013;

    /** (0042,0014) List of MIME Types: LO, VM 1-n. */
    public static final int ListOfMIMETypes = 0x00420014;

    /** (0042,0015) Encapsulated Document Length: UL, VM 1. */
    public static final int EncapsulatedDocumentLength = 0x00420015;

    /** (0044,0001) Product Package Identifier: ST, VM 1. */
    public static final int ProductPackageIdentifier = 0x00440001;

    /** (0044,0002) Substance Administration Approval: CS, VM 1. */
    public static final int SubstanceAdministrationApproval = 0x00440002;

    /** (0044,0003) Approval Status Further Description: LT, VM 1. */
    public static final int ApprovalStatusFurtherDescription = 0x00440003;

    /** (0044,0004) Approval Status DateTime: DT, VM 1. */
    public static final int ApprovalStatusDateTime = 0x00440004;

    /** (0044,0007) Product Type Code Sequence: SQ, VM 1. */
    public static final int ProductTypeCodeSequence = 0x00440007;

    /** (0044,0008) Product Name: LO, VM 1-n. */
    public static final int ProductName = 0x00440008;

    /** (0044,0009) Product Description: LT, VM 1. */
    public static final int ProductDescription = 0x00440009;

    /** (0044,000A) Product Lot Identifier: LO, VM 1. */
    public static final int ProductLotIdentifier = 0x0044000A;

    /** (0044,000B) Product Expiration DateTime: DT, VM 1. */
    public static final int ProductExpirationDateTime = 0x0044000B;

    /** (0044,0010) Substance Administration DateTime: DT, VM 1. */
    public static final int SubstanceAdministrationDateTime = 0x00440010;

    /** (0044,0011) Substance Administration Notes: LO, VM 1. */
    public static final int SubstanceAdministrationNotes = 0x00440011;

    /** (0044,0012) Substance Administration Device ID: LO, VM 1. */
    public static final int SubstanceAdministrationDeviceID = 0x00440012;

    /** (0044,0013) Product Parameter Sequence: SQ, VM 1. */
    public static final int ProductParameterSequence = 0x00440013;

    /** (0044,0019) Substance Administration Parameter Sequence: SQ, VM 1. */
    public static final int SubstanceAdministrationParameterSequence = 0x00440019;

    /** (0044,0100) Approval Sequence: SQ, VM 1. */
    public static final int ApprovalSequence = 0x00440100;

    /** (0044,0101) Assertion Code Sequence: SQ, VM 1. */
    public static final int AssertionCodeSequence = 0x00440101;

    /** (0044,0102) Assertion UID: UI, VM 1. */
    public static final int AssertionUID = 0x00440102;

    /** (0044,0103) Asserter Identification Sequence: SQ, VM 1. */
    public static final int AsserterIdentificationSequence = 0x00440103;

    /** (0044,0104) Assertion DateTime: DT, VM 1. */
    public static final int AssertionDateTime = 0x00440104;

    /** (0044,0105) Assertion Expiration DateTime: DT, VM 1. */
    public static final int AssertionExpirationDateTime = 0x00440105;

    /** (0044,0106) Assertion Comments: UT, VM 1. */
    public static final int AssertionComments = 0x00440106;

    /** (0044,0107) Related Assertion Sequence: SQ, VM 1. */
    public static final int RelatedAssertionSequence = 0x00440107;

    /** (0044,0108) Referenced Assertion UID: UI, VM 1. */
    public static final int ReferencedAssertionUID = 0x00440108;

    /** (0044,0109) Approval Subject Sequence: SQ, VM 1. */
    public static final int ApprovalSubjectSequence = 0x00440109;

    /** (0044,010A) Organizational Role Code Sequence: SQ, VM 1. */
    public static final int OrganizationalRoleCodeSequence = 0x0044010A;

    /** (0044,0110) RT Assertions Sequence: SQ, VM 1. */
    public static final int RTAssertionsSequence = 0x00440110;

    /** (0046,0012) Lens Description: LO, VM 1. */
    public static final int LensDescription = 0x00460012;

    /** (0046,0014) Right Lens Sequence: SQ, VM 1. */
    public static final int RightLensSequence = 0x00460014;

    /** (0046,0015) Left Lens Sequence: SQ, VM 1. */
    public static final int LeftLensSequence = 0x00460015;

    /** (0046,0016) Unspecified Laterality Lens Sequence: SQ, VM 1. */
    public static final int UnspecifiedLateralityLensSequence = 0x00460016;

    /** (0046,0018) Cylinder Sequence: SQ, VM 1. */
    public static final int CylinderSequence = 0x00460018;

    /** (0046,0028) Prism Sequence: SQ, VM 1. */
    public static final int PrismSequence = 0x00460028;

    /** (0046,0030) Horizontal Prism Power: FD, VM 1. */
    public static final int HorizontalPrismPower = 0x00460030;

    /** (0046,0032) Horizontal Prism Base: CS, VM 1. */
    public static final int HorizontalPrismBase = 0x00460032;

    /** (0046,0034) Vertical Prism Power: FD, VM 1. */
    public static final int VerticalPrismPower = 0x00460034;

    /** (0046,0036) Vertical Prism Base: CS, VM 1. */
    public static final int VerticalPrismBase = 0x00460036;

    /** (0046,0038) Lens Segment Type: CS, VM 1. */
    public static final int LensSegmentType = 0x00460038;

    /** (0046,0040) Optical Transmittance: FD, VM 1. */
    public static final int OpticalTransmittance = 0x00460040;

    /** (0046,0042) Channel Width: FD, VM 1. */
    public static final int ChannelWidth = 0x00460042;

    /** (0046,0044) Pupil Size: FD, VM 1. */
    public static final int PupilSize = 0x00460044;

    /** (0046,0046) Corneal Size: FD, VM 1. */
    public static final int CornealSize = 0x00460046;

    /** (0046,0047) Corneal Size Sequence: SQ, VM 1. */
    public static final int CornealSizeSequence = 0x00460047;

    /** (0046,0050) Autorefraction Right Eye Sequence: SQ, VM 1. */
    public static final int AutorefractionRightEyeSequence = 0x00460050;

    /** (0046,0052) Autorefraction Left Eye Sequence: SQ, VM 1. */
    public static final int AutorefractionLeftEyeSequence = 0x00460052;

    /** (0046,0060) Distance Pupillary Distance: FD, VM 1. */
    public static final int DistancePupillaryDistance = 0x00460060;

    /** (0046,0062) Near Pupillary Distance: FD, VM 1. */
    public static final int NearPupillaryDistance = 0x00460062;

    /** (0046,0063) Intermediate Pupillary Distance: FD, VM 1. */
    public static final int IntermediatePupillaryDistance = 0x00460063;

    /** (0046,0064) Other Pupillary Distance: FD, VM 1. */
    public static final int OtherPupillaryDistance = 0x00460064;

    /** (0046,0070) Keratometry Right Eye Sequence: SQ, VM 1. */
    public static final int KeratometryRightEyeSequence = 0x00460070;

    /** (0046,0071) Keratometry Left Eye Sequence: SQ, VM 1. */
    public static final int KeratometryLeftEyeSequence = 0x00460071;

    /** (0046,0074) Steep Keratometric Axis Sequence: SQ, VM 1. */
    public static final int SteepKeratometricAxisSequence = 0x00460074;

    /** (0046,0075) Radius of Curvature: FD, VM 1. */
    public static final int RadiusOfCurvature = 0x00460075;

    /** (0046,0076) Keratometric Power: FD, VM 1. */
    public static final int KeratometricPower = 0x00460076;

    /** (0046,0077) Keratometric Axis: FD, VM 1. */
    public static final int KeratometricAxis = 0x00460077;

    /** (0046,0080) Flat Keratometric Axis Sequence: SQ, VM 1. */
    public static final int FlatKeratometricAxisSequence = 0x00460080;

    /** (0046,0092) Background Color: CS, VM 1. */
    public static final int BackgroundColor = 0x00460092;

    /** (0046,0094) Optotype: CS, VM 1. */
    public static final int Optotype = 0x00460094;

    /** (0046,0095) Optotype Presentation: CS, VM 1. */
    public static final int OptotypePresentation = 0x00460095;

    /** (0046,0097) Subjective Refraction Right Eye Sequence: SQ, VM 1. */
    public static final int SubjectiveRefractionRightEyeSequence = 0x00460097;

    /** (0046,0098) Subjective Refraction Left Eye Sequence: SQ, VM 1. */
    public static final int SubjectiveRefractionLeftEyeSequence = 0x00460098;

    /** (0046,0100) Add Near Sequence: SQ, VM 1. */
    public static final int AddNearSequence = 0x00460100;

    /** (0046,0101) Add Intermediate Sequence: SQ, VM 1. */
    public static final int AddIntermediateSequence = 0x00460101;

    /** (0046,0102) Add Other Sequence: SQ, VM 1. */
    public static final int AddOtherSequence = 0x00460102;

    /** (0046,0104) Add Power: FD, VM 1. */
    public static final int AddPower = 0x00460104;

    /** (0046,0106) Viewing Distance: FD, VM 1. */
    public static final int ViewingDistance = 0x00460106;

    /** (0046,0110) Cornea Measurements Sequence: SQ, VM 1. */
    public static final int CorneaMeasurementsSequence = 0x00460110;

    /** (0046,0111) Source of Cornea Measurement Data Code Sequence: SQ, VM 1. */
    public static final int SourceOfCorneaMeasurementDataCodeSequence = 0x00460111;

    /** (0046,0112) Steep Corneal Axis Sequence: SQ, VM 1. */
    public static final int SteepCornealAxisSequence = 0x00460112;

    /** (0046,0113) Flat Corneal Axis Sequence: SQ, VM 1. */
    public static final int FlatCornealAxisSequence = 0x00460113;

    /** (0046,0114) Corneal Power: FD, VM 1. */
    public static final int CornealPower = 0x00460114;

    /** (0046,0115) Corneal Axis: FD, VM 1. */
    public static final int CornealAxis = 0x00460115;

    /** (0046,0116) Cornea Measurement Method Code Sequence: SQ, VM 1. */
    public static final int CorneaMeasurementMethodCodeSequence = 0x00460116;

    /** (0046,0117) Refractive Index of Cornea: FL, VM 1. */
    public static final int RefractiveIndexOfCornea = 0x00460117;

    /** (0046,0118) Refractive Index of Aqueous Humor: FL, VM 1. */
    public static final int RefractiveIndexOfAqueousHumor = 0x00460118;

    /** (0046,0121) Visual Acuity Type Code Sequence: SQ, VM 1. */
    public static final int VisualAcuityTypeCodeSequence = 0x00460121;

    /** (0046,0122) Visual Acuity Right Eye Sequence: SQ, VM 1. */
    public static final int VisualAcuityRightEyeSequence = 0x00460122;

    /** (0046,0123) Visual Acuity Left Eye Sequence: SQ, VM 1. */
    public static final int VisualAcuityLeftEyeSequence = 0x00460123;

    /** (0046,0124) Visual Acuity Both Eyes Open Sequence: SQ, VM 1. */
    public static final int VisualAcuityBothEyesOpenSequence = 0x00460124;

    /** (0046,0125) Viewing Distance Type: CS, VM 1. */
    public static final int ViewingDistanceType = 0x00460125;

    /** (0046,0135) Visual Acuity Modifiers: SS, VM 2. */
    public static final int VisualAcuityModifiers = 0x00460135;

    /** (0046,0137) Decimal Visual Acuity: FD, VM 1. */
    public static final int DecimalVisualAcuity = 0x00460137;

    /** (0046,0139) Optotype Detailed Definition: LO, VM 1. */
    public static final int OptotypeDetailedDefinition = 0x00460139;

    /** (0046,0145) Referenced Refractive Measurements Sequence: SQ, VM 1. */
    public static final int ReferencedRefractiveMeasurementsSequence = 0x00460145;

    /** (0046,0146) Sphere Power: FD, VM 1. */
    public static final int SpherePower = 0x00460146;

    /** (0046,0147) Cylinder Power: FD, VM 1. */
    public static final int CylinderPower = 0x00460147;

    /** (0046,0201) Corneal Topography Surface: CS, VM 1. */
    public static final int CornealTopographySurface = 0x00460201;

    /** (0046,0202) Corneal Vertex Location: FL, VM 2. */
    public static final int CornealVertexLocation = 0x00460202;

    /** (0046,0203) Pupil Centroid X-Coordinate: FL, VM 1. */
    public static final int PupilCentroidXCoordinate = 0x00460203;

    /** (0046,0204) Pupil Centroid Y-Coordinate: FL, VM 1. */
    public static final int PupilCentroidYCoordinate = 0x00460204;

    /** (0046,0205) Equivalent Pupil Radius: FL, VM 1. */
    public static final int EquivalentPupilRadius = 0x00460205;

    /** (0046,0207) Corneal Topography Map Type Code Sequence: SQ, VM 1. */
    public static final int CornealTopographyMapTypeCodeSequence = 0x00460207;

    /** (0046,0208) Vertices of the Outline of Pupil: IS, VM 2-2n. */
    public static final int VerticesOfTheOutlineOfPupil = 0x00460208;

    /** (0046,0210) Corneal Topography Mapping Normals Sequence: SQ, VM 1. */
    public static final int CornealTopographyMappingNormalsSequence = 0x00460210;

    /** (0046,0211) Maximum Corneal Curvature Sequence: SQ, VM 1. */
    public static final int MaximumCornealCurvatureSequence = 0x00460211;

    /** (0046,0212) Maximum Corneal Curvature: FL, VM 1. */
    public static final int MaximumCornealCurvature = 0x00460212;

    /** (0046,0213) Maximum Corneal Curvature Location: FL, VM 2. */
    public static final int MaximumCornealCurvatureLocation = 0x00460213;

    /** (0046,0215) Minimum Keratometric Sequence: SQ, VM 1. */
    public static final int MinimumKeratometricSequence = 0x00460215;

    /** (0046,0218) Simulated Keratometric Cylinder Sequence: SQ, VM 1. */
    public static final int SimulatedKeratometricCylinderSequence = 0x00460218;

    /** (0046,0220) Average Corneal Power: FL, VM 1. */
    public static final int AverageCornealPower = 0x00460220;

    /** (0046,0224) Corneal I-S Value: FL, VM 1. */
    public static final int CornealISValue = 0x00460224;

    /** (0046,0227) Analyzed Area: FL, VM 1. */
    public static final int AnalyzedArea = 0x00460227;

    /** (0046,0230) Surface Regularity Index: FL, VM 1. */
    public static final int SurfaceRegularityIndex = 0x00460230;

    /** (0046,0232) Surface Asymmetry Index: FL, VM 1. */
    public static final int SurfaceAsymmetryIndex = 0x00460232;

    /** (0046,0234) Corneal Eccentricity Index: FL, VM 1. */
    public static final int CornealEccentricityIndex = 0x00460234;

    /** (0046,0236) Keratoconus Prediction Index: FL, VM 1. */
    public static final int KeratoconusPredictionIndex = 0x00460236;

    /** (0046,0238) Decimal Potential Visual Acuity: FL, VM 1. */
    public static final int DecimalPotentialVisualAcuity = 0x00460238;

    /** (0046,0242) Corneal Topography Map Quality Evaluation: CS, VM 1. */
    public static final int CornealTopographyMapQualityEvaluation = 0x00460242;

    /** (0046,0244) Source Image Corneal Processed Data Sequence: SQ, VM 1. */
    public static final int SourceImageCornealProcessedDataSequence = 0x00460244;

    /** (0046,0247) Corneal Point Location: FL, VM 3. */
    public static final int CornealPointLocation = 0x00460247;

    /** (0046,0248) Corneal Point Estimated: CS, VM 1. */
    public static final int CornealPointEstimated = 0x00460248;

    /** (0046,0249) Axial Power: FL, VM 1. */
    public static final int AxialPower = 0x00460249;

    /** (0046,0250) Tangential Power: FL, VM 1. */
    public static final int TangentialPower = 0x00460250;

    /** (0046,0251) Refractive Power: FL, VM 1. */
    public static final int RefractivePower = 0x00460251;

    /** (0046,0252) Relative Elevation: FL, VM 1. */
    public static final int RelativeElevation = 0x00460252;

    /** (0046,0253) Corneal Wavefront: FL, VM 1. */
    public static final int CornealWavefront = 0x00460253;

    /** (0048,0001) Imaged Volume Width: FL, VM 1. */
    public static final int ImagedVolumeWidth = 0x00480001;

    /** (0048,0002) Imaged Volume Height: FL, VM 1. */
    public static final int ImagedVolumeHeight = 0x00480002;

    /** (0048,0003) Imaged Volume Depth: FL, VM 1. */
    public static final int ImagedVolumeDepth = 0x00480003;

    /** (0048,0006) Total Pixel Matrix Columns: UL, VM 1. */
    public static final int TotalPixelMatrixColumns = 0x00480006;

    /** (0048,0007) Total Pixel Matrix Rows: UL, VM 1. */
    public static final int TotalPixelMatrixRows = 0x00480007;

    /** (0048,0008) Total Pixel Matrix Origin Sequence: SQ, VM 1. */
    public static final int TotalPixelMatrixOriginSequence = 0x00480008;

    /** (0048,0010) Specimen Label in Image: CS, VM 1. */
    public static final int SpecimenLabelInImage = 0x00480010;

    /** (0048,0011) Focus Method: CS, VM 1. */
    public static final int FocusMethod = 0x00480011;

    /** (0048,0012) Extended Depth of Field: CS, VM 1. */
    public static final int ExtendedDepthOfField = 0x00480012;

    /** (0048,0013) Number of Focal Planes: US, VM 1. */
    public static final int NumberOfFocalPlanes = 0x00480013;

    /** (0048,0014) Distance Between Focal Planes: FL, VM 1. */
    public static final int DistanceBetweenFocalPlanes = 0x00480014;

    /** (0048,0015) Recommended Absent Pixel CIELab Value: US, VM 3. */
    public static final int RecommendedAbsentPixelCIELabValue = 0x00480015;

    /** (0048,0100) Illuminator Type Code Sequence: SQ, VM 1. */
    public static final int IlluminatorTypeCodeSequence = 0x00480100;

    /** (0048,0102) Image Orientation (Slide): DS, VM 6. */
    public static final int ImageOrientationSlide = 0x00480102;

    /** (0048,0105) Optical Path Sequence: SQ, VM 1. */
    public static final int OpticalPathSequence = 0x00480105;

    /** (0048,0106) Optical Path Identifier: SH, VM 1. */
    public static final int OpticalPathIdentifier = 0x00480106;

    /** (0048,0107) Optical Path Description: ST, VM 1. */
    public static final int OpticalPathDescription = 0x00480107;

    /** (0048,0108) Illumination Color Code Sequence: SQ, VM 1. */
    public static final int IlluminationColorCodeSequence = 0x00480108;

    /** (0048,0110) Specimen Reference Sequence: SQ, VM 1. */
    public static final int SpecimenReferenceSequence = 0x00480110;

    /** (0048,0111) Condenser Lens Power: DS, VM 1. */
    public static final int CondenserLensPower = 0x00480111;

    /** (0048,0112) Objective Lens Power: DS, VM 1. */
    public static final int ObjectiveLensPower = 0x00480112;

    /** (0048,0113) Objective Lens Numerical Aperture: DS, VM 1. */
    public static final int ObjectiveLensNumericalAperture = 0x00480113;

    /** (0048,0114) Confocal Mode: CS, VM 1. */
    public static final int ConfocalMode = 0x00480114;

    /** (0048,0115) Tissue Location: CS, VM 1. */
    public static final int TissueLocation = 0x00480115;

    /** (0048,0116) Confocal Microscopy Image Frame Type Sequence: SQ, VM 1. */
    public static final int ConfocalMicroscopyImageFrameTypeSequence = 0x00480116;

    /** (0048,0117) Image Acquisition Depth: FD, VM 1. */
    public static final int ImageAcquisitionDepth = 0x00480117;

    /** (0048,0120) Palette Color Lookup Table Sequence: SQ, VM 1. */
    public static final int PaletteColorLookupTableSequence = 0x00480120;

    /** (0048,0200) Referenced Image Navigation Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedImageNavigationSequence = 0x00480200;

    /** (0048,0201) Top Left Hand Corner of Localizer Area: US, VM 2. Retired. */
    public static final int TopLeftHandCornerOfLocalizerArea = 0x00480201;

    /** (0048,0202) Bottom Right Hand Corner of Localizer Area: US, VM 2. Retired. */
    public static final int BottomRightHandCornerOfLocalizerArea = 0x00480202;

    /** (0048,0207) Optical Path Identification Sequence: SQ, VM 1. */
    public static final int OpticalPathIdentificationSequence = 0x00480207;

    /** (0048,021A) Plane Position (Slide) Sequence: SQ, VM 1. */
    public static final int PlanePositionSlideSequence = 0x0048021A;

    /** (0048,021E) Column Position In Total Image Pixel Matrix: SL, VM 1. */
    public static final int ColumnPositionInTotalImagePixelMatrix = 0x0048021E;

    /** (0048,021F) Row Position In Total Image Pixel Matrix: SL, VM 1. */
    public static final int RowPositionInTotalImagePixelMatrix = 0x0048021F;

    /** (0048,0301) Pixel Origin Interpretation: CS, VM 1. */
    public static final int PixelOriginInterpretation = 0x00480301;

    /** (0048,0302) Number of Optical Paths: UL, VM 1. */
    public static final int NumberOfOpticalPaths = 0x00480302;

    /** (0048,0303) Total Pixel Matrix Focal Planes: UL, VM 1. */
    public static final int TotalPixelMatrixFocalPlanes = 0x00480303;

    /** (0048,0304) Tiles Overlap: CS, VM 1. */
    public static final int TilesOverlap = 0x00480304;

    /** (0050,0004) Calibration Image: CS, VM 1. */
    public static final int CalibrationImage = 0x00500004;

    /** (0050,0010) Device Sequence: SQ, VM 1. */
    public static final int DeviceSequence = 0x00500010;

    /** (0050,0012) Container Component Type Code Sequence: SQ, VM 1. */
    public static final int ContainerComponentTypeCodeSequence = 0x00500012;

    /** (0050,0013) Container Component Thickness: FD, VM 1. */
    public static final int ContainerComponentThickness = 0x00500013;

    /** (0050,0014) Device Length: DS, VM 1. */
    public static final int DeviceLength = 0x00500014;

    /** (0050,0015) Container Component Width: FD, VM 1. */
    public static final int ContainerComponentWidth = 0x00500015;

    /** (0050,0016) Device Diameter: DS, VM 1. */
    public static final int DeviceDiameter = 0x00500016;

    /** (0050,0017) Device Diameter Units: CS, VM 1. */
    public static final int DeviceDiameterUnits = 0x00500017;

    /** (0050,0018) Device Volume: DS, VM 1. */
    public static final int DeviceVolume = 0x00500018;

    /** (0050,0019) Inter-Marker Distance: DS, VM 1. */
    public static final int InterMarkerDistance = 0x00500019;

    /** (0050,001A) Container Component Material: CS, VM 1. */
    public static final int ContainerComponentMaterial = 0x0050001A;

    /** (0050,001B) Container Component ID: LO, VM 1. */
    public static final int ContainerComponentID = 0x0050001B;

    /** (0050,001C) Container Component Length: FD, VM 1. */
    public static final int ContainerComponentLength = 0x0050001C;

    /** (0050,001D) Container Component Diameter: FD, VM 1. */
    public static final int ContainerComponentDiameter = 0x0050001D;

    /** (0050,001E) Container Component Description: LO, VM 1. */
    public static final int ContainerComponentDescription = 0x0050001E;

    /** (0050,0020) Device Description: LO, VM 1. */
    public static final int DeviceDescription = 0x00500020;

    /** (0050,0021) Long Device Description: ST, VM 1. */
    public static final int LongDeviceDescription = 0x00500021;

    /** (0052,0001) Contrast/Bolus Ingredient Percent by Volume: FL, VM 1. */
    public static final int ContrastBolusIngredientPercentByVolume = 0x00520001;

    /** (0052,0002) OCT Focal Distance: FD, VM 1. */
    public static final int OCTFocalDistance = 0x00520002;

    /** (0052,0003) Beam Spot Size: FD, VM 1. */
    public static final int BeamSpotSize = 0x00520003;

    /** (0052,0004) Effective Refractive Index: FD, VM 1. */
    public static final int EffectiveRefractiveIndex = 0x00520004;

    /** (0052,0006) OCT Acquisition Domain: CS, VM 1. */
    public static final int OCTAcquisitionDomain = 0x00520006;

    /** (0052,0007) OCT Optical Center Wavelength: FD, VM 1. */
    public static final int OCTOpticalCenterWavelength = 0x00520007;

    /** (0052,0008) Axial Resolution: FD, VM 1. */
    public static final int AxialResolution = 0x00520008;

    /** (0052,0009) Ranging Depth: FD, VM 1. */
    public static final int RangingDepth = 0x00520009;

    /** (0052,0011) A-line Rate: FD, VM 1. */
    public static final int ALineRate = 0x00520011;

    /** (0052,0012) A-lines Per Frame: US, VM 1. */
    public static final int ALinesPerFrame = 0x00520012;

    /** (0052,0013) Catheter Rotational Rate: FD, VM 1. */
    public static final int CatheterRotationalRate = 0x00520013;

    /** (0052,0014) A-line Pixel Spacing: FD, VM 1. */
    public static final int ALinePixelSpacing = 0x00520014;

    /** (0052,0016) Mode of Percutaneous Access Sequence: SQ, VM 1. */
    public static final int ModeOfPercutaneousAccessSequence = 0x00520016;

    /** (0052,0025) Intravascular OCT Frame Type Sequence: SQ, VM 1. */
    public static final int IntravascularOCTFrameTypeSequence = 0x00520025;

    /** (0052,0026) OCT Z Offset Applied: CS, VM 1. */
    public static final int OCTZOffsetApplied = 0x00520026;

    /** (0052,0027) Intravascular Frame Content Sequence: SQ, VM 1. */
    public static final int IntravascularFrameContentSequence = 0x00520027;

    /** (0052,0028) Intravascular Longitudinal Distance: FD, VM 1. */
    public static final int IntravascularLongitudinalDistance = 0x00520028;

    /** (0052,0029) Intravascular OCT Frame Content Sequence: SQ, VM 1. */
    public static final int IntravascularOCTFrameContentSequence = 0x00520029;

    /** (0052,0030) OCT Z Offset Correction: SS, VM 1. */
    public static final int OCTZOffsetCorrection = 0x00520030;

    /** (0052,0031) Catheter Direction of Rotation: CS, VM 1. */
    public static final int CatheterDirectionOfRotation = 0x00520031;

    /** (0052,0033) Seam Line Location: FD, VM 1. */
    public static final int SeamLineLocation = 0x00520033;

    /** (0052,0034) First A-line Location: FD, VM 1. */
    public static final int FirstALineLocation = 0x00520034;

    /** (0052,0036) Seam Line Index: US, VM 1. */
    public static final int SeamLineIndex = 0x00520036;

    /** (0052,0038) Number of Padded A-lines: US, VM 1. */
    public static final int NumberOfPaddedALines = 0x00520038;

    /** (0052,0039) Interpolation Type: CS, VM 1. */
    public static final int InterpolationType = 0x00520039;

    /** (0052,003A) Refractive Index Applied: CS, VM 1. */
    public static final int RefractiveIndexApplied = 0x0052003A;

    /** (0054,0010) Energy Window Vector: US, VM 1-n. */
    public static final int EnergyWindowVector = 0x00540010;

    /** (0054,0011) Number of Energy Windows: US, VM 1. */
    public static final int NumberOfEnergyWindows = 0x00540011;

    /** (0054,0012) Energy Window Information Sequence: SQ, VM 1. */
    public static final int EnergyWindowInformationSequence = 0x00540012;

    /** (0054,0013) Energy Window Range Sequence: SQ, VM 1. */
    public static final int EnergyWindowRangeSequence = 0x00540013;

    /** (0054,0014) Energy Window Lower Limit: DS, VM 1. */
    public static final int EnergyWindowLowerLimit = 0x00540014;

    /** (0054,0015) Energy Window Upper Limit: DS, VM 1. */
    public static final int EnergyWindowUpperLimit = 0x00540015;

    /** (0054,0016) Radiopharmaceutical Information Sequence: SQ, VM 1. */
    public static final int RadiopharmaceuticalInformationSequence = 0x00540016;

    /** (0054,0017) Residual Syringe Counts: IS, VM 1. */
    public static final int ResidualSyringeCounts = 0x00540017;

    /** (0054,0018) Energy Window Name: SH, VM 1. */
    public static final int EnergyWindowName = 0x00540018;

    /** (0054,0020) Detector Vector: US, VM 1-n. */
    public static final int DetectorVector = 0x00540020;

    /** (0054,0021) Number of Detectors: US, VM 1. */
    public static final int NumberOfDetectors = 0x00540021;

    /** (0054,0022) Detector Information Sequence: SQ, VM 1. */
    public static final int DetectorInformationSequence = 0x00540022;

    /** (0054,0030) Phase Vector: US, VM 1-n. */
    public static final int PhaseVector = 0x00540030;

    /** (0054,0031) Number of Phases: US, VM 1. */
    public static final int NumberOfPhases = 0x00540031;

    /** (0054,0032) Phase Information Sequence: SQ, VM 1. */
    public static final int PhaseInformationSequence = 0x00540032;

    /** (0054,0033) Number of Frames in Phase: US, VM 1. */
    public static final int NumberOfFramesInPhase = 0x00540033;

    /** (0054,0036) Phase Delay: IS, VM 1. */
    public static final int PhaseDelay = 0x00540036;

    /** (0054,0038) Pause Between Frames: IS, VM 1. */
    public static final int PauseBetweenFrames = 0x00540038;

    /** (0054,0039) Phase Description: CS, VM 1. */
    public static final int PhaseDescription = 0x00540039;

    /** (0054,0050) Rotation Vector: US, VM 1-n. */
    public static final int RotationVector = 0x00540050;

    /** (0054,0051) Number of Rotations: US, VM 1. */
    public static final int NumberOfRotations = 0x00540051;

    /** (0054,0052) Rotation Information Sequence: SQ, VM 1. */
    public static final int RotationInformationSequence = 0x00540052;

    /** (0054,0053) Number of Frames in Rotation: US, VM 1. */
    public static final int NumberOfFramesInRotation = 0x00540053;

    /** (0054,0060) R-R Interval Vector: US, VM 1-n. */
    public static final int RRIntervalVector = 0x00540060;

    /** (0054,0061) Number of R-R Intervals: US, VM 1. */
    public static final int NumberOfRRIntervals = 0x00540061;

    /** (0054,0062) Gated Information Sequence: SQ, VM 1. */
    public static final int GatedInformationSequence = 0x00540062;

    /** (0054,0063) Data Information Sequence: SQ, VM 1. */
    public static final int DataInformationSequence = 0x00540063;

    /** (0054,0070) Time Slot Vector: US, VM 1-n. */
    public static final int TimeSlotVector = 0x00540070;

    /** (0054,0071) Number of Time Slots: US, VM 1. */
    public static final int NumberOfTimeSlots = 0x00540071;

    /** (0054,0072) Time Slot Information Sequence: SQ, VM 1. */
    public static final int TimeSlotInformationSequence = 0x00540072;

    /** (0054,0073) Time Slot Time: DS, VM 1. */
    public static final int TimeSlotTime = 0x00540073;

    /** (0054,0080) Slice Vector: US, VM 1-n. */
    public static final int SliceVector = 0x00540080;

    /** (0054,0081) Number of Slices: US, VM 1. */
    public static final int NumberOfSlices = 0x00540081;

    /** (0054,0090) Angular View Vector: US, VM 1-n. */
    public static final int AngularViewVector = 0x00540090;

    /** (0054,0100) Time Slice Vector: US, VM 1-n. */
    public static final int TimeSliceVector = 0x00540100;

    /** (0054,0101) Number of Time Slices: US, VM 1. */
    public static final int NumberOfTimeSlices = 0x00540101;

    /** (0054,0200) Start Angle: DS, VM 1. */
    public static final int StartAngle = 0x00540200;

    /** (0054,0202) Type of Detector Motion: CS, VM 1. */
    public static final int TypeOfDetectorMotion = 0x00540202;

    /** (0054,0210) Trigger Vector: IS, VM 1-n. */
    public static final int TriggerVector = 0x00540210;

    /** (0054,0211) Number of Triggers in Phase: US, VM 1. */
    public static final int NumberOfTriggersInPhase = 0x00540211;

    /** (0054,0220) View Code Sequence: SQ, VM 1. */
    public static final int ViewCodeSequence = 0x00540220;

    /** (0054,0222) View Modifier Code Sequence: SQ, VM 1. */
    public static final int ViewModifierCodeSequence = 0x00540222;

    /** (0054,0300) Radionuclide Code Sequence: SQ, VM 1. */
    public static final int RadionuclideCodeSequence = 0x00540300;

    /** (0054,0302) Administration Route Code Sequence: SQ, VM 1. */
    public static final int AdministrationRouteCodeSequence = 0x00540302;

    /** (0054,0304) Radiopharmaceutical Code Sequence: SQ, VM 1. */
    public static final int RadiopharmaceuticalCodeSequence = 0x00540304;

    /** (0054,0306) Calibration Data Sequence: SQ, VM 1. */
    public static final int CalibrationDataSequence = 0x00540306;

    /** (0054,0308) Energy Window Number: US, VM 1. */
    public static final int EnergyWindowNumber = 0x00540308;

    /** (0054,0400) Image ID: SH, VM 1. */
    public static final int ImageID = 0x00540400;

    /** (0054,0410) Patient Orientation Code Sequence: SQ, VM 1. */
    public static final int PatientOrientationCodeSequence = 0x00540410;

    /** (0054,0412) Patient Orientation Modifier Code Sequence: SQ, VM 1. */
    public static final int PatientOrientationModifierCodeSequence = 0x00540412;

    /** (0054,0414) Patient Gantry Relationship Code Sequence: SQ, VM 1. */
    public static final int PatientGantryRelationshipCodeSequence = 0x00540414;

    /** (0054,0500) Slice Progression Direction: CS, VM 1. */
    public static final int SliceProgressionDirection = 0x00540500;

    /** (0054,0501) Scan Progression Direction: CS, VM 1. */
    public static final int ScanProgressionDirection = 0x00540501;

    /** (0054,1000) Series Type: CS, VM 2. */
    public static final int SeriesType = 0x00541000;

    /** (0054,1001) Units: CS, VM 1. */
    public static final int Units = 0x00541001;

    /** (0054,1002) Counts Source: CS, VM 1. */
    public static final int CountsSource = 0x00541002;

    /** (0054,1004) Reprojection Method: CS, VM 1. */
    public static final int ReprojectionMethod = 0x00541004;

    /** (0054,1006) SUV Type: CS, VM 1. */
    public static final int SUVType = 0x00541006;

    /** (0054,1100) Randoms Correction Method: CS, VM 1. */
    public static final int RandomsCorrectionMethod = 0x00541100;

    /** (0054,1101) Attenuation Correction Method: LO, VM 1. */
    public static final int AttenuationCorrectionMethod = 0x00541101;

    /** (0054,1102) Decay Correction: CS, VM 1. */
    public static final int DecayCorrection = 0x00541102;

    /** (0054,1103) Reconstruction Method: LO, VM 1. */
    public static final int ReconstructionMethod = 0x00541103;

    /** (0054,1104) Detector Lines of Response Used: LO, VM 1. */
    public static final int DetectorLinesOfResponseUsed = 0x00541104;

    /** (0054,1105) Scatter Correction Method: LO, VM 1. */
    public static final int ScatterCorrectionMethod = 0x00541105;

    /** (0054,1200) Axial Acceptance: DS, VM 1. */
    public static final int AxialAcceptance = 0x00541200;

    /** (0054,1201) Axial Mash: IS, VM 2. */
    public static final int AxialMash = 0x00541201;

    /** (0054,1202) Transverse Mash: IS, VM 1. */
    public static final int TransverseMash = 0x00541202;

    /** (0054,1203) Detector Element Size: DS, VM 2. */
    public static final int DetectorElementSize = 0x00541203;

    /** (0054,1210) Coincidence Window Width: DS, VM 1. */
    public static final int CoincidenceWindowWidth = 0x00541210;

    /** (0054,1220) Secondary Counts Type: CS, VM 1-n. */
    public static final int SecondaryCountsType = 0x00541220;

    /** (0054,1300) Frame Reference Time: DS, VM 1. */
    public static final int FrameReferenceTime = 0x00541300;

    /** (0054,1310) Primary (Prompts) Counts Accumulated: IS, VM 1. */
    public static final int PrimaryPromptsCountsAccumulated = 0x00541310;

    /** (0054,1311) Secondary Counts Accumulated: IS, VM 1-n. */
    public static final int SecondaryCountsAccumulated = 0x00541311;

    /** (0054,1320) Slice Sensitivity Factor: DS, VM 1. */
    public static final int SliceSensitivityFactor = 0x00541320;

    /** (0054,1321) Decay Factor: DS, VM 1. */
    public static final int DecayFactor = 0x00541321;

    /** (0054,1322) Dose Calibration Factor: DS, VM 1. */
    public static final int DoseCalibrationFactor = 0x00541322;

    /** (0054,1323) Scatter Fraction Factor: DS, VM 1. */
    public static final int ScatterFractionFactor = 0x00541323;

    /** (0054,1324) Dead Time Factor: DS, VM 1. */
    public static final int DeadTimeFactor = 0x00541324;

    /** (0054,1330) Image Index: US, VM 1. */
    public static final int ImageIndex = 0x00541330;

    /** (0054,1400) Counts Included: CS, VM 1-n. Retired. */
    public static final int CountsIncluded = 0x00541400;

    /** (0054,1401) Dead Time Correction Flag: CS, VM 1. Retired. */
    public static final int DeadTimeCorrectionFlag = 0x00541401;

    /** (0060,3000) Histogram Sequence: SQ, VM 1. */
    public static final int HistogramSequence = 0x00603000;

    /** (0060,3002) Histogram Number of Bins: US, VM 1. */
    public static final int HistogramNumberOfBins = 0x00603002;

    /** (0060,3004) Histogram First Bin Value: US or SS, VM 1. */
    public static final int HistogramFirstBinValue = 0x00603004;

    /** (0060,3006) Histogram Last Bin Value: US or SS, VM 1. */
    public static final int HistogramLastBinValue = 0x00603006;

    /** (0060,3008) Histogram Bin Width: US, VM 1. */
    public static final int HistogramBinWidth = 0x00603008;

    /** (0060,3010) Histogram Explanation: LO, VM 1. */
    public static final int HistogramExplanation = 0x00603010;

    /** (0060,3020) Histogram Data: UL, VM 1-n. */
    public static final int HistogramData = 0x00603020;

    /** (0062,0001) Segmentation Type: CS, VM 1. */
    public static final int SegmentationType = 0x00620001;

    /** (0062,0002) Segment Sequence: SQ, VM 1. */
    public static final int SegmentSequence = 0x00620002;

    /** (0062,0003) Segmented Property Category Code Sequence: SQ, VM 1. */
    public static final int SegmentedPropertyCategoryCodeSequence = 0x00620003;

    /** (0062,0004) Segment Number: US, VM 1. */
    public static final int SegmentNumber = 0x00620004;

    /** (0062,0005) Segment Label: LO, VM 1. */
    public static final int SegmentLabel = 0x00620005;

    /** (0062,0006) Segment Description: ST, VM 1. */
    public static final int SegmentDescription = 0x00620006;

    /** (0062,0007) Segmentation Algorithm Identification Sequence: SQ, VM 1. */
    public static final int SegmentationAlgorithmIdentificationSequence = 0x00620007;

    /** (0062,0008) Segment Algorithm Type: CS, VM 1. */
    public static final int SegmentAlgorithmType = 0x00620008;

    /** (0062,0009) Segment Algorithm Name: LO, VM 1-n. */
    public static final int SegmentAlgorithmName = 0x00620009;

    /** (0062,000A) Segment Identification Sequence: SQ, VM 1. */
    public static final int SegmentIdentificationSequence = 0x0062000A;

    /** (0062,000B) Referenced Segment Number: US, VM 1-n. */
    public static final int ReferencedSegmentNumber = 0x0062000B;

    /** (0062,000C) Recommended Display Grayscale Value: US, VM 1. */
    public static final int RecommendedDisplayGrayscaleValue = 0x0062000C;

    /** (0062,000D) Recommended Display CIELab Value: US, VM 3. */
    public static final int RecommendedDisplayCIELabValue = 0x0062000D;

    /** (0062,000E) Maximum Fractional Value: US, VM 1. */
    public static final int MaximumFractionalValue = 0x0062000E;

    /** (0062,000F) Segmented Property Type Code Sequence: SQ, VM 1. */
    public static final int SegmentedPropertyTypeCodeSequence = 0x0062000F;

    /** (0062,0010) Segmentation Fractional Type: CS, VM 1. */
    public static final int SegmentationFractionalType = 0x00620010;

    /** (0062,0011) Segmented Property Type Modifier Code Sequence: SQ, VM 1. */
    public static final int SegmentedPropertyTypeModifierCodeSequence = 0x00620011;

    /** (0062,0012) Used Segments Sequence: SQ, VM 1. */
    public static final int UsedSegmentsSequence = 0x00620012;

    /** (0062,0013) Segments Overlap: CS, VM 1. */
    public static final int SegmentsOverlap = 0x00620013;

    /** (0062,0020) Tracking ID: UT, VM 1. */
    public static final int TrackingID = 0x00620020;

    /** (0062,0021) Tracking UID: UI, VM 1. */
    public static final int TrackingUID = 0x00620021;

    /** (0064,0002) Deformable Registration Sequence: SQ, VM 1. */
    public static final int DeformableRegistrationSequence = 0x00640002;

    /** (0064,0003) Source Frame of Reference UID: UI, VM 1. */
    public static final int SourceFrameOfReferenceUID = 0x00640003;

    /** (0064,0005) Deformable Registration Grid Sequence: SQ, VM 1. */
    public static final int DeformableRegistrationGridSequence = 0x00640005;

    /** (0064,0007) Grid Dimensions: UL, VM 3. */
    public static final int GridDimensions = 0x00640007;

    /** (0064,0008) Grid Resolution: FD, VM 3. */
    public static final int GridResolution = 0x00640008;

    /** (0064,0009) Vector Grid Data: OF, VM 1. */
    public static final int VectorGridData = 0x00640009;

    /** (0064,000F) Pre Deformation Matrix Registration Sequence: SQ, VM 1. */
    public static final int PreDeformationMatrixRegistrationSequence = 0x0064000F;

    /** (0064,0010) Post Deformation Matrix Registration Sequence: SQ, VM 1. */
    public static final int PostDeformationMatrixRegistrationSequence = 0x00640010;

    /** (0066,0001) Number of Surfaces: UL, VM 1. */
    public static final int NumberOfSurfaces = 0x00660001;

    /** (0066,0002) Surface Sequence: SQ, VM 1. */
    public static final int SurfaceSequence = 0x00660002;

    /** (0066,0003) Surface Number: UL, VM 1. */
    public static final int SurfaceNumber = 0x00660003;

    /** (0066,0004) Surface Comments: LT, VM 1. */
    public static final int SurfaceComments = 0x00660004;

    /** (0066,0005) Surface Offset: FL, VM 1. */
    public static final int SurfaceOffset = 0x00660005;

    /** (0066,0009) Surface Processing: CS, VM 1. */
    public static final int SurfaceProcessing = 0x00660009;

    /** (0066,000A) Surface Processing Ratio: FL, VM 1. */
    public static final int SurfaceProcessingRatio = 0x0066000A;

    /** (0066,000B) Surface Processing Description: LO, VM 1. */
    public static final int SurfaceProcessingDescription = 0x0066000B;

    /** (0066,000C) Recommended Presentation Opacity: FL, VM 1. */
    public static final int RecommendedPresentationOpacity = 0x0066000C;

    /** (0066,000D) Recommended Presentation Type: CS, VM 1. */
    public static final int RecommendedPresentationType = 0x0066000D;

    /** (0066,000E) Finite Volume: CS, VM 1. */
    public static final int FiniteVolume = 0x0066000E;

    /** (0066,0010) Manifold: CS, VM 1. */
    public static final int Manifold = 0x00660010;

    /** (0066,0011) Surface Points Sequence: SQ, VM 1. */
    public static final int SurfacePointsSequence = 0x00660011;

    /** (0066,0012) Surface Points Normals Sequence: SQ, VM 1. */
    public static final int SurfacePointsNormalsSequence = 0x00660012;

    /** (0066,0013) Surface Mesh Primitives Sequence: SQ, VM 1. */
    public static final int SurfaceMeshPrimitivesSequence = 0x00660013;

    /** (0066,0015) Number of Surface Points: UL, VM 1. */
    public static final int NumberOfSurfacePoints = 0x00660015;

    /** (0066,0016) Point Coordinates Data: OF, VM 1. */
    public static final int PointCoordinatesData = 0x00660016;

    /** (0066,0017) Point Position Accuracy: FL, VM 3. */
    public static final int PointPositionAccuracy = 0x00660017;

    /** (0066,0018) Mean Point Distance: FL, VM 1. */
    public static final int MeanPointDistance = 0x00660018;

    /** (0066,0019) Maximum Point Distance: FL, VM 1. */
    public static final int MaximumPointDistance = 0x00660019;

    /** (0066,001A) Points Bounding Box Coordinates: FL, VM 6. */
    public static final int PointsBoundingBoxCoordinates = 0x0066001A;

    /** (0066,001B) Axis of Rotation: FL, VM 3. */
    public static final int AxisOfRotation = 0x0066001B;

    /** (0066,001C) Center of Rotation: FL, VM 3. */
    public static final int CenterOfRotation = 0x0066001C;

    /** (0066,001E) Number of Vectors: UL, VM 1. */
    public static final int NumberOfVectors = 0x0066001E;

    /** (0066,001F) Vector Dimensionality: US, VM 1. */
    public static final int VectorDimensionality = 0x0066001F;

    /** (0066,0020) Vector Accuracy: FL, VM 1-n. */
    public static final int VectorAccuracy = 0x00660020;

    /** (0066,0021) Vector Coordinate Data: OF, VM 1. */
    public static final int VectorCoordinateData = 0x00660021;

    /** (0066,0022) Double Point Coordinates Data: OD, VM 1. */
    public static final int DoublePointCoordinatesData = 0x00660022;

    /** (0066,0023) Triangle Point Index List: OW, VM 1. Retired. */
    public static final int TrianglePointIndexList = 0x00660023;

    /** (0066,0024) Edge Point Index List: OW, VM 1. Retired. */
    public static final int EdgePointIndexList = 0x00660024;

    /** (0066,0025) Vertex Point Index List: OW, VM 1. Retired. */
    public static final int VertexPointIndexList = 0x00660025;

    /** (0066,0026) Triangle Strip Sequence: SQ, VM 1. */
    public static final int TriangleStripSequence = 0x00660026;

    /** (0066,0027) Triangle Fan Sequence: SQ, VM 1. */
    public static final int TriangleFanSequence = 0x00660027;

    /** (0066,0028) Line Sequence: SQ, VM 1. */
    public static final int LineSequence = 0x00660028;

    /** (0066,0029) Primitive Point Index List: OW, VM 1. Retired. */
    public static final int PrimitivePointIndexList = 0x00660029;

    /** (0066,002A) Surface Count: UL, VM 1. */
    public static final int SurfaceCount = 0x0066002A;

    /** (0066,002B) Referenced Surface Sequence: SQ, VM 1. */
    public static final int ReferencedSurfaceSequence = 0x0066002B;

    /** (0066,002C) Referenced Surface Number: UL, VM 1. */
    public static final int ReferencedSurfaceNumber = 0x0066002C;

    /** (0066,002D) Segment Surface Generation Algorithm Identification Sequence: SQ, VM 1. */
    public static final int SegmentSurfaceGenerationAlgorithmIdentificationSequence = 0x0066002D;

    /** (0066,002E) Segment Surface Source Instance Sequence: SQ, VM 1. */
    public static final int SegmentSurfaceSourceInstanceSequence = 0x0066002E;

    /** (0066,002F) Algorithm Family Code Sequence: SQ, VM 1. */
    public static final int AlgorithmFamilyCodeSequence = 0x0066002F;

    /** (0066,0030) Algorithm Name Code Sequence: SQ, VM 1. */
    public static final int AlgorithmNameCodeSequence = 0x00660030;

    /** (0066,0031) Algorithm Version: LO, VM 1. */
    public static final int AlgorithmVersion = 0x00660031;

    /** (0066,0032) Algorithm Parameters: LT, VM 1. */
    public static final int AlgorithmParameters = 0x00660032;

    /** (0066,0034) Facet Sequence: SQ, VM 1. */
    public static final int FacetSequence = 0x00660034;

    /** (0066,0035) Surface Processing Algorithm Identification Sequence: SQ, VM 1. */
    public static final int SurfaceProcessingAlgorithmIdentificationSequence = 0x00660035;

    /** (0066,0036) Algorithm Name: LO, VM 1. */
    public static final int AlgorithmName = 0x00660036;

    /** (0066,0037) Recommended Point Radius: FL, VM 1. */
    public static final int RecommendedPointRadius = 0x00660037;

    /** (0066,0038) Recommended Line Thickness: FL, VM 1. */
    public static final int RecommendedLineThickness = 0x00660038;

    /** (0066,0040) Long Primitive Point Index List: OL, VM 1. */
    public static final int LongPrimitivePointIndexList = 0x00660040;

    /** (0066,0041) Long Triangle Point Index List: OL, VM 1. */
    public static final int LongTrianglePointIndexList = 0x00660041;

    /** (0066,0042) Long Edge Point Index List: OL, VM 1. */
    public static final int LongEdgePointIndexList = 0x00660042;

    /** (0066,0043) Long Vertex Point Index List: OL, VM 1. */
    public static final int LongVertexPointIndexList = 0x00660043;

    /** (0066,0101) Track Set Sequence: SQ, VM 1. */
    public static final int TrackSetSequence = 0x00660101;

    /** (0066,0102) Track Sequence: SQ, VM 1. */
    public static final int TrackSequence = 0x00660102;

    /** (0066,0103) Recommended Display CIELab Value List: OW, VM 1. */
    public static final int RecommendedDisplayCIELabValueList = 0x00660103;

    /** (0066,0104) Tracking Algorithm Identification Sequence: SQ, VM 1. */
    public static final int TrackingAlgorithmIdentificationSequence = 0x00660104;

    /** (0066,0105) Track Set Number: UL, VM 1. */
    public static final int TrackSetNumber = 0x00660105;

    /** (0066,0106) Track Set Label: LO, VM 1. */
    public static final int TrackSetLabel = 0x00660106;

    /** (0066,0107) Track Set Description: UT, VM 1. */
    public static final int TrackSetDescription = 0x00660107;

    /** (0066,0108) Track Set Anatomical Type Code Sequence: SQ, VM 1. */
    public static final int TrackSetAnatomicalTypeCodeSequence = 0x00660108;

    /** (0066,0121) Measurements Sequence: SQ, VM 1. */
    public static final int MeasurementsSequence = 0x00660121;

    /** (0066,0124) Track Set Statistics Sequence: SQ, VM 1. */
    public static final int TrackSetStatisticsSequence = 0x00660124;

    /** (0066,0125) Floating Point Values: OF, VM 1. */
    public static final int FloatingPointValues = 0x00660125;

    /** (0066,0129) Track Point Index List: OL, VM 1. */
    public static final int TrackPointIndexList = 0x00660129;

    /** (0066,0130) Track Statistics Sequence: SQ, VM 1. */
    public static final int TrackStatisticsSequence = 0x00660130;

    /** (0066,0132) Measurement Values Sequence: SQ, VM 1. */
    public static final int MeasurementValuesSequence = 0x00660132;

    /** (0066,0133) Diffusion Acquisition Code Sequence: SQ, VM 1. */
    public static final int DiffusionAcquisitionCodeSequence = 0x00660133;

    /** (0066,0134) Diffusion Model Code Sequence: SQ, VM 1. */
    public static final int DiffusionModelCodeSequence = 0x00660134;

    /** (0068,6210) Implant Size: LO, VM 1. */
    public static final int ImplantSize = 0x00686210;

    /** (0068,6221) Implant Template Version: LO, VM 1. */
    public static final int ImplantTemplateVersion = 0x00686221;

    /** (0068,6222) Replaced Implant Template Sequence: SQ, VM 1. */
    public static final int ReplacedImplantTemplateSequence = 0x00686222;

    /** (0068,6223) Implant Type: CS, VM 1. */
    public static final int ImplantType = 0x00686223;

    /** (0068,6224) Derivation Implant Template Sequence: SQ, VM 1. */
    public static final int DerivationImplantTemplateSequence = 0x00686224;

    /** (0068,6225) Original Implant Template Sequence: SQ, VM 1. */
    public static final int OriginalImplantTemplateSequence = 0x00686225;

    /** (0068,6226) Effective DateTime: DT, VM 1. */
    public static final int EffectiveDateTime = 0x00686226;

    /** (0068,6230) Implant Target Anatomy Sequence: SQ, VM 1. */
    public static final int ImplantTargetAnatomySequence = 0x00686230;

    /** (0068,6260) Information From Manufacturer Sequence: SQ, VM 1. */
    public static final int InformationFromManufacturerSequence = 0x00686260;

    /** (0068,6265) Notification From Manufacturer Sequence: SQ, VM 1. */
    public static final int NotificationFromManufacturerSequence = 0x00686265;

    /** (0068,6270) Information Issue DateTime: DT, VM 1. */
    public static final int InformationIssueDateTime = 0x00686270;

    /** (0068,6280) Information Summary: ST, VM 1. */
    public static final int InformationSummary = 0x00686280;

    /** (0068,62A0) Implant Regulatory Disapproval Code Sequence: SQ, VM 1. */
    public static final int ImplantRegulatoryDisapprovalCodeSequence = 0x006862A0;

    /** (0068,62A5) Overall Template Spatial Tolerance: FD, VM 1. */
    public static final int OverallTemplateSpatialTolerance = 0x006862A5;

    /** (0068,62C0) HPGL Document Sequence: SQ, VM 1. */
    public static final int HPGLDocumentSequence = 0x006862C0;

    /** (0068,62D0) HPGL Document ID: US, VM 1. */
    public static final int HPGLDocumentID = 0x006862D0;

    /** (0068,62D5) HPGL Document Label: LO, VM 1. */
    public static final int HPGLDocumentLabel = 0x006862D5;

    /** (0068,62E0) View Orientation Code Sequence: SQ, VM 1. */
    public static final int ViewOrientationCodeSequence = 0x006862E0;

    /** (0068,62F0) View Orientation Modifier Code Sequence: SQ, VM 1. */
    public static final int ViewOrientationModifierCodeSequence = 0x006862F0;

    /** (0068,62F2) HPGL Document Scaling: FD, VM 1. */
    public static final int HPGLDocumentScaling = 0x006862F2;

    /** (0068,6300) HPGL Document: OB, VM 1. */
    public static final int HPGLDocument = 0x00686300;

    /** (0068,6310) HPGL Contour Pen Number: US, VM 1. */
    public static final int HPGLContourPenNumber = 0x00686310;

    /** (0068,6320) HPGL Pen Sequence: SQ, VM 1. */
    public static final int HPGLPenSequence = 0x00686320;

    /** (0068,6330) HPGL Pen Number: US, VM 1. */
    public static final int HPGLPenNumber = 0x00686330;

    /** (0068,6340) HPGL Pen Label: LO, VM 1. */
    public static final int HPGLPenLabel = 0x00686340;

    /** (0068,6345) HPGL Pen Description: ST, VM 1. */
    public static final int HPGLPenDescription = 0x00686345;

    /** (0068,6346) Recommended Rotation Point: FD, VM 2. */
    public static final int RecommendedRotationPoint = 0x00686346;

    /** (0068,6347) Bounding Rectangle: FD, VM 4. */
    public static final int BoundingRectangle = 0x00686347;

    /** (0068,6350) Implant Template 3D Model Surface Number: US, VM 1-n. */
    public static final int ImplantTemplate3DModelSurfaceNumber = 0x00686350;

    /** (0068,6360) Surface Model Description Sequence: SQ, VM 1. */
    public static final int SurfaceModelDescriptionSequence = 0x00686360;

    /** (0068,6380) Surface Model Label: LO, VM 1. */
    public static final int SurfaceModelLabel = 0x00686380;

    /** (0068,6390) Surface Model Scaling Factor: FD, VM 1. */
    public static final int SurfaceModelScalingFactor = 0x00686390;

    /** (0068,63A0) Materials Code Sequence: SQ, VM 1. */
    public static final int MaterialsCodeSequence = 0x006863A0;

    /** (0068,63A4) Coating Materials Code Sequence: SQ, VM 1. */
    public static final int CoatingMaterialsCodeSequence = 0x006863A4;

    /** (0068,63A8) Implant Type Code Sequence: SQ, VM 1. */
    public static final int ImplantTypeCodeSequence = 0x006863A8;

    /** (0068,63AC) Fixation Method Code Sequence: SQ, VM 1. */
    public static final int FixationMethodCodeSequence = 0x006863AC;

    /** (0068,63B0) Mating Feature Sets Sequence: SQ, VM 1. */
    public static final int MatingFeatureSetsSequence = 0x006863B0;

    /** (0068,63C0) Mating Feature Set ID: US, VM 1. */
    public static final int MatingFeatureSetID = 0x006863C0;

    /** (0068,63D0) Mating Feature Set Label: LO, VM 1. */
    public static final int MatingFeatureSetLabel = 0x006863D0;

    /** (0068,63E0) Mating Feature Sequence: SQ, VM 1. */
    public static final int MatingFeatureSequence = 0x006863E0;

    /** (0068,63F0) Mating Feature ID: US, VM 1. */
    public static final int MatingFeatureID = 0x006863F0;

    /** (0068,6400) Mating Feature Degree of Freedom Sequence: SQ, VM 1. */
    public static final int MatingFeatureDegreeOfFreedomSequence = 0x00686400;

    /** (0068,6410) Degree of Freedom ID: US, VM 1. */
    public static final int DegreeOfFreedomID = 0x00686410;

    /** (0068,6420) Degree of Freedom Type: CS, VM 1. */
    public static final int DegreeOfFreedomType = 0x00686420;

    /** (0068,6430) 2D Mating Feature Coordinates Sequence: SQ, VM 1. */
    public static final int TwoDMatingFeatureCoordinatesSequence = 0x00686430;

    /** (0068,6440) Referenced HPGL Document ID: US, VM 1. */
    public static final int ReferencedHPGLDocumentID = 0x00686440;

    /** (0068,6450) 2D Mating Point: FD, VM 2. */
    public static final int TwoDMatingPoint = 0x00686450;

    /** (0068,6460) 2D Mating Axes: FD, VM 4. */
    public static final int TwoDMatingAxes = 0x00686460;

    /** (0068,6470) 2D Degree of Freedom Sequence: SQ, VM 1. */
    public static final int TwoDDegreeOfFreedomSequence = 0x00686470;

    /** (0068,6490) 3D Degree of Freedom Axis: FD, VM 3. */
    public static final int ThreeDDegreeOfFreedomAxis = 0x00686490;

    /** (0068,64A0) Range of Freedom: FD, VM 2. */
    public static final int RangeOfFreedom = 0x006864A0;

    /** (0068,64C0) 3D Mating Point: FD, VM 3. */
    public static final int ThreeDMatingPoint = 0x006864C0;

    /** (0068,64D0) 3D Mating Axes: FD, VM 9. */
    public static final int ThreeDMatingAxes = 0x006864D0;

    /** (0068,64F0) 2D Degree of Freedom Axis: FD, VM 3. */
    public static final int TwoDDegreeOfFreedomAxis = 0x006864F0;

    /** (0068,6500) Planning Landmark Point Sequence: SQ, VM 1. */
    public static final int PlanningLandmarkPointSequence = 0x00686500;

    /** (0068,6510) Planning Landmark Line Sequence: SQ, VM 1. */
    public static final int PlanningLandmarkLineSequence = 0x00686510;

    /** (0068,6520) Planning Landmark Plane Sequence: SQ, VM 1. */
    public static final int PlanningLandmarkPlaneSequence = 0x00686520;

    /** (0068,6530) Planning Landmark ID: US, VM 1. */
    public static final int PlanningLandmarkID = 0x00686530;

    /** (0068,6540) Planning Landmark Description: LO, VM 1. */
    public static final int PlanningLandmarkDescription = 0x00686540;

    /** (0068,6545) Planning Landmark Identification Code Sequence: SQ, VM 1. */
    public static final int PlanningLandmarkIdentificationCodeSequence = 0x00686545;

    /** (0068,6550) 2D Point Coordinates Sequence: SQ, VM 1. */
    public static final int TwoDPointCoordinatesSequence = 0x00686550;

    /** (0068,6560) 2D Point Coordinates: FD, VM 2. */
    public static final int TwoDPointCoordinates = 0x00686560;

    /** (0068,6590) 3D Point Coordinates: FD, VM 3. */
    public static final int ThreeDPointCoordinates = 0x00686590;

    /** (0068,65A0) 2D Line Coordinates Sequence: SQ, VM 1. */
    public static final int TwoDLineCoordinatesSequence = 0x006865A0;

    /** (0068,65B0) 2D Line Coordinates: FD, VM 4. */
    public static final int TwoDLineCoordinates = 0x006865B0;

    /** (0068,65D0) 3D Line Coordinates: FD, VM 6. */
    public static final int ThreeDLineCoordinates = 0x006865D0;

    /** (0068,65E0) 2D Plane Coordinates Sequence: SQ, VM 1. */
    public static final int TwoDPlaneCoordinatesSequence = 0x006865E0;

    /** (0068,65F0) 2D Plane Intersection: FD, VM 4. */
    public static final int TwoDPlaneIntersection = 0x006865F0;

    /** (0068,6610) 3D Plane Origin: FD, VM 3. */
    public static final int ThreeDPlaneOrigin = 0x00686610;

    /** (0068,6620) 3D Plane Normal: FD, VM 3. */
    public static final int ThreeDPlaneNormal = 0x00686620;

    /** (0068,7001) Model Modification: CS, VM 1. */
    public static final int ModelModification = 0x00687001;

    /** (0068,7002) Model Mirroring: CS, VM 1. */
    public static final int ModelMirroring = 0x00687002;

    /** (0068,7003) Model Usage Code Sequence: SQ, VM 1. */
    public static final int ModelUsageCodeSequence = 0x00687003;

    /** (0068,7004) Model Group UID: UI, VM 1. */
    public static final int ModelGroupUID = 0x00687004;

    /** (0068,7005) Relative URI Reference Within Encapsulated Document: UR, VM 1. */
    public static final int RelativeURIReferenceWithinEncapsulatedDocument = 0x00687005;

    /** (006A,0001) Annotation Coordinate Type: CS, VM 1. */
    public static final int AnnotationCoordinateType = 0x006A0001;

    /** (006A,0002) Annotation Group Sequence: SQ, VM 1. */
    public static final int AnnotationGroupSequence = 0x006A0002;

    /** (006A,0003) Annotation Group UID: UI, VM 1. */
    public static final int AnnotationGroupUID = 0x006A0003;

    /** (006A,0005) Annotation Group Label: LO, VM 1. */
    public static final int AnnotationGroupLabel = 0x006A0005;

    /** (006A,0006) Annotation Group Description: UT, VM 1. */
    public static final int AnnotationGroupDescription = 0x006A0006;

    /** (006A,0007) Annotation Group Generation Type: CS, VM 1. */
    public static final int AnnotationGroupGenerationType = 0x006A0007;

    /** (006A,0008) Annotation Group Algorithm Identification Sequence: SQ, VM 1. */
    public static final int AnnotationGroupAlgorithmIdentificationSequence = 0x006A0008;

    /** (006A,0009) Annotation Property Category Code Sequence: SQ, VM 1. */
    public static final int AnnotationPropertyCategoryCodeSequence = 0x006A0009;

    /** (006A,000A) Annotation Property Type Code Sequence: SQ, VM 1. */
    public static final int AnnotationPropertyTypeCodeSequence = 0x006A000A;

    /** (006A,000B) Annotation Property Type Modifier Code Sequence: SQ, VM 1. */
    public static final int AnnotationPropertyTypeModifierCodeSequence = 0x006A000B;

    /** (006A,000C) Number of Annotations: UL, VM 1. */
    public static final int NumberOfAnnotations = 0x006A000C;

    /** (006A,000D) Annotation Applies to All Optical Paths: CS, VM 1. */
    public static final int AnnotationAppliesToAllOpticalPaths = 0x006A000D;

    /** (006A,000E) Referenced Optical Path Identifier: SH, VM 1-n. */
    public static final int ReferencedOpticalPathIdentifier = 0x006A000E;

    /** (006A,000F) Annotation Applies to All Z Planes: CS, VM 1. */
    public static final int AnnotationAppliesToAllZPlanes = 0x006A000F;

    /** (006A,0010) Common Z Coordinate Value: FD, VM 1-n. */
    public static final int CommonZCoordinateValue = 0x006A0010;

    /** (006A,0011) Annotation Index List: OL, VM 1. */
    public static final int AnnotationIndexList = 0x006A0011;

    /** (0070,0001) Graphic Annotation Sequence: SQ, VM 1. */
    public static final int GraphicAnnotationSequence = 0x00700001;

    /** (0070,0002) Graphic Layer: CS, VM 1. */
    public static final int GraphicLayer = 0x00700002;

    /** (0070,0003) Bounding Box Annotation Units: CS, VM 1. */
    public static final int BoundingBoxAnnotationUnits = 0x00700003;

    /** (0070,0004) Anchor Point Annotation Units: CS, VM 1. */
    public static final int AnchorPointAnnotationUnits = 0x00700004;

    /** (0070,0005) Graphic Annotation Units: CS, VM 1. */
    public static final int GraphicAnnotationUnits = 0x00700005;

    /** (0070,0006) Unformatted Text Value: ST, VM 1. */
    public static final int UnformattedTextValue = 0x00700006;

    /** (0070,0008) Text Object Sequence: SQ, VM 1. */
    public static final int TextObjectSequence = 0x00700008;

    /** (0070,0009) Graphic Object Sequence: SQ, VM 1. */
    public static final int GraphicObjectSequence = 0x00700009;

    /** (0070,0010) Bounding Box Top Left Hand Corner: FL, VM 2. */
    public static final int BoundingBoxTopLeftHandCorner = 0x00700010;

    /** (0070,0011) Bounding Box Bottom Right Hand Corner: FL, VM 2. */
    public static final int BoundingBoxBottomRightHandCorner = 0x00700011;

    /** (0070,0012) Bounding Box Text Horizontal Justification: CS, VM 1. */
    public static final int BoundingBoxTextHorizontalJustification = 0x00700012;

    /** (0070,0014) Anchor Point: FL, VM 2. */
    public static final int AnchorPoint = 0x00700014;

    /** (0070,0015) Anchor Point Visibility: CS, VM 1. */
    public static final int AnchorPointVisibility = 0x00700015;

    /** (0070,0020) Graphic Dimensions: US, VM 1. */
    public static final int GraphicDimensions = 0x00700020;

    /** (0070,0021) Number of Graphic Points: US, VM 1. */
    public static final int NumberOfGraphicPoints = 0x00700021;

    /** (0070,0022) Graphic Data: FL, VM 2-n. */
    public static final int GraphicData = 0x00700022;

    /** (0070,0023) Graphic Type: CS, VM 1. */
    public static final int GraphicType = 0x00700023;

    /** (0070,0024) Graphic Filled: CS, VM 1. */
    public static final int GraphicFilled = 0x00700024;

    /** (0070,0040) Image Rotation (Retired): IS, VM 1. Retired. */
    public static final int ImageRotationRetired = 0x00700040;

    /** (0070,0041) Image Horizontal Flip: CS, VM 1. */
    public static final int ImageHorizontalFlip = 0x00700041;

    /** (0070,0042) Image Rotation: US, VM 1. */
    public static final int ImageRotation = 0x00700042;

    /** (0070,0050) Displayed Area Top Left Hand Corner (Trial): US, VM 2. Retired. */
    public static final int DisplayedAreaTopLeftHandCornerTrial = 0x00700050;

    /** (0070,0051) Displayed Area Bottom Right Hand Corner (Trial): US, VM 2. Retired. */
    public static final int DisplayedAreaBottomRightHandCornerTrial = 0x00700051;

    /** (0070,0052) Displayed Area Top Left Hand Corner: SL, VM 2. */
    public static final int DisplayedAreaTopLeftHandCorner = 0x00700052;

    /** (0070,0053) Displayed Area Bottom Right Hand Corner: SL, VM 2. */
    public static final int DisplayedAreaBottomRightHandCorner = 0x00700053;

    /** (0070,005A) Displayed Area Selection Sequence: SQ, VM 1. */
    public static final int DisplayedAreaSelectionSequence = 0x0070005A;

    /** (0070,0060) Graphic Layer Sequence: SQ, VM 1. */
    public static final int GraphicLayerSequence = 0x00700060;

    /** (0070,0062) Graphic Layer Order: IS, VM 1. */
    public static final int GraphicLayerOrder = 0x00700062;

    /** (0070,0066) Graphic Layer Recommended Display Grayscale Value: US, VM 1. */
    public static final int GraphicLayerRecommendedDisplayGrayscaleValue = 0x00700066;

    /** (0070,0067) Graphic Layer Recommended Display RGB Value: US, VM 3. Retired. */
    public static final int GraphicLayerRecommendedDisplayRGBValue = 0x00700067;

    /** (0070,0068) Graphic Layer Description: LO, VM 1. */
    public static final int GraphicLayerDescription = 0x00700068;

    /** (0070,0080) Content Label: CS, VM 1. */
    public static final int ContentLabel = 0x00700080;

    /** (0070,0081) Content Description: LO, VM 1. */
    public static final int ContentDescription = 0x00700081;

    /** (0070,0082) Presentation Creation Date: DA, VM 1. */
    public static final int PresentationCreationDate = 0x00700082;

    /** (0070,0083) Presentation Creation Time: TM, VM 1. */
    public static final int PresentationCreationTime = 0x00700083;

    /** (0070,0084) Content Creator's Name: PN, VM 1. */
    public static final int ContentCreatorName = 0x00700084;

    /** (0070,0086) Content Creator's Identification Code Sequence: SQ, VM 1. */
    public static final int ContentCreatorIdentificationCodeSequence = 0x00700086;

    /** (0070,0087) Alternate Content Description Sequence: SQ, VM 1. */
    public static final int AlternateContentDescriptionSequence = 0x00700087;

    /** (0070,0100) Presentation Size Mode: CS, VM 1. */
    public static final int PresentationSizeMode = 0x00700100;

    /** (0070,0101) Presentation Pixel Spacing: DS, VM 2. */
    public static final int PresentationPixelSpacing = 0x00700101;

    /** (0070,0102) Presentation Pixel Aspect Ratio: IS, VM 2. */
    public static final int PresentationPixelAspectRatio = 0x00700102;

    /** (0070,0103) Presentation Pixel Magnification Ratio: FL, VM 1. */
    public static final int PresentationPixelMagnificationRatio = 0x00700103;

    /** (0070,0207) Graphic Group Label: LO, VM 1. */
    public static final int GraphicGroupLabel = 0x00700207;

    /** (0070,0208) Graphic Group Description: ST, VM 1. */
    public static final int GraphicGroupDescription = 0x00700208;

    /** (0070,0209) Compound Graphic Sequence: SQ, VM 1. */
    public static final int CompoundGraphicSequence = 0x00700209;

    /** (0070,0226) Compound Graphic Instance ID: UL, VM 1. */
    public static final int CompoundGraphicInstanceID = 0x00700226;

    /** (0070,0227) Font Name: LO, VM 1. */
    public static final int FontName = 0x00700227;

    /** (0070,0228) Font Name Type: CS, VM 1. */
    public static final int FontNameType = 0x00700228;

    /** (0070,0229) CSS Font Name: LO, VM 1. */
    public static final int CSSFontName = 0x00700229;

    /** (0070,0230) Rotation Angle: FD, VM 1. */
    public static final int RotationAngle = 0x00700230;

    /** (0070,0231) Text Style Sequence: SQ, VM 1. */
    public static final int TextStyleSequence = 0x00700231;

    /** (0070,0232) Line Style Sequence: SQ, VM 1. */
    public static final int LineStyleSequence = 0x00700232;

    /** (0070,0233) Fill Style Sequence: SQ, VM 1. */
    public static final int FillStyleSequence = 0x00700233;

    /** (0070,0234) Graphic Group Sequence: SQ, VM 1. */
    public static final int GraphicGroupSequence = 0x00700234;

    /** (0070,0241) Text Color CIELab Value: US, VM 3. */
    public static final int TextColorCIELabValue = 0x00700241;

    /** (0070,0242) Horizontal Alignment: CS, VM 1. */
    public static final int HorizontalAlignment = 0x00700242;

    /** (0070,0243) Vertical Alignment: CS, VM 1. */
    public static final int VerticalAlignment = 0x00700243;

    /** (0070,0244) Shadow Style: CS, VM 1. */
    public static final int ShadowStyle = 0x00700244;

    /** (0070,0245) Shadow Offset X: FL, VM 1. */
    public static final int ShadowOffsetX = 0x00700245;

    /** (0070,0246) Shadow Offset Y: FL, VM 1. */
    public static final int ShadowOffsetY = 0x00700246;

    /** (0070,0247) Shadow Color CIELab Value: US, VM 3. */
    public static final int ShadowColorCIELabValue = 0x00700247;

    /** (0070,0248) Underlined: CS, VM 1. */
    public static final int Underlined = 0x00700248;

    /** (0070,0249) Bold: CS, VM 1. */
    public static final int Bold = 0x00700249;

    /** (0070,0250) Italic: CS, VM 1. */
    public static final int Italic = 0x00700250;

    /** (0070,0251) Pattern On Color CIELab Value: US, VM 3. */
    public static final int PatternOnColorCIELabValue = 0x00700251;

    /** (0070,0252) Pattern Off Color CIELab Value: US, VM 3. */
    public static final int PatternOffColorCIELabValue = 0x00700252;

    /** (0070,0253) Line Thickness: FL, VM 1. */
    public static final int LineThickness = 0x00700253;

    /** (0070,0254) Line Dashing Style: CS, VM 1. */
    public static final int LineDashingStyle = 0x00700254;

    /** (0070,0255) Line Pattern: UL, VM 1. */
    public static final int LinePattern = 0x00700255;

    /** (0070,0256) Fill Pattern: OB, VM 1. */
    public static final int FillPattern = 0x00700256;

    /** (0070,0257) Fill Mode: CS, VM 1. */
    public static final int FillMode = 0x00700257;

    /** (0070,0258) Shadow Opacity: FL, VM 1. */
    public static final int ShadowOpacity = 0x00700258;

    /** (0070,0261) Gap Length: FL, VM 1. */
    public static final int GapLength = 0x00700261;

    /** (0070,0262) Diameter of Visibility: FL, VM 1. */
    public static final int DiameterOfVisibility = 0x00700262;

    /** (0070,0273) Rotation Point: FL, VM 2. */
    public static final int RotationPoint = 0x00700273;

    /** (0070,0274) Tick Alignment: CS, VM 1. */
    public static final int TickAlignment = 0x00700274;

    /** (0070,0278) Show Tick Label: CS, VM 1. */
    public static final int ShowTickLabel = 0x00700278;

    /** (0070,0279) Tick Label Alignment: CS, VM 1. */
    public static final int TickLabelAlignment = 0x00700279;

    /** (0070,0282) Compound Graphic Units: CS, VM 1. */
    public static final int CompoundGraphicUnits = 0x00700282;

    /** (0070,0284) Pattern On Opacity: FL, VM 1. */
    public static final int PatternOnOpacity = 0x00700284;

    /** (0070,0285) Pattern Off Opacity: FL, VM 1. */
    public static final int PatternOffOpacity = 0x00700285;

    /** (0070,0287) Major Ticks Sequence: SQ, VM 1. */
    public static final int MajorTicksSequence = 0x00700287;

    /** (0070,0288) Tick Position: FL, VM 1. */
    public static final int TickPosition = 0x00700288;

    /** (0070,0289) Tick Label: SH, VM 1. */
    public static final int TickLabel = 0x00700289;

    /** (0070,0294) Compound Graphic Type: CS, VM 1. */
    public static final int CompoundGraphicType = 0x00700294;

    /** (0070,0295) Graphic Group ID: UL, VM 1. */
    public static final int GraphicGroupID = 0x00700295;

    /** (0070,0306) Shape Type: CS, VM 1. */
    public static final int ShapeType = 0x00700306;

    /** (0070,0308) Registration Sequence: SQ, VM 1. */
    public static final int RegistrationSequence = 0x00700308;

    /** (0070,0309) Matrix Registration Sequence: SQ, VM 1. */
    public static final int MatrixRegistrationSequence = 0x00700309;

    /** (0070,030A) Matrix Sequence: SQ, VM 1. */
    public static final int MatrixSequence = 0x0070030A;

    /** (0070,030B) Frame of Reference to Displayed Coordinate System Transformation Matrix: FD, VM 16. */
    public static final int FrameOfReferenceToDisplayedCoordinateSystemTransformationMatrix = 0x0070030B;

    /** (0070,030C) Frame of Reference Transformation Matrix Type: CS, VM 1. */
    public static final int FrameOfReferenceTransformationMatrixType = 0x0070030C;

    /** (0070,030D) Registration Type Code Sequence: SQ, VM 1. */
    public static final int RegistrationTypeCodeSequence = 0x0070030D;

    /** (0070,030F) Fiducial Description: ST, VM 1. */
    public static final int FiducialDescription = 0x0070030F;

    /** (0070,0310) Fiducial Identifier: SH, VM 1. */
    public static final int FiducialIdentifier = 0x00700310;

    /** (0070,0311) Fiducial Identifier Code Sequence: SQ, VM 1. */
    public static final int FiducialIdentifierCodeSequence = 0x00700311;

    /** (0070,0312) Contour Uncertainty Radius: FD, VM 1. */
    public static final int ContourUncertaintyRadius = 0x00700312;

    /** (0070,0314) Used Fiducials Sequence: SQ, VM 1. */
    public static final int UsedFiducialsSequence = 0x00700314;

    /** (0070,0315) Used RT Structure Set ROI Sequence: SQ, VM 1. */
    public static final int UsedRTStructureSetROISequence = 0x00700315;

    /** (0070,0318) Graphic Coordinates Data Sequence: SQ, VM 1. */
    public static final int GraphicCoordinatesDataSequence = 0x00700318;

    /** (0070,031A) Fiducial UID: UI, VM 1. */
    public static final int FiducialUID = 0x0070031A;

    /** (0070,031B) Referenced Fiducial UID: UI, VM 1. */
    public static final int ReferencedFiducialUID = 0x0070031B;

    /** (0070,031C) Fiducial Set Sequence: SQ, VM 1. */
    public static final int FiducialSetSequence = 0x0070031C;

    /** (0070,031E) Fiducial Sequence: SQ, VM 1. */
    public static final int FiducialSequence = 0x0070031E;

    /** (0070,031F) Fiducials Property Category Code Sequence: SQ, VM 1. */
    public static final int FiducialsPropertyCategoryCodeSequence = 0x0070031F;

    /** (0070,0401) Graphic Layer Recommended Display CIELab Value: US, VM 3. */
    public static final int GraphicLayerRecommendedDisplayCIELabValue = 0x00700401;

    /** (0070,0402) Blending Sequence: SQ, VM 1. */
    public static final int BlendingSequence = 0x00700402;

    /** (0070,0403) Relative Opacity: FL, VM 1. */
    public static final int RelativeOpacity = 0x00700403;

    /** (0070,0404) Referenced Spatial Registration Sequence: SQ, VM 1. */
    public static final int ReferencedSpatialRegistrationSequence = 0x00700404;

    /** (0070,0405) Blending Position: CS, VM 1. */
    public static final int BlendingPosition = 0x00700405;

    /** (0070,1101) Presentation Display Collection UID: UI, VM 1. */
    public static final int PresentationDisplayCollectionUID = 0x00701101;

    /** (0070,1102) Presentation Sequence Collection UID: UI, VM 1. */
    public static final int PresentationSequenceCollectionUID = 0x00701102;

    /** (0070,1103) Presentation Sequence Position Index: US, VM 1. */
    public static final int PresentationSequencePositionIndex = 0x00701103;

    /** (0070,1104) Rendered Image Reference Sequence: SQ, VM 1. */
    public static final int RenderedImageReferenceSequence = 0x00701104;

    /** (0070,1201) Volumetric Presentation State Input Sequence: SQ, VM 1. */
    public static final int VolumetricPresentationStateInputSequence = 0x00701201;

    /** (0070,1202) Presentation Input Type: CS, VM 1. */
    public static final int PresentationInputType = 0x00701202;

    /** (0070,1203) Input Sequence Position Index: US, VM 1. */
    public static final int InputSequencePositionIndex = 0x00701203;

    /** (0070,1204) Crop: CS, VM 1. */
    public static final int Crop = 0x00701204;

    /** (0070,1205) Cropping Specification Index: US, VM 1-n. */
    public static final int CroppingSpecificationIndex = 0x00701205;

    /** (0070,1206) Compositing Method: CS, VM 1. Retired. */
    public static final int CompositingMethod = 0x00701206;

    /** (0070,1207) Volumetric Presentation Input Number: US, VM 1. */
    public static final int VolumetricPresentationInputNumber = 0x00701207;

    /** (0070,1208) Image Volume Geometry: CS, VM 1. */
    public static final int ImageVolumeGeometry = 0x00701208;

    /** (0070,1209) Volumetric Presentation Input Set UID: UI, VM 1. */
    public static final int VolumetricPresentationInputSetUID = 0x00701209;

    /** (0070,120A) Volumetric Presentation Input Set Sequence: SQ, VM 1. */
    public static final int VolumetricPresentationInputSetSequence = 0x0070120A;

    /** (0070,120B) Global Crop: CS, VM 1. */
    public static final int GlobalCrop = 0x0070120B;

    /** (0070,120C) Global Cropping Specification Index: US, VM 1-n. */
    public static final int GlobalCroppingSpecificationIndex = 0x0070120C;

    /** (0070,120D) Rendering Method: CS, VM 1. */
    public static final int RenderingMethod = 0x0070120D;

    /** (0070,1301) Volume Cropping Sequence: SQ, VM 1. */
    public static final int VolumeCroppingSequence = 0x00701301;

    /** (0070,1302) Volume Cropping Method: CS, VM 1. */
    public static final int VolumeCroppingMethod = 0x00701302;

    /** (0070,1303) Bounding Box Crop: FD, VM 6. */
    public static final int BoundingBoxCrop = 0x00701303;

    /** (0070,1304) Oblique Cropping Plane Sequence: SQ, VM 1. */
    public static final int ObliqueCroppingPlaneSequence = 0x00701304;

    /** (0070,1305) Plane: FD, VM 4. */
    public static final int Plane = 0x00701305;

    /** (0070,1306) Plane Normal: FD, VM 3. */
    public static final int PlaneNormal = 0x00701306;

    /** (0070,1309) Cropping Specification Number: US, VM 1. */
    public static final int CroppingSpecificationNumber = 0x00701309;

    /** (0070,1501) Multi-Planar Reconstruction Style: CS, VM 1. */
    public static final int MultiPlanarReconstructionStyle = 0x00701501;

    /** (0070,1502) MPR Thickness Type: CS, VM 1. */
    public static final int MPRThicknessType = 0x00701502;

    /** (0070,1503) MPR Slab Thickness: FD, VM 1. */
    public static final int MPRSlabThickness = 0x00701503;

    /** (0070,1505) MPR Top Left Hand Corner: FD, VM 3. */
    public static final int MPRTopLeftHandCorner = 0x00701505;

    /** (0070,1507) MPR View Width Direction: FD, VM 3. */
    public static final int MPRViewWidthDirection = 0x00701507;

    /** (0070,1508) MPR View Width: FD, VM 1. */
    public static final int MPRViewWidth = 0x00701508;

    /** (0070,150C) Number of Volumetric Curve Points: UL, VM 1. */
    public static final int NumberOfVolumetricCurvePoints = 0x0070150C;

    /** (0070,150D) Volumetric Curve Points: OD, VM 1. */
    public static final int VolumetricCurvePoints = 0x0070150D;

    /** (0070,1511) MPR View Height Direction: FD, VM 3. */
    public static final int MPRViewHeightDirection = 0x00701511;

    /** (0070,1512) MPR View Height: FD, VM 1. */
    public static final int MPRViewHeight = 0x00701512;

    /** (0070,1602) Render Projection: CS, VM 1. */
    public static final int RenderProjection = 0x00701602;

    /** (0070,1603) Viewpoint Position: FD, VM 3. */
    public static final int ViewpointPosition = 0x00701603;

    /** (0070,1604) Viewpoint LookAt Point: FD, VM 3. */
    public static final int ViewpointLookAtPoint = 0x00701604;

    /** (0070,1605) Viewpoint Up Direction: FD, VM 3. */
    public static final int ViewpointUpDirection = 0x00701605;

    /** (0070,1606) Render Field of View: FD, VM 6. */
    public static final int RenderFieldOfView = 0x00701606;

    /** (0070,1607) Sampling Step Size: FD, VM 1. */
    public static final int SamplingStepSize = 0x00701607;

    /** (0070,1701) Shading Style: CS, VM 1. */
    public static final int ShadingStyle = 0x00701701;

    /** (0070,1702) Ambient Reflection Intensity: FD, VM 1. */
    public static final int AmbientReflectionIntensity = 0x00701702;

    /** (0070,1703) Light Direction: FD, VM 3. */
    public static final int LightDirection = 0x00701703;

    /** (0070,1704) Diffuse Reflection Intensity: FD, VM 1. */
    public static final int DiffuseReflectionIntensity = 0x00701704;

    /** (0070,1705) Specular Reflection Intensity: FD, VM 1. */
    public static final int SpecularReflectionIntensity = 0x00701705;

    /** (0070,1706) Shininess: FD, VM 1. */
    public static final int Shininess = 0x00701706;

    /** (0070,1801) Presentation State Classification Component Sequence: SQ, VM 1. */
    public static final int PresentationStateClassificationComponentSequence = 0x00701801;

    /** (0070,1802) Component Type: CS, VM 1. */
    public static final int ComponentType = 0x00701802;

    /** (0070,1803) Component Input Sequence: SQ, VM 1. */
    public static final int ComponentInputSequence = 0x00701803;

    /** (0070,1804) Volumetric Presentation Input Index: US, VM 1. */
    public static final int VolumetricPresentationInputIndex = 0x00701804;

    /** (0070,1805) Presentation State Compositor Component Sequence: SQ, VM 1. */
    public static final int PresentationStateCompositorComponentSequence = 0x00701805;

    /** (0070,1806) Weighting Transfer Function Sequence: SQ, VM 1. */
    public static final int WeightingTransferFunctionSequence = 0x00701806;

    /** (0070,1807) Weighting Lookup Table Descriptor: US, VM 3. Retired. */
    public static final int WeightingLookupTableDescriptor = 0x00701807;

    /** (0070,1808) Weighting Lookup Table Data: OB, VM 1. Retired. */
    public static final int WeightingLookupTableData = 0x00701808;

    /** (0070,1901) Volumetric Annotation Sequence: SQ, VM 1. */
    public static final int VolumetricAnnotationSequence = 0x00701901;

    /** (0070,1903) Referenced Structured Context Sequence: SQ, VM 1. */
    public static final int ReferencedStructuredContextSequence = 0x00701903;

    /** (0070,1904) Referenced Content Item: UI, VM 1. */
    public static final int ReferencedContentItem = 0x00701904;

    /** (0070,1905) Volumetric Presentation Input Annotation Sequence: SQ, VM 1. */
    public static final int VolumetricPresentationInputAnnotationSequence = 0x00701905;

    /** (0070,1907) Annotation Clipping: CS, VM 1. */
    public static final int AnnotationClipping = 0x00701907;

    /** (0070,1A01) Presentation Animation Style: CS, VM 1. */
    public static final int PresentationAnimationStyle = 0x00701A01;

    /** (0070,1A03) Recommended Animation Rate: FD, VM 1. */
    public static final int RecommendedAnimationRate = 0x00701A03;

    /** (0070,1A04) Animation Curve Sequence: SQ, VM 1. */
    public static final int AnimationCurveSequence = 0x00701A04;

    /** (0070,1A05) Animation Step Size: FD, VM 1. */
    public static final int AnimationStepSize = 0x00701A05;

    /** (0070,1A06) Swivel Range: FD, VM 1. */
    public static final int SwivelRange = 0x00701A06;

    /** (0070,1A07) Volumetric Curve Up Directions: OD, VM 1. */
    public static final int VolumetricCurveUpDirections = 0x00701A07;

    /** (0070,1A08) Volume Stream Sequence: SQ, VM 1. */
    public static final int VolumeStreamSequence = 0x00701A08;

    /** (0070,1A09) RGBA Transfer Function Description: LO, VM 1. */
    public static final int RGBATransferFunctionDescription = 0x00701A09;

    /** (0070,1B01) Advanced Blending Sequence: SQ, VM 1. */
    public static final int AdvancedBlendingSequence = 0x00701B01;

    /** (0070,1B02) Blending Input Number: US, VM 1. */
    public static final int BlendingInputNumber = 0x00701B02;

    /** (0070,1B03) Blending Display Input Sequence: SQ, VM 1. */
    public static final int BlendingDisplayInputSequence = 0x00701B03;

    /** (0070,1B04) Blending Display Sequence: SQ, VM 1. */
    public static final int BlendingDisplaySequence = 0x00701B04;

    /** (0070,1B06) Blending Mode: CS, VM 1. */
    public static final int BlendingMode = 0x00701B06;

    /** (0070,1B07) Time Series Blending: CS, VM 1. */
    public static final int TimeSeriesBlending = 0x00701B07;

    /** (0070,1B08) Geometry for Display: CS, VM 1. */
    public static final int GeometryForDisplay = 0x00701B08;

    /** (0070,1B11) Threshold Sequence: SQ, VM 1. */
    public static final int ThresholdSequence = 0x00701B11;

    /** (0070,1B12) Threshold Value Sequence: SQ, VM 1. */
    public static final int ThresholdValueSequence = 0x00701B12;

    /** (0070,1B13) Threshold Type: CS, VM 1. */
    public static final int ThresholdType = 0x00701B13;

    /** (0070,1B14) Threshold Value: FD, VM 1. */
    public static final int ThresholdValue = 0x00701B14;

    /** (0072,0002) Hanging Protocol Name: SH, VM 1. */
    public static final int HangingProtocolName = 0x00720002;

    /** (0072,0004) Hanging Protocol Description: LO, VM 1. */
    public static final int HangingProtocolDescription = 0x00720004;

    /** (0072,0006) Hanging Protocol Level: CS, VM 1. */
    public static final int HangingProtocolLevel = 0x00720006;

    /** (0072,0008) Hanging Protocol Creator: LO, VM 1. */
    public static final int HangingProtocolCreator = 0x00720008;

    /** (0072,000A) Hanging Protocol Creation DateTime: DT, VM 1. */
    public static final int HangingProtocolCreationDateTime = 0x0072000A;

    /** (0072,000C) Hanging Protocol Definition Sequence: SQ, VM 1. */
    public static final int HangingProtocolDefinitionSequence = 0x0072000C;

    /** (0072,000E) Hanging Protocol User Identification Code Sequence: SQ, VM 1. */
    public static final int HangingProtocolUserIdentificationCodeSequence = 0x0072000E;

    /** (0072,0010) Hanging Protocol User Group Name: LO, VM 1. */
    public static final int HangingProtocolUserGroupName = 0x00720010;

    /** (0072,0012) Source Hanging Protocol Sequence: SQ, VM 1. */
    public static final int SourceHangingProtocolSequence = 0x00720012;

    /** (0072,0014) Number of Priors Referenced: US, VM 1. */
    public static final int NumberOfPriorsReferenced = 0x00720014;

    /** (0072,0020) Image Sets Sequence: SQ, VM 1. */
    public static final int ImageSetsSequence = 0x00720020;

    /** (0072,0022) Image Set Selector Sequence: SQ, VM 1. */
    public static final int ImageSetSelectorSequence = 0x00720022;

    /** (0072,0024) Image Set Selector Usage Flag: CS, VM 1. */
    public static final int ImageSetSelectorUsageFlag = 0x00720024;

    /** (0072,0026) Selector Attribute: AT, VM 1. */
    public static final int SelectorAttribute = 0x00720026;

    /** (0072,0028) Selector Value Number: US, VM 1. */
    public static final int SelectorValueNumber = 0x00720028;

    /** (0072,0030) Time Based Image Sets Sequence: SQ, VM 1. */
    public static final int TimeBasedImageSetsSequence = 0x00720030;

    /** (0072,0032) Image Set Number: US, VM 1. */
    public static final int ImageSetNumber = 0x00720032;

    /** (0072,0034) Image Set Selector Category: CS, VM 1. */
    public static final int ImageSetSelectorCategory = 0x00720034;

    /** (0072,0038) Relative Time: US, VM 2. */
    public static final int RelativeTime = 0x00720038;

    /** (0072,003A) Relative Time Units: CS, VM 1. */
    public static final int RelativeTimeUnits = 0x0072003A;

    /** (0072,003C) Abstract Prior Value: SS, VM 2. */
    public static final int AbstractPriorValue = 0x0072003C;

    /** (0072,003E) Abstract Prior Code Sequence: SQ, VM 1. */
    public static final int AbstractPriorCodeSequence = 0x0072003E;

    /** (0072,0040) Image Set Label: LO, VM 1. */
    public static final int ImageSetLabel = 0x00720040;

    /** (0072,0050) Selector Attribute VR: CS, VM 1. */
    public static final int SelectorAttributeVR = 0x00720050;

    /** (0072,0052) Selector Sequence Pointer: AT, VM 1-n. */
    public static final int SelectorSequencePointer = 0x00720052;

    /** (0072,0054) Selector Sequence Pointer Private Creator: LO, VM 1-n. */
    public static final int SelectorSequencePointerPrivateCreator = 0x00720054;

    /** (0072,0056) Selector Attribute Private Creator: LO, VM 1. */
    public static final int SelectorAttributePrivateCreator = 0x00720056;

    /** (0072,005E) Selector AE Value: AE, VM 1-n. */
    public static final int SelectorAEValue = 0x0072005E;

    /** (0072,005F) Selector AS Value: AS, VM 1-n. */
    public static final int SelectorASValue = 0x0072005F;

    /** (0072,0060) Selector AT Value: AT, VM 1-n. */
    public static final int SelectorATValue = 0x00720060;

    /** (0072,0061) Selector DA Value: DA, VM 1-n. */
    public static final int SelectorDAValue = 0x00720061;

    /** (0072,0062) Selector CS Value: CS, VM 1-n. */
    public static final int SelectorCSValue = 0x00720062;

    /** (0072,0063) Selector DT Value: DT, VM 1-n. */
    public static final int SelectorDTValue = 0x00720063;

    /** (0072,0064) Selector IS Value: IS, VM 1-n. */
    public static final int SelectorISValue = 0x00720064;

    /** (0072,0065) Selector OB Value: OB, VM 1. */
    public static final int SelectorOBValue = 0x00720065;

    /** (0072,0066) Selector LO Value: LO, VM 1-n. */
    public static final int SelectorLOValue = 0x00720066;

    /** (0072,0067) Selector OF Value: OF, VM 1. */
    public static final int SelectorOFValue = 0x00720067;

    /** (0072,0068) Selector LT Value: LT, VM 1. */
    public static final int SelectorLTValue = 0x00720068;

    /** (0072,0069) Selector OW Value: OW, VM 1. */
    public static final int SelectorOWValue = 0x00720069;

    /** (0072,006A) Selector PN Value: PN, VM 1-n. */
    public static final int SelectorPNValue = 0x0072006A;

    /** (0072,006B) Selector TM Value: TM, VM 1-n. */
    public static final int SelectorTMValue = 0x0072006B;

    /** (0072,006C) Selector SH Value: SH, VM 1-n. */
    public static final int SelectorSHValue = 0x0072006C;

    /** (0072,006D) Selector UN Value: UN, VM 1. */
    public static final int SelectorUNValue = 0x0072006D;

    /** (0072,006E) Selector ST Value: ST, VM 1. */
    public static final int SelectorSTValue = 0x0072006E;

    /** (0072,006F) Selector UC Value: UC, VM 1-n. */
    public static final int SelectorUCValue = 0x0072006F;

    /** (0072,0070) Selector UT Value: UT, VM 1. */
    public static final int SelectorUTValue = 0x00720070;

    /** (0072,0071) Selector UR Value: UR, VM 1. */
    public static final int SelectorURValue = 0x00720071;

    /** (0072,0072) Selector DS Value: DS, VM 1-n. */
    public static final int SelectorDSValue = 0x00720072;

    /** (0072,0073) Selector OD Value: OD, VM 1. */
    public static final int SelectorODValue = 0x00720073;

    /** (0072,0074) Selector FD Value: FD, VM 1-n. */
    public static final int SelectorFDValue = 0x00720074;

    /** (0072,0075) Selector OL Value: OL, VM 1. */
    public static final int SelectorOLValue = 0x00720075;

    /** (0072,0076) Selector FL Value: FL, VM 1-n. */
    public static final int SelectorFLValue = 0x00720076;

    /** (0072,0078) Selector UL Value: UL, VM 1-n. */
    public static final int SelectorULValue = 0x00720078;

    /** (0072,007A) Selector US Value: US, VM 1-n. */
    public static final int SelectorUSValue = 0x0072007A;

    /** (0072,007C) Selector SL Value: SL, VM 1-n. */
    public static final int SelectorSLValue = 0x0072007C;

    /** (0072,007E) Selector SS Value: SS, VM 1-n. */
    public static final int SelectorSSValue = 0x0072007E;

    /** (0072,007F) Selector UI Value: UI, VM 1-n. */
    public static final int SelectorUIValue = 0x0072007F;

    /** (0072,0080) Selector Code Sequence Value: SQ, VM 1. */
    public static final int SelectorCodeSequenceValue = 0x00720080;

    /** (0072,0081) Selector OV Value: OV, VM 1. */
    public static final int SelectorOVValue = 0x00720081;

    /** (0072,0082) Selector SV Value: SV, VM 1-n. */
    public static final int SelectorSVValue = 0x00720082;

    /** (0072,0083) Selector UV Value: UV, VM 1-n. */
    public static final int SelectorUVValue = 0x00720083;

    /** (0072,0100) Number of Screens: US, VM 1. */
    public static final int NumberOfScreens = 0x00720100;

    /** (0072,0102) Nominal Screen Definition Sequence: SQ, VM 1. */
    public static final int NominalScreenDefinitionSequence = 0x00720102;

    /** (0072,0104) Number of Vertical Pixels: US, VM 1. */
    public static final int NumberOfVerticalPixels = 0x00720104;

    /** (0072,0106) Number of Horizontal Pixels: US, VM 1. */
    public static final int NumberOfHorizontalPixels = 0x00720106;

    /** (0072,0108) Display Environment Spatial Position: FD, VM 4. */
    public static final int DisplayEnvironmentSpatialPosition = 0x00720108;

    /** (0072,010A) Screen Minimum Grayscale Bit Depth: US, VM 1. */
    public static final int ScreenMinimumGrayscaleBitDepth = 0x0072010A;

    /** (0072,010C) Screen Minimum Color Bit Depth: US, VM 1. */
    public static final int ScreenMinimumColorBitDepth = 0x0072010C;

    /** (0072,010E) Application Maximum Repaint Time: US, VM 1. */
    public static final int ApplicationMaximumRepaintTime = 0x0072010E;

    /** (0072,0200) Display Sets Sequence: SQ, VM 1. */
    public static final int DisplaySetsSequence = 0x00720200;

    /** (0072,0202) Display Set Number: US, VM 1. */
    public static final int DisplaySetNumber = 0x00720202;

    /** (0072,0203) Display Set Label: LO, VM 1. */
    public static final int DisplaySetLabel = 0x00720203;

    /** (0072,0204) Display Set Presentation Group: US, VM 1. */
    public static final int DisplaySetPresentationGroup = 0x00720204;

    /** (0072,0206) Display Set Presentation Group Description: LO, VM 1. */
    public static final int DisplaySetPresentationGroupDescription = 0x00720206;

    /** (0072,0208) Partial Data Display Handling: CS, VM 1. */
    public static final int PartialDataDisplayHandling = 0x00720208;

    /** (0072,0210) Synchronized Scrolling Sequence: SQ, VM 1. */
    public static final int SynchronizedScrollingSequence = 0x00720210;

    /** (0072,0212) Display Set Scrolling Group: US, VM 2-n. */
    public static final int DisplaySetScrollingGroup = 0x00720212;

    /** (0072,0214) Navigation Indicator Sequence: SQ, VM 1. */
    public static final int NavigationIndicatorSequence = 0x00720214;

    /** (0072,0216) Navigation Display Set: US, VM 1. */
    public static final int NavigationDisplaySet = 0x00720216;

    /** (0072,0218) Reference Display Sets: US, VM 1-n. */
    public static final int ReferenceDisplaySets = 0x00720218;

    /** (0072,0300) Image Boxes Sequence: SQ, VM 1. */
    public static final int ImageBoxesSequence = 0x00720300;

    /** (0072,0302) Image Box Number: US, VM 1. */
    public static final int ImageBoxNumber = 0x00720302;

    /** (0072,0304) Image Box Layout Type: CS, VM 1. */
    public static final int ImageBoxLayoutType = 0x00720304;

    /** (0072,0306) Image Box Tile Horizontal Dimension: US, VM 1. */
    public static final int ImageBoxTileHorizontalDimension = 0x00720306;

    /** (0072,0308) Image Box Tile Vertical Dimension: US, VM 1. */
    public static final int ImageBoxTileVerticalDimension = 0x00720308;

    /** (0072,0310) Image Box Scroll Direction: CS, VM 1. */
    public static final int ImageBoxScrollDirection = 0x00720310;

    /** (0072,0312) Image Box Small Scroll Type: CS, VM 1. */
    public static final int ImageBoxSmallScrollType = 0x00720312;

    /** (0072,0314) Image Box Small Scroll Amount: US, VM 1. */
    public static final int ImageBoxSmallScrollAmount = 0x00720314;

    /** (0072,0316) Image Box Large Scroll Type: CS, VM 1. */
    public static final int ImageBoxLargeScrollType = 0x00720316;

    /** (0072,0318) Image Box Large Scroll Amount: US, VM 1. */
    public static final int ImageBoxLargeScrollAmount = 0x00720318;

    /** (0072,0320) Image Box Overlap Priority: US, VM 1. */
    public static final int ImageBoxOverlapPriority = 0x00720320;

    /** (0072,0330) Cine Relative to Real-Time: FD, VM 1. */
    public static final int CineRelativeToRealTime = 0x00720330;

    /** (0072,0400) Filter Operations Sequence: SQ, VM 1. */
    public static final int FilterOperationsSequence = 0x00720400;

    /** (0072,0402) Filter-by Category: CS, VM 1. */
    public static final int FilterByCategory = 0x00720402;

    /** (0072,0404) Filter-by Attribute Presence: CS, VM 1. */
    public static final int FilterByAttributePresence = 0x00720404;

    /** (0072,0406) Filter-by Operator: CS, VM 1. */
    public static final int FilterByOperator = 0x00720406;

    /** (0072,0420) Structured Display Background CIELab Value: US, VM 3. */
    public static final int StructuredDisplayBackgroundCIELabValue = 0x00720420;

    /** (0072,0421) Empty Image Box CIELab Value: US, VM 3. */
    public static final int EmptyImageBoxCIELabValue = 0x00720421;

    /** (0072,0422) Structured Display Image Box Sequence: SQ, VM 1. */
    public static final int StructuredDisplayImageBoxSequence = 0x00720422;

    /** (0072,0424) Structured Display Text Box Sequence: SQ, VM 1. */
    public static final int StructuredDisplayTextBoxSequence = 0x00720424;

    /** (0072,0427) Referenced First Frame Sequence: SQ, VM 1. */
    public static final int ReferencedFirstFrameSequence = 0x00720427;

    /** (0072,0430) Image Box Synchronization Sequence: SQ, VM 1. */
    public static final int ImageBoxSynchronizationSequence = 0x00720430;

    /** (0072,0432) Synchronized Image Box List: US, VM 2-n. */
    public static final int SynchronizedImageBoxList = 0x00720432;

    /** (0072,0434) Type of Synchronization: CS, VM 1. */
    public static final int TypeOfSynchronization = 0x00720434;

    /** (0072,0500) Blending Operation Type: CS, VM 1. */
    public static final int BlendingOperationType = 0x00720500;

    /** (0072,0510) Reformatting Operation Type: CS, VM 1. */
    public static final int ReformattingOperationType = 0x00720510;

    /** (0072,0512) Reformatting Thickness: FD, VM 1. */
    public static final int ReformattingThickness = 0x00720512;

    /** (0072,0514) Reformatting Interval: FD, VM 1. */
    public static final int ReformattingInterval = 0x00720514;

    /** (0072,0516) Reformatting Operation Initial View Direction: CS, VM 1. */
    public static final int ReformattingOperationInitialViewDirection = 0x00720516;

    /** (0072,0520) 3D Rendering Type: CS, VM 1-n. */
    public static final int ThreeDRenderingType = 0x00720520;

    /** (0072,0600) Sorting Operations Sequence: SQ, VM 1. */
    public static final int SortingOperationsSequence = 0x00720600;

    /** (0072,0602) Sort-by Category: CS, VM 1. */
    public static final int SortByCategory = 0x00720602;

    /** (0072,0604) Sorting Direction: CS, VM 1. */
    public static final int SortingDirection = 0x00720604;

    /** (0072,0700) Display Set Patient Orientation: CS, VM 2. */
    public static final int DisplaySetPatientOrientation = 0x00720700;

    /** (0072,0702) VOI Type: CS, VM 1. */
    public static final int VOIType = 0x00720702;

    /** (0072,0704) Pseudo-Color Type: CS, VM 1. */
    public static final int PseudoColorType = 0x00720704;

    /** (0072,0705) Pseudo-Color Palette Instance Reference Sequence: SQ, VM 1. */
    public static final int PseudoColorPaletteInstanceReferenceSequence = 0x00720705;

    /** (0072,0706) Show Grayscale Inverted: CS, VM 1. */
    public static final int ShowGrayscaleInverted = 0x00720706;

    /** (0072,0710) Show Image True Size Flag: CS, VM 1. */
    public static final int ShowImageTrueSizeFlag = 0x00720710;

    /** (0072,0712) Show Graphic Annotation Flag: CS, VM 1. */
    public static final int ShowGraphicAnnotationFlag = 0x00720712;

    /** (0072,0714) Show Patient Demographics Flag: CS, VM 1. */
    public static final int ShowPatientDemographicsFlag = 0x00720714;

    /** (0072,0716) Show Acquisition Techniques Flag: CS, VM 1. */
    public static final int ShowAcquisitionTechniquesFlag = 0x00720716;

    /** (0072,0717) Display Set Horizontal Justification: CS, VM 1. */
    public static final int DisplaySetHorizontalJustification = 0x00720717;

    /** (0072,0718) Display Set Vertical Justification: CS, VM 1. */
    public static final int DisplaySetVerticalJustification = 0x00720718;

    /** (0074,0120) Continuation Start Meterset: FD, VM 1. */
    public static final int ContinuationStartMeterset = 0x00740120;

    /** (0074,0121) Continuation End Meterset: FD, VM 1. */
    public static final int ContinuationEndMeterset = 0x00740121;

    /** (0074,1000) Procedure Step State: CS, VM 1. */
    public static final int ProcedureStepState = 0x00741000;

    /** (0074,1002) Procedure Step Progress Information Sequence: SQ, VM 1. */
    public static final int ProcedureStepProgressInformationSequence = 0x00741002;

    /** (0074,1004) Procedure Step Progress: DS, VM 1. */
    public static final int ProcedureStepProgress = 0x00741004;

    /** (0074,1006) Procedure Step Progress Description: ST, VM 1. */
    public static final int ProcedureStepProgressDescription = 0x00741006;

    /** (0074,1007) Procedure Step Progress Parameters Sequence: SQ, VM 1. */
    public static final int ProcedureStepProgressParametersSequence = 0x00741007;

    /** (0074,1008) Procedure Step Communications URI Sequence: SQ, VM 1. */
    public static final int ProcedureStepCommunicationsURISequence = 0x00741008;

    /** (0074,100A) Contact URI: UR, VM 1. */
    public static final int ContactURI = 0x0074100A;

    /** (0074,100C) Contact Display Name: LO, VM 1. */
    public static final int ContactDisplayName = 0x0074100C;

    /** (0074,100E) Procedure Step Discontinuation Reason Code Sequence: SQ, VM 1. */
    public static final int ProcedureStepDiscontinuationReasonCodeSequence = 0x0074100E;

    /** (0074,1020) Beam Task Sequence: SQ, VM 1. */
    public static final int BeamTaskSequence = 0x00741020;

    /** (0074,1022) Beam Task Type: CS, VM 1. */
    public static final int BeamTaskType = 0x00741022;

    /** (0074,1024) Beam Order Index (Trial): IS, VM 1. Retired. */
    public static final int BeamOrderIndexTrial = 0x00741024;

    /** (0074,1025) Autosequence Flag: CS, VM 1. */
    public static final int AutosequenceFlag = 0x00741025;

    /** (0074,1026) Table Top Vertical Adjusted Position: FD, VM 1. */
    public static final int TableTopVerticalAdjustedPosition = 0x00741026;

    /** (0074,1027) Table Top Longitudinal Adjusted Position: FD, VM 1. */
    public static final int TableTopLongitudinalAdjustedPosition = 0x00741027;

    /** (0074,1028) Table Top Lateral Adjusted Position: FD, VM 1. */
    public static final int TableTopLateralAdjustedPosition = 0x00741028;

    /** (0074,102A) Patient Support Adjusted Angle: FD, VM 1. */
    public static final int PatientSupportAdjustedAngle = 0x0074102A;

    /** (0074,102B) Table Top Eccentric Adjusted Angle: FD, VM 1. */
    public static final int TableTopEccentricAdjustedAngle = 0x0074102B;

    /** (0074,102C) Table Top Pitch Adjusted Angle: FD, VM 1. */
    public static final int TableTopPitchAdjustedAngle = 0x0074102C;

    /** (0074,102D) Table Top Roll Adjusted Angle: FD, VM 1. */
    public static final int TableTopRollAdjustedAngle = 0x0074102D;

    /** (0074,1030) Delivery Verification Image Sequence: SQ, VM 1. */
    public static final int DeliveryVerificationImageSequence = 0x00741030;

    /** (0074,1032) Verification Image Timing: CS, VM 1. */
    public static final int VerificationImageTiming = 0x00741032;

    /** (0074,1034) Double Exposure Flag: CS, VM 1. */
    public static final int DoubleExposureFlag = 0x00741034;

    /** (0074,1036) Double Exposure Ordering: CS, VM 1. */
    public static final int DoubleExposureOrdering = 0x00741036;

    /** (0074,1038) Double Exposure Meterset (Trial): DS, VM 1. Retired. */
    public static final int DoubleExposureMetersetTrial = 0x00741038;

    /** (0074,103A) Double Exposure Field Delta (Trial): DS, VM 4. Retired. */
    public static final int DoubleExposureFieldDeltaTrial = 0x0074103A;

    /** (0074,1040) Related Reference RT Image Sequence: SQ, VM 1. */
    public static final int RelatedReferenceRTImageSequence = 0x00741040;

    /** (0074,1042) General Machine Verification Sequence: SQ, VM 1. */
    public static final int GeneralMachineVerificationSequence = 0x00741042;

    /** (0074,1044) Conventional Machine Verification Sequence: SQ, VM 1. */
    public static final int ConventionalMachineVerificationSequence = 0x00741044;

    /** (0074,1046) Ion Machine Verification Sequence: SQ, VM 1. */
    public static final int IonMachineVerificationSequence = 0x00741046;

    /** (0074,1048) Failed Attributes Sequence: SQ, VM 1. */
    public static final int FailedAttributesSequence = 0x00741048;

    /** (0074,104A) Overridden Attributes Sequence: SQ, VM 1. */
    public static final int OverriddenAttributesSequence = 0x0074104A;

    /** (0074,104C) Conventional Control Point Verification Sequence: SQ, VM 1. */
    public static final int ConventionalControlPointVerificationSequence = 0x0074104C;

    /** (0074,104E) Ion Control Point Verification Sequence: SQ, VM 1. */
    public static final int IonControlPointVerificationSequence = 0x0074104E;

    /** (0074,1050) Attribute Occurrence Sequence: SQ, VM 1. */
    public static final int AttributeOccurrenceSequence = 0x00741050;

    /** (0074,1052) Attribute Occurrence Pointer: AT, VM 1. */
    public static final int AttributeOccurrencePointer = 0x00741052;

    /** (0074,1054) Attribute Item Selector: UL, VM 1. */
    public static final int AttributeItemSelector = 0x00741054;

    /** (0074,1056) Attribute Occurrence Private Creator: LO, VM 1. */
    public static final int AttributeOccurrencePrivateCreator = 0x00741056;

    /** (0074,1057) Selector Sequence Pointer Items: IS, VM 1-n. */
    public static final int SelectorSequencePointerItems = 0x00741057;

    /** (0074,1200) Scheduled Procedure Step Priority: CS, VM 1. */
    public static final int ScheduledProcedureStepPriority = 0x00741200;

    /** (0074,1202) Worklist Label: LO, VM 1. */
    public static final int WorklistLabel = 0x00741202;

    /** (0074,1204) Procedure Step Label: LO, VM 1. */
    public static final int ProcedureStepLabel = 0x00741204;

    /** (0074,1210) Scheduled Processing Parameters Sequence: SQ, VM 1. */
    public static final int ScheduledProcessingParametersSequence = 0x00741210;

    /** (0074,1212) Performed Processing Parameters Sequence: SQ, VM 1. */
    public static final int PerformedProcessingParametersSequence = 0x00741212;

    /** (0074,1216) Unified Procedure Step Performed Procedure Sequence: SQ, VM 1. */
    public static final int UnifiedProcedureStepPerformedProcedureSequence = 0x00741216;

    /** (0074,1220) Related Procedure Step Sequence: SQ, VM 1. Retired. */
    public static final int RelatedProcedureStepSequence = 0x00741220;

    /** (0074,1222) Procedure Step Relationship Type: LO, VM 1. Retired. */
    public static final int ProcedureStepRelationshipType = 0x00741222;

    /** (0074,1224) Replaced Procedure Step Sequence: SQ, VM 1. */
    public static final int ReplacedProcedureStepSequence = 0x00741224;

    /** (0074,1230) Deletion Lock: LO, VM 1. */
    public static final int DeletionLock = 0x00741230;

    /** (0074,1234) Receiving AE: AE, VM 1. */
    public static final int ReceivingAE = 0x00741234;

    /** (0074,1236) Requesting AE: AE, VM 1. */
    public static final int RequestingAE = 0x00741236;

    /** (0074,1238) Reason for Cancellation: LT, VM 1. */
    public static final int ReasonForCancellation = 0x00741238;

    /** (0074,1242) SCP Status: CS, VM 1. */
    public static final int SCPStatus = 0x00741242;

    /** (0074,1244) Subscription List Status: CS, VM 1. */
    public static final int SubscriptionListStatus = 0x00741244;

    /** (0074,1246) Unified Procedure Step List Status: CS, VM 1. */
    public static final int UnifiedProcedureStepListStatus = 0x00741246;

    /** (0074,1324) Beam Order Index: UL, VM 1. */
    public static final int BeamOrderIndex = 0x00741324;

    /** (0074,1338) Double Exposure Meterset: FD, VM 1. */
    public static final int DoubleExposureMeterset = 0x00741338;

    /** (0074,133A) Double Exposure Field Delta: FD, VM 4. */
    public static final int DoubleExposureFieldDelta = 0x0074133A;

    /** (0074,1401) Brachy Task Sequence: SQ, VM 1. */
    public static final int BrachyTaskSequence = 0x00741401;

    /** (0074,1402) Continuation Start Total Reference Air Kerma: DS, VM 1. */
    public static final int ContinuationStartTotalReferenceAirKerma = 0x00741402;

    /** (0074,1403) Continuation End Total Reference Air Kerma: DS, VM 1. */
    public static final int ContinuationEndTotalReferenceAirKerma = 0x00741403;

    /** (0074,1404) Continuation Pulse Number: IS, VM 1. */
    public static final int ContinuationPulseNumber = 0x00741404;

    /** (0074,1405) Channel Delivery Order Sequence: SQ, VM 1. */
    public static final int ChannelDeliveryOrderSequence = 0x00741405;

    /** (0074,1406) Referenced Channel Number: IS, VM 1. */
    public static final int ReferencedChannelNumber = 0x00741406;

    /** (0074,1407) Start Cumulative Time Weight: DS, VM 1. */
    public static final int StartCumulativeTimeWeight = 0x00741407;

    /** (0074,1408) End Cumulative Time Weight: DS, VM 1. */
    public static final int EndCumulativeTimeWeight = 0x00741408;

    /** (0074,1409) Omitted Channel Sequence: SQ, VM 1. */
    public static final int OmittedChannelSequence = 0x00741409;

    /** (0074,140A) Reason for Channel Omission: CS, VM 1. */
    public static final int ReasonForChannelOmission = 0x0074140A;

    /** (0074,140B) Reason for Channel Omission Description: LO, VM 1. */
    public static final int ReasonForChannelOmissionDescription = 0x0074140B;

    /** (0074,140C) Channel Delivery Order Index: IS, VM 1. */
    public static final int ChannelDeliveryOrderIndex = 0x0074140C;

    /** (0074,140D) Channel Delivery Continuation Sequence: SQ, VM 1. */
    public static final int ChannelDeliveryContinuationSequence = 0x0074140D;

    /** (0074,140E) Omitted Application Setup Sequence: SQ, VM 1. */
    public static final int OmittedApplicationSetupSequence = 0x0074140E;

    /** (0076,0001) Implant Assembly Template Name: LO, VM 1. */
    public static final int ImplantAssemblyTemplateName = 0x00760001;

    /** (0076,0003) Implant Assembly Template Issuer: LO, VM 1. */
    public static final int ImplantAssemblyTemplateIssuer = 0x00760003;

    /** (0076,0006) Implant Assembly Template Version: LO, VM 1. */
    public static final int ImplantAssemblyTemplateVersion = 0x00760006;

    /** (0076,0008) Replaced Implant Assembly Template Sequence: SQ, VM 1. */
    public static final int ReplacedImplantAssemblyTemplateSequence = 0x00760008;

    /** (0076,000A) Implant Assembly Template Type: CS, VM 1. */
    public static final int ImplantAssemblyTemplateType = 0x0076000A;

    /** (0076,000C) Original Implant Assembly Template Sequence: SQ, VM 1. */
    public static final int OriginalImplantAssemblyTemplateSequence = 0x0076000C;

    /** (0076,000E) Derivation Implant Assembly Template Sequence: SQ, VM 1. */
    public static final int DerivationImplantAssemblyTemplateSequence = 0x0076000E;

    /** (0076,0010) Implant Assembly Template Target Anatomy Sequence: SQ, VM 1. */
    public static final int ImplantAssemblyTemplateTargetAnatomySequence = 0x00760010;

    /** (0076,0020) Procedure Type Code Sequence: SQ, VM 1. */
    public static final int ProcedureTypeCodeSequence = 0x00760020;

    /** (0076,0030) Surgical Technique: LO, VM 1. */
    public static final int SurgicalTechnique = 0x00760030;

    /** (0076,0032) Component Types Sequence: SQ, VM 1. */
    public static final int ComponentTypesSequence = 0x00760032;

    /** (0076,0034) Component Type Code Sequence: SQ, VM 1. */
    public static final int ComponentTypeCodeSequence = 0x00760034;

    /** (0076,0036) Exclusive Component Type: CS, VM 1. */
    public static final int ExclusiveComponentType = 0x00760036;

    /** (0076,0038) Mandatory Component Type: CS, VM 1. */
    public static final int MandatoryComponentType = 0x00760038;

    /** (0076,0040) Component Sequence: SQ, VM 1. */
    public static final int ComponentSequence = 0x00760040;

    /** (0076,0055) Component ID: US, VM 1. */
    public static final int ComponentID = 0x00760055;

    /** (0076,0060) Component Assembly Sequence: SQ, VM 1. */
    public static final int ComponentAssemblySequence = 0x00760060;

    /** (0076,0070) Component 1 Referenced ID: US, VM 1. */
    public static final int Component1ReferencedID = 0x00760070;

    /** (0076,0080) Component 1 Referenced Mating Feature Set ID: US, VM 1. */
    public static final int Component1ReferencedMatingFeatureSetID = 0x00760080;

    /** (0076,0090) Component 1 Referenced Mating Feature ID: US, VM 1. */
    public static final int Component1ReferencedMatingFeatureID = 0x00760090;

    /** (0076,00A0) Component 2 Referenced ID: US, VM 1. */
    public static final int Component2ReferencedID = 0x007600A0;

    /** (0076,00B0) Component 2 Referenced Mating Feature Set ID: US, VM 1. */
    public static final int Component2ReferencedMatingFeatureSetID = 0x007600B0;

    /** (0076,00C0) Component 2 Referenced Mating Feature ID: US, VM 1. */
    public static final int Component2ReferencedMatingFeatureID = 0x007600C0;

    /** (0078,0001) Implant Template Group Name: LO, VM 1. */
    public static final int ImplantTemplateGroupName = 0x00780001;

    /** (0078,0010) Implant Template Group Description: ST, VM 1. */
    public static final int ImplantTemplateGroupDescription = 0x00780010;

    /** (0078,0020) Implant Template Group Issuer: LO, VM 1. */
    public static final int ImplantTemplateGroupIssuer = 0x00780020;

    /** (0078,0024) Implant Template Group Version: LO, VM 1. */
    public static final int ImplantTemplateGroupVersion = 0x00780024;

    /** (0078,0026) Replaced Implant Template Group Sequence: SQ, VM 1. */
    public static final int ReplacedImplantTemplateGroupSequence = 0x00780026;

    /** (0078,0028) Implant Template Group Target Anatomy Sequence: SQ, VM 1. */
    public static final int ImplantTemplateGroupTargetAnatomySequence = 0x00780028;

    /** (0078,002A) Implant Template Group Members Sequence: SQ, VM 1. */
    public static final int ImplantTemplateGroupMembersSequence = 0x0078002A;

    /** (0078,002E) Implant Template Group Member ID: US, VM 1. */
    public static final int ImplantTemplateGroupMemberID = 0x0078002E;

    /** (0078,0050) 3D Implant Template Group Member Matching Point: FD, VM 3. */
    public static final int ThreeDImplantTemplateGroupMemberMatchingPoint = 0x00780050;

    /** (0078,0060) 3D Implant Template Group Member Matching Axes: FD, VM 9. */
    public static final int ThreeDImplantTemplateGroupMemberMatchingAxes = 0x00780060;

    /** (0078,0070) Implant Template Group Member Matching 2D Coordinates Sequence: SQ, VM 1. */
    public static final int ImplantTemplateGroupMemberMatching2DCoordinatesSequence = 0x00780070;

    /** (0078,0090) 2D Implant Template Group Member Matching Point: FD, VM 2. */
    public static final int TwoDImplantTemplateGroupMemberMatchingPoint = 0x00780090;

    /** (0078,00A0) 2D Implant Template Group Member Matching Axes: FD, VM 4. */
    public static final int TwoDImplantTemplateGroupMemberMatchingAxes = 0x007800A0;

    /** (0078,00B0) Implant Template Group Variation Dimension Sequence: SQ, VM 1. */
    public static final int ImplantTemplateGroupVariationDimensionSequence = 0x007800B0;

    /** (0078,00B2) Implant Template Group Variation Dimension Name: LO, VM 1. */
    public static final int ImplantTemplateGroupVariationDimensionName = 0x007800B2;

    /** (0078,00B4) Implant Template Group Variation Dimension Rank Sequence: SQ, VM 1. */
    public static final int ImplantTemplateGroupVariationDimensionRankSequence = 0x007800B4;

    /** (0078,00B6) Referenced Implant Template Group Member ID: US, VM 1. */
    public static final int ReferencedImplantTemplateGroupMemberID = 0x007800B6;

    /** (0078,00B8) Implant Template Group Variation Dimension Rank: US, VM 1. */
    public static final int ImplantTemplateGroupVariationDimensionRank = 0x007800B8;

    /** (0080,0001) Surface Scan Acquisition Type Code Sequence: SQ, VM 1. */
    public static final int SurfaceScanAcquisitionTypeCodeSequence = 0x00800001;

    /** (0080,0002) Surface Scan Mode Code Sequence: SQ, VM 1. */
    public static final int SurfaceScanModeCodeSequence = 0x00800002;

    /** (0080,0003) Registration Method Code Sequence: SQ, VM 1. */
    public static final int RegistrationMethodCodeSequence = 0x00800003;

    /** (0080,0004) Shot Duration Time: FD, VM 1. */
    public static final int ShotDurationTime = 0x00800004;

    /** (0080,0005) Shot Offset Time: FD, VM 1. */
    public static final int ShotOffsetTime = 0x00800005;

    /** (0080,0006) Surface Point Presentation Value Data: US, VM 1-n. */
    public static final int SurfacePointPresentationValueData = 0x00800006;

    /** (0080,0007) Surface Point Color CIELab Value Data: US, VM 3-3n. */
    public static final int SurfacePointColorCIELabValueData = 0x00800007;

    /** (0080,0008) UV Mapping Sequence: SQ, VM 1. */
    public static final int UVMappingSequence = 0x00800008;

    /** (0080,0009) Texture Label: SH, VM 1. */
    public static final int TextureLabel = 0x00800009;

    /** (0080,0010) U Value Data: OF, VM 1. */
    public static final int UValueData = 0x00800010;

    /** (0080,0011) V Value Data: OF, VM 1. */
    public static final int VValueData = 0x00800011;

    /** (0080,0012) Referenced Texture Sequence: SQ, VM 1. */
    public static final int ReferencedTextureSequence = 0x00800012;

    /** (0080,0013) Referenced Surface Data Sequence: SQ, VM 1. */
    public static final int ReferencedSurfaceDataSequence = 0x00800013;

    /** (0082,0001) Assessment Summary: CS, VM 1. */
    public static final int AssessmentSummary = 0x00820001;

    /** (0082,0003) Assessment Summary Description: UT, VM 1. */
    public static final int AssessmentSummaryDescription = 0x00820003;

    /** (0082,0004) Assessed SOP Instance Sequence: SQ, VM 1. */
    public static final int AssessedSOPInstanceSequence = 0x00820004;

    /** (0082,0005) Referenced Comparison SOP Instance Sequence: SQ, VM 1. */
    public static final int ReferencedComparisonSOPInstanceSequence = 0x00820005;

    /** (0082,0006) Number of Assessment Observations: UL, VM 1. */
    public static final int NumberOfAssessmentObservations = 0x00820006;

    /** (0082,0007) Assessment Observations Sequence: SQ, VM 1. */
    public static final int AssessmentObservationsSequence = 0x00820007;

    /** (0082,0008) Observation Significance: CS, VM 1. */
    public static final int ObservationSignificance = 0x00820008;

    /** (0082,000A) Observation Description: UT, VM 1. */
    public static final int ObservationDescription = 0x0082000A;

    /** (0082,000C) Structured Constraint Observation Sequence: SQ, VM 1. */
    public static final int StructuredConstraintObservationSequence = 0x0082000C;

    /** (0082,0010) Assessed Attribute Value Sequence: SQ, VM 1. */
    public static final int AssessedAttributeValueSequence = 0x00820010;

    /** (0082,0016) Assessment Set ID: LO, VM 1. */
    public static final int AssessmentSetID = 0x00820016;

    /** (0082,0017) Assessment Requester Sequence: SQ, VM 1. */
    public static final int AssessmentRequesterSequence = 0x00820017;

    /** (0082,0018) Selector Attribute Name: LO, VM 1. */
    public static final int SelectorAttributeName = 0x00820018;

    /** (0082,0019) Selector Attribute Keyword: LO, VM 1. */
    public static final int SelectorAttributeKeyword = 0x00820019;

    /** (0082,0021) Assessment Type Code Sequence: SQ, VM 1. */
    public static final int AssessmentTypeCodeSequence = 0x00820021;

    /** (0082,0022) Observation Basis Code Sequence: SQ, VM 1. */
    public static final int ObservationBasisCodeSequence = 0x00820022;

    /** (0082,0023) Assessment Label: LO, VM 1. */
    public static final int AssessmentLabel = 0x00820023;

    /** (0082,0032) Constraint Type: CS, VM 1. */
    public static final int ConstraintType = 0x00820032;

    /** (0082,0033) Specification Selection Guidance: UT, VM 1. */
    public static final int SpecificationSelectionGuidance = 0x00820033;

    /** (0082,0034) Constraint Value Sequence: SQ, VM 1. */
    public static final int ConstraintValueSequence = 0x00820034;

    /** (0082,0035) Recommended Default Value Sequence: SQ, VM 1. */
    public static final int RecommendedDefaultValueSequence = 0x00820035;

    /** (0082,0036) Constraint Violation Significance: CS, VM 1. */
    public static final int ConstraintViolationSignificance = 0x00820036;

    /** (0082,0037) Constraint Violation Condition: UT, VM 1. */
    public static final int ConstraintViolationCondition = 0x00820037;

    /** (0082,0038) Modifiable Constraint Flag: CS, VM 1. */
    public static final int ModifiableConstraintFlag = 0x00820038;

    /** (0088,0130) Storage Media File-set ID: SH, VM 1. */
    public static final int StorageMediaFileSetID = 0x00880130;

    /** (0088,0140) Storage Media File-set UID: UI, VM 1. */
    public static final int StorageMediaFileSetUID = 0x00880140;

    /** (0088,0200) Icon Image Sequence: SQ, VM 1. */
    public static final int IconImageSequence = 0x00880200;

    /** (0088,0904) Topic Title: LO, VM 1. Retired. */
    public static final int TopicTitle = 0x00880904;

    /** (0088,0906) Topic Subject: ST, VM 1. Retired. */
    public static final int TopicSubject = 0x00880906;

    /** (0088,0910) Topic Author: LO, VM 1. Retired. */
    public static final int TopicAuthor = 0x00880910;

    /** (0088,0912) Topic Keywords: LO, VM 1-32. Retired. */
    public static final int TopicKeywords = 0x00880912;

    /** (0100,0410) SOP Instance Status: CS, VM 1. */
    public static final int SOPInstanceStatus = 0x01000410;

    /** (0100,0420) SOP Authorization DateTime: DT, VM 1. */
    public static final int SOPAuthorizationDateTime = 0x01000420;

    /** (0100,0424) SOP Authorization Comment: LT, VM 1. */
    public static final int SOPAuthorizationComment = 0x01000424;

    /** (0100,0426) Authorization Equipment Certification Number: LO, VM 1. */
    public static final int AuthorizationEquipmentCertificationNumber = 0x01000426;

    /** (0400,0005) MAC ID Number: US, VM 1. */
    public static final int MACIDNumber = 0x04000005;

    /** (0400,0010) MAC Calculation Transfer Syntax UID: UI, VM 1. */
    public static final int MACCalculationTransferSyntaxUID = 0x04000010;

    /** (0400,0015) MAC Algorithm: CS, VM 1. */
    public static final int MACAlgorithm = 0x04000015;

    /** (0400,0020) Data Elements Signed: AT, VM 1-n. */
    public static final int DataElementsSigned = 0x04000020;

    /** (0400,0100) Digital Signature UID: UI, VM 1. */
    public static final int DigitalSignatureUID = 0x04000100;

    /** (0400,0105) Digital Signature DateTime: DT, VM 1. */
    public static final int DigitalSignatureDateTime = 0x04000105;

    /** (0400,0110) Certificate Type: CS, VM 1. */
    public static final int CertificateType = 0x04000110;

    /** (0400,0115) Certificate of Signer: OB, VM 1. */
    public static final int CertificateOfSigner = 0x04000115;

    /** (0400,0120) Signature: OB, VM 1. */
    public static final int Signature = 0x04000120;

    /** (0400,0305) Certified Timestamp Type: CS, VM 1. */
    public static final int CertifiedTimestampType = 0x04000305;

    /** (0400,0310) Certified Timestamp: OB, VM 1. */
    public static final int CertifiedTimestamp = 0x04000310;

    /** (0400,0401) Digital Signature Purpose Code Sequence: SQ, VM 1. */
    public static final int DigitalSignaturePurposeCodeSequence = 0x04000401;

    /** (0400,0402) Referenced Digital Signature Sequence: SQ, VM 1. */
    public static final int ReferencedDigitalSignatureSequence = 0x04000402;

    /** (0400,0403) Referenced SOP Instance MAC Sequence: SQ, VM 1. */
    public static final int ReferencedSOPInstanceMACSequence = 0x04000403;

    /** (0400,0404) MAC: OB, VM 1. */
    public static final int MAC = 0x04000404;

    /** (0400,0500) Encrypted Attributes Sequence: SQ, VM 1. */
    public static final int EncryptedAttributesSequence = 0x04000500;

    /** (0400,0510) Encrypted Content Transfer Syntax UID: UI, VM 1. */
    public static final int EncryptedContentTransferSyntaxUID = 0x04000510;

    /** (0400,0520) Encrypted Content: OB, VM 1. */
    public static final int EncryptedContent = 0x04000520;

    /** (0400,0550) Modified Attributes Sequence: SQ, VM 1. */
    public static final int ModifiedAttributesSequence = 0x04000550;

    /** (0400,0551) Nonconforming Modified Attributes Sequence: SQ, VM 1. */
    public static final int NonconformingModifiedAttributesSequence = 0x04000551;

    /** (0400,0552) Nonconforming Data Element Value: OB, VM 1. */
    public static final int NonconformingDataElementValue = 0x04000552;

    /** (0400,0561) Original Attributes Sequence: SQ, VM 1. */
    public static final int OriginalAttributesSequence = 0x04000561;

    /** (0400,0562) Attribute Modification DateTime: DT, VM 1. */
    public static final int AttributeModificationDateTime = 0x04000562;

    /** (0400,0563) Modifying System: LO, VM 1. */
    public static final int ModifyingSystem = 0x04000563;

    /** (0400,0564) Source of Previous Values: LO, VM 1. */
    public static final int SourceOfPreviousValues = 0x04000564;

    /** (0400,0565) Reason for the Attribute Modification: CS, VM 1. */
    public static final int ReasonForTheAttributeModification = 0x04000565;

    /** (0400,0600) Instance Origin Status: CS, VM 1. */
    public static final int InstanceOriginStatus = 0x04000600;

    /** (1000,xxx0) Escape Triplet: US, VM 3. Retired. Wildcard row: lowest concrete tag. */
    public static final int EscapeTriplet = 0x10000010;

    /** (1000,xxx1) Run Length Triplet: US, VM 3. Retired. Wildcard row: lowest concrete tag. */
    public static final int RunLengthTriplet = 0x10000001;

    /** (1000,xxx2) Huffman Table Size: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int HuffmanTableSize = 0x10000002;

    /** (1000,xxx3) Huffman Table Triplet: US, VM 3. Retired. Wildcard row: lowest concrete tag. */
    public static final int HuffmanTableTriplet = 0x10000003;

    /** (1000,xxx4) Shift Table Size: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int ShiftTableSize = 0x10000004;

    /** (1000,xxx5) Shift Table Triplet: US, VM 3. Retired. Wildcard row: lowest concrete tag. */
    public static final int ShiftTableTriplet = 0x10000005;

    /** (1010,xxxx) Zonal Map: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int ZonalMap = 0x10100001;

    /** (2000,0010) Number of Copies: IS, VM 1. */
    public static final int NumberOfCopies = 0x20000010;

    /** (2000,001E) Printer Configuration Sequence: SQ, VM 1. */
    public static final int PrinterConfigurationSequence = 0x2000001E;

    /** (2000,0020) Print Priority: CS, VM 1. */
    public static final int PrintPriority = 0x20000020;

    /** (2000,0030) Medium Type: CS, VM 1. */
    public static final int MediumType = 0x20000030;

    /** (2000,0040) Film Destination: CS, VM 1. */
    public static final int FilmDestination = 0x20000040;

    /** (2000,0050) Film Session Label: LO, VM 1. */
    public static final int FilmSessionLabel = 0x20000050;

    /** (2000,0060) Memory Allocation: IS, VM 1. */
    public static final int MemoryAllocation = 0x20000060;

    /** (2000,0061) Maximum Memory Allocation: IS, VM 1. */
    public static final int MaximumMemoryAllocation = 0x20000061;

    /** (2000,0062) Color Image Printing Flag: CS, VM 1. Retired. */
    public static final int ColorImagePrintingFlag = 0x20000062;

    /** (2000,0063) Collation Flag: CS, VM 1. Retired. */
    public static final int CollationFlag = 0x20000063;

    /** (2000,0065) Annotation Flag: CS, VM 1. Retired. */
    public static final int AnnotationFlag = 0x20000065;

    /** (2000,0067) Image Overlay Flag: CS, VM 1. Retired. */
    public static final int ImageOverlayFlag = 0x20000067;

    /** (2000,0069) Presentation LUT Flag: CS, VM 1. Retired. */
    public static final int PresentationLUTFlag = 0x20000069;

    /** (2000,006A) Image Box Presentation LUT Flag: CS, VM 1. Retired. */
    public static final int ImageBoxPresentationLUTFlag = 0x2000006A;

    /** (2000,00A0) Memory Bit Depth: US, VM 1. */
    public static final int MemoryBitDepth = 0x200000A0;

    /** (2000,00A1) Printing Bit Depth: US, VM 1. */
    public static final int PrintingBitDepth = 0x200000A1;

    /** (2000,00A2) Media Installed Sequence: SQ, VM 1. */
    public static final int MediaInstalledSequence = 0x200000A2;

    /** (2000,00A4) Other Media Available Sequence: SQ, VM 1. */
    public static final int OtherMediaAvailableSequence = 0x200000A4;

    /** (2000,00A8) Supported Image Display Formats Sequence: SQ, VM 1. */
    public static final int SupportedImageDisplayFormatsSequence = 0x200000A8;

    /** (2000,0500) Referenced Film Box Sequence: SQ, VM 1. */
    public static final int ReferencedFilmBoxSequence = 0x20000500;

    /** (2000,0510) Referenced Stored Print Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedStoredPrintSequence = 0x20000510;

    /** (2010,0010) Image Display Format: ST, VM 1. */
    public static final int ImageDisplayFormat = 0x20100010;

    /** (2010,0030) Annotation Display Format ID: CS, VM 1. */
    public static final int AnnotationDisplayFormatID = 0x20100030;

    /** (2010,0040) Film Orientation: CS, VM 1. */
    public static final int FilmOrientation = 0x20100040;

    /** (2010,0050) Film Size ID: CS, VM 1. */
    public static final int FilmSizeID = 0x20100050;

    /** (2010,0052) Printer Resolution ID: CS, VM 1. */
    public static final int PrinterResolutionID = 0x20100052;

    /** (2010,0054) Default Printer Resolution ID: CS, VM 1. */
    public static final int DefaultPrinterResolutionID = 0x20100054;

    /** (2010,0060) Magnification Type: CS, VM 1. */
    public static final int MagnificationType = 0x20100060;

    /** (2010,0080) Smoothing Type: CS, VM 1. */
    public static final int SmoothingType = 0x20100080;

    /** (2010,00A6) Default Magnification Type: CS, VM 1. */
    public static final int DefaultMagnificationType = 0x201000A6;

    /** (2010,00A7) Other Magnification Types Available: CS, VM 1-n. */
    public static final int OtherMagnificationTypesAvailable = 0x201000A7;

    /** (2010,00A8) Default Smoothing Type: CS, VM 1. */
    public static final int DefaultSmoothingType = 0x201000A8;

    /** (2010,00A9) Other Smoothing Types Available: CS, VM 1-n. */
    public static final int OtherSmoothingTypesAvailable = 0x201000A9;

    /** (2010,0100) Border Density: CS, VM 1. */
    public static final int BorderDensity = 0x20100100;

    /** (2010,0110) Empty Image Density: CS, VM 1. */
    public static final int EmptyImageDensity = 0x20100110;

    /** (2010,0120) Min Density: US, VM 1. */
    public static final int MinDensity = 0x20100120;

    /** (2010,0130) Max Density: US, VM 1. */
    public static final int MaxDensity = 0x20100130;

    /** (2010,0140) Trim: CS, VM 1. */
    public static final int Trim = 0x20100140;

    /** (2010,0150) Configuration Information: ST, VM 1. */
    public static final int ConfigurationInformation = 0x20100150;

    /** (2010,0152) Configuration Information Description: LT, VM 1. */
    public static final int ConfigurationInformationDescription = 0x20100152;

    /** (2010,0154) Maximum Collated Films: IS, VM 1. */
    public static final int MaximumCollatedFilms = 0x20100154;

    /** (2010,015E) Illumination: US, VM 1. */
    public static final int Illumination = 0x2010015E;

    /** (2010,0160) Reflected Ambient Light: US, VM 1. */
    public static final int ReflectedAmbientLight = 0x20100160;

    /** (2010,0376) Printer Pixel Spacing: DS, VM 2. */
    public static final int PrinterPixelSpacing = 0x20100376;

    /** (2010,0500) Referenced Film Session Sequence: SQ, VM 1. */
    public static final int ReferencedFilmSessionSequence = 0x20100500;

    /** (2010,0510) Referenced Image Box Sequence: SQ, VM 1. */
    public static final int ReferencedImageBoxSequence = 0x20100510;

    /** (2010,0520) Referenced Basic Annotation Box Sequence: SQ, VM 1. */
    public static final int ReferencedBasicAnnotationBoxSequence = 0x20100520;

    /** (2020,0010) Image Box Position: US, VM 1. */
    public static final int ImageBoxPosition = 0x20200010;

    /** (2020,0020) Polarity: CS, VM 1. */
    public static final int Polarity = 0x20200020;

    /** (2020,0030) Requested Image Size: DS, VM 1. */
    public static final int RequestedImageSize = 0x20200030;

    /** (2020,0040) Requested Decimate/Crop Behavior: CS, VM 1. */
    public static final int RequestedDecimateCropBehavior = 0x20200040;

    /** (2020,0050) Requested Resolution ID: CS, VM 1. */
    public static final int RequestedResolutionID = 0x20200050;

    /** (2020,00A0) Requested Image Size Flag: CS, VM 1. */
    public static final int RequestedImageSizeFlag = 0x202000A0;

    /** (2020,00A2) Decimate/Crop Result: CS, VM 1. */
    public static final int DecimateCropResult = 0x202000A2;

    /** (2020,0110) Basic Grayscale Image Sequence: SQ, VM 1. */
    public static final int BasicGrayscaleImageSequence = 0x20200110;

    /** (2020,0111) Basic Color Image Sequence: SQ, VM 1. */
    public static final int BasicColorImageSequence = 0x20200111;

    /** (2020,0130) Referenced Image Overlay Box Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedImageOverlayBoxSequence = 0x20200130;

    /** (2020,0140) Referenced VOI LUT Box Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedVOILUTBoxSequence = 0x20200140;

    /** (2030,0010) Annotation Position: US, VM 1. */
    public static final int AnnotationPosition = 0x20300010;

    /** (2030,0020) Text String: LO, VM 1. */
    public static final int TextString = 0x20300020;

    /** (2040,0010) Referenced Overlay Plane Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedOverlayPlaneSequence = 0x20400010;

    /** (2040,0011) Referenced Overlay Plane Groups: US, VM 1-99. Retired. */
    public static final int ReferencedOverlayPlaneGroups = 0x20400011;

    /** (2040,0020) Overlay Pixel Data Sequence: SQ, VM 1. Retired. */
    public static final int OverlayPixelDataSequence = 0x20400020;

    /** (2040,0060) Overlay Magnification Type: CS, VM 1. Retired. */
    public static final int OverlayMagnificationType = 0x20400060;

    /** (2040,0070) Overlay Smoothing Type: CS, VM 1. Retired. */
    public static final int OverlaySmoothingType = 0x20400070;

    /** (2040,0072) Overlay or Image Magnification: CS, VM 1. Retired. */
    public static final int OverlayOrImageMagnification = 0x20400072;

    /** (2040,0074) Magnify to Number of Columns: US, VM 1. Retired. */
    public static final int MagnifyToNumberOfColumns = 0x20400074;

    /** (2040,0080) Overlay Foreground Density: CS, VM 1. Retired. */
    public static final int OverlayForegroundDensity = 0x20400080;

    /** (2040,0082) Overlay Background Density: CS, VM 1. Retired. */
    public static final int OverlayBackgroundDensity = 0x20400082;

    /** (2040,0090) Overlay Mode: CS, VM 1. Retired. */
    public static final int OverlayMode = 0x20400090;

    /** (2040,0100) Threshold Density: CS, VM 1. Retired. */
    public static final int ThresholdDensity = 0x20400100;

    /** (2040,0500) Referenced Image Box Sequence (Retired): SQ, VM 1. Retired. */
    public static final int ReferencedImageBoxSequenceRetired = 0x20400500;

    /** (2050,0010) Presentation LUT Sequence: SQ, VM 1. */
    public static final int PresentationLUTSequence = 0x20500010;

    /** (2050,0020) Presentation LUT Shape: CS, VM 1. */
    public static final int PresentationLUTShape = 0x20500020;

    /** (2050,0500) Referenced Presentation LUT Sequence: SQ, VM 1. */
    public static final int ReferencedPresentationLUTSequence = 0x20500500;

    /** (2100,0010) Print Job ID: SH, VM 1. Retired. */
    public static final int PrintJobID = 0x21000010;

    /** (2100,0020) Execution Status: CS, VM 1. */
    public static final int ExecutionStatus = 0x21000020;

    /** (2100,0030) Execution Status Info: CS, VM 1. */
    public static final int ExecutionStatusInfo = 0x21000030;

    /** (2100,0040) Creation Date: DA, VM 1. */
    public static final int CreationDate = 0x21000040;

    /** (2100,0050) Creation Time: TM, VM 1. */
    public static final int CreationTime = 0x21000050;

    /** (2100,0070) Originator: AE, VM 1. */
    public static final int Originator = 0x21000070;

    /** (2100,0140) Destination AE: AE, VM 1. */
    public static final int DestinationAE = 0x21000140;

    /** (2100,0160) Owner ID: SH, VM 1. */
    public static final int OwnerID = 0x21000160;

    /** (2100,0170) Number of Films: IS, VM 1. */
    public static final int NumberOfFilms = 0x21000170;

    /** (2100,0500) Referenced Print Job Sequence (Pull Stored Print): SQ, VM 1. Retired. */
    public static final int ReferencedPrintJobSequencePullStoredPrint = 0x21000500;

    /** (2110,0010) Printer Status: CS, VM 1. */
    public static final int PrinterStatus = 0x21100010;

    /** (2110,0020) Printer Status Info: CS, VM 1. */
    public static final int PrinterStatusInfo = 0x21100020;

    /** (2110,0030) Printer Name: LO, VM 1. */
    public static final int PrinterName = 0x21100030;

    /** (2110,0099) Print Queue ID: SH, VM 1. Retired. */
    public static final int PrintQueueID = 0x21100099;

    /** (2120,0010) Queue Status: CS, VM 1. Retired. */
    public static final int QueueStatus = 0x21200010;

    /** (2120,0050) Print Job Description Sequence: SQ, VM 1. Retired. */
    public static final int PrintJobDescriptionSequence = 0x21200050;

    /** (2120,0070) Referenced Print Job Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedPrintJobSequence = 0x21200070;

    /** (2130,0010) Print Management Capabilities Sequence: SQ, VM 1. Retired. */
    public static final int PrintManagementCapabilitiesSequence = 0x21300010;

    /** (2130,0015) Printer Characteristics Sequence: SQ, VM 1. Retired. */
    public static final int PrinterCharacteristicsSequence = 0x21300015;

    /** (2130,0030) Film Box Content Sequence: SQ, VM 1. Retired. */
    public static final int FilmBoxContentSequence = 0x21300030;

    /** (2130,0040) Image Box Content Sequence: SQ, VM 1. Retired. */
    public static final int ImageBoxContentSequence = 0x21300040;

    /** (2130,0050) Annotation Content Sequence: SQ, VM 1. Retired. */
    public static final int AnnotationContentSequence = 0x21300050;

    /** (2130,0060) Image Overlay Box Content Sequence: SQ, VM 1. Retired. */
    public static final int ImageOverlayBoxContentSequence = 0x21300060;

    /** (2130,0080) Presentation LUT Content Sequence: SQ, VM 1. Retired. */
    public static final int PresentationLUTContentSequence = 0x21300080;

    /** (2130,00A0) Proposed Study Sequence: SQ, VM 1. */
    public static final int ProposedStudySequence = 0x213000A0;

    /** (2130,00C0) Original Image Sequence: SQ, VM 1. */
    public static final int OriginalImageSequence = 0x213000C0;

    /** (2200,0001) Label Using Information Extracted From Instances: CS, VM 1. */
    public static final int LabelUsingInformationExtractedFromInstances = 0x22000001;

    /** (2200,0002) Label Text: UT, VM 1. */
    public static final int LabelText = 0x22000002;

    /** (2200,0003) Label Style Selection: CS, VM 1. */
    public static final int LabelStyleSelection = 0x22000003;

    /** (2200,0004) Media Disposition: LT, VM 1. */
    public static final int MediaDisposition = 0x22000004;

    /** (2200,0005) Barcode Value: LT, VM 1. */
    public static final int BarcodeValue = 0x22000005;

    /** (2200,0006) Barcode Symbology: CS, VM 1. */
    public static final int BarcodeSymbology = 0x22000006;

    /** (2200,0007) Allow Media Splitting: CS, VM 1. */
    public static final int AllowMediaSplitting = 0x22000007;

    /** (2200,0008) Include Non-DICOM Objects: CS, VM 1. */
    public static final int IncludeNonDICOMObjects = 0x22000008;

    /** (2200,0009) Include Display Application: CS, VM 1. */
    public static final int IncludeDisplayApplication = 0x22000009;

    /** (2200,000A) Preserve Composite Instances After Media Creation: CS, VM 1. */
    public static final int PreserveCompositeInstancesAfterMediaCreation = 0x2200000A;

    /** (2200,000B) Total Number of Pieces of Media Created: US, VM 1. */
    public static final int TotalNumberOfPiecesOfMediaCreated = 0x2200000B;

    /** (2200,000C) Requested Media Application Profile: LO, VM 1. */
    public static final int RequestedMediaApplicationProfile = 0x2200000C;

    /** (2200,000D) Referenced Storage Media Sequence: SQ, VM 1. */
    public static final int ReferencedStorageMediaSequence = 0x2200000D;

    /** (2200,000E) Failure Attributes: AT, VM 1-n. */
    public static final int FailureAttributes = 0x2200000E;

    /** (2200,000F) Allow Lossy Compression: CS, VM 1. */
    public static final int AllowLossyCompression = 0x2200000F;

    /** (2200,0020) Request Priority: CS, VM 1. */
    public static final int RequestPriority = 0x22000020;

    /** (3002,0002) RT Image Label: SH, VM 1. */
    public static final int RTImageLabel = 0x30020002;

    /** (3002,0003) RT Image Name: LO, VM 1. */
    public static final int RTImageName = 0x30020003;

    /** (3002,0004) RT Image Description: ST, VM 1. */
    public static final int RTImageDescription = 0x30020004;

    /** (3002,000A) Reported Values Origin: CS, VM 1. */
    public static final int ReportedValuesOrigin = 0x3002000A;

    /** (3002,000C) RT Image Plane: CS, VM 1. */
    public static final int RTImagePlane = 0x3002000C;

    /** (3002,000D) X-Ray Image Receptor Translation: DS, VM 3. */
    public static final int XRayImageReceptorTranslation = 0x3002000D;

    /** (3002,000E) X-Ray Image Receptor Angle: DS, VM 1. */
    public static final int XRayImageReceptorAngle = 0x3002000E;

    /** (3002,0010) RT Image Orientation: DS, VM 6. */
    public static final int RTImageOrientation = 0x30020010;

    /** (3002,0011) Image Plane Pixel Spacing: DS, VM 2. */
    public static final int ImagePlanePixelSpacing = 0x30020011;

    /** (3002,0012) RT Image Position: DS, VM 2. */
    public static final int RTImagePosition = 0x30020012;

    /** (3002,0020) Radiation Machine Name: SH, VM 1. */
    public static final int RadiationMachineName = 0x30020020;

    /** (3002,0022) Radiation Machine SAD: DS, VM 1. */
    public static final int RadiationMachineSAD = 0x30020022;

    /** (3002,0024) Radiation Machine SSD: DS, VM 1. */
    public static final int RadiationMachineSSD = 0x30020024;

    /** (3002,0026) RT Image SID: DS, VM 1. */
    public static final int RTImageSID = 0x30020026;

    /** (3002,0028) Source to Reference Object Distance: DS, VM 1. */
    public static final int SourceToReferenceObjectDistance = 0x30020028;

    /** (3002,0029) Fraction Number: IS, VM 1. */
    public static final int FractionNumber = 0x30020029;

    /** (3002,0030) Exposure Sequence: SQ, VM 1. */
    public static final int ExposureSequence = 0x30020030;

    /** (3002,0032) Meterset Exposure: DS, VM 1. */
    public static final int MetersetExposure = 0x30020032;

    /** (3002,0034) Diaphragm Position: DS, VM 4. */
    public static final int DiaphragmPosition = 0x30020034;

    /** (3002,0040) Fluence Map Sequence: SQ, VM 1. */
    public static final int FluenceMapSequence = 0x30020040;

    /** (3002,0041) Fluence Data Source: CS, VM 1. */
    public static final int FluenceDataSource = 0x30020041;

    /** (3002,0042) Fluence Data Scale: DS, VM 1. */
    public static final int FluenceDataScale = 0x30020042;

    /** (3002,0050) Primary Fluence Mode Sequence: SQ, VM 1. */
    public static final int PrimaryFluenceModeSequence = 0x30020050;

    /** (3002,0051) Fluence Mode: CS, VM 1. */
    public static final int FluenceMode = 0x30020051;

    /** (3002,0052) Fluence Mode ID: SH, VM 1. */
    public static final int FluenceModeID = 0x30020052;

    /** (3002,0100) Selected Frame Number: IS, VM 1. */
    public static final int SelectedFrameNumber = 0x30020100;

    /** (3002,0101) Selected Frame Functional Groups Sequence: SQ, VM 1. */
    public static final int SelectedFrameFunctionalGroupsSequence = 0x30020101;

    /** (3002,0102) RT Image Frame General Content Sequence: SQ, VM 1. */
    public static final int RTImageFrameGeneralContentSequence = 0x30020102;

    /** (3002,0103) RT Image Frame Context Sequence: SQ, VM 1. */
    public static final int RTImageFrameContextSequence = 0x30020103;

    /** (3002,0104) RT Image Scope Sequence: SQ, VM 1. */
    public static final int RTImageScopeSequence = 0x30020104;

    /** (3002,0105) Beam Modifier Coordinates Presence Flag: CS, VM 1. */
    public static final int BeamModifierCoordinatesPresenceFlag = 0x30020105;

    /** (3002,0106) Start Cumulative Meterset: FD, VM 1. */
    public static final int StartCumulativeMeterset = 0x30020106;

    /** (3002,0107) Stop Cumulative Meterset: FD, VM 1. */
    public static final int StopCumulativeMeterset = 0x30020107;

    /** (3002,0108) RT Acquisition Patient Position Sequence: SQ, VM 1. */
    public static final int RTAcquisitionPatientPositionSequence = 0x30020108;

    /** (3002,0109) RT Image Frame Imaging Device Position Sequence: SQ, VM 1. */
    public static final int RTImageFrameImagingDevicePositionSequence = 0x30020109;

    /** (3002,010A) RT Image Frame kV Radiation Acquisition Sequence: SQ, VM 1. */
    public static final int RTImageFramekVRadiationAcquisitionSequence = 0x3002010A;

    /** (3002,010B) RT Image Frame MV Radiation Acquisition Sequence: SQ, VM 1. */
    public static final int RTImageFrameMVRadiationAcquisitionSequence = 0x3002010B;

    /** (3002,010C) RT Image Frame Radiation Acquisition Sequence: SQ, VM 1. */
    public static final int RTImageFrameRadiationAcquisitionSequence = 0x3002010C;

    /** (3002,010D) Imaging Source Position Sequence: SQ, VM 1. */
    public static final int ImagingSourcePositionSequence = 0x3002010D;

    /** (3002,010E) Image Receptor Position Sequence: SQ, VM 1. */
    public static final int ImageReceptorPositionSequence = 0x3002010E;

    /** (3002,010F) Device Position to Equipment Mapping Matrix: FD, VM 16. */
    public static final int DevicePositionToEquipmentMappingMatrix = 0x3002010F;

    /** (3002,0110) Device Position Parameter Sequence: SQ, VM 1. */
    public static final int DevicePositionParameterSequence = 0x30020110;

    /** (3002,0111) Imaging Source Location Specification Type: CS, VM 1. */
    public static final int ImagingSourceLocationSpecificationType = 0x30020111;

    /** (3002,0112) Imaging Device Location Matrix Sequence: SQ, VM 1. */
    public static final int ImagingDeviceLocationMatrixSequence = 0x30020112;

    /** (3002,0113) Imaging Device Location Parameter Sequence: SQ, VM 1. */
    public static final int ImagingDeviceLocationParameterSequence = 0x30020113;

    /** (3002,0114) Imaging Aperture Sequence: SQ, VM 1. */
    public static final int ImagingApertureSequence = 0x30020114;

    /** (3002,0115) Imaging Aperture Specification Type: CS, VM 1. */
    public static final int ImagingApertureSpecificationType = 0x30020115;

    /** (3002,0116) Number of Acquisition Devices: US, VM 1. */
    public static final int NumberOfAcquisitionDevices = 0x30020116;

    /** (3002,0117) Acquisition Device Sequence: SQ, VM 1. */
    public static final int AcquisitionDeviceSequence = 0x30020117;

    /** (3002,0118) Acquisition Task Sequence: SQ, VM 1. */
    public static final int AcquisitionTaskSequence = 0x30020118;

    /** (3002,0119) Acquisition Task Workitem Code Sequence: SQ, VM 1. */
    public static final int AcquisitionTaskWorkitemCodeSequence = 0x30020119;

    /** (3002,011A) Acquisition Subtask Sequence: SQ, VM 1. */
    public static final int AcquisitionSubtaskSequence = 0x3002011A;

    /** (3002,011B) Subtask Workitem Code Sequence: SQ, VM 1. */
    public static final int SubtaskWorkitemCodeSequence = 0x3002011B;

    /** (3002,011C) Acquisition Task Index: US, VM 1. */
    public static final int AcquisitionTaskIndex = 0x3002011C;

    /** (3002,011D) Acquisition Subtask Index: US, VM 1. */
    public static final int AcquisitionSubtaskIndex = 0x3002011D;

    /** (3002,011E) Referenced Baseline Parameters RT Radiation Instance Sequence: SQ, VM 1. */
    public static final int ReferencedBaselineParametersRTRadiationInstanceSequence = 0x3002011E;

    /** (3002,011F) Position Acquisition Template Identification Sequence: SQ, VM 1. */
    public static final int PositionAcquisitionTemplateIdentificationSequence = 0x3002011F;

    /** (3002,0120) Position Acquisition Template ID: ST, VM 1. */
    public static final int PositionAcquisitionTemplateID = 0x30020120;

    /** (3002,0121) Position Acquisition Template Name: LO, VM 1. */
    public static final int PositionAcquisitionTemplateName = 0x30020121;

    /** (3002,0122) Position Acquisition Template Code Sequence: SQ, VM 1. */
    public static final int PositionAcquisitionTemplateCodeSequence = 0x30020122;

    /** (3002,0123) Position Acquisition Template Description: LT, VM 1. */
    public static final int PositionAcquisitionTemplateDescription = 0x30020123;

    /** (3002,0124) Acquisition Task Applicability Sequence: SQ, VM 1. */
    public static final int AcquisitionTaskApplicabilitySequence = 0x30020124;

    /** (3002,0125) Projection Imaging Acquisition Parameter Sequence: SQ, VM 1. */
    public static final int ProjectionImagingAcquisitionParameterSequence = 0x30020125;

    /** (3002,0126) CT Imaging Acquisition Parameter Sequence: SQ, VM 1. */
    public static final int CTImagingAcquisitionParameterSequence = 0x30020126;

    /** (3002,0127) KV Imaging Generation Parameters Sequence: SQ, VM 1. */
    public static final int KVImagingGenerationParametersSequence = 0x30020127;

    /** (3002,0128) MV Imaging Generation Parameters Sequence: SQ, VM 1. */
    public static final int MVImagingGenerationParametersSequence = 0x30020128;

    /** (3002,0129) Acquisition Signal Type: CS, VM 1. */
    public static final int AcquisitionSignalType = 0x30020129;

    /** (3002,012A) Acquisition Method: CS, VM 1. */
    public static final int AcquisitionMethod = 0x3002012A;

    /** (3002,012B) Scan Start Position Sequence: SQ, VM 1. */
    public static final int ScanStartPositionSequence = 0x3002012B;

    /** (3002,012C) Scan Stop Position Sequence: SQ, VM 1. */
    public static final int ScanStopPositionSequence = 0x3002012C;

    /** (3002,012D) Imaging Source to Beam Modifier Definition Plane Distance: FD, VM 1. */
    public static final int ImagingSourceToBeamModifierDefinitionPlaneDistance = 0x3002012D;

    /** (3002,012E) Scan Arc Type: CS, VM 1. */
    public static final int ScanArcType = 0x3002012E;

    /** (3002,012F) Detector Positioning Type: CS, VM 1. */
    public static final int DetectorPositioningType = 0x3002012F;

    /** (3002,0130) Additional RT Accessory Device Sequence: SQ, VM 1. */
    public static final int AdditionalRTAccessoryDeviceSequence = 0x30020130;

    /** (3002,0131) Device-Specific Acquisition Parameter Sequence: SQ, VM 1. */
    public static final int DeviceSpecificAcquisitionParameterSequence = 0x30020131;

    /** (3002,0132) Referenced Position Reference Instance Sequence: SQ, VM 1. */
    public static final int ReferencedPositionReferenceInstanceSequence = 0x30020132;

    /** (3002,0133) Energy Derivation Code Sequence: SQ, VM 1. */
    public static final int EnergyDerivationCodeSequence = 0x30020133;

    /** (3002,0134) Maximum Cumulative Meterset Exposure: FD, VM 1. */
    public static final int MaximumCumulativeMetersetExposure = 0x30020134;

    /** (3002,0135) Acquisition Initiation Sequence: SQ, VM 1. */
    public static final int AcquisitionInitiationSequence = 0x30020135;

    /** (3002,0136) RT Cone-Beam Imaging Geometry Sequence: SQ, VM 1. */
    public static final int RTConeBeamImagingGeometrySequence = 0x30020136;

    /** (3004,0001) DVH Type: CS, VM 1. */
    public static final int DVHType = 0x30040001;

    /** (3004,0002) Dose Units: CS, VM 1. */
    public static final int DoseUnits = 0x30040002;

    /** (3004,0004) Dose Type: CS, VM 1. */
    public static final int DoseType = 0x30040004;

    /** (3004,0005) Spatial Transform of Dose: CS, VM 1. */
    public static final int SpatialTransformOfDose = 0x30040005;

    /** (3004,0006) Dose Comment: LO, VM 1. */
    public static final int DoseComment = 0x30040006;

    /** (3004,0008) Normalization Point: DS, VM 3. */
    public static final int NormalizationPoint = 0x30040008;

    /** (3004,000A) Dose Summation Type: CS, VM 1. */
    public static final int DoseSummationType = 0x3004000A;

    /** (3004,000C) Grid Frame Offset Vector: DS, VM 2-n. */
    public static final int GridFrameOffsetVector = 0x3004000C;

    /** (3004,000E) Dose Grid Scaling: DS, VM 1. */
    public static final int DoseGridScaling = 0x3004000E;

    /** (3004,0010) RT Dose ROI Sequence: SQ, VM 1. Retired. */
    public static final int RTDoseROISequence = 0x30040010;

    /** (3004,0012) Dose Value: DS, VM 1. */
    public static final int DoseValue = 0x30040012;

    /** (3004,0014) Tissue Heterogeneity Correction: CS, VM 1-3. */
    public static final int TissueHeterogeneityCorrection = 0x30040014;

    /** (3004,0016) Recommended Isodose Level Sequence: SQ, VM 1. */
    public static final int RecommendedIsodoseLevelSequence = 0x30040016;

    /** (3004,0020) Dose Unit Code Sequence: SQ, VM 1. */
    public static final int DoseUnitCodeSequence = 0x30040020;

    /** (3004,0021) RT Dose Interpreted Type Code Sequence: SQ, VM 1. */
    public static final int RTDoseInterpretedTypeCodeSequence = 0x30040021;

    /** (3004,0022) RT Dose Interpreted Type Code Modifier Sequence: SQ, VM 1. */
    public static final int RTDoseInterpretedTypeCodeModifierSequence = 0x30040022;

    /** (3004,0023) Dose Radiobiological Interpretation Sequence: SQ, VM 1. */
    public static final int DoseRadiobiologicalInterpretationSequence = 0x30040023;

    /** (3004,0024) RT Dose Intent Code Sequence: SQ, VM 1. */
    public static final int RTDoseIntentCodeSequence = 0x30040024;

    /** (3004,0040) DVH Normalization Point: DS, VM 3. */
    public static final int DVHNormalizationPoint = 0x30040040;

    /** (3004,0042) DVH Normalization Dose Value: DS, VM 1. */
    public static final int DVHNormalizationDoseValue = 0x30040042;

    /** (3004,0050) DVH Sequence: SQ, VM 1. */
    public static final int DVHSequence = 0x30040050;

    /** (3004,0052) DVH Dose Scaling: DS, VM 1. */
    public static final int DVHDoseScaling = 0x30040052;

    /** (3004,0054) DVH Volume Units: CS, VM 1. */
    public static final int DVHVolumeUnits = 0x30040054;

    /** (3004,0056) DVH Number of Bins: IS, VM 1. */
    public static final int DVHNumberOfBins = 0x30040056;

    /** (3004,0058) DVH Data: DS, VM 2-2n. */
    public static final int DVHData = 0x30040058;

    /** (3004,0060) DVH Referenced ROI Sequence: SQ, VM 1. */
    public static final int DVHReferencedROISequence = 0x30040060;

    /** (3004,0062) DVH ROI Contribution Type: CS, VM 1. */
    public static final int DVHROIContributionType = 0x30040062;

    /** (3004,0070) DVH Minimum Dose: DS, VM 1. */
    public static final int DVHMinimumDose = 0x30040070;

    /** (3004,0072) DVH Maximum Dose: DS, VM 1. */
    public static final int DVHMaximumDose = 0x30040072;

    /** (3004,0074) DVH Mean Dose: DS, VM 1. */
    public static final int DVHMeanDose = 0x30040074;

    /** (3004,0080) Dose Calculation Model Sequence: SQ, VM 1. */
    public static final int DoseCalculationModelSequence = 0x30040080;

    /** (3004,0081) Dose Calculation Algorithm Sequence: SQ, VM 1. */
    public static final int DoseCalculationAlgorithmSequence = 0x30040081;

    /** (3004,0082) Commissioning Status: CS, VM 1. */
    public static final int CommissioningStatus = 0x30040082;

    /** (3004,0083) Dose Calculation Model Parameter Sequence: SQ, VM 1. */
    public static final int DoseCalculationModelParameterSequence = 0x30040083;

    /** (3004,0084) Dose Deposition Calculation Medium: CS, VM 1. */
    public static final int DoseDepositionCalculationMedium = 0x30040084;

    /** (3006,0002) Structure Set Label: SH, VM 1. */
    public static final int StructureSetLabel = 0x30060002;

    /** (3006,0004) Structure Set Name: LO, VM 1. */
    public static final int StructureSetName = 0x30060004;

    /** (3006,0006) Structure Set Description: ST, VM 1. */
    public static final int StructureSetDescription = 0x30060006;

    /** (3006,0008) Structure Set Date: DA, VM 1. */
    public static final int StructureSetDate = 0x30060008;

    /** (3006,0009) Structure Set Time: TM, VM 1. */
    public static final int StructureSetTime = 0x30060009;

    /** (3006,0010) Referenced Frame of Reference Sequence: SQ, VM 1. */
    public static final int ReferencedFrameOfReferenceSequence = 0x30060010;

    /** (3006,0012) RT Referenced Study Sequence: SQ, VM 1. */
    public static final int RTReferencedStudySequence = 0x30060012;

    /** (3006,0014) RT Referenced Series Sequence: SQ, VM 1. */
    public static final int RTReferencedSeriesSequence = 0x30060014;

    /** (3006,0016) Contour Image Sequence: SQ, VM 1. */
    public static final int ContourImageSequence = 0x30060016;

    /** (3006,0018) Predecessor Structure Set Sequence: SQ, VM 1. */
    public static final int PredecessorStructureSetSequence = 0x30060018;

    /** (3006,0020) Structure Set ROI Sequence: SQ, VM 1. */
    public static final int StructureSetROISequence = 0x30060020;

    /** (3006,0022) ROI Number: IS, VM 1. */
    public static final int ROINumber = 0x30060022;

    /** (3006,0024) Referenced Frame of Reference UID: UI, VM 1. */
    public static final int ReferencedFrameOfReferenceUID = 0x30060024;

    /** (3006,0026) ROI Name: LO, VM 1. */
    public static final int ROIName = 0x30060026;

    /** (3006,0028) ROI Description: ST, VM 1. */
    public static final int ROIDescription = 0x30060028;

    /** (3006,002A) ROI Display Color: IS, VM 3. */
    public static final int ROIDisplayColor = 0x3006002A;

    /** (3006,002C) ROI Volume: DS, VM 1. */
    public static final int ROIVolume = 0x3006002C;

    /** (3006,002D) ROI DateTime: DT, VM 1. */
    public static final int ROIDateTime = 0x3006002D;

    /** (3006,002E) ROI Observation DateTime: DT, VM 1. */
    public static final int ROIObservationDateTime = 0x3006002E;

    /** (3006,0030) RT Related ROI Sequence: SQ, VM 1. */
    public static final int RTRelatedROISequence = 0x30060030;

    /** (3006,0033) RT ROI Relationship: CS, VM 1. */
    public static final int RTROIRelationship = 0x30060033;

    /** (3006,0036) ROI Generation Algorithm: CS, VM 1. */
    public static final int ROIGenerationAlgorithm = 0x30060036;

    /** (3006,0037) ROI Derivation Algorithm Identification Sequence: SQ, VM 1. */
    public static final int ROIDerivationAlgorithmIdentificationSequence = 0x30060037;

    /** (3006,0038) ROI Generation Description: LO, VM 1. */
    public static final int ROIGenerationDescription = 0x30060038;

    /** (3006,0039) ROI Contour Sequence: SQ, VM 1. */
    public static final int ROIContourSequence = 0x30060039;

    /** (3006,0040) Contour Sequence: SQ, VM 1. */
    public static final int ContourSequence = 0x30060040;

    /** (3006,0042) Contour Geometric Type: CS, VM 1. */
    public static final int ContourGeometricType = 0x30060042;

    /** (3006,0044) Contour Slab Thickness: DS, VM 1. Retired. */
    public static final int ContourSlabThickness = 0x30060044;

    /** (3006,0045) Contour Offset Vector: DS, VM 3. Retired. */
    public static final int ContourOffsetVector = 0x30060045;

    /** (3006,0046) Number of Contour Points: IS, VM 1. */
    public static final int NumberOfContourPoints = 0x30060046;

    /** (3006,0048) Contour Number: IS, VM 1. */
    public static final int ContourNumber = 0x30060048;

    /** (3006,0049) Attached Contours: IS, VM 1-n. Retired. */
    public static final int AttachedContours = 0x30060049;

    /** (3006,004A) Source Pixel Planes Characteristics Sequence: SQ, VM 1. */
    public static final int SourcePixelPlanesCharacteristicsSequence = 0x3006004A;

    /** (3006,004B) Source Series Sequence: SQ, VM 1. */
    public static final int SourceSeriesSequence = 0x3006004B;

    /** (3006,004C) Source Series Information Sequence: SQ, VM 1. */
    public static final int SourceSeriesInformationSequence = 0x3006004C;

    /** (3006,004D) ROI Creator Sequence: SQ, VM 1. */
    public static final int ROICreatorSequence = 0x3006004D;

    /** (3006,004E) ROI Interpreter Sequence: SQ, VM 1. */
    public static final int ROIInterpreterSequence = 0x3006004E;

    /** (3006,004F) ROI Observation Context Code Sequence: SQ, VM 1. */
    public static final int ROIObservationContextCodeSequence = 0x3006004F;

    /** (3006,0050) Contour Data: DS, VM 3-3n. */
    public static final int ContourData = 0x30060050;

    /** (3006,0080) RT ROI Observations Sequence: SQ, VM 1. */
    public static final int RTROIObservationsSequence = 0x30060080;

    /** (3006,0082) Observation Number: IS, VM 1. */
    public static final int ObservationNumber = 0x30060082;

    /** (3006,0084) Referenced ROI Number: IS, VM 1. */
    public static final int ReferencedROINumber = 0x30060084;

    /** (3006,0085) ROI Observation Label: SH, VM 1. Retired. */
    public static final int ROIObservationLabel = 0x30060085;

    /** (3006,0086) RT ROI Identification Code Sequence: SQ, VM 1. */
    public static final int RTROIIdentificationCodeSequence = 0x30060086;

    /** (3006,0088) ROI Observation Description: ST, VM 1. Retired. */
    public static final int ROIObservationDescription = 0x30060088;

    /** (3006,00A0) Related RT ROI Observations Sequence: SQ, VM 1. */
    public static final int RelatedRTROIObservationsSequence = 0x300600A0;

    /** (3006,00A4) RT ROI Interpreted Type: CS, VM 1. */
    public static final int RTROIInterpretedType = 0x300600A4;

    /** (3006,00A6) ROI Interpreter: PN, VM 1. */
    public static final int ROIInterpreter = 0x300600A6;

    /** (3006,00B0) ROI Physical Properties Sequence: SQ, VM 1. */
    public static final int ROIPhysicalPropertiesSequence = 0x300600B0;

    /** (3006,00B2) ROI Physical Property: CS, VM 1. */
    public static final int ROIPhysicalProperty = 0x300600B2;

    /** (3006,00B4) ROI Physical Property Value: DS, VM 1. */
    public static final int ROIPhysicalPropertyValue = 0x300600B4;

    /** (3006,00B6) ROI Elemental Composition Sequence: SQ, VM 1. */
    public static final int ROIElementalCompositionSequence = 0x300600B6;

    /** (3006,00B7) ROI Elemental Composition Atomic Number: US, VM 1. */
    public static final int ROIElementalCompositionAtomicNumber = 0x300600B7;

    /** (3006,00B8) ROI Elemental Composition Atomic Mass Fraction: FL, VM 1. */
    public static final int ROIElementalCompositionAtomicMassFraction = 0x300600B8;

    /** (3006,00B9) Additional RT ROI Identification Code Sequence: SQ, VM 1. Retired. */
    public static final int AdditionalRTROIIdentificationCodeSequence = 0x300600B9;

    /** (3006,00C0) Frame of Reference Relationship Sequence: SQ, VM 1. Retired. */
    public static final int FrameOfReferenceRelationshipSequence = 0x300600C0;

    /** (3006,00C2) Related Frame of Reference UID: UI, VM 1. Retired. */
    public static final int RelatedFrameOfReferenceUID = 0x300600C2;

    /** (3006,00C4) Frame of Reference Transformation Type: CS, VM 1. Retired. */
    public static final int FrameOfReferenceTransformationType = 0x300600C4;

    /** (3006,00C6) Frame of Reference Transformation Matrix: DS, VM 16. */
    public static final int FrameOfReferenceTransformationMatrix = 0x300600C6;

    /** (3006,00C8) Frame of Reference Transformation Comment: LO, VM 1. */
    public static final int FrameOfReferenceTransformationComment = 0x300600C8;

    /** (3006,00C9) Patient Location Coordinates Sequence: SQ, VM 1. */
    public static final int PatientLocationCoordinatesSequence = 0x300600C9;

    /** (3006,00CA) Patient Location Coordinates Code Sequence: SQ, VM 1. */
    public static final int PatientLocationCoordinatesCodeSequence = 0x300600CA;

    /** (3006,00CB) Patient Support Position Sequence: SQ, VM 1. */
    public static final int PatientSupportPositionSequence = 0x300600CB;

    /** (3008,0010) Measured Dose Reference Sequence: SQ, VM 1. */
    public static final int MeasuredDoseReferenceSequence = 0x30080010;

    /** (3008,0012) Measured Dose Description: ST, VM 1. */
    public static final int MeasuredDoseDescription = 0x30080012;

    /** (3008,0014) Measured Dose Type: CS, VM 1. */
    public static final int MeasuredDoseType = 0x30080014;

    /** (3008,0016) Measured Dose Value: DS, VM 1. */
    public static final int MeasuredDoseValue = 0x30080016;

    /** (3008,0020) Treatment Session Beam Sequence: SQ, VM 1. */
    public static final int TreatmentSessionBeamSequence = 0x30080020;

    /** (3008,0021) Treatment Session Ion Beam Sequence: SQ, VM 1. */
    public static final int TreatmentSessionIonBeamSequence = 0x30080021;

    /** (3008,0022) Current Fraction Number: IS, VM 1. */
    public static final int CurrentFractionNumber = 0x30080022;

    /** (3008,0024) Treatment Control Point Date: DA, VM 1. */
    public static final int TreatmentControlPointDate = 0x30080024;

    /** (3008,0025) Treatment Control Point Time: TM, VM 1. */
    public static final int TreatmentControlPointTime = 0x30080025;

    /** (3008,002A) Treatment Termination Status: CS, VM 1. */
    public static final int TreatmentTerminationStatus = 0x3008002A;

    /** (3008,002B) Treatment Termination Code: SH, VM 1. Retired. */
    public static final int TreatmentTerminationCode = 0x3008002B;

    /** (3008,002C) Treatment Verification Status: CS, VM 1. */
    public static final int TreatmentVerificationStatus = 0x3008002C;

    /** (3008,0030) Referenced Treatment Record Sequence: SQ, VM 1. */
    public static final int ReferencedTreatmentRecordSequence = 0x30080030;

    /** (3008,0032) Specified Primary Meterset: DS, VM 1. */
    public static final int SpecifiedPrimaryMeterset = 0x30080032;

    /** (3008,0033) Specified Secondary Meterset: DS, VM 1. */
    public static final int SpecifiedSecondaryMeterset = 0x30080033;

    /** (3008,0036) Delivered Primary Meterset: DS, VM 1. */
    public static final int DeliveredPrimaryMeterset = 0x30080036;

    /** (3008,0037) Delivered Secondary Meterset: DS, VM 1. */
    public static final int DeliveredSecondaryMeterset = 0x30080037;

    /** (3008,003A) Specified Treatment Time: DS, VM 1. */
    public static final int SpecifiedTreatmentTime = 0x3008003A;

    /** (3008,003B) Delivered Treatment Time: DS, VM 1. */
    public static final int DeliveredTreatmentTime = 0x3008003B;

    /** (3008,0040) Control Point Delivery Sequence: SQ, VM 1. */
    public static final int ControlPointDeliverySequence = 0x30080040;

    /** (3008,0041) Ion Control Point Delivery Sequence: SQ, VM 1. */
    public static final int IonControlPointDeliverySequence = 0x30080041;

    /** (3008,0042) Specified Meterset: DS, VM 1. */
    public static final int SpecifiedMeterset = 0x30080042;

    /** (3008,0044) Delivered Meterset: DS, VM 1. */
    public static final int DeliveredMeterset = 0x30080044;

    /** (3008,0045) Meterset Rate Set: FL, VM 1. */
    public static final int MetersetRateSet = 0x30080045;

    /** (3008,0046) Meterset Rate Delivered: FL, VM 1. */
    public static final int MetersetRateDelivered = 0x30080046;

    /** (3008,0047) Scan Spot Metersets Delivered: FL, VM 1-n. */
    public static final int ScanSpotMetersetsDelivered = 0x30080047;

    /** (3008,0048) Dose Rate Delivered: DS, VM 1. */
    public static final int DoseRateDelivered = 0x30080048;

    /** (3008,0050) Treatment Summary Calculated Dose Reference Sequence: SQ, VM 1. */
    public static final int TreatmentSummaryCalculatedDoseReferenceSequence = 0x30080050;

    /** (3008,0052) Cumulative Dose to Dose Reference: DS, VM 1. */
    public static final int CumulativeDoseToDoseReference = 0x30080052;

    /** (3008,0054) First Treatment Date: DA, VM 1. */
    public static final int FirstTreatmentDate = 0x30080054;

    /** (3008,0056) Most Recent Treatment Date: DA, VM 1. */
    public static final int MostRecentTreatmentDate = 0x30080056;

    /** (3008,005A) Number of Fractions Delivered: IS, VM 1. */
    public static final int NumberOfFractionsDelivered = 0x3008005A;

    /** (3008,0060) Override Sequence: SQ, VM 1. */
    public static final int OverrideSequence = 0x30080060;

    /** (3008,0061) Parameter Sequence Pointer: AT, VM 1. */
    public static final int ParameterSequencePointer = 0x30080061;

    /** (3008,0062) Override Parameter Pointer: AT, VM 1. */
    public static final int OverrideParameterPointer = 0x30080062;

    /** (3008,0063) Parameter Item Index: IS, VM 1. */
    public static final int ParameterItemIndex = 0x30080063;

    /** (3008,0064) Measured Dose Reference Number: IS, VM 1. */
    public static final int MeasuredDoseReferenceNumber = 0x30080064;

    /** (3008,0065) Parameter Pointer: AT, VM 1. */
    public static final int ParameterPointer = 0x30080065;

    /** (3008,0066) Override Reason: ST, VM 1. */
    public static final int OverrideReason = 0x30080066;

    /** (3008,0067) Parameter Value Number: US, VM 1. */
    public static final int ParameterValueNumber = 0x30080067;

    /** (3008,0068) Corrected Parameter Sequence: SQ, VM 1. */
    public static final int CorrectedParameterSequence = 0x30080068;

    /** (3008,006A) Correction Value: FL, VM 1. */
    public static final int CorrectionValue = 0x3008006A;

    /** (3008,0070) Calculated Dose Reference Sequence: SQ, VM 1. */
    public static final int CalculatedDoseReferenceSequence = 0x30080070;

    /** (3008,0072) Calculated Dose Reference Number: IS, VM 1. */
    public static final int CalculatedDoseReferenceNumber = 0x30080072;

    /** (3008,0074) Calculated Dose Reference Description: ST, VM 1. */
    public static final int CalculatedDoseReferenceDescription = 0x30080074;

    /** (3008,0076) Calculated Dose Reference Dose Value: DS, VM 1. */
    public static final int CalculatedDoseReferenceDoseValue = 0x30080076;

    /** (3008,0078) Start Meterset: DS, VM 1. */
    public static final int StartMeterset = 0x30080078;

    /** (3008,007A) End Meterset: DS, VM 1. */
    public static final int EndMeterset = 0x3008007A;

    /** (3008,0080) Referenced Measured Dose Reference Sequence: SQ, VM 1. */
    public static final int ReferencedMeasuredDoseReferenceSequence = 0x30080080;

    /** (3008,0082) Referenced Measured Dose Reference Number: IS, VM 1. */
    public static final int ReferencedMeasuredDoseReferenceNumber = 0x30080082;

    /** (3008,0090) Referenced Calculated Dose Reference Sequence: SQ, VM 1. */
    public static final int ReferencedCalculatedDoseReferenceSequence = 0x30080090;

    /** (3008,0092) Referenced Calculated Dose Reference Number: IS, VM 1. */
    public static final int ReferencedCalculatedDoseReferenceNumber = 0x30080092;

    /** (3008,00A0) Beam Limiting Device Leaf Pairs Sequence: SQ, VM 1. */
    public static final int BeamLimitingDeviceLeafPairsSequence = 0x300800A0;

    /** (3008,00A1) Enhanced RT Beam Limiting Device Sequence: SQ, VM 1. */
    public static final int EnhancedRTBeamLimitingDeviceSequence = 0x300800A1;

    /** (3008,00A2) Enhanced RT Beam Limiting Opening Sequence: SQ, VM 1. */
    public static final int EnhancedRTBeamLimitingOpeningSequence = 0x300800A2;

    /** (3008,00A3) Enhanced RT Beam Limiting Device Definition Flag: CS, VM 1. */
    public static final int EnhancedRTBeamLimitingDeviceDefinitionFlag = 0x300800A3;

    /** (3008,00A4) Parallel RT Beam Delimiter Opening Extents: FD, VM 2-2n. */
    public static final int ParallelRTBeamDelimiterOpeningExtents = 0x300800A4;

    /** (3008,00B0) Recorded Wedge Sequence: SQ, VM 1. */
    public static final int RecordedWedgeSequence = 0x300800B0;

    /** (3008,00C0) Recorded Compensator Sequence: SQ, VM 1. */
    public static final int RecordedCompensatorSequence = 0x300800C0;

    /** (3008,00D0) Recorded Block Sequence: SQ, VM 1. */
    public static final int RecordedBlockSequence = 0x300800D0;

    /** (3008,00D1) Recorded Block Slab Sequence: SQ, VM 1. */
    public static final int RecordedBlockSlabSequence = 0x300800D1;

    /** (3008,00E0) Treatment Summary Measured Dose Reference Sequence: SQ, VM 1. */
    public static final int TreatmentSummaryMeasuredDoseReferenceSequence = 0x300800E0;

    /** (3008,00F0) Recorded Snout Sequence: SQ, VM 1. */
    public static final int RecordedSnoutSequence = 0x300800F0;

    /** (3008,00F2) Recorded Range Shifter Sequence: SQ, VM 1. */
    public static final int RecordedRangeShifterSequence = 0x300800F2;

    /** (3008,00F4) Recorded Lateral Spreading Device Sequence: SQ, VM 1. */
    public static final int RecordedLateralSpreadingDeviceSequence = 0x300800F4;

    /** (3008,00F6) Recorded Range Modulator Sequence: SQ, VM 1. */
    public static final int RecordedRangeModulatorSequence = 0x300800F6;

    /** (3008,0100) Recorded Source Sequence: SQ, VM 1. */
    public static final int RecordedSourceSequence = 0x30080100;

    /** (3008,0105) Source Serial Number: LO, VM 1. */
    public static final int SourceSerialNumber = 0x30080105;

    /** (3008,0110) Treatment Session Application Setup Sequence: SQ, VM 1. */
    public static final int TreatmentSessionApplicationSetupSequence = 0x30080110;

    /** (3008,0116) Application Setup Check: CS, VM 1. */
    public static final int ApplicationSetupCheck = 0x30080116;

    /** (3008,0120) Recorded Brachy Accessory Device Sequence: SQ, VM 1. */
    public static final int RecordedBrachyAccessoryDeviceSequence = 0x30080120;

    /** (3008,0122) Referenced Brachy Accessory Device Number: IS, VM 1. */
    public static final int ReferencedBrachyAccessoryDeviceNumber = 0x30080122;

    /** (3008,0130) Recorded Channel Sequence: SQ, VM 1. */
    public static final int RecordedChannelSequence = 0x30080130;

    /** (3008,0132) Specified Channel Total Time: DS, VM 1. */
    public static final int SpecifiedChannelTotalTime = 0x30080132;

    /** (3008,0134) Delivered Channel Total Time: DS, VM 1. */
    public static final int DeliveredChannelTotalTime = 0x30080134;

    /** (3008,0136) Specified Number of Pulses: IS, VM 1. */
    public static final int SpecifiedNumberOfPulses = 0x30080136;

    /** (3008,0138) Delivered Number of Pulses: IS, VM 1. */
    public static final int DeliveredNumberOfPulses = 0x30080138;

    /** (3008,013A) Specified Pulse Repetition Interval: DS, VM 1. */
    public static final int SpecifiedPulseRepetitionInterval = 0x3008013A;

    /** (3008,013C) Delivered Pulse Repetition Interval: DS, VM 1. */
    public static final int DeliveredPulseRepetitionInterval = 0x3008013C;

    /** (3008,0140) Recorded Source Applicator Sequence: SQ, VM 1. */
    public static final int RecordedSourceApplicatorSequence = 0x30080140;

    /** (3008,0142) Referenced Source Applicator Number: IS, VM 1. */
    public static final int ReferencedSourceApplicatorNumber = 0x30080142;

    /** (3008,0150) Recorded Channel Shield Sequence: SQ, VM 1. */
    public static final int RecordedChannelShieldSequence = 0x30080150;

    /** (3008,0152) Referenced Channel Shield Number: IS, VM 1. */
    public static final int ReferencedChannelShieldNumber = 0x30080152;

    /** (3008,0160) Brachy Control Point Delivered Sequence: SQ, VM 1. */
    public static final int BrachyControlPointDeliveredSequence = 0x30080160;

    /** (3008,0162) Safe Position Exit Date: DA, VM 1. */
    public static final int SafePositionExitDate = 0x30080162;

    /** (3008,0164) Safe Position Exit Time: TM, VM 1. */
    public static final int SafePositionExitTime = 0x30080164;

    /** (3008,0166) Safe Position Return Date: DA, VM 1. */
    public static final int SafePositionReturnDate = 0x30080166;

    /** (3008,0168) Safe Position Return Time: TM, VM 1. */
    public static final int SafePositionReturnTime = 0x30080168;

    /** (3008,0171) Pulse Specific Brachy Control Point Delivered Sequence: SQ, VM 1. */
    public static final int PulseSpecificBrachyControlPointDeliveredSequence = 0x30080171;

    /** (3008,0172) Pulse Number: US, VM 1. */
    public static final int PulseNumber = 0x30080172;

    /** (3008,0173) Brachy Pulse Control Point Delivered Sequence: SQ, VM 1. */
    public static final int BrachyPulseControlPointDeliveredSequence = 0x30080173;

    /** (3008,0200) Current Treatment Status: CS, VM 1. */
    public static final int CurrentTreatmentStatus = 0x30080200;

    /** (3008,0202) Treatment Status Comment: ST, VM 1. */
    public static final int TreatmentStatusComment = 0x30080202;

    /** (3008,0220) Fraction Group Summary Sequence: SQ, VM 1. */
    public static final int FractionGroupSummarySequence = 0x30080220;

    /** (3008,0223) Referenced Fraction Number: IS, VM 1. */
    public static final int ReferencedFractionNumber = 0x30080223;

    /** (3008,0224) Fraction Group Type: CS, VM 1. */
    public static final int FractionGroupType = 0x30080224;

    /** (3008,0230) Beam Stopper Position: CS, VM 1. */
    public static final int BeamStopperPosition = 0x30080230;

    /** (3008,0240) Fraction Status Summary Sequence: SQ, VM 1. */
    public static final int FractionStatusSummarySequence = 0x30080240;

    /** (3008,0250) Treatment Date: DA, VM 1. */
    public static final int TreatmentDate = 0x30080250;

    /** (3008,0251) Treatment Time: TM, VM 1. */
    public static final int TreatmentTime = 0x30080251;

    /** (300A,0002) RT Plan Label: SH, VM 1. */
    public static final int RTPlanLabel = 0x300A0002;

    /** (300A,0003) RT Plan Name: LO, VM 1. */
    public static final int RTPlanName = 0x300A0003;

    /** (300A,0004) RT Plan Description: ST, VM 1. */
    public static final int RTPlanDescription = 0x300A0004;

    /** (300A,0006) RT Plan Date: DA, VM 1. */
    public static final int RTPlanDate = 0x300A0006;

    /** (300A,0007) RT Plan Time: TM, VM 1. */
    public static final int RTPlanTime = 0x300A0007;

    /** (300A,0009) Treatment Protocols: LO, VM 1-n. */
    public static final int TreatmentProtocols = 0x300A0009;

    /** (300A,000A) Plan Intent: CS, VM 1. */
    public static final int PlanIntent = 0x300A000A;

    /** (300A,000B) Treatment Sites: LO, VM 1-n. Retired. */
    public static final int TreatmentSites = 0x300A000B;

    /** (300A,000C) RT Plan Geometry: CS, VM 1. */
    public static final int RTPlanGeometry = 0x300A000C;

    /** (300A,000E) Prescription Description: ST, VM 1. */
    public static final int PrescriptionDescription = 0x300A000E;

    /** (300A,0010) Dose Reference Sequence: SQ, VM 1. */
    public static final int DoseReferenceSequence = 0x300A0010;

    /** (300A,0012) Dose Reference Number: IS, VM 1. */
    public static final int DoseReferenceNumber = 0x300A0012;

    /** (300A,0013) Dose Reference UID: UI, VM 1. */
    public static final int DoseReferenceUID = 0x300A0013;

    /** (300A,0014) Dose Reference Structure Type: CS, VM 1. */
    public static final int DoseReferenceStructureType = 0x300A0014;

    /** (300A,0015) Nominal Beam Energy Unit: CS, VM 1. */
    public static final int NominalBeamEnergyUnit = 0x300A0015;

    /** (300A,0016) Dose Reference Description: LO, VM 1. */
    public static final int DoseReferenceDescription = 0x300A0016;

    /** (300A,0018) Dose Reference Point Coordinates: DS, VM 3. */
    public static final int DoseReferencePointCoordinates = 0x300A0018;

    /** (300A,001A) Nominal Prior Dose: DS, VM 1. */
    public static final int NominalPriorDose = 0x300A001A;

    /** (300A,0020) Dose Reference Type: CS, VM 1. */
    public static final int DoseReferenceType = 0x300A0020;

    /** (300A,0021) Constraint Weight: DS, VM 1. */
    public static final int ConstraintWeight = 0x300A0021;

    /** (300A,0022) Delivery Warning Dose: DS, VM 1. */
    public static final int DeliveryWarningDose = 0x300A0022;

    /** (300A,0023) Delivery Maximum Dose: DS, VM 1. */
    public static final int DeliveryMaximumDose = 0x300A0023;

    /** (300A,0025) Target Minimum Dose: DS, VM 1. */
    public static final int TargetMinimumDose = 0x300A0025;

    /** (300A,0026) Target Prescription Dose: DS, VM 1. */
    public static final int TargetPrescriptionDose = 0x300A0026;

    /** (300A,0027) Target Maximum Dose: DS, VM 1. */
    public static final int TargetMaximumDose = 0x300A0027;

    /** (300A,0028) Target Underdose Volume Fraction: DS, VM 1. */
    public static final int TargetUnderdoseVolumeFraction = 0x300A0028;

    /** (300A,002A) Organ at Risk Full-volume Dose: DS, VM 1. */
    public static final int OrganAtRiskFullVolumeDose = 0x300A002A;

    /** (300A,002B) Organ at Risk Limit Dose: DS, VM 1. */
    public static final int OrganAtRiskLimitDose = 0x300A002B;

    /** (300A,002C) Organ at Risk Maximum Dose: DS, VM 1. */
    public static final int OrganAtRiskMaximumDose = 0x300A002C;

    /** (300A,002D) Organ at Risk Overdose Volume Fraction: DS, VM 1. */
    public static final int OrganAtRiskOverdoseVolumeFraction = 0x300A002D;

    /** (300A,0040) Tolerance Table Sequence: SQ, VM 1. */
    public static final int ToleranceTableSequence = 0x300A0040;

    /** (300A,0042) Tolerance Table Number: IS, VM 1. */
    public static final int ToleranceTableNumber = 0x300A0042;

    /** (300A,0043) Tolerance Table Label: SH, VM 1. */
    public static final int ToleranceTableLabel = 0x300A0043;

    /** (300A,0044) Gantry Angle Tolerance: DS, VM 1. */
    public static final int GantryAngleTolerance = 0x300A0044;

    /** (300A,0046) Beam Limiting Device Angle Tolerance: DS, VM 1. */
    public static final int BeamLimitingDeviceAngleTolerance = 0x300A0046;

    /** (300A,0048) Beam Limiting Device Tolerance Sequence: SQ, VM 1. */
    public static final int BeamLimitingDeviceToleranceSequence = 0x300A0048;

    /** (300A,004A) Beam Limiting Device Position Tolerance: DS, VM 1. */
    public static final int BeamLimitingDevicePositionTolerance = 0x300A004A;

    /** (300A,004B) Snout Position Tolerance: FL, VM 1. */
    public static final int SnoutPositionTolerance = 0x300A004B;

    /** (300A,004C) Patient Support Angle Tolerance: DS, VM 1. */
    public static final int PatientSupportAngleTolerance = 0x300A004C;

    /** (300A,004E) Table Top Eccentric Angle Tolerance: DS, VM 1. */
    public static final int TableTopEccentricAngleTolerance = 0x300A004E;

    /** (300A,004F) Table Top Pitch Angle Tolerance: FL, VM 1. */
    public static final int TableTopPitchAngleTolerance = 0x300A004F;

    /** (300A,0050) Table Top Roll Angle Tolerance: FL, VM 1. */
    public static final int TableTopRollAngleTolerance = 0x300A0050;

    /** (300A,0051) Table Top Vertical Position Tolerance: DS, VM 1. */
    public static final int TableTopVerticalPositionTolerance = 0x300A0051;

    /** (300A,0052) Table Top Longitudinal Position Tolerance: DS, VM 1. */
    public static final int TableTopLongitudinalPositionTolerance = 0x300A0052;

    /** (300A,0053) Table Top Lateral Position Tolerance: DS, VM 1. */
    public static final int TableTopLateralPositionTolerance = 0x300A0053;

    /** (300A,0054) Table Top Position Alignment UID: UI, VM 1. */
    public static final int TableTopPositionAlignmentUID = 0x300A0054;

    /** (300A,0055) RT Plan Relationship: CS, VM 1. */
    public static final int RTPlanRelationship = 0x300A0055;

    /** (300A,0070) Fraction Group Sequence: SQ, VM 1. */
    public static final int FractionGroupSequence = 0x300A0070;

    /** (300A,0071) Fraction Group Number: IS, VM 1. */
    public static final int FractionGroupNumber = 0x300A0071;

    /** (300A,0072) Fraction Group Description: LO, VM 1. */
    public static final int FractionGroupDescription = 0x300A0072;

    /** (300A,0078) Number of Fractions Planned: IS, VM 1. */
    public static final int NumberOfFractionsPlanned = 0x300A0078;

    /** (300A,0079) Number of Fraction Pattern Digits Per Day: IS, VM 1. */
    public static final int NumberOfFractionPatternDigitsPerDay = 0x300A0079;

    /** (300A,007A) Repeat Fraction Cycle Length: IS, VM 1. */
    public static final int RepeatFractionCycleLength = 0x300A007A;

    /** (300A,007B) Fraction Pattern: LT, VM 1. */
    public static final int FractionPattern = 0x300A007B;

    /** (300A,0080) Number of Beams: IS, VM 1. */
    public static final int NumberOfBeams = 0x300A0080;

    /** (300A,0082) Beam Dose Specification Point: DS, VM 3. Retired. */
    public static final int BeamDoseSpecificationPoint = 0x300A0082;

    /** (300A,0083) Referenced Dose Reference UID: UI, VM 1. */
    public static final int ReferencedDoseReferenceUID = 0x300A0083;

    /** (300A,0084) Beam Dose: DS, VM 1. */
    public static final int BeamDose = 0x300A0084;

    /** (300A,0086) Beam Meterset: DS, VM 1. */
    public static final int BeamMeterset = 0x300A0086;

    /** (300A,0088) Beam Dose Point Depth: FL, VM 1. */
    public static final int BeamDosePointDepth = 0x300A0088;

    /** (300A,0089) Beam Dose Point Equivalent Depth: FL, VM 1. */
    public static final int BeamDosePointEquivalentDepth = 0x300A0089;

    /** (300A,008A) Beam Dose Point SSD: FL, VM 1. */
    public static final int BeamDosePointSSD = 0x300A008A;

    /** (300A,008B) Beam Dose Meaning: CS, VM 1. */
    public static final int BeamDoseMeaning = 0x300A008B;

    /** (300A,008C) Beam Dose Verification Control Point Sequence: SQ, VM 1. */
    public static final int BeamDoseVerificationControlPointSequence = 0x300A008C;

    /** (300A,008D) Average Beam Dose Point Depth: FL, VM 1. Retired. */
    public static final int AverageBeamDosePointDepth = 0x300A008D;

    /** (300A,008E) Average Beam Dose Point Equivalent Depth: FL, VM 1. Retired. */
    public static final int AverageBeamDosePointEquivalentDepth = 0x300A008E;

    /** (300A,008F) Average Beam Dose Point SSD: FL, VM 1. Retired. */
    public static final int AverageBeamDosePointSSD = 0x300A008F;

    /** (300A,0090) Beam Dose Type: CS, VM 1. */
    public static final int BeamDoseType = 0x300A0090;

    /** (300A,0091) Alternate Beam Dose: DS, VM 1. */
    public static final int AlternateBeamDose = 0x300A0091;

    /** (300A,0092) Alternate Beam Dose Type: CS, VM 1. */
    public static final int AlternateBeamDoseType = 0x300A0092;

    /** (300A,0093) Depth Value Averaging Flag: CS, VM 1. */
    public static final int DepthValueAveragingFlag = 0x300A0093;

    /** (300A,0094) Beam Dose Point Source to External Contour Distance: DS, VM 1. */
    public static final int BeamDosePointSourceToExternalContourDistance = 0x300A0094;

    /** (300A,00A0) Number of Brachy Application Setups: IS, VM 1. */
    public static final int NumberOfBrachyApplicationSetups = 0x300A00A0;

    /** (300A,00A2) Brachy Application Setup Dose Specification Point: DS, VM 3. */
    public static final int BrachyApplicationSetupDoseSpecificationPoint = 0x300A00A2;

    /** (300A,00A4) Brachy Application Setup Dose: DS, VM 1. */
    public static final int BrachyApplicationSetupDose = 0x300A00A4;

    /** (300A,00B0) Beam Sequence: SQ, VM 1. */
    public static final int BeamSequence = 0x300A00B0;

    /** (300A,00B2) Treatment Machine Name: SH, VM 1. */
    public static final int TreatmentMachineName = 0x300A00B2;

    /** (300A,00B3) Primary Dosimeter Unit: CS, VM 1. */
    public static final int PrimaryDosimeterUnit = 0x300A00B3;

    /** (300A,00B4) Source-Axis Distance: DS, VM 1. */
    public static final int SourceAxisDistance = 0x300A00B4;

    /** (300A,00B6) Beam Limiting Device Sequence: SQ, VM 1. */
    public static final int BeamLimitingDeviceSequence = 0x300A00B6;

    /** (300A,00B8) RT Beam Limiting Device Type: CS, VM 1. */
    public static final int RTBeamLimitingDeviceType = 0x300A00B8;

    /** (300A,00BA) Source to Beam Limiting Device Distance: DS, VM 1. */
    public static final int SourceToBeamLimitingDeviceDistance = 0x300A00BA;

    /** (300A,00BB) Isocenter to Beam Limiting Device Distance: FL, VM 1. */
    public static final int IsocenterToBeamLimitingDeviceDistance = 0x300A00BB;

    /** (300A,00BC) Number of Leaf/Jaw Pairs: IS, VM 1. */
    public static final int NumberOfLeafJawPairs = 0x300A00BC;

    /** (300A,00BE) Leaf Position Boundaries: DS, VM 3-n. */
    public static final int LeafPositionBoundaries = 0x300A00BE;

    /** (300A,00C0) Beam Number: IS, VM 1. */
    public static final int BeamNumber = 0x300A00C0;

    /** (300A,00C2) Beam Name: LO, VM 1. */
    public static final int BeamName = 0x300A00C2;

    /** (300A,00C3) Beam Description: ST, VM 1. */
    public static final int BeamDescription = 0x300A00C3;

    /** (300A,00C4) Beam Type: CS, VM 1. */
    public static final int BeamType = 0x300A00C4;

    /** (300A,00C5) Beam Delivery Duration Limit: FD, VM 1. */
    public static final int BeamDeliveryDurationLimit = 0x300A00C5;

    /** (300A,00C6) Radiation Type: CS, VM 1. */
    public static final int RadiationType = 0x300A00C6;

    /** (300A,00C7) High-Dose Technique Type: CS, VM 1. */
    public static final int HighDoseTechniqueType = 0x300A00C7;

    /** (300A,00C8) Reference Image Number: IS, VM 1. */
    public static final int ReferenceImageNumber = 0x300A00C8;

    /** (300A,00CA) Planned Verification Image Sequence: SQ, VM 1. */
    public static final int PlannedVerificationImageSequence = 0x300A00CA;

    /** (300A,00CC) Imaging Device-Specific Acquisition Parameters: LO, VM 1-n. */
    public static final int ImagingDeviceSpecificAcquisitionParameters = 0x300A00CC;

    /** (300A,00CE) Treatment Delivery Type: CS, VM 1. */
    public static final int TreatmentDeliveryType = 0x300A00CE;

    /** (300A,00D0) Number of Wedges: IS, VM 1. */
    public static final int NumberOfWedges = 0x300A00D0;

    /** (300A,00D1) Wedge Sequence: SQ, VM 1. */
    public static final int WedgeSequence = 0x300A00D1;

    /** (300A,00D2) Wedge Number: IS, VM 1. */
    public static final int WedgeNumber = 0x300A00D2;

    /** (300A,00D3) Wedge Type: CS, VM 1. */
    public static final int WedgeType = 0x300A00D3;

    /** (300A,00D4) Wedge ID: SH, VM 1. */
    public static final int WedgeID = 0x300A00D4;

    /** (300A,00D5) Wedge Angle: IS, VM 1. */
    public static final int WedgeAngle = 0x300A00D5;

    /** (300A,00D6) Wedge Factor: DS, VM 1. */
    public static final int WedgeFactor = 0x300A00D6;

    /** (300A,00D7) Total Wedge Tray Water-Equivalent Thickness: FL, VM 1. */
    public static final int TotalWedgeTrayWaterEquivalentThickness = 0x300A00D7;

    /** (300A,00D8) Wedge Orientation: DS, VM 1. */
    public static final int WedgeOrientation = 0x300A00D8;

    /** (300A,00D9) Isocenter to Wedge Tray Distance: FL, VM 1. */
    public static final int IsocenterToWedgeTrayDistance = 0x300A00D9;

    /** (300A,00DA) Source to Wedge Tray Distance: DS, VM 1. */
    public static final int SourceToWedgeTrayDistance = 0x300A00DA;

    /** (300A,00DB) Wedge Thin Edge Position: FL, VM 1. */
    public static final int WedgeThinEdgePosition = 0x300A00DB;

    /** (300A,00DC) Bolus ID: SH, VM 1. */
    public static final int BolusID = 0x300A00DC;

    /** (300A,00DD) Bolus Description: ST, VM 1. */
    public static final int BolusDescription = 0x300A00DD;

    /** (300A,00DE) Effective Wedge Angle: DS, VM 1. */
    public static final int EffectiveWedgeAngle = 0x300A00DE;

    /** (300A,00E0) Number of Compensators: IS, VM 1. */
    public static final int NumberOfCompensators = 0x300A00E0;

    /** (300A,00E1) Material ID: SH, VM 1. */
    public static final int MaterialID = 0x300A00E1;

    /** (300A,00E2) Total Compensator Tray Factor: DS, VM 1. */
    public static final int TotalCompensatorTrayFactor = 0x300A00E2;

    /** (300A,00E3) Compensator Sequence: SQ, VM 1. */
    public static final int CompensatorSequence = 0x300A00E3;

    /** (300A,00E4) Compensator Number: IS, VM 1. */
    public static final int CompensatorNumber = 0x300A00E4;

    /** (300A,00E5) Compensator ID: SH, VM 1. */
    public static final int CompensatorID = 0x300A00E5;

    /** (300A,00E6) Source to Compensator Tray Distance: DS, VM 1. */
    public static final int SourceToCompensatorTrayDistance = 0x300A00E6;

    /** (300A,00E7) Compensator Rows: IS, VM 1. */
    public static final int CompensatorRows = 0x300A00E7;

    /** (300A,00E8) Compensator Columns: IS, VM 1. */
    public static final int CompensatorColumns = 0x300A00E8;

    /** (300A,00E9) Compensator Pixel Spacing: DS, VM 2. */
    public static final int CompensatorPixelSpacing = 0x300A00E9;

    /** (300A,00EA) Compensator Position: DS, VM 2. */
    public static final int CompensatorPosition = 0x300A00EA;

    /** (300A,00EB) Compensator Transmission Data: DS, VM 1-n. */
    public static final int CompensatorTransmissionData = 0x300A00EB;

    /** (300A,00EC) Compensator Thickness Data: DS, VM 1-n. */
    public static final int CompensatorThicknessData = 0x300A00EC;

    /** (300A,00ED) Number of Boli: IS, VM 1. */
    public static final int NumberOfBoli = 0x300A00ED;

    /** (300A,00EE) Compensator Type: CS, VM 1. */
    public static final int CompensatorType = 0x300A00EE;

    /** (300A,00EF) Compensator Tray ID: SH, VM 1. */
    public static final int CompensatorTrayID = 0x300A00EF;

    /** (300A,00F0) Number of Blocks: IS, VM 1. */
    public static final int NumberOfBlocks = 0x300A00F0;

    /** (300A,00F2) Total Block Tray Factor: DS, VM 1. */
    public static final int TotalBlockTrayFactor = 0x300A00F2;

    /** (300A,00F3) Total Block Tray Water-Equivalent Thickness: FL, VM 1. */
    public static final int TotalBlockTrayWaterEquivalentThickness = 0x300A00F3;

    /** (300A,00F4) Block Sequence: SQ, VM 1. */
    public static final int BlockSequence = 0x300A00F4;

    /** (300A,00F5) Block Tray ID: SH, VM 1. */
    public static final int BlockTrayID = 0x300A00F5;

    /** (300A,00F6) Source to Block Tray Distance: DS, VM 1. */
    public static final int SourceToBlockTrayDistance = 0x300A00F6;

    /** (300A,00F7) Isocenter to Block Tray Distance: FL, VM 1. */
    public static final int IsocenterToBlockTrayDistance = 0x300A00F7;

    /** (300A,00F8) Block Type: CS, VM 1. */
    public static final int BlockType = 0x300A00F8;

    /** (300A,00F9) Accessory Code: LO, VM 1. */
    public static final int AccessoryCode = 0x300A00F9;

    /** (300A,00FA) Block Divergence: CS, VM 1. */
    public static final int BlockDivergence = 0x300A00FA;

    /** (300A,00FB) Block Mounting Position: CS, VM 1. */
    public static final int BlockMountingPosition = 0x300A00FB;

    /** (300A,00FC) Block Number: IS, VM 1. */
    public static final int BlockNumber = 0x300A00FC;

    /** (300A,00FE) Block Name: LO, VM 1. */
    public static final int BlockName = 0x300A00FE;

    /** (300A,0100) Block Thickness: DS, VM 1. */
    public static final int BlockThickness = 0x300A0100;

    /** (300A,0102) Block Transmission: DS, VM 1. */
    public static final int BlockTransmission = 0x300A0102;

    /** (300A,0104) Block Number of Points: IS, VM 1. */
    public static final int BlockNumberOfPoints = 0x300A0104;

    /** (300A,0106) Block Data: DS, VM 2-2n. */
    public static final int BlockData = 0x300A0106;

    /** (300A,0107) Applicator Sequence: SQ, VM 1. */
    public static final int ApplicatorSequence = 0x300A0107;

    /** (300A,0108) Applicator ID: SH, VM 1. */
    public static final int ApplicatorID = 0x300A0108;

    /** (300A,0109) Applicator Type: CS, VM 1. */
    public static final int ApplicatorType = 0x300A0109;

    /** (300A,010A) Applicator Description: LO, VM 1. */
    public static final int ApplicatorDescription = 0x300A010A;

    /** (300A,010C) Cumulative Dose Reference Coefficient: DS, VM 1. */
    public static final int CumulativeDoseReferenceCoefficient = 0x300A010C;

    /** (300A,010E) Final Cumulative Meterset Weight: DS, VM 1. */
    public static final int FinalCumulativeMetersetWeight = 0x300A010E;

    /** (300A,0110) Number of Control Points: IS, VM 1. */
    public static final int NumberOfControlPoints = 0x300A0110;

    /** (300A,0111) Control Point Sequence: SQ, VM 1. */
    public static final int ControlPointSequence = 0x300A0111;

    /** (300A,0112) Control Point Index: IS, VM 1. */
    public static final int ControlPointIndex = 0x300A0112;

    /** (300A,0114) Nominal Beam Energy: DS, VM 1. */
    public static final int NominalBeamEnergy = 0x300A0114;

    /** (300A,0115) Dose Rate Set: DS, VM 1. */
    public static final int DoseRateSet = 0x300A0115;

    /** (300A,0116) Wedge Position Sequence: SQ, VM 1. */
    public static final int WedgePositionSequence = 0x300A0116;

    /** (300A,0118) Wedge Position: CS, VM 1. */
    public static final int WedgePosition = 0x300A0118;

    /** (300A,011A) Beam Limiting Device Position Sequence: SQ, VM 1. */
    public static final int BeamLimitingDevicePositionSequence = 0x300A011A;

    /** (300A,011C) Leaf/Jaw Positions: DS, VM 2-2n. */
    public static final int LeafJawPositions = 0x300A011C;

    /** (300A,011E) Gantry Angle: DS, VM 1. */
    public static final int GantryAngle = 0x300A011E;

    /** (300A,011F) Gantry Rotation Direction: CS, VM 1. */
    public static final int GantryRotationDirection = 0x300A011F;

    /** (300A,0120) Beam Limiting Device Angle: DS, VM 1. */
    public static final int BeamLimitingDeviceAngle = 0x300A0120;

    /** (300A,0121) Beam Limiting Device Rotation Direction: CS, VM 1. */
    public static final int BeamLimitingDeviceRotationDirection = 0x300A0121;

    /** (300A,0122) Patient Support Angle: DS, VM 1. */
    public static final int PatientSupportAngle = 0x300A0122;

    /** (300A,0123) Patient Support Rotation Direction: CS, VM 1. */
    public static final int PatientSupportRotationDirection = 0x300A0123;

    /** (300A,0124) Table Top Eccentric Axis Distance: DS, VM 1. */
    public static final int TableTopEccentricAxisDistance = 0x300A0124;

    /** (300A,0125) Table Top Eccentric Angle: DS, VM 1. */
    public static final int TableTopEccentricAngle = 0x300A0125;

    /** (300A,0126) Table Top Eccentric Rotation Direction: CS, VM 1. */
    public static final int TableTopEccentricRotationDirection = 0x300A0126;

    /** (300A,0128) Table Top Vertical Position: DS, VM 1. */
    public static final int TableTopVerticalPosition = 0x300A0128;

    /** (300A,0129) Table Top Longitudinal Position: DS, VM 1. */
    public static final int TableTopLongitudinalPosition = 0x300A0129;

    /** (300A,012A) Table Top Lateral Position: DS, VM 1. */
    public static final int TableTopLateralPosition = 0x300A012A;

    /** (300A,012C) Isocenter Position: DS, VM 3. */
    public static final int IsocenterPosition = 0x300A012C;

    /** (300A,012E) Surface Entry Point: DS, VM 3. */
    public static final int SurfaceEntryPoint = 0x300A012E;

    /** (300A,0130) Source to Surface Distance: DS, VM 1. */
    public static final int SourceToSurfaceDistance = 0x300A0130;

    /** (300A,0131) Average Beam Dose Point Source to External Contour Distance: FL, VM 1. */
    public static final int AverageBeamDosePointSourceToExternalContourDistance = 0x300A0131;

    /** (300A,0132) Source to External Contour Distance: FL, VM 1. */
    public static final int SourceToExternalContourDistance = 0x300A0132;

    /** (300A,0133) External Contour Entry Point: FL, VM 3. */
    public static final int ExternalContourEntryPoint = 0x300A0133;

    /** (300A,0134) Cumulative Meterset Weight: DS, VM 1. */
    public static final int CumulativeMetersetWeight = 0x300A0134;

    /** (300A,0140) Table Top Pitch Angle: FL, VM 1. */
    public static final int TableTopPitchAngle = 0x300A0140;

    /** (300A,0142) Table Top Pitch Rotation Direction: CS, VM 1. */
    public static final int TableTopPitchRotationDirection = 0x300A0142;

    /** (300A,0144) Table Top Roll Angle: FL, VM 1. */
    public static final int TableTopRollAngle = 0x300A0144;

    /** (300A,0146) Table Top Roll Rotation Direction: CS, VM 1. */
    public static final int TableTopRollRotationDirection = 0x300A0146;

    /** (300A,0148) Head Fixation Angle: FL, VM 1. */
    public static final int HeadFixationAngle = 0x300A0148;

    /** (300A,014A) Gantry Pitch Angle: FL, VM 1. */
    public static final int GantryPitchAngle = 0x300A014A;

    /** (300A,014C) Gantry Pitch Rotation Direction: CS, VM 1. */
    public static final int GantryPitchRotationDirection = 0x300A014C;

    /** (300A,014E) Gantry Pitch Angle Tolerance: FL, VM 1. */
    public static final int GantryPitchAngleTolerance = 0x300A014E;

    /** (300A,0150) Fixation Eye: CS, VM 1. */
    public static final int FixationEye = 0x300A0150;

    /** (300A,0151) Chair Head Frame Position: DS, VM 1. */
    public static final int ChairHeadFramePosition = 0x300A0151;

    /** (300A,0152) Head Fixation Angle Tolerance: DS, VM 1. */
    public static final int HeadFixationAngleTolerance = 0x300A0152;

    /** (300A,0153) Chair Head Frame Position Tolerance: DS, VM 1. */
    public static final int ChairHeadFramePositionTolerance = 0x300A0153;

    /** (300A,0154) Fixation Light Azimuthal Angle Tolerance: DS, VM 1. */
    public static final int FixationLightAzimuthalAngleTolerance = 0x300A0154;

    /** (300A,0155) Fixation Light Polar Angle Tolerance: DS, VM 1. */
    public static final int FixationLightPolarAngleTolerance = 0x300A0155;

    /** (300A,0180) Patient Setup Sequence: SQ, VM 1. */
    public static final int PatientSetupSequence = 0x300A0180;

    /** (300A,0182) Patient Setup Number: IS, VM 1. */
    public static final int PatientSetupNumber = 0x300A0182;

    /** (300A,0183) Patient Setup Label: LO, VM 1. */
    public static final int PatientSetupLabel = 0x300A0183;

    /** (300A,0184) Patient Additional Position: LO, VM 1. */
    public static final int PatientAdditionalPosition = 0x300A0184;

    /** (300A,0190) Fixation Device Sequence: SQ, VM 1. */
    public static final int FixationDeviceSequence = 0x300A0190;

    /** (300A,0192) Fixation Device Type: CS, VM 1. */
    public static final int FixationDeviceType = 0x300A0192;

    /** (300A,0194) Fixation Device Label: SH, VM 1. */
    public static final int FixationDeviceLabel = 0x300A0194;

    /** (300A,0196) Fixation Device Description: ST, VM 1. */
    public static final int FixationDeviceDescription = 0x300A0196;

    /** (300A,0198) Fixation Device Position: SH, VM 1. */
    public static final int FixationDevicePosition = 0x300A0198;

    /** (300A,0199) Fixation Device Pitch Angle: FL, VM 1. */
    public static final int FixationDevicePitchAngle = 0x300A0199;

    /** (300A,019A) Fixation Device Roll Angle: FL, VM 1. */
    public static final int FixationDeviceRollAngle = 0x300A019A;

    /** (300A,01A0) Shielding Device Sequence: SQ, VM 1. */
    public static final int ShieldingDeviceSequence = 0x300A01A0;

    /** (300A,01A2) Shielding Device Type: CS, VM 1. */
    public static final int ShieldingDeviceType = 0x300A01A2;

    /** (300A,01A4) Shielding Device Label: SH, VM 1. */
    public static final int ShieldingDeviceLabel = 0x300A01A4;

    /** (300A,01A6) Shielding Device Description: ST, VM 1. */
    public static final int ShieldingDeviceDescription = 0x300A01A6;

    /** (300A,01A8) Shielding Device Position: SH, VM 1. */
    public static final int ShieldingDevicePosition = 0x300A01A8;

    /** (300A,01B0) Setup Technique: CS, VM 1. */
    public static final int SetupTechnique = 0x300A01B0;

    /** (300A,01B2) Setup Technique Description: ST, VM 1. */
    public static final int SetupTechniqueDescription = 0x300A01B2;

    /** (300A,01B4) Setup Device Sequence: SQ, VM 1. */
    public static final int SetupDeviceSequence = 0x300A01B4;

    /** (300A,01B6) Setup Device Type: CS, VM 1. */
    public static final int SetupDeviceType = 0x300A01B6;

    /** (300A,01B8) Setup Device Label: SH, VM 1. */
    public static final int SetupDeviceLabel = 0x300A01B8;

    /** (300A,01BA) Setup Device Description: ST, VM 1. */
    public static final int SetupDeviceDescription = 0x300A01BA;

    /** (300A,01BC) Setup Device Parameter: DS, VM 1. */
    public static final int SetupDeviceParameter = 0x300A01BC;

    /** (300A,01D0) Setup Reference Description: ST, VM 1. */
    public static final int SetupReferenceDescription = 0x300A01D0;

    /** (300A,01D2) Table Top Vertical Setup Displacement: DS, VM 1. */
    public static final int TableTopVerticalSetupDisplacement = 0x300A01D2;

    /** (300A,01D4) Table Top Longitudinal Setup Displacement: DS, VM 1. */
    public static final int TableTopLongitudinalSetupDisplacement = 0x300A01D4;

    /** (300A,01D6) Table Top Lateral Setup Displacement: DS, VM 1. */
    public static final int TableTopLateralSetupDisplacement = 0x300A01D6;

    /** (300A,0200) Brachy Treatment Technique: CS, VM 1. */
    public static final int BrachyTreatmentTechnique = 0x300A0200;

    /** (300A,0202) Brachy Treatment Type: CS, VM 1. */
    public static final int BrachyTreatmentType = 0x300A0202;

    /** (300A,0206) Treatment Machine Sequence: SQ, VM 1. */
    public static final int TreatmentMachineSequence = 0x300A0206;

    /** (300A,0210) Source Sequence: SQ, VM 1. */
    public static final int SourceSequence = 0x300A0210;

    /** (300A,0212) Source Number: IS, VM 1. */
    public static final int SourceNumber = 0x300A0212;

    /** (300A,0214) Source Type: CS, VM 1. */
    public static final int SourceType = 0x300A0214;

    /** (300A,0216) Source Manufacturer: LO, VM 1. */
    public static final int SourceManufacturer = 0x300A0216;

    /** (300A,0218) Active Source Diameter: DS, VM 1. */
    public static final int ActiveSourceDiameter = 0x300A0218;

    /** (300A,021A) Active Source Length: DS, VM 1. */
    public static final int ActiveSourceLength = 0x300A021A;

    /** (300A,021B) Source Model ID: SH, VM 1. */
    public static final int SourceModelID = 0x300A021B;

    /** (300A,021C) Source Description: LO, VM 1. */
    public static final int SourceDescription = 0x300A021C;

    /** (300A,0222) Source Encapsulation Nominal Thickness: DS, VM 1. */
    public static final int SourceEncapsulationNominalThickness = 0x300A0222;

    /** (300A,0224) Source Encapsulation Nominal Transmission: DS, VM 1. */
    public static final int SourceEncapsulationNominalTransmission = 0x300A0224;

    /** (300A,0226) Source Isotope Name: LO, VM 1. */
    public static final int SourceIsotopeName = 0x300A0226;

    /** (300A,0228) Source Isotope Half Life: DS, VM 1. */
    public static final int SourceIsotopeHalfLife = 0x300A0228;

    /** (300A,0229) Source Strength Units: CS, VM 1. */
    public static final int SourceStrengthUnits = 0x300A0229;

    /** (300A,022A) Reference Air Kerma Rate: DS, VM 1. */
    public static final int ReferenceAirKermaRate = 0x300A022A;

    /** (300A,022B) Source Strength: DS, VM 1. */
    public static final int SourceStrength = 0x300A022B;

    /** (300A,022C) Source Strength Reference Date: DA, VM 1. */
    public static final int SourceStrengthReferenceDate = 0x300A022C;

    /** (300A,022E) Source Strength Reference Time: TM, VM 1. */
    public static final int SourceStrengthReferenceTime = 0x300A022E;

    /** (300A,0230) Application Setup Sequence: SQ, VM 1. */
    public static final int ApplicationSetupSequence = 0x300A0230;

    /** (300A,0232) Application Setup Type: CS, VM 1. */
    public static final int ApplicationSetupType = 0x300A0232;

    /** (300A,0234) Application Setup Number: IS, VM 1. */
    public static final int ApplicationSetupNumber = 0x300A0234;

    /** (300A,0236) Application Setup Name: LO, VM 1. */
    public static final int ApplicationSetupName = 0x300A0236;

    /** (300A,0238) Application Setup Manufacturer: LO, VM 1. */
    public static final int ApplicationSetupManufacturer = 0x300A0238;

    /** (300A,0240) Template Number: IS, VM 1. */
    public static final int TemplateNumber = 0x300A0240;

    /** (300A,0242) Template Type: SH, VM 1. */
    public static final int TemplateType = 0x300A0242;

    /** (300A,0244) Template Name: LO, VM 1. */
    public static final int TemplateName = 0x300A0244;

    /** (300A,0250) Total Reference Air Kerma: DS, VM 1. */
    public static final int TotalReferenceAirKerma = 0x300A0250;

    /** (300A,0260) Brachy Accessory Device Sequence: SQ, VM 1. */
    public static final int BrachyAccessoryDeviceSequence = 0x300A0260;

    /** (300A,0262) Brachy Accessory Device Number: IS, VM 1. */
    public static final int BrachyAccessoryDeviceNumber = 0x300A0262;

    /** (300A,0263) Brachy Accessory Device ID: SH, VM 1. */
    public static final int BrachyAccessoryDeviceID = 0x300A0263;

    /** (300A,0264) Brachy Accessory Device Type: CS, VM 1. */
    public static final int BrachyAccessoryDeviceType = 0x300A0264;

    /** (300A,0266) Brachy Accessory Device Name: LO, VM 1. */
    public static final int BrachyAccessoryDeviceName = 0x300A0266;

    /** (300A,026A) Brachy Accessory Device Nominal Thickness: DS, VM 1. */
    public static final int BrachyAccessoryDeviceNominalThickness = 0x300A026A;

    /** (300A,026C) Brachy Accessory Device Nominal Transmission: DS, VM 1. */
    public static final int BrachyAccessoryDeviceNominalTransmission = 0x300A026C;

    /** (300A,0271) Channel Effective Length: DS, VM 1. */
    public static final int ChannelEffectiveLength = 0x300A0271;

    /** (300A,0272) Channel Inner Length: DS, VM 1. */
    public static final int ChannelInnerLength = 0x300A0272;

    /** (300A,0273) Afterloader Channel ID: SH, VM 1. */
    public static final int AfterloaderChannelID = 0x300A0273;

    /** (300A,0274) Source Applicator Tip Length: DS, VM 1. */
    public static final int SourceApplicatorTipLength = 0x300A0274;

    /** (300A,0280) Channel Sequence: SQ, VM 1. */
    public static final int ChannelSequence = 0x300A0280;

    /** (300A,0282) Channel Number: IS, VM 1. */
    public static final int ChannelNumber = 0x300A0282;

    /** (300A,0284) Channel Length: DS, VM 1. */
    public static final int ChannelLength = 0x300A0284;

    /** (300A,0286) Channel Total Time: DS, VM 1. */
    public static final int ChannelTotalTime = 0x300A0286;

    /** (300A,0288) Source Movement Type: CS, VM 1. */
    public static final int SourceMovementType = 0x300A0288;

    /** (300A,028A) Number of Pulses: IS, VM 1. */
    public static final int NumberOfPulses = 0x300A028A;

    /** (300A,028C) Pulse Repetition Interval: DS, VM 1. */
    public static final int PulseRepetitionInterval = 0x300A028C;

    /** (300A,0290) Source Applicator Number: IS, VM 1. */
    public static final int SourceApplicatorNumber = 0x300A0290;

    /** (300A,0291) Source Applicator ID: SH, VM 1. */
    public static final int SourceApplicatorID = 0x300A0291;

    /** (300A,0292) Source Applicator Type: CS, VM 1. */
    public static final int SourceApplicatorType = 0x300A0292;

    /** (300A,0294) Source Applicator Name: LO, VM 1. */
    public static final int SourceApplicatorName = 0x300A0294;

    /** (300A,0296) Source Applicator Length: DS, VM 1. */
    public static final int SourceApplicatorLength = 0x300A0296;

    /** (300A,0298) Source Applicator Manufacturer: LO, VM 1. */
    public static final int SourceApplicatorManufacturer = 0x300A0298;

    /** (300A,029C) Source Applicator Wall Nominal Thickness: DS, VM 1. */
    public static final int SourceApplicatorWallNominalThickness = 0x300A029C;

    /** (300A,029E) Source Applicator Wall Nominal Transmission: DS, VM 1. */
    public static final int SourceApplicatorWallNominalTransmission = 0x300A029E;

    /** (300A,02A0) Source Applicator Step Size: DS, VM 1. */
    public static final int SourceApplicatorStepSize = 0x300A02A0;

    /** (300A,02A1) Applicator Shape Referenced ROI Number: IS, VM 1. */
    public static final int ApplicatorShapeReferencedROINumber = 0x300A02A1;

    /** (300A,02A2) Transfer Tube Number: IS, VM 1. */
    public static final int TransferTubeNumber = 0x300A02A2;

    /** (300A,02A4) Transfer Tube Length: DS, VM 1. */
    public static final int TransferTubeLength = 0x300A02A4;

    /** (300A,02B0) Channel Shield Sequence: SQ, VM 1. */
    public static final int ChannelShieldSequence = 0x300A02B0;

    /** (300A,02B2) Channel Shield Number: IS, VM 1. */
    public static final int ChannelShieldNumber = 0x300A02B2;

    /** (300A,02B3) Channel Shield ID: SH, VM 1. */
    public static final int ChannelShieldID = 0x300A02B3;

    /** (300A,02B4) Channel Shield Name: LO, VM 1. */
    public static final int ChannelShieldName = 0x300A02B4;

    /** (300A,02B8) Channel Shield Nominal Thickness: DS, VM 1. */
    public static final int ChannelShieldNominalThickness = 0x300A02B8;

    /** (300A,02BA) Channel Shield Nominal Transmission: DS, VM 1. */
    public static final int ChannelShieldNominalTransmission = 0x300A02BA;

    /** (300A,02C8) Final Cumulative Time Weight: DS, VM 1. */
    public static final int FinalCumulativeTimeWeight = 0x300A02C8;

    /** (300A,02D0) Brachy Control Point Sequence: SQ, VM 1. */
    public static final int BrachyControlPointSequence = 0x300A02D0;

    /** (300A,02D2) Control Point Relative Position: DS, VM 1. */
    public static final int ControlPointRelativePosition = 0x300A02D2;

    /** (300A,02D4) Control Point 3D Position: DS, VM 3. */
    public static final int ControlPoint3DPosition = 0x300A02D4;

    /** (300A,02D6) Cumulative Time Weight: DS, VM 1. */
    public static final int CumulativeTimeWeight = 0x300A02D6;

    /** (300A,02E0) Compensator Divergence: CS, VM 1. */
    public static final int CompensatorDivergence = 0x300A02E0;

    /** (300A,02E1) Compensator Mounting Position: CS, VM 1. */
    public static final int CompensatorMountingPosition = 0x300A02E1;

    /** (300A,02E2) Source to Compensator Distance: DS, VM 1-n. */
    public static final int SourceToCompensatorDistance = 0x300A02E2;

    /** (300A,02E3) Total Compensator Tray Water-Equivalent Thickness: FL, VM 1. */
    public static final int TotalCompensatorTrayWaterEquivalentThickness = 0x300A02E3;

    /** (300A,02E4) Isocenter to Compensator Tray Distance: FL, VM 1. */
    public static final int IsocenterToCompensatorTrayDistance = 0x300A02E4;

    /** (300A,02E5) Compensator Column Offset: FL, VM 1. */
    public static final int CompensatorColumnOffset = 0x300A02E5;

    /** (300A,02E6) Isocenter to Compensator Distances: FL, VM 1-n. */
    public static final int IsocenterToCompensatorDistances = 0x300A02E6;

    /** (300A,02E7) Compensator Relative Stopping Power Ratio: FL, VM 1. */
    public static final int CompensatorRelativeStoppingPowerRatio = 0x300A02E7;

    /** (300A,02E8) Compensator Milling Tool Diameter: FL, VM 1. */
    public static final int CompensatorMillingToolDiameter = 0x300A02E8;

    /** (300A,02EA) Ion Range Compensator Sequence: SQ, VM 1. */
    public static final int IonRangeCompensatorSequence = 0x300A02EA;

    /** (300A,02EB) Compensator Description: LT, VM 1. */
    public static final int CompensatorDescription = 0x300A02EB;

    /** (300A,02EC) Compensator Surface Representation Flag: CS, VM 1. */
    public static final int CompensatorSurfaceRepresentationFlag = 0x300A02EC;

    /** (300A,0302) Radiation Mass Number: IS, VM 1. */
    public static final int RadiationMassNumber = 0x300A0302;

    /** (300A,0304) Radiation Atomic Number: IS, VM 1. */
    public static final int RadiationAtomicNumber = 0x300A0304;

    /** (300A,0306) Radiation Charge State: SS, VM 1. */
    public static final int RadiationChargeState = 0x300A0306;

    /** (300A,0308) Scan Mode: CS, VM 1. */
    public static final int ScanMode = 0x300A0308;

    /** (300A,0309) Modulated Scan Mode Type: CS, VM 1. */
    public static final int ModulatedScanModeType = 0x300A0309;

    /** (300A,030A) Virtual Source-Axis Distances: FL, VM 2. */
    public static final int VirtualSourceAxisDistances = 0x300A030A;

    /** (300A,030C) Snout Sequence: SQ, VM 1. */
    public static final int SnoutSequence = 0x300A030C;

    /** (300A,030D) Snout Position: FL, VM 1. */
    public static final int SnoutPosition = 0x300A030D;

    /** (300A,030F) Snout ID: SH, VM 1. */
    public static final int SnoutID = 0x300A030F;

    /** (300A,0312) Number of Range Shifters: IS, VM 1. */
    public static final int NumberOfRangeShifters = 0x300A0312;

    /** (300A,0314) Range Shifter Sequence: SQ, VM 1. */
    public static final int RangeShifterSequence = 0x300A0314;

    /** (300A,0316) Range Shifter Number: IS, VM 1. */
    public static final int RangeShifterNumber = 0x300A0316;

    /** (300A,0318) Range Shifter ID: SH, VM 1. */
    public static final int RangeShifterID = 0x300A0318;

    /** (300A,0320) Range Shifter Type: CS, VM 1. */
    public static final int RangeShifterType = 0x300A0320;

    /** (300A,0322) Range Shifter Description: LO, VM 1. */
    public static final int RangeShifterDescription = 0x300A0322;

    /** (300A,0330) Number of Lateral Spreading Devices: IS, VM 1. */
    public static final int NumberOfLateralSpreadingDevices = 0x300A0330;

    /** (300A,0332) Lateral Spreading Device Sequence: SQ, VM 1. */
    public static final int LateralSpreadingDeviceSequence = 0x300A0332;

    /** (300A,0334) Lateral Spreading Device Number: IS, VM 1. */
    public static final int LateralSpreadingDeviceNumber = 0x300A0334;

    /** (300A,0336) Lateral Spreading Device ID: SH, VM 1. */
    public static final int LateralSpreadingDeviceID = 0x300A0336;

    /** (300A,0338) Lateral Spreading Device Type: CS, VM 1. */
    public static final int LateralSpreadingDeviceType = 0x300A0338;

    /** (300A,033A) Lateral Spreading Device Description: LO, VM 1. */
    public static final int LateralSpreadingDeviceDescription = 0x300A033A;

    /** (300A,033C) Lateral Spreading Device Water Equivalent Thickness: FL, VM 1. */
    public static final int LateralSpreadingDeviceWaterEquivalentThickness = 0x300A033C;

    /** (300A,0340) Number of Range Modulators: IS, VM 1. */
    public static final int NumberOfRangeModulators = 0x300A0340;

    /** (300A,0342) Range Modulator Sequence: SQ, VM 1. */
    public static final int RangeModulatorSequence = 0x300A0342;

    /** (300A,0344) Range Modulator Number: IS, VM 1. */
    public static final int RangeModulatorNumber = 0x300A0344;

    /** (300A,0346) Range Modulator ID: SH, VM 1. */
    public static final int RangeModulatorID = 0x300A0346;

    /** (300A,0348) Range Modulator Type: CS, VM 1. */
    public static final int RangeModulatorType = 0x300A0348;

    /** (300A,034A) Range Modulator Description: LO, VM 1. */
    public static final int RangeModulatorDescription = 0x300A034A;

    /** (300A,034C) Beam Current Modulation ID: SH, VM 1. */
    public static final int BeamCurrentModulationID = 0x300A034C;

    /** (300A,0350) Patient Support Type: CS, VM 1. */
    public static final int PatientSupportType = 0x300A0350;

    /** (300A,0352) Patient Support ID: SH, VM 1. */
    public static final int PatientSupportID = 0x300A0352;

    /** (300A,0354) Patient Support Accessory Code: LO, VM 1. */
    public static final int PatientSupportAccessoryCode = 0x300A0354;

    /** (300A,0355) Tray Accessory Code: LO, VM 1. */
    public static final int TrayAccessoryCode = 0x300A0355;

    /** (300A,0356) Fixation Light Azimuthal Angle: FL, VM 1. */
    public static final int FixationLightAzimuthalAngle = 0x300A0356;

    /** (300A,0358) Fixation Light Polar Angle: FL, VM 1. */
    public static final int FixationLightPolarAngle = 0x300A0358;

    /** (300A,035A) Meterset Rate: FL, VM 1. */
    public static final int MetersetRate = 0x300A035A;

    /** (300A,0360) Range Shifter Settings Sequence: SQ, VM 1. */
    public static final int RangeShifterSettingsSequence = 0x300A0360;

    /** (300A,0362) Range Shifter Setting: LO, VM 1. */
    public static final int RangeShifterSetting = 0x300A0362;

    /** (300A,0364) Isocenter to Range Shifter Distance: FL, VM 1. */
    public static final int IsocenterToRangeShifterDistance = 0x300A0364;

    /** (300A,0366) Range Shifter Water Equivalent Thickness: FL, VM 1. */
    public static final int RangeShifterWaterEquivalentThickness = 0x300A0366;

    /** (300A,0370) Lateral Spreading Device Settings Sequence: SQ, VM 1. */
    public static final int LateralSpreadingDeviceSettingsSequence = 0x300A0370;

    /** (300A,0372) Lateral Spreading Device Setting: LO, VM 1. */
    public static final int LateralSpreadingDeviceSetting = 0x300A0372;

    /** (300A,0374) Isocenter to Lateral Spreading Device Distance: FL, VM 1. */
    public static final int IsocenterToLateralSpreadingDeviceDistance = 0x300A0374;

    /** (300A,0380) Range Modulator Settings Sequence: SQ, VM 1. */
    public static final int RangeModulatorSettingsSequence = 0x300A0380;

    /** (300A,0382) Range Modulator Gating Start Value: FL, VM 1. */
    public static final int RangeModulatorGatingStartValue = 0x300A0382;

    /** (300A,0384) Range Modulator Gating Stop Value: FL, VM 1. */
    public static final int RangeModulatorGatingStopValue = 0x300A0384;

    /** (300A,0386) Range Modulator Gating Start Water Equivalent Thickness: FL, VM 1. */
    public static final int RangeModulatorGatingStartWaterEquivalentThickness = 0x300A0386;

    /** (300A,0388) Range Modulator Gating Stop Water Equivalent Thickness: FL, VM 1. */
    public static final int RangeModulatorGatingStopWaterEquivalentThickness = 0x300A0388;

    /** (300A,038A) Isocenter to Range Modulator Distance: FL, VM 1. */
    public static final int IsocenterToRangeModulatorDistance = 0x300A038A;

    /** (300A,038F) Scan Spot Time Offset: FL, VM 1-n. */
    public static final int ScanSpotTimeOffset = 0x300A038F;

    /** (300A,0390) Scan Spot Tune ID: SH, VM 1. */
    public static final int ScanSpotTuneID = 0x300A0390;

    /** (300A,0391) Scan Spot Prescribed Indices: IS, VM 1-n. */
    public static final int ScanSpotPrescribedIndices = 0x300A0391;

    /** (300A,0392) Number of Scan Spot Positions: IS, VM 1. */
    public static final int NumberOfScanSpotPositions = 0x300A0392;

    /** (300A,0393) Scan Spot Reordered: CS, VM 1. */
    public static final int ScanSpotReordered = 0x300A0393;

    /** (300A,0394) Scan Spot Position Map: FL, VM 1-n. */
    public static final int ScanSpotPositionMap = 0x300A0394;

    /** (300A,0395) Scan Spot Reordering Allowed: CS, VM 1. */
    public static final int ScanSpotReorderingAllowed = 0x300A0395;

    /** (300A,0396) Scan Spot Meterset Weights: FL, VM 1-n. */
    public static final int ScanSpotMetersetWeights = 0x300A0396;

    /** (300A,0398) Scanning Spot Size: FL, VM 2. */
    public static final int ScanningSpotSize = 0x300A0398;

    /** (300A,0399) Scan Spot Sizes Delivered: FL, VM 2-2n. */
    public static final int ScanSpotSizesDelivered = 0x300A0399;

    /** (300A,039A) Number of Paintings: IS, VM 1. */
    public static final int NumberOfPaintings = 0x300A039A;

    /** (300A,039B) Scan Spot Gantry Angles: FL, VM 1-n. */
    public static final int ScanSpotGantryAngles = 0x300A039B;

    /** (300A,039C) Scan Spot Patient Support Angles: FL, VM 1-n. */
    public static final int ScanSpotPatientSupportAngles = 0x300A039C;

    /** (300A,03A0) Ion Tolerance Table Sequence: SQ, VM 1. */
    public static final int IonToleranceTableSequence = 0x300A03A0;

    /** (300A,03A2) Ion Beam Sequence: SQ, VM 1. */
    public static final int IonBeamSequence = 0x300A03A2;

    /** (300A,03A4) Ion Beam Limiting Device Sequence: SQ, VM 1. */
    public static final int IonBeamLimitingDeviceSequence = 0x300A03A4;

    /** (300A,03A6) Ion Block Sequence: SQ, VM 1. */
    public static final int IonBlockSequence = 0x300A03A6;

    /** (300A,03A8) Ion Control Point Sequence: SQ, VM 1. */
    public static final int IonControlPointSequence = 0x300A03A8;

    /** (300A,03AA) Ion Wedge Sequence: SQ, VM 1. */
    public static final int IonWedgeSequence = 0x300A03AA;

    /** (300A,03AC) Ion Wedge Position Sequence: SQ, VM 1. */
    public static final int IonWedgePositionSequence = 0x300A03AC;

    /** (300A,0401) Referenced Setup Image Sequence: SQ, VM 1. */
    public static final int ReferencedSetupImageSequence = 0x300A0401;

    /** (300A,0402) Setup Image Comment: ST, VM 1. */
    public static final int SetupImageComment = 0x300A0402;

    /** (300A,0410) Motion Synchronization Sequence: SQ, VM 1. */
    public static final int MotionSynchronizationSequence = 0x300A0410;

    /** (300A,0412) Control Point Orientation: FL, VM 3. */
    public static final int ControlPointOrientation = 0x300A0412;

    /** (300A,0420) General Accessory Sequence: SQ, VM 1. */
    public static final int GeneralAccessorySequence = 0x300A0420;

    /** (300A,0421) General Accessory ID: SH, VM 1. */
    public static final int GeneralAccessoryID = 0x300A0421;

    /** (300A,0422) General Accessory Description: ST, VM 1. */
    public static final int GeneralAccessoryDescription = 0x300A0422;

    /** (300A,0423) General Accessory Type: CS, VM 1. */
    public static final int GeneralAccessoryType = 0x300A0423;

    /** (300A,0424) General Accessory Number: IS, VM 1. */
    public static final int GeneralAccessoryNumber = 0x300A0424;

    /** (300A,0425) Source to General Accessory Distance: FL, VM 1. */
    public static final int SourceToGeneralAccessoryDistance = 0x300A0425;

    /** (300A,0426) Isocenter to General Accessory Distance: DS, VM 1. */
    public static final int IsocenterToGeneralAccessoryDistance = 0x300A0426;

    /** (300A,0431) Applicator Geometry Sequence: SQ, VM 1. */
    public static final int ApplicatorGeometrySequence = 0x300A0431;

    /** (300A,0432) Applicator Aperture Shape: CS, VM 1. */
    public static final int ApplicatorApertureShape = 0x300A0432;

    /** (300A,0433) Applicator Opening: FL, VM 1. */
    public static final int ApplicatorOpening = 0x300A0433;

    /** (300A,0434) Applicator Opening X: FL, VM 1. */
    public static final int ApplicatorOpeningX = 0x300A0434;

    /** (300A,0435) Applicator Opening Y: FL, VM 1. */
    public static final int ApplicatorOpeningY = 0x300A0435;

    /** (300A,0436) Source to Applicator Mounting Position Distance: FL, VM 1. */
    public static final int SourceToApplicatorMountingPositionDistance = 0x300A0436;

    /** (300A,0440) Number of Block Slab Items: IS, VM 1. */
    public static final int NumberOfBlockSlabItems = 0x300A0440;

    /** (300A,0441) Block Slab Sequence: SQ, VM 1. */
    public static final int BlockSlabSequence = 0x300A0441;

    /** (300A,0442) Block Slab Thickness: DS, VM 1. */
    public static final int BlockSlabThickness = 0x300A0442;

    /** (300A,0443) Block Slab Number: US, VM 1. */
    public static final int BlockSlabNumber = 0x300A0443;

    /** (300A,0450) Device Motion Control Sequence: SQ, VM 1. */
    public static final int DeviceMotionControlSequence = 0x300A0450;

    /** (300A,0451) Device Motion Execution Mode: CS, VM 1. */
    public static final int DeviceMotionExecutionMode = 0x300A0451;

    /** (300A,0452) Device Motion Observation Mode: CS, VM 1. */
    public static final int DeviceMotionObservationMode = 0x300A0452;

    /** (300A,0453) Device Motion Parameter Code Sequence: SQ, VM 1. */
    public static final int DeviceMotionParameterCodeSequence = 0x300A0453;

    /** (300A,0501) Distal Depth Fraction: FL, VM 1. */
    public static final int DistalDepthFraction = 0x300A0501;

    /** (300A,0502) Distal Depth: FL, VM 1. */
    public static final int DistalDepth = 0x300A0502;

    /** (300A,0503) Nominal Range Modulation Fractions: FL, VM 2. */
    public static final int NominalRangeModulationFractions = 0x300A0503;

    /** (300A,0504) Nominal Range Modulated Region Depths: FL, VM 2. */
    public static final int NominalRangeModulatedRegionDepths = 0x300A0504;

    /** (300A,0505) Depth Dose Parameters Sequence: SQ, VM 1. */
    public static final int DepthDoseParametersSequence = 0x300A0505;

    /** (300A,0506) Delivered Depth Dose Parameters Sequence: SQ, VM 1. */
    public static final int DeliveredDepthDoseParametersSequence = 0x300A0506;

    /** (300A,0507) Delivered Distal Depth Fraction: FL, VM 1. */
    public static final int DeliveredDistalDepthFraction = 0x300A0507;

    /** (300A,0508) Delivered Distal Depth: FL, VM 1. */
    public static final int DeliveredDistalDepth = 0x300A0508;

    /** (300A,0509) Delivered Nominal Range Modulation Fractions: FL, VM 2. */
    public static final int DeliveredNominalRangeModulationFractions = 0x300A0509;

    /** (300A,0510) Delivered Nominal Range Modulated Region Depths: FL, VM 2. */
    public static final int DeliveredNominalRangeModulatedRegionDepths = 0x300A0510;

    /** (300A,0511) Delivered Reference Dose Definition: CS, VM 1. */
    public static final int DeliveredReferenceDoseDefinition = 0x300A0511;

    /** (300A,0512) Reference Dose Definition: CS, VM 1. */
    public static final int ReferenceDoseDefinition = 0x300A0512;

    /** (300A,0600) RT Control Point Index: US, VM 1. */
    public static final int RTControlPointIndex = 0x300A0600;

    /** (300A,0601) Radiation Generation Mode Index: US, VM 1. */
    public static final int RadiationGenerationModeIndex = 0x300A0601;

    /** (300A,0602) Referenced Defined Device Index: US, VM 1. */
    public static final int ReferencedDefinedDeviceIndex = 0x300A0602;

    /** (300A,0603) Radiation Dose Identification Index: US, VM 1. */
    public static final int RadiationDoseIdentificationIndex = 0x300A0603;

    /** (300A,0604) Number of RT Control Points: US, VM 1. */
    public static final int NumberOfRTControlPoints = 0x300A0604;

    /** (300A,0605) Referenced Radiation Generation Mode Index: US, VM 1. */
    public static final int ReferencedRadiationGenerationModeIndex = 0x300A0605;

    /** (300A,0606) Treatment Position Index: US, VM 1. */
    public static final int TreatmentPositionIndex = 0x300A0606;

    /** (300A,0607) Referenced Device Index: US, VM 1. */
    public static final int ReferencedDeviceIndex = 0x300A0607;

    /** (300A,0608) Treatment Position Group Label: LO, VM 1. */
    public static final int TreatmentPositionGroupLabel = 0x300A0608;

    /** (300A,0609) Treatment Position Group UID: UI, VM 1. */
    public static final int TreatmentPositionGroupUID = 0x300A0609;

    /** (300A,060A) Treatment Position Group Sequence: SQ, VM 1. */
    public static final int TreatmentPositionGroupSequence = 0x300A060A;

    /** (300A,060B) Referenced Treatment Position Index: US, VM 1. */
    public static final int ReferencedTreatmentPositionIndex = 0x300A060B;

    /** (300A,060C) Referenced Radiation Dose Identification Index: US, VM 1. */
    public static final int ReferencedRadiationDoseIdentificationIndex = 0x300A060C;

    /** (300A,060D) RT Accessory Holder Water-Equivalent Thickness: FD, VM 1. */
    public static final int RTAccessoryHolderWaterEquivalentThickness = 0x300A060D;

    /** (300A,060E) Referenced RT Accessory Holder Device Index: US, VM 1. */
    public static final int ReferencedRTAccessoryHolderDeviceIndex = 0x300A060E;

    /** (300A,060F) RT Accessory Holder Slot Existence Flag: CS, VM 1. */
    public static final int RTAccessoryHolderSlotExistenceFlag = 0x300A060F;

    /** (300A,0610) RT Accessory Holder Slot Sequence: SQ, VM 1. */
    public static final int RTAccessoryHolderSlotSequence = 0x300A0610;

    /** (300A,0611) RT Accessory Holder Slot ID: LO, VM 1. */
    public static final int RTAccessoryHolderSlotID = 0x300A0611;

    /** (300A,0612) RT Accessory Holder Slot Distance: FD, VM 1. */
    public static final int RTAccessoryHolderSlotDistance = 0x300A0612;

    /** (300A,0613) RT Accessory Slot Distance: FD, VM 1. */
    public static final int RTAccessorySlotDistance = 0x300A0613;

    /** (300A,0614) RT Accessory Holder Definition Sequence: SQ, VM 1. */
    public static final int RTAccessoryHolderDefinitionSequence = 0x300A0614;

    /** (300A,0615) RT Accessory Device Slot ID: LO, VM 1. */
    public static final int RTAccessoryDeviceSlotID = 0x300A0615;

    /** (300A,0616) RT Radiation Sequence: SQ, VM 1. */
    public static final int RTRadiationSequence = 0x300A0616;

    /** (300A,0617) Radiation Dose Sequence: SQ, VM 1. */
    public static final int RadiationDoseSequence = 0x300A0617;

    /** (300A,0618) Radiation Dose Identification Sequence: SQ, VM 1. */
    public static final int RadiationDoseIdentificationSequence = 0x300A0618;

    /** (300A,0619) Radiation Dose Identification Label: LO, VM 1. */
    public static final int RadiationDoseIdentificationLabel = 0x300A0619;

    /** (300A,061A) Reference Dose Type: CS, VM 1. */
    public static final int ReferenceDoseType = 0x300A061A;

    /** (300A,061B) Primary Dose Value Indicator: CS, VM 1. */
    public static final int PrimaryDoseValueIndicator = 0x300A061B;

    /** (300A,061C) Dose Values Sequence: SQ, VM 1. */
    public static final int DoseValuesSequence = 0x300A061C;

    /** (300A,061D) Dose Value Purpose: CS, VM 1-n. */
    public static final int DoseValuePurpose = 0x300A061D;

    /** (300A,061E) Reference Dose Point Coordinates: FD, VM 3. */
    public static final int ReferenceDosePointCoordinates = 0x300A061E;

    /** (300A,061F) Radiation Dose Values Parameters Sequence: SQ, VM 1. */
    public static final int RadiationDoseValuesParametersSequence = 0x300A061F;

    /** (300A,0620) Meterset to Dose Mapping Sequence: SQ, VM 1. */
    public static final int MetersetToDoseMappingSequence = 0x300A0620;

    /** (300A,0621) Expected In-Vivo Measurement Values Sequence: SQ, VM 1. */
    public static final int ExpectedInVivoMeasurementValuesSequence = 0x300A0621;

    /** (300A,0622) Expected In-Vivo Measurement Value Index: US, VM 1. */
    public static final int ExpectedInVivoMeasurementValueIndex = 0x300A0622;

    /** (300A,0623) Radiation Dose In-Vivo Measurement Label: LO, VM 1. */
    public static final int RadiationDoseInVivoMeasurementLabel = 0x300A0623;

    /** (300A,0624) Radiation Dose Central Axis Displacement: FD, VM 2. */
    public static final int RadiationDoseCentralAxisDisplacement = 0x300A0624;

    /** (300A,0625) Radiation Dose Value: FD, VM 1. */
    public static final int RadiationDoseValue = 0x300A0625;

    /** (300A,0626) Radiation Dose Source to Skin Distance: FD, VM 1. */
    public static final int RadiationDoseSourceToSkinDistance = 0x300A0626;

    /** (300A,0627) Radiation Dose Measurement Point Coordinates: FD, VM 3. */
    public static final int RadiationDoseMeasurementPointCoordinates = 0x300A0627;

    /** (300A,0628) Radiation Dose Source to External Contour Distance: FD, VM 1. */
    public static final int RadiationDoseSourceToExternalContourDistance = 0x300A0628;

    /** (300A,0629) RT Tolerance Set Sequence: SQ, VM 1. */
    public static final int RTToleranceSetSequence = 0x300A0629;

    /** (300A,062A) RT Tolerance Set Label: LO, VM 1. */
    public static final int RTToleranceSetLabel = 0x300A062A;

    /** (300A,062B) Attribute Tolerance Values Sequence: SQ, VM 1. */
    public static final int AttributeToleranceValuesSequence = 0x300A062B;

    /** (300A,062C) Tolerance Value: FD, VM 1. */
    public static final int ToleranceValue = 0x300A062C;

    /** (300A,062D) Patient Support Position Tolerance Sequence: SQ, VM 1. */
    public static final int PatientSupportPositionToleranceSequence = 0x300A062D;

    /** (300A,062E) Treatment Time Limit: FD, VM 1. */
    public static final int TreatmentTimeLimit = 0x300A062E;

    /** (300A,062F) C-Arm Photon-Electron Control Point Sequence: SQ, VM 1. */
    public static final int CArmPhotonElectronControlPointSequence = 0x300A062F;

    /** (300A,0630) Referenced RT Radiation Sequence: SQ, VM 1. */
    public static final int ReferencedRTRadiationSequence = 0x300A0630;

    /** (300A,0631) Referenced RT Instance Sequence: SQ, VM 1. */
    public static final int ReferencedRTInstanceSequence = 0x300A0631;

    /** (300A,0632) Referenced RT Patient Setup Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedRTPatientSetupSequence = 0x300A0632;

    /** (300A,0634) Source to Patient Surface Distance: FD, VM 1. */
    public static final int SourceToPatientSurfaceDistance = 0x300A0634;

    /** (300A,0635) Treatment Machine Special Mode Code Sequence: SQ, VM 1. */
    public static final int TreatmentMachineSpecialModeCodeSequence = 0x300A0635;

    /** (300A,0636) Intended Number of Fractions: US, VM 1. */
    public static final int IntendedNumberOfFractions = 0x300A0636;

    /** (300A,0637) RT Radiation Set Intent: CS, VM 1. */
    public static final int RTRadiationSetIntent = 0x300A0637;

    /** (300A,0638) RT Radiation Physical and Geometric Content Detail Flag: CS, VM 1. */
    public static final int RTRadiationPhysicalAndGeometricContentDetailFlag = 0x300A0638;

    /** (300A,0639) RT Record Flag: CS, VM 1. */
    public static final int RTRecordFlag = 0x300A0639;

    /** (300A,063A) Treatment Device Identification Sequence: SQ, VM 1. */
    public static final int TreatmentDeviceIdentificationSequence = 0x300A063A;

    /** (300A,063B) Referenced RT Physician Intent Sequence: SQ, VM 1. */
    public static final int ReferencedRTPhysicianIntentSequence = 0x300A063B;

    /** (300A,063C) Cumulative Meterset: FD, VM 1. */
    public static final int CumulativeMeterset = 0x300A063C;

    /** (300A,063D) Delivery Rate: FD, VM 1. */
    public static final int DeliveryRate = 0x300A063D;

    /** (300A,063E) Delivery Rate Unit Sequence: SQ, VM 1. */
    public static final int DeliveryRateUnitSequence = 0x300A063E;

    /** (300A,063F) Treatment Position Sequence: SQ, VM 1. */
    public static final int TreatmentPositionSequence = 0x300A063F;

    /** (300A,0640) Radiation Source-Axis Distance: FD, VM 1. */
    public static final int RadiationSourceAxisDistance = 0x300A0640;

    /** (300A,0641) Number of RT Beam Limiting Devices: US, VM 1. */
    public static final int NumberOfRTBeamLimitingDevices = 0x300A0641;

    /** (300A,0642) RT Beam Limiting Device Proximal Distance: FD, VM 1. */
    public static final int RTBeamLimitingDeviceProximalDistance = 0x300A0642;

    /** (300A,0643) RT Beam Limiting Device Distal Distance: FD, VM 1. */
    public static final int RTBeamLimitingDeviceDistalDistance = 0x300A0643;

    /** (300A,0644) Parallel RT Beam Delimiter Device Orientation Label Code Sequence: SQ, VM 1. */
    public static final int ParallelRTBeamDelimiterDeviceOrientationLabelCodeSequence = 0x300A0644;

    /** (300A,0645) Beam Modifier Orientation Angle: FD, VM 1. */
    public static final int BeamModifierOrientationAngle = 0x300A0645;

    /** (300A,0646) Fixed RT Beam Delimiter Device Sequence: SQ, VM 1. */
    public static final int FixedRTBeamDelimiterDeviceSequence = 0x300A0646;

    /** (300A,0647) Parallel RT Beam Delimiter Device Sequence: SQ, VM 1. */
    public static final int ParallelRTBeamDelimiterDeviceSequence = 0x300A0647;

    /** (300A,0648) Number of Parallel RT Beam Delimiters: US, VM 1. */
    public static final int NumberOfParallelRTBeamDelimiters = 0x300A0648;

    /** (300A,0649) Parallel RT Beam Delimiter Boundaries: FD, VM 2-n. */
    public static final int ParallelRTBeamDelimiterBoundaries = 0x300A0649;

    /** (300A,064A) Parallel RT Beam Delimiter Positions: FD, VM 2-n. */
    public static final int ParallelRTBeamDelimiterPositions = 0x300A064A;

    /** (300A,064B) RT Beam Limiting Device Offset: FD, VM 2. */
    public static final int RTBeamLimitingDeviceOffset = 0x300A064B;

    /** (300A,064C) RT Beam Delimiter Geometry Sequence: SQ, VM 1. */
    public static final int RTBeamDelimiterGeometrySequence = 0x300A064C;

    /** (300A,064D) RT Beam Limiting Device Definition Sequence: SQ, VM 1. */
    public static final int RTBeamLimitingDeviceDefinitionSequence = 0x300A064D;

    /** (300A,064E) Parallel RT Beam Delimiter Opening Mode: CS, VM 1. */
    public static final int ParallelRTBeamDelimiterOpeningMode = 0x300A064E;

    /** (300A,064F) Parallel RT Beam Delimiter Leaf Mounting Side: CS, VM 1-n. */
    public static final int ParallelRTBeamDelimiterLeafMountingSide = 0x300A064F;

    /** (300A,0650) Patient Setup UID: UI, VM 1. Retired. */
    public static final int PatientSetupUID = 0x300A0650;

    /** (300A,0651) Wedge Definition Sequence: SQ, VM 1. */
    public static final int WedgeDefinitionSequence = 0x300A0651;

    /** (300A,0652) Radiation Beam Wedge Angle: FD, VM 1. */
    public static final int RadiationBeamWedgeAngle = 0x300A0652;

    /** (300A,0653) Radiation Beam Wedge Thin Edge Distance: FD, VM 1. */
    public static final int RadiationBeamWedgeThinEdgeDistance = 0x300A0653;

    /** (300A,0654) Radiation Beam Effective Wedge Angle: FD, VM 1. */
    public static final int RadiationBeamEffectiveWedgeAngle = 0x300A0654;

    /** (300A,0655) Number of Wedge Positions: US, VM 1. */
    public static final int NumberOfWedgePositions = 0x300A0655;

    /** (300A,0656) RT Beam Limiting Device Opening Sequence: SQ, VM 1. */
    public static final int RTBeamLimitingDeviceOpeningSequence = 0x300A0656;

    /** (300A,0657) Number of RT Beam Limiting Device Openings: US, VM 1. */
    public static final int NumberOfRTBeamLimitingDeviceOpenings = 0x300A0657;

    /** (300A,0658) Radiation Dosimeter Unit Sequence: SQ, VM 1. */
    public static final int RadiationDosimeterUnitSequence = 0x300A0658;

    /** (300A,0659) RT Device Distance Reference Location Code Sequence: SQ, VM 1. */
    public static final int RTDeviceDistanceReferenceLocationCodeSequence = 0x300A0659;

    /** (300A,065A) Radiation Device Configuration and Commissioning Key Sequence: SQ, VM 1. */
    public static final int RadiationDeviceConfigurationAndCommissioningKeySequence = 0x300A065A;

    /** (300A,065B) Patient Support Position Parameter Sequence: SQ, VM 1. */
    public static final int PatientSupportPositionParameterSequence = 0x300A065B;

    /** (300A,065C) Patient Support Position Specification Method: CS, VM 1. */
    public static final int PatientSupportPositionSpecificationMethod = 0x300A065C;

    /** (300A,065D) Patient Support Position Device Parameter Sequence: SQ, VM 1. */
    public static final int PatientSupportPositionDeviceParameterSequence = 0x300A065D;

    /** (300A,065E) Device Order Index: US, VM 1. */
    public static final int DeviceOrderIndex = 0x300A065E;

    /** (300A,065F) Patient Support Position Parameter Order Index: US, VM 1. */
    public static final int PatientSupportPositionParameterOrderIndex = 0x300A065F;

    /** (300A,0660) Patient Support Position Device Tolerance Sequence: SQ, VM 1. */
    public static final int PatientSupportPositionDeviceToleranceSequence = 0x300A0660;

    /** (300A,0661) Patient Support Position Tolerance Order Index: US, VM 1. */
    public static final int PatientSupportPositionToleranceOrderIndex = 0x300A0661;

    /** (300A,0662) Compensator Definition Sequence: SQ, VM 1. */
    public static final int CompensatorDefinitionSequence = 0x300A0662;

    /** (300A,0663) Compensator Map Orientation: CS, VM 1. */
    public static final int CompensatorMapOrientation = 0x300A0663;

    /** (300A,0664) Compensator Proximal Thickness Map: OF, VM 1. */
    public static final int CompensatorProximalThicknessMap = 0x300A0664;

    /** (300A,0665) Compensator Distal Thickness Map: OF, VM 1. */
    public static final int CompensatorDistalThicknessMap = 0x300A0665;

    /** (300A,0666) Compensator Base Plane Offset: FD, VM 1. */
    public static final int CompensatorBasePlaneOffset = 0x300A0666;

    /** (300A,0667) Compensator Shape Fabrication Code Sequence: SQ, VM 1. */
    public static final int CompensatorShapeFabricationCodeSequence = 0x300A0667;

    /** (300A,0668) Compensator Shape Sequence: SQ, VM 1. */
    public static final int CompensatorShapeSequence = 0x300A0668;

    /** (300A,0669) Radiation Beam Compensator Milling Tool Diameter: FD, VM 1. */
    public static final int RadiationBeamCompensatorMillingToolDiameter = 0x300A0669;

    /** (300A,066A) Block Definition Sequence: SQ, VM 1. */
    public static final int BlockDefinitionSequence = 0x300A066A;

    /** (300A,066B) Block Edge Data: OF, VM 1. */
    public static final int BlockEdgeData = 0x300A066B;

    /** (300A,066C) Block Orientation: CS, VM 1. */
    public static final int BlockOrientation = 0x300A066C;

    /** (300A,066D) Radiation Beam Block Thickness: FD, VM 1. */
    public static final int RadiationBeamBlockThickness = 0x300A066D;

    /** (300A,066E) Radiation Beam Block Slab Thickness: FD, VM 1. */
    public static final int RadiationBeamBlockSlabThickness = 0x300A066E;

    /** (300A,066F) Block Edge Data Sequence: SQ, VM 1. */
    public static final int BlockEdgeDataSequence = 0x300A066F;

    /** (300A,0670) Number of RT Accessory Holders: US, VM 1. */
    public static final int NumberOfRTAccessoryHolders = 0x300A0670;

    /** (300A,0671) General Accessory Definition Sequence: SQ, VM 1. */
    public static final int GeneralAccessoryDefinitionSequence = 0x300A0671;

    /** (300A,0672) Number of General Accessories: US, VM 1. */
    public static final int NumberOfGeneralAccessories = 0x300A0672;

    /** (300A,0673) Bolus Definition Sequence: SQ, VM 1. */
    public static final int BolusDefinitionSequence = 0x300A0673;

    /** (300A,0674) Number of Boluses: US, VM 1. */
    public static final int NumberOfBoluses = 0x300A0674;

    /** (300A,0675) Equipment Frame of Reference UID: UI, VM 1. */
    public static final int EquipmentFrameOfReferenceUID = 0x300A0675;

    /** (300A,0676) Equipment Frame of Reference Description: ST, VM 1. */
    public static final int EquipmentFrameOfReferenceDescription = 0x300A0676;

    /** (300A,0677) Equipment Reference Point Coordinates Sequence: SQ, VM 1. */
    public static final int EquipmentReferencePointCoordinatesSequence = 0x300A0677;

    /** (300A,0678) Equipment Reference Point Code Sequence: SQ, VM 1. */
    public static final int EquipmentReferencePointCodeSequence = 0x300A0678;

    /** (300A,0679) RT Beam Limiting Device Angle: FD, VM 1. */
    public static final int RTBeamLimitingDeviceAngle = 0x300A0679;

    /** (300A,067A) Source Roll Angle: FD, VM 1. */
    public static final int SourceRollAngle = 0x300A067A;

    /** (300A,067B) Radiation GenerationMode Sequence: SQ, VM 1. */
    public static final int RadiationGenerationModeSequence = 0x300A067B;

    /** (300A,067C) Radiation GenerationMode Label: SH, VM 1. */
    public static final int RadiationGenerationModeLabel = 0x300A067C;

    /** (300A,067D) Radiation GenerationMode Description: ST, VM 1. */
    public static final int RadiationGenerationModeDescription = 0x300A067D;

    /** (300A,067E) Radiation GenerationMode Machine Code Sequence: SQ, VM 1. */
    public static final int RadiationGenerationModeMachineCodeSequence = 0x300A067E;

    /** (300A,067F) Radiation Type Code Sequence: SQ, VM 1. */
    public static final int RadiationTypeCodeSequence = 0x300A067F;

    /** (300A,0680) Nominal Energy: DS, VM 1. */
    public static final int NominalEnergy = 0x300A0680;

    /** (300A,0681) Minimum Nominal Energy: DS, VM 1. */
    public static final int MinimumNominalEnergy = 0x300A0681;

    /** (300A,0682) Maximum Nominal Energy: DS, VM 1. */
    public static final int MaximumNominalEnergy = 0x300A0682;

    /** (300A,0683) Radiation Fluence Modifier Code Sequence: SQ, VM 1. */
    public static final int RadiationFluenceModifierCodeSequence = 0x300A0683;

    /** (300A,0684) Energy Unit Code Sequence: SQ, VM 1. */
    public static final int EnergyUnitCodeSequence = 0x300A0684;

    /** (300A,0685) Number of Radiation GenerationModes: US, VM 1. */
    public static final int NumberOfRadiationGenerationModes = 0x300A0685;

    /** (300A,0686) Patient Support Devices Sequence: SQ, VM 1. */
    public static final int PatientSupportDevicesSequence = 0x300A0686;

    /** (300A,0687) Number of Patient Support Devices: US, VM 1. */
    public static final int NumberOfPatientSupportDevices = 0x300A0687;

    /** (300A,0688) RT Beam Modifier Definition Distance: FD, VM 1. */
    public static final int RTBeamModifierDefinitionDistance = 0x300A0688;

    /** (300A,0689) Beam Area Limit Sequence: SQ, VM 1. */
    public static final int BeamAreaLimitSequence = 0x300A0689;

    /** (300A,068A) Referenced RT Prescription Sequence: SQ, VM 1. */
    public static final int ReferencedRTPrescriptionSequence = 0x300A068A;

    /** (300A,068B) Dose Value Interpretation: CS, VM 1. */
    public static final int DoseValueInterpretation = 0x300A068B;

    /** (300A,0700) Treatment Session UID: UI, VM 1. */
    public static final int TreatmentSessionUID = 0x300A0700;

    /** (300A,0701) RT Radiation Usage: CS, VM 1. */
    public static final int RTRadiationUsage = 0x300A0701;

    /** (300A,0702) Referenced RT Radiation Set Sequence: SQ, VM 1. */
    public static final int ReferencedRTRadiationSetSequence = 0x300A0702;

    /** (300A,0703) Referenced RT Radiation Record Sequence: SQ, VM 1. */
    public static final int ReferencedRTRadiationRecordSequence = 0x300A0703;

    /** (300A,0704) RT Radiation Set Delivery Number: US, VM 1. */
    public static final int RTRadiationSetDeliveryNumber = 0x300A0704;

    /** (300A,0705) Clinical Fraction Number: US, VM 1. */
    public static final int ClinicalFractionNumber = 0x300A0705;

    /** (300A,0706) RT Treatment Fraction Completion Status: CS, VM 1. */
    public static final int RTTreatmentFractionCompletionStatus = 0x300A0706;

    /** (300A,0707) RT Radiation Set Usage: CS, VM 1. */
    public static final int RTRadiationSetUsage = 0x300A0707;

    /** (300A,0708) Treatment Delivery Continuation Flag: CS, VM 1. */
    public static final int TreatmentDeliveryContinuationFlag = 0x300A0708;

    /** (300A,0709) Treatment Record Content Origin: CS, VM 1. */
    public static final int TreatmentRecordContentOrigin = 0x300A0709;

    /** (300A,0714) RT Treatment Termination Status: CS, VM 1. */
    public static final int RTTreatmentTerminationStatus = 0x300A0714;

    /** (300A,0715) RT Treatment Termination Reason Code Sequence: SQ, VM 1. */
    public static final int RTTreatmentTerminationReasonCodeSequence = 0x300A0715;

    /** (300A,0716) Machine-Specific Treatment Termination Code Sequence: SQ, VM 1. */
    public static final int MachineSpecificTreatmentTerminationCodeSequence = 0x300A0716;

    /** (300A,0722) RT Radiation Salvage Record Control Point Sequence: SQ, VM 1. */
    public static final int RTRadiationSalvageRecordControlPointSequence = 0x300A0722;

    /** (300A,0723) Starting Meterset Value Known Flag: CS, VM 1. */
    public static final int StartingMetersetValueKnownFlag = 0x300A0723;

    /** (300A,0730) Treatment Termination Description: ST, VM 1. */
    public static final int TreatmentTerminationDescription = 0x300A0730;

    /** (300A,0731) Treatment Tolerance Violation Sequence: SQ, VM 1. */
    public static final int TreatmentToleranceViolationSequence = 0x300A0731;

    /** (300A,0732) Treatment Tolerance Violation Category: CS, VM 1. */
    public static final int TreatmentToleranceViolationCategory = 0x300A0732;

    /** (300A,0733) Treatment Tolerance Violation Attribute Sequence: SQ, VM 1. */
    public static final int TreatmentToleranceViolationAttributeSequence = 0x300A0733;

    /** (300A,0734) Treatment Tolerance Violation Description: ST, VM 1. */
    public static final int TreatmentToleranceViolationDescription = 0x300A0734;

    /** (300A,0735) Treatment Tolerance Violation Identification: ST, VM 1. */
    public static final int TreatmentToleranceViolationIdentification = 0x300A0735;

    /** (300A,0736) Treatment Tolerance Violation DateTime: DT, VM 1. */
    public static final int TreatmentToleranceViolationDateTime = 0x300A0736;

    /** (300A,073A) Recorded RT Control Point DateTime: DT, VM 1. */
    public static final int RecordedRTControlPointDateTime = 0x300A073A;

    /** (300A,073B) Referenced Radiation RT Control Point Index: US, VM 1. */
    public static final int ReferencedRadiationRTControlPointIndex = 0x300A073B;

    /** (300A,073E) Alternate Value Sequence: SQ, VM 1. */
    public static final int AlternateValueSequence = 0x300A073E;

    /** (300A,073F) Confirmation Sequence: SQ, VM 1. */
    public static final int ConfirmationSequence = 0x300A073F;

    /** (300A,0740) Interlock Sequence: SQ, VM 1. */
    public static final int InterlockSequence = 0x300A0740;

    /** (300A,0741) Interlock DateTime: DT, VM 1. */
    public static final int InterlockDateTime = 0x300A0741;

    /** (300A,0742) Interlock Description: ST, VM 1. */
    public static final int InterlockDescription = 0x300A0742;

    /** (300A,0743) Interlock Originating Device Sequence: SQ, VM 1. */
    public static final int InterlockOriginatingDeviceSequence = 0x300A0743;

    /** (300A,0744) Interlock Code Sequence: SQ, VM 1. */
    public static final int InterlockCodeSequence = 0x300A0744;

    /** (300A,0745) Interlock Resolution Code Sequence: SQ, VM 1. */
    public static final int InterlockResolutionCodeSequence = 0x300A0745;

    /** (300A,0746) Interlock Resolution User Sequence: SQ, VM 1. */
    public static final int InterlockResolutionUserSequence = 0x300A0746;

    /** (300A,0760) Override DateTime: DT, VM 1. */
    public static final int OverrideDateTime = 0x300A0760;

    /** (300A,0761) Treatment Tolerance Violation Type Code Sequence: SQ, VM 1. */
    public static final int TreatmentToleranceViolationTypeCodeSequence = 0x300A0761;

    /** (300A,0762) Treatment Tolerance Violation Cause Code Sequence: SQ, VM 1. */
    public static final int TreatmentToleranceViolationCauseCodeSequence = 0x300A0762;

    /** (300A,0772) Measured Meterset to Dose Mapping Sequence: SQ, VM 1. */
    public static final int MeasuredMetersetToDoseMappingSequence = 0x300A0772;

    /** (300A,0773) Referenced Expected In-Vivo Measurement Value Index: US, VM 1. */
    public static final int ReferencedExpectedInVivoMeasurementValueIndex = 0x300A0773;

    /** (300A,0774) Dose Measurement Device Code Sequence: SQ, VM 1. */
    public static final int DoseMeasurementDeviceCodeSequence = 0x300A0774;

    /** (300A,0780) Additional Parameter Recording Instance Sequence: SQ, VM 1. */
    public static final int AdditionalParameterRecordingInstanceSequence = 0x300A0780;

    /** (300A,0783) Interlock Origin Description: ST, VM 1. */
    public static final int InterlockOriginDescription = 0x300A0783;

    /** (300A,0784) RT Patient Position Scope Sequence: SQ, VM 1. */
    public static final int RTPatientPositionScopeSequence = 0x300A0784;

    /** (300A,0785) Referenced Treatment Position Group UID: UI, VM 1. */
    public static final int ReferencedTreatmentPositionGroupUID = 0x300A0785;

    /** (300A,0786) Radiation Order Index: US, VM 1. */
    public static final int RadiationOrderIndex = 0x300A0786;

    /** (300A,0787) Omitted Radiation Sequence: SQ, VM 1. */
    public static final int OmittedRadiationSequence = 0x300A0787;

    /** (300A,0788) Reason for Omission Code Sequence: SQ, VM 1. */
    public static final int ReasonForOmissionCodeSequence = 0x300A0788;

    /** (300A,0789) RT Delivery Start Patient Position Sequence: SQ, VM 1. */
    public static final int RTDeliveryStartPatientPositionSequence = 0x300A0789;

    /** (300A,078A) RT Treatment Preparation Patient Position Sequence: SQ, VM 1. */
    public static final int RTTreatmentPreparationPatientPositionSequence = 0x300A078A;

    /** (300A,078B) Referenced RT Treatment Preparation Sequence: SQ, VM 1. */
    public static final int ReferencedRTTreatmentPreparationSequence = 0x300A078B;

    /** (300A,078C) Referenced Patient Setup Photo Sequence: SQ, VM 1. */
    public static final int ReferencedPatientSetupPhotoSequence = 0x300A078C;

    /** (300A,078D) Patient Treatment Preparation Method Code Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationMethodCodeSequence = 0x300A078D;

    /** (300A,078E) Patient Treatment Preparation Procedure Parameter Description: LT, VM 1. */
    public static final int PatientTreatmentPreparationProcedureParameterDescription = 0x300A078E;

    /** (300A,078F) Patient Treatment Preparation Device Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationDeviceSequence = 0x300A078F;

    /** (300A,0790) Patient Treatment Preparation Procedure Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationProcedureSequence = 0x300A0790;

    /** (300A,0791) Patient Treatment Preparation Procedure Code Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationProcedureCodeSequence = 0x300A0791;

    /** (300A,0792) Patient Treatment Preparation Method Description: LT, VM 1. */
    public static final int PatientTreatmentPreparationMethodDescription = 0x300A0792;

    /** (300A,0793) Patient Treatment Preparation Procedure Parameter Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationProcedureParameterSequence = 0x300A0793;

    /** (300A,0794) Patient Setup Photo Description: LT, VM 1. */
    public static final int PatientSetupPhotoDescription = 0x300A0794;

    /** (300A,0795) Patient Treatment Preparation Procedure Index: US, VM 1. */
    public static final int PatientTreatmentPreparationProcedureIndex = 0x300A0795;

    /** (300A,0796) Referenced Patient Setup Procedure Index: US, VM 1. */
    public static final int ReferencedPatientSetupProcedureIndex = 0x300A0796;

    /** (300A,0797) RT Radiation Task Sequence: SQ, VM 1. */
    public static final int RTRadiationTaskSequence = 0x300A0797;

    /** (300A,0798) RT Patient Position Displacement Sequence: SQ, VM 1. */
    public static final int RTPatientPositionDisplacementSequence = 0x300A0798;

    /** (300A,0799) RT Patient Position Sequence: SQ, VM 1. */
    public static final int RTPatientPositionSequence = 0x300A0799;

    /** (300A,079A) Displacement Reference Label: LO, VM 1. */
    public static final int DisplacementReferenceLabel = 0x300A079A;

    /** (300A,079B) Displacement Matrix: FD, VM 16. */
    public static final int DisplacementMatrix = 0x300A079B;

    /** (300A,079C) Patient Support Displacement Sequence: SQ, VM 1. */
    public static final int PatientSupportDisplacementSequence = 0x300A079C;

    /** (300A,079D) Displacement Reference Location Code Sequence: SQ, VM 1. */
    public static final int DisplacementReferenceLocationCodeSequence = 0x300A079D;

    /** (300A,079E) RT Radiation Set Delivery Usage: CS, VM 1. */
    public static final int RTRadiationSetDeliveryUsage = 0x300A079E;

    /** (300A,079F) Patient Treatment Preparation Sequence: SQ, VM 1. */
    public static final int PatientTreatmentPreparationSequence = 0x300A079F;

    /** (300A,07A0) Patient to Equipment Relationship Sequence: SQ, VM 1. */
    public static final int PatientToEquipmentRelationshipSequence = 0x300A07A0;

    /** (300A,07A1) Imaging Equipment to Treatment Delivery Device Relationship Sequence: SQ, VM 1. */
    public static final int ImagingEquipmentToTreatmentDeliveryDeviceRelationshipSequence = 0x300A07A1;

    /** (300C,0002) Referenced RT Plan Sequence: SQ, VM 1. */
    public static final int ReferencedRTPlanSequence = 0x300C0002;

    /** (300C,0004) Referenced Beam Sequence: SQ, VM 1. */
    public static final int ReferencedBeamSequence = 0x300C0004;

    /** (300C,0006) Referenced Beam Number: IS, VM 1. */
    public static final int ReferencedBeamNumber = 0x300C0006;

    /** (300C,0007) Referenced Reference Image Number: IS, VM 1. */
    public static final int ReferencedReferenceImageNumber = 0x300C0007;

    /** (300C,0008) Start Cumulative Meterset Weight: DS, VM 1. */
    public static final int StartCumulativeMetersetWeight = 0x300C0008;

    /** (300C,0009) End Cumulative Meterset Weight: DS, VM 1. */
    public static final int EndCumulativeMetersetWeight = 0x300C0009;

    /** (300C,000A) Referenced Brachy Application Setup Sequence: SQ, VM 1. */
    public static final int ReferencedBrachyApplicationSetupSequence = 0x300C000A;

    /** (300C,000C) Referenced Brachy Application Setup Number: IS, VM 1. */
    public static final int ReferencedBrachyApplicationSetupNumber = 0x300C000C;

    /** (300C,000E) Referenced Source Number: IS, VM 1. */
    public static final int ReferencedSourceNumber = 0x300C000E;

    /** (300C,0020) Referenced Fraction Group Sequence: SQ, VM 1. */
    public static final int ReferencedFractionGroupSequence = 0x300C0020;

    /** (300C,0022) Referenced Fraction Group Number: IS, VM 1. */
    public static final int ReferencedFractionGroupNumber = 0x300C0022;

    /** (300C,0040) Referenced Verification Image Sequence: SQ, VM 1. */
    public static final int ReferencedVerificationImageSequence = 0x300C0040;

    /** (300C,0042) Referenced Reference Image Sequence: SQ, VM 1. */
    public static final int ReferencedReferenceImageSequence = 0x300C0042;

    /** (300C,0050) Referenced Dose Reference Sequence: SQ, VM 1. */
    public static final int ReferencedDoseReferenceSequence = 0x300C0050;

    /** (300C,0051) Referenced Dose Reference Number: IS, VM 1. */
    public static final int ReferencedDoseReferenceNumber = 0x300C0051;

    /** (300C,0055) Brachy Referenced Dose Reference Sequence: SQ, VM 1. */
    public static final int BrachyReferencedDoseReferenceSequence = 0x300C0055;

    /** (300C,0060) Referenced Structure Set Sequence: SQ, VM 1. */
    public static final int ReferencedStructureSetSequence = 0x300C0060;

    /** (300C,006A) Referenced Patient Setup Number: IS, VM 1. */
    public static final int ReferencedPatientSetupNumber = 0x300C006A;

    /** (300C,0080) Referenced Dose Sequence: SQ, VM 1. */
    public static final int ReferencedDoseSequence = 0x300C0080;

    /** (300C,00A0) Referenced Tolerance Table Number: IS, VM 1. */
    public static final int ReferencedToleranceTableNumber = 0x300C00A0;

    /** (300C,00B0) Referenced Bolus Sequence: SQ, VM 1. */
    public static final int ReferencedBolusSequence = 0x300C00B0;

    /** (300C,00C0) Referenced Wedge Number: IS, VM 1. */
    public static final int ReferencedWedgeNumber = 0x300C00C0;

    /** (300C,00D0) Referenced Compensator Number: IS, VM 1. */
    public static final int ReferencedCompensatorNumber = 0x300C00D0;

    /** (300C,00E0) Referenced Block Number: IS, VM 1. */
    public static final int ReferencedBlockNumber = 0x300C00E0;

    /** (300C,00F0) Referenced Control Point Index: IS, VM 1. */
    public static final int ReferencedControlPointIndex = 0x300C00F0;

    /** (300C,00F2) Referenced Control Point Sequence: SQ, VM 1. */
    public static final int ReferencedControlPointSequence = 0x300C00F2;

    /** (300C,00F4) Referenced Start Control Point Index: IS, VM 1. */
    public static final int ReferencedStartControlPointIndex = 0x300C00F4;

    /** (300C,00F6) Referenced Stop Control Point Index: IS, VM 1. */
    public static final int ReferencedStopControlPointIndex = 0x300C00F6;

    /** (300C,0100) Referenced Range Shifter Number: IS, VM 1. */
    public static final int ReferencedRangeShifterNumber = 0x300C0100;

    /** (300C,0102) Referenced Lateral Spreading Device Number: IS, VM 1. */
    public static final int ReferencedLateralSpreadingDeviceNumber = 0x300C0102;

    /** (300C,0104) Referenced Range Modulator Number: IS, VM 1. */
    public static final int ReferencedRangeModulatorNumber = 0x300C0104;

    /** (300C,0111) Omitted Beam Task Sequence: SQ, VM 1. */
    public static final int OmittedBeamTaskSequence = 0x300C0111;

    /** (300C,0112) Reason for Omission: CS, VM 1. */
    public static final int ReasonForOmission = 0x300C0112;

    /** (300C,0113) Reason for Omission Description: LO, VM 1. */
    public static final int ReasonForOmissionDescription = 0x300C0113;

    /** (300C,0114) Prescription Overview Sequence: SQ, VM 1. */
    public static final int PrescriptionOverviewSequence = 0x300C0114;

    /** (300C,0115) Total Prescription Dose: FL, VM 1. */
    public static final int TotalPrescriptionDose = 0x300C0115;

    /** (300C,0116) Plan Overview Sequence: SQ, VM 1. */
    public static final int PlanOverviewSequence = 0x300C0116;

    /** (300C,0117) Plan Overview Index: US, VM 1. */
    public static final int PlanOverviewIndex = 0x300C0117;

    /** (300C,0118) Referenced Plan Overview Index: US, VM 1. */
    public static final int ReferencedPlanOverviewIndex = 0x300C0118;

    /** (300C,0119) Number of Fractions Included: US, VM 1. */
    public static final int NumberOfFractionsIncluded = 0x300C0119;

    /** (300C,0120) Dose Calibration Conditions Sequence: SQ, VM 1. */
    public static final int DoseCalibrationConditionsSequence = 0x300C0120;

    /** (300C,0121) Absorbed Dose to Meterset Ratio: FD, VM 1. */
    public static final int AbsorbedDoseToMetersetRatio = 0x300C0121;

    /** (300C,0122) Delineated Radiation Field Size: FD, VM 2. */
    public static final int DelineatedRadiationFieldSize = 0x300C0122;

    /** (300C,0123) Dose Calibration Conditions Verified Flag: CS, VM 1. */
    public static final int DoseCalibrationConditionsVerifiedFlag = 0x300C0123;

    /** (300C,0124) Calibration Reference Point Depth: FD, VM 1. */
    public static final int CalibrationReferencePointDepth = 0x300C0124;

    /** (300C,0125) Gating Beam Hold Transition Sequence: SQ, VM 1. */
    public static final int GatingBeamHoldTransitionSequence = 0x300C0125;

    /** (300C,0126) Beam Hold Transition: CS, VM 1. */
    public static final int BeamHoldTransition = 0x300C0126;

    /** (300C,0127) Beam Hold Transition DateTime: DT, VM 1. */
    public static final int BeamHoldTransitionDateTime = 0x300C0127;

    /** (300C,0128) Beam Hold Originating Device Sequence: SQ, VM 1. */
    public static final int BeamHoldOriginatingDeviceSequence = 0x300C0128;

    /** (300C,0129) Beam Hold Transition Trigger Source: CS, VM 1. */
    public static final int BeamHoldTransitionTriggerSource = 0x300C0129;

    /** (300E,0002) Approval Status: CS, VM 1. */
    public static final int ApprovalStatus = 0x300E0002;

    /** (300E,0004) Review Date: DA, VM 1. */
    public static final int ReviewDate = 0x300E0004;

    /** (300E,0005) Review Time: TM, VM 1. */
    public static final int ReviewTime = 0x300E0005;

    /** (300E,0008) Reviewer Name: PN, VM 1. */
    public static final int ReviewerName = 0x300E0008;

    /** (3010,0001) Radiobiological Dose Effect Sequence: SQ, VM 1. */
    public static final int RadiobiologicalDoseEffectSequence = 0x30100001;

    /** (3010,0002) Radiobiological Dose Effect Flag: CS, VM 1. */
    public static final int RadiobiologicalDoseEffectFlag = 0x30100002;

    /** (3010,0003) Effective Dose Calculation Method Category Code Sequence: SQ, VM 1. */
    public static final int EffectiveDoseCalculationMethodCategoryCodeSequence = 0x30100003;

    /** (3010,0004) Effective Dose Calculation Method Code Sequence: SQ, VM 1. */
    public static final int EffectiveDoseCalculationMethodCodeSequence = 0x30100004;

    /** (3010,0005) Effective Dose Calculation Method Description: LO, VM 1. */
    public static final int EffectiveDoseCalculationMethodDescription = 0x30100005;

    /** (3010,0006) Conceptual Volume UID: UI, VM 1. */
    public static final int ConceptualVolumeUID = 0x30100006;

    /** (3010,0007) Originating SOP Instance Reference Sequence: SQ, VM 1. */
    public static final int OriginatingSOPInstanceReferenceSequence = 0x30100007;

    /** (3010,0008) Conceptual Volume Constituent Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeConstituentSequence = 0x30100008;

    /** (3010,0009) Equivalent Conceptual Volume Instance Reference Sequence: SQ, VM 1. */
    public static final int EquivalentConceptualVolumeInstanceReferenceSequence = 0x30100009;

    /** (3010,000A) Equivalent Conceptual Volumes Sequence: SQ, VM 1. */
    public static final int EquivalentConceptualVolumesSequence = 0x3010000A;

    /** (3010,000B) Referenced Conceptual Volume UID: UI, VM 1. */
    public static final int ReferencedConceptualVolumeUID = 0x3010000B;

    /** (3010,000C) Conceptual Volume Combination Expression: UT, VM 1. */
    public static final int ConceptualVolumeCombinationExpression = 0x3010000C;

    /** (3010,000D) Conceptual Volume Constituent Index: US, VM 1. */
    public static final int ConceptualVolumeConstituentIndex = 0x3010000D;

    /** (3010,000E) Conceptual Volume Combination Flag: CS, VM 1. */
    public static final int ConceptualVolumeCombinationFlag = 0x3010000E;

    /** (3010,000F) Conceptual Volume Combination Description: ST, VM 1. */
    public static final int ConceptualVolumeCombinationDescription = 0x3010000F;

    /** (3010,0010) Conceptual Volume Segmentation Defined Flag: CS, VM 1. */
    public static final int ConceptualVolumeSegmentationDefinedFlag = 0x30100010;

    /** (3010,0011) Conceptual Volume Segmentation Reference Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeSegmentationReferenceSequence = 0x30100011;

    /** (3010,0012) Conceptual Volume Constituent Segmentation Reference Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeConstituentSegmentationReferenceSequence = 0x30100012;

    /** (3010,0013) Constituent Conceptual Volume UID: UI, VM 1. */
    public static final int ConstituentConceptualVolumeUID = 0x30100013;

    /** (3010,0014) Derivation Conceptual Volume Sequence: SQ, VM 1. */
    public static final int DerivationConceptualVolumeSequence = 0x30100014;

    /** (3010,0015) Source Conceptual Volume UID: UI, VM 1. */
    public static final int SourceConceptualVolumeUID = 0x30100015;

    /** (3010,0016) Conceptual Volume Derivation Algorithm Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeDerivationAlgorithmSequence = 0x30100016;

    /** (3010,0017) Conceptual Volume Description: ST, VM 1. */
    public static final int ConceptualVolumeDescription = 0x30100017;

    /** (3010,0018) Source Conceptual Volume Sequence: SQ, VM 1. */
    public static final int SourceConceptualVolumeSequence = 0x30100018;

    /** (3010,0019) Author Identification Sequence: SQ, VM 1. */
    public static final int AuthorIdentificationSequence = 0x30100019;

    /** (3010,001A) Manufacturer's Model Version: LO, VM 1. */
    public static final int ManufacturerModelVersion = 0x3010001A;

    /** (3010,001B) Device Alternate Identifier: UC, VM 1. */
    public static final int DeviceAlternateIdentifier = 0x3010001B;

    /** (3010,001C) Device Alternate Identifier Type: CS, VM 1. */
    public static final int DeviceAlternateIdentifierType = 0x3010001C;

    /** (3010,001D) Device Alternate Identifier Format: LT, VM 1. */
    public static final int DeviceAlternateIdentifierFormat = 0x3010001D;

    /** (3010,001E) Segmentation Creation Template Label: LO, VM 1. */
    public static final int SegmentationCreationTemplateLabel = 0x3010001E;

    /** (3010,001F) Segmentation Template UID: UI, VM 1. */
    public static final int SegmentationTemplateUID = 0x3010001F;

    /** (3010,0020) Referenced Segment Reference Index: US, VM 1. */
    public static final int ReferencedSegmentReferenceIndex = 0x30100020;

    /** (3010,0021) Segment Reference Sequence: SQ, VM 1. */
    public static final int SegmentReferenceSequence = 0x30100021;

    /** (3010,0022) Segment Reference Index: US, VM 1. */
    public static final int SegmentReferenceIndex = 0x30100022;

    /** (3010,0023) Direct Segment Reference Sequence: SQ, VM 1. */
    public static final int DirectSegmentReferenceSequence = 0x30100023;

    /** (3010,0024) Combination Segment Reference Sequence: SQ, VM 1. */
    public static final int CombinationSegmentReferenceSequence = 0x30100024;

    /** (3010,0025) Conceptual Volume Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeSequence = 0x30100025;

    /** (3010,0026) Segmented RT Accessory Device Sequence: SQ, VM 1. */
    public static final int SegmentedRTAccessoryDeviceSequence = 0x30100026;

    /** (3010,0027) Segment Characteristics Sequence: SQ, VM 1. */
    public static final int SegmentCharacteristicsSequence = 0x30100027;

    /** (3010,0028) Related Segment Characteristics Sequence: SQ, VM 1. */
    public static final int RelatedSegmentCharacteristicsSequence = 0x30100028;

    /** (3010,0029) Segment Characteristics Precedence: US, VM 1. */
    public static final int SegmentCharacteristicsPrecedence = 0x30100029;

    /** (3010,002A) RT Segment Annotation Sequence: SQ, VM 1. */
    public static final int RTSegmentAnnotationSequence = 0x3010002A;

    /** (3010,002B) Segment Annotation Category Code Sequence: SQ, VM 1. */
    public static final int SegmentAnnotationCategoryCodeSequence = 0x3010002B;

    /** (3010,002C) Segment Annotation Type Code Sequence: SQ, VM 1. */
    public static final int SegmentAnnotationTypeCodeSequence = 0x3010002C;

    /** (3010,002D) Device Label: LO, VM 1. */
    public static final int DeviceLabel = 0x3010002D;

    /** (3010,002E) Device Type Code Sequence: SQ, VM 1. */
    public static final int DeviceTypeCodeSequence = 0x3010002E;

    /** (3010,002F) Segment Annotation Type Modifier Code Sequence: SQ, VM 1. */
    public static final int SegmentAnnotationTypeModifierCodeSequence = 0x3010002F;

    /** (3010,0030) Patient Equipment Relationship Code Sequence: SQ, VM 1. */
    public static final int PatientEquipmentRelationshipCodeSequence = 0x30100030;

    /** (3010,0031) Referenced Fiducials UID: UI, VM 1. */
    public static final int ReferencedFiducialsUID = 0x30100031;

    /** (3010,0032) Patient Treatment Orientation Sequence: SQ, VM 1. */
    public static final int PatientTreatmentOrientationSequence = 0x30100032;

    /** (3010,0033) User Content Label: SH, VM 1. */
    public static final int UserContentLabel = 0x30100033;

    /** (3010,0034) User Content Long Label: LO, VM 1. */
    public static final int UserContentLongLabel = 0x30100034;

    /** (3010,0035) Entity Label: SH, VM 1. */
    public static final int EntityLabel = 0x30100035;

    /** (3010,0036) Entity Name: LO, VM 1. */
    public static final int EntityName = 0x30100036;

    /** (3010,0037) Entity Description: ST, VM 1. */
    public static final int EntityDescription = 0x30100037;

    /** (3010,0038) Entity Long Label: LO, VM 1. */
    public static final int EntityLongLabel = 0x30100038;

    /** (3010,0039) Device Index: US, VM 1. */
    public static final int DeviceIndex = 0x30100039;

    /** (3010,003A) RT Treatment Phase Index: US, VM 1. */
    public static final int RTTreatmentPhaseIndex = 0x3010003A;

    /** (3010,003B) RT Treatment Phase UID: UI, VM 1. */
    public static final int RTTreatmentPhaseUID = 0x3010003B;

    /** (3010,003C) RT Prescription Index: US, VM 1. */
    public static final int RTPrescriptionIndex = 0x3010003C;

    /** (3010,003D) RT Segment Annotation Index: US, VM 1. */
    public static final int RTSegmentAnnotationIndex = 0x3010003D;

    /** (3010,003E) Basis RT Treatment Phase Index: US, VM 1. */
    public static final int BasisRTTreatmentPhaseIndex = 0x3010003E;

    /** (3010,003F) Related RT Treatment Phase Index: US, VM 1. */
    public static final int RelatedRTTreatmentPhaseIndex = 0x3010003F;

    /** (3010,0040) Referenced RT Treatment Phase Index: US, VM 1. */
    public static final int ReferencedRTTreatmentPhaseIndex = 0x30100040;

    /** (3010,0041) Referenced RT Prescription Index: US, VM 1. */
    public static final int ReferencedRTPrescriptionIndex = 0x30100041;

    /** (3010,0042) Referenced Parent RT Prescription Index: US, VM 1. */
    public static final int ReferencedParentRTPrescriptionIndex = 0x30100042;

    /** (3010,0043) Manufacturer's Device Identifier: ST, VM 1. */
    public static final int ManufacturerDeviceIdentifier = 0x30100043;

    /** (3010,0044) Instance-Level Referenced Performed Procedure Step Sequence: SQ, VM 1. */
    public static final int InstanceLevelReferencedPerformedProcedureStepSequence = 0x30100044;

    /** (3010,0045) RT Treatment Phase Intent Presence Flag: CS, VM 1. */
    public static final int RTTreatmentPhaseIntentPresenceFlag = 0x30100045;

    /** (3010,0046) Radiotherapy Treatment Type: CS, VM 1. */
    public static final int RadiotherapyTreatmentType = 0x30100046;

    /** (3010,0047) Teletherapy Radiation Type: CS, VM 1-n. */
    public static final int TeletherapyRadiationType = 0x30100047;

    /** (3010,0048) Brachytherapy Source Type: CS, VM 1-n. */
    public static final int BrachytherapySourceType = 0x30100048;

    /** (3010,0049) Referenced RT Treatment Phase Sequence: SQ, VM 1. */
    public static final int ReferencedRTTreatmentPhaseSequence = 0x30100049;

    /** (3010,004A) Referenced Direct Segment Instance Sequence: SQ, VM 1. */
    public static final int ReferencedDirectSegmentInstanceSequence = 0x3010004A;

    /** (3010,004B) Intended RT Treatment Phase Sequence: SQ, VM 1. */
    public static final int IntendedRTTreatmentPhaseSequence = 0x3010004B;

    /** (3010,004C) Intended Phase Start Date: DA, VM 1. */
    public static final int IntendedPhaseStartDate = 0x3010004C;

    /** (3010,004D) Intended Phase End Date: DA, VM 1. */
    public static final int IntendedPhaseEndDate = 0x3010004D;

    /** (3010,004E) RT Treatment Phase Interval Sequence: SQ, VM 1. */
    public static final int RTTreatmentPhaseIntervalSequence = 0x3010004E;

    /** (3010,004F) Temporal Relationship Interval Anchor: CS, VM 1. */
    public static final int TemporalRelationshipIntervalAnchor = 0x3010004F;

    /** (3010,0050) Minimum Number of Interval Days: FD, VM 1. */
    public static final int MinimumNumberOfIntervalDays = 0x30100050;

    /** (3010,0051) Maximum Number of Interval Days: FD, VM 1. */
    public static final int MaximumNumberOfIntervalDays = 0x30100051;

    /** (3010,0052) Pertinent SOP Classes in Study: UI, VM 1-n. */
    public static final int PertinentSOPClassesInStudy = 0x30100052;

    /** (3010,0053) Pertinent SOP Classes in Series: UI, VM 1-n. */
    public static final int PertinentSOPClassesInSeries = 0x30100053;

    /** (3010,0054) RT Prescription Label: LO, VM 1. */
    public static final int RTPrescriptionLabel = 0x30100054;

    /** (3010,0055) RT Physician Intent Predecessor Sequence: SQ, VM 1. */
    public static final int RTPhysicianIntentPredecessorSequence = 0x30100055;

    /** (3010,0056) RT Treatment Approach Label: LO, VM 1. */
    public static final int RTTreatmentApproachLabel = 0x30100056;

    /** (3010,0057) RT Physician Intent Sequence: SQ, VM 1. */
    public static final int RTPhysicianIntentSequence = 0x30100057;

    /** (3010,0058) RT Physician Intent Index: US, VM 1. */
    public static final int RTPhysicianIntentIndex = 0x30100058;

    /** (3010,0059) RT Treatment Intent Type: CS, VM 1. */
    public static final int RTTreatmentIntentType = 0x30100059;

    /** (3010,005A) RT Physician Intent Narrative: UT, VM 1. */
    public static final int RTPhysicianIntentNarrative = 0x3010005A;

    /** (3010,005B) RT Protocol Code Sequence: SQ, VM 1. */
    public static final int RTProtocolCodeSequence = 0x3010005B;

    /** (3010,005C) Reason for Superseding: ST, VM 1. */
    public static final int ReasonForSuperseding = 0x3010005C;

    /** (3010,005D) RT Diagnosis Code Sequence: SQ, VM 1. */
    public static final int RTDiagnosisCodeSequence = 0x3010005D;

    /** (3010,005E) Referenced RT Physician Intent Index: US, VM 1. */
    public static final int ReferencedRTPhysicianIntentIndex = 0x3010005E;

    /** (3010,005F) RT Physician Intent Input Instance Sequence: SQ, VM 1. */
    public static final int RTPhysicianIntentInputInstanceSequence = 0x3010005F;

    /** (3010,0060) RT Anatomic Prescription Sequence: SQ, VM 1. */
    public static final int RTAnatomicPrescriptionSequence = 0x30100060;

    /** (3010,0061) Prior Treatment Dose Description: UT, VM 1. */
    public static final int PriorTreatmentDoseDescription = 0x30100061;

    /** (3010,0062) Prior Treatment Reference Sequence: SQ, VM 1. */
    public static final int PriorTreatmentReferenceSequence = 0x30100062;

    /** (3010,0063) Dosimetric Objective Evaluation Scope: CS, VM 1. */
    public static final int DosimetricObjectiveEvaluationScope = 0x30100063;

    /** (3010,0064) Therapeutic Role Category Code Sequence: SQ, VM 1. */
    public static final int TherapeuticRoleCategoryCodeSequence = 0x30100064;

    /** (3010,0065) Therapeutic Role Type Code Sequence: SQ, VM 1. */
    public static final int TherapeuticRoleTypeCodeSequence = 0x30100065;

    /** (3010,0066) Conceptual Volume Optimization Precedence: US, VM 1. */
    public static final int ConceptualVolumeOptimizationPrecedence = 0x30100066;

    /** (3010,0067) Conceptual Volume Category Code Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeCategoryCodeSequence = 0x30100067;

    /** (3010,0068) Conceptual Volume Blocking Constraint: CS, VM 1. */
    public static final int ConceptualVolumeBlockingConstraint = 0x30100068;

    /** (3010,0069) Conceptual Volume Type Code Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeTypeCodeSequence = 0x30100069;

    /** (3010,006A) Conceptual Volume Type Modifier Code Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeTypeModifierCodeSequence = 0x3010006A;

    /** (3010,006B) RT Prescription Sequence: SQ, VM 1. */
    public static final int RTPrescriptionSequence = 0x3010006B;

    /** (3010,006C) Dosimetric Objective Sequence: SQ, VM 1. */
    public static final int DosimetricObjectiveSequence = 0x3010006C;

    /** (3010,006D) Dosimetric Objective Type Code Sequence: SQ, VM 1. */
    public static final int DosimetricObjectiveTypeCodeSequence = 0x3010006D;

    /** (3010,006E) Dosimetric Objective UID: UI, VM 1. */
    public static final int DosimetricObjectiveUID = 0x3010006E;

    /** (3010,006F) Referenced Dosimetric Objective UID: UI, VM 1. */
    public static final int ReferencedDosimetricObjectiveUID = 0x3010006F;

    /** (3010,0070) Dosimetric Objective Parameter Sequence: SQ, VM 1. */
    public static final int DosimetricObjectiveParameterSequence = 0x30100070;

    /** (3010,0071) Referenced Dosimetric Objectives Sequence: SQ, VM 1. */
    public static final int ReferencedDosimetricObjectivesSequence = 0x30100071;

    /** (3010,0073) Absolute Dosimetric Objective Flag: CS, VM 1. */
    public static final int AbsoluteDosimetricObjectiveFlag = 0x30100073;

    /** (3010,0074) Dosimetric Objective Weight: FD, VM 1. */
    public static final int DosimetricObjectiveWeight = 0x30100074;

    /** (3010,0075) Dosimetric Objective Purpose: CS, VM 1. */
    public static final int DosimetricObjectivePurpose = 0x30100075;

    /** (3010,0076) Planning Input Information Sequence: SQ, VM 1. */
    public static final int PlanningInputInformationSequence = 0x30100076;

    /** (3010,0077) Treatment Site: LO, VM 1. */
    public static final int TreatmentSite = 0x30100077;

    /** (3010,0078) Treatment Site Code Sequence: SQ, VM 1. */
    public static final int TreatmentSiteCodeSequence = 0x30100078;

    /** (3010,0079) Fraction Pattern Sequence: SQ, VM 1. */
    public static final int FractionPatternSequence = 0x30100079;

    /** (3010,007A) Treatment Technique Notes: UT, VM 1. */
    public static final int TreatmentTechniqueNotes = 0x3010007A;

    /** (3010,007B) Prescription Notes: UT, VM 1. */
    public static final int PrescriptionNotes = 0x3010007B;

    /** (3010,007C) Number of Interval Fractions: IS, VM 1. */
    public static final int NumberOfIntervalFractions = 0x3010007C;

    /** (3010,007D) Number of Fractions: US, VM 1. */
    public static final int NumberOfFractions = 0x3010007D;

    /** (3010,007E) Intended Delivery Duration: US, VM 1. */
    public static final int IntendedDeliveryDuration = 0x3010007E;

    /** (3010,007F) Fractionation Notes: UT, VM 1. */
    public static final int FractionationNotes = 0x3010007F;

    /** (3010,0080) RT Treatment Technique Code Sequence: SQ, VM 1. */
    public static final int RTTreatmentTechniqueCodeSequence = 0x30100080;

    /** (3010,0081) Prescription Notes Sequence: SQ, VM 1. */
    public static final int PrescriptionNotesSequence = 0x30100081;

    /** (3010,0082) Fraction-Based Relationship Sequence: SQ, VM 1. */
    public static final int FractionBasedRelationshipSequence = 0x30100082;

    /** (3010,0083) Fraction-Based Relationship Interval Anchor: CS, VM 1. */
    public static final int FractionBasedRelationshipIntervalAnchor = 0x30100083;

    /** (3010,0084) Minimum Hours between Fractions: FD, VM 1. */
    public static final int MinimumHoursBetweenFractions = 0x30100084;

    /** (3010,0085) Intended Fraction Start Time: TM, VM 1-n. */
    public static final int IntendedFractionStartTime = 0x30100085;

    /** (3010,0086) Intended Start Day of Week: LT, VM 1. */
    public static final int IntendedStartDayOfWeek = 0x30100086;

    /** (3010,0087) Weekday Fraction Pattern Sequence: SQ, VM 1. */
    public static final int WeekdayFractionPatternSequence = 0x30100087;

    /** (3010,0088) Delivery Time Structure Code Sequence: SQ, VM 1. */
    public static final int DeliveryTimeStructureCodeSequence = 0x30100088;

    /** (3010,0089) Treatment Site Modifier Code Sequence: SQ, VM 1. */
    public static final int TreatmentSiteModifierCodeSequence = 0x30100089;

    /** (3010,0090) Robotic Base Location Indicator: CS, VM 1. Retired. */
    public static final int RoboticBaseLocationIndicator = 0x30100090;

    /** (3010,0091) Robotic Path Node Set Code Sequence: SQ, VM 1. */
    public static final int RoboticPathNodeSetCodeSequence = 0x30100091;

    /** (3010,0092) Robotic Node Identifier: UL, VM 1. */
    public static final int RoboticNodeIdentifier = 0x30100092;

    /** (3010,0093) RT Treatment Source Coordinates: FD, VM 3. */
    public static final int RTTreatmentSourceCoordinates = 0x30100093;

    /** (3010,0094) Radiation Source Coordinate SystemYaw Angle: FD, VM 1. */
    public static final int RadiationSourceCoordinateSystemYawAngle = 0x30100094;

    /** (3010,0095) Radiation Source Coordinate SystemRoll Angle: FD, VM 1. */
    public static final int RadiationSourceCoordinateSystemRollAngle = 0x30100095;

    /** (3010,0096) Radiation Source Coordinate System Pitch Angle: FD, VM 1. */
    public static final int RadiationSourceCoordinateSystemPitchAngle = 0x30100096;

    /** (3010,0097) Robotic Path Control Point Sequence: SQ, VM 1. */
    public static final int RoboticPathControlPointSequence = 0x30100097;

    /** (3010,0098) Tomotherapeutic Control Point Sequence: SQ, VM 1. */
    public static final int TomotherapeuticControlPointSequence = 0x30100098;

    /** (3010,0099) Tomotherapeutic Leaf Open Durations: FD, VM 1-n. */
    public static final int TomotherapeuticLeafOpenDurations = 0x30100099;

    /** (3010,009A) Tomotherapeutic Leaf Initial Closed Durations: FD, VM 1-n. */
    public static final int TomotherapeuticLeafInitialClosedDurations = 0x3010009A;

    /** (3010,00A0) Conceptual Volume Identification Sequence: SQ, VM 1. */
    public static final int ConceptualVolumeIdentificationSequence = 0x301000A0;

    /** (4000,0010) Arbitrary: LT, VM 1. Retired. */
    public static final int Arbitrary = 0x40000010;

    /** (4000,4000) Text Comments: LT, VM 1. Retired. */
    public static final int TextComments = 0x40004000;

    /** (4008,0040) Results ID: SH, VM 1. Retired. */
    public static final int ResultsID = 0x40080040;

    /** (4008,0042) Results ID Issuer: LO, VM 1. Retired. */
    public static final int ResultsIDIssuer = 0x40080042;

    /** (4008,0050) Referenced Interpretation Sequence: SQ, VM 1. Retired. */
    public static final int ReferencedInterpretationSequence = 0x40080050;

    /** (4008,00FF) Report Production Status (Trial): CS, VM 1. Retired. */
    public static final int ReportProductionStatusTrial = 0x400800FF;

    /** (4008,0100) Interpretation Recorded Date: DA, VM 1. Retired. */
    public static final int InterpretationRecordedDate = 0x40080100;

    /** (4008,0101) Interpretation Recorded Time: TM, VM 1. Retired. */
    public static final int InterpretationRecordedTime = 0x40080101;

    /** (4008,0102) Interpretation Recorder: PN, VM 1. Retired. */
    public static final int InterpretationRecorder = 0x40080102;

    /** (4008,0103) Reference to Recorded Sound: LO, VM 1. Retired. */
    public static final int ReferenceToRecordedSound = 0x40080103;

    /** (4008,0108) Interpretation Transcription Date: DA, VM 1. Retired. */
    public static final int InterpretationTranscriptionDate = 0x40080108;

    /** (4008,0109) Interpretation Transcription Time: TM, VM 1. Retired. */
    public static final int InterpretationTranscriptionTime = 0x40080109;

    /** (4008,010A) Interpretation Transcriber: PN, VM 1. Retired. */
    public static final int InterpretationTranscriber = 0x4008010A;

    /** (4008,010B) Interpretation Text: ST, VM 1. Retired. */
    public static final int InterpretationText = 0x4008010B;

    /** (4008,010C) Interpretation Author: PN, VM 1. Retired. */
    public static final int InterpretationAuthor = 0x4008010C;

    /** (4008,0111) Interpretation Approver Sequence: SQ, VM 1. Retired. */
    public static final int InterpretationApproverSequence = 0x40080111;

    /** (4008,0112) Interpretation Approval Date: DA, VM 1. Retired. */
    public static final int InterpretationApprovalDate = 0x40080112;

    /** (4008,0113) Interpretation Approval Time: TM, VM 1. Retired. */
    public static final int InterpretationApprovalTime = 0x40080113;

    /** (4008,0114) Physician Approving Interpretation: PN, VM 1. Retired. */
    public static final int PhysicianApprovingInterpretation = 0x40080114;

    /** (4008,0115) Interpretation Diagnosis Description: LT, VM 1. Retired. */
    public static final int InterpretationDiagnosisDescription = 0x40080115;

    /** (4008,0117) Interpretation Diagnosis Code Sequence: SQ, VM 1. Retired. */
    public static final int InterpretationDiagnosisCodeSequence = 0x40080117;

    /** (4008,0118) Results Distribution List Sequence: SQ, VM 1. Retired. */
    public static final int ResultsDistributionListSequence = 0x40080118;

    /** (4008,0119) Distribution Name: PN, VM 1. Retired. */
    public static final int DistributionName = 0x40080119;

    /** (4008,011A) Distribution Address: LO, VM 1. Retired. */
    public static final int DistributionAddress = 0x4008011A;

    /** (4008,0200) Interpretation ID: SH, VM 1. Retired. */
    public static final int InterpretationID = 0x40080200;

    /** (4008,0202) Interpretation ID Issuer: LO, VM 1. Retired. */
    public static final int InterpretationIDIssuer = 0x40080202;

    /** (4008,0210) Interpretation Type ID: CS, VM 1. Retired. */
    public static final int InterpretationTypeID = 0x40080210;

    /** (4008,0212) Interpretation Status ID: CS, VM 1. Retired. */
    public static final int InterpretationStatusID = 0x40080212;

    /** (4008,0300) Impressions: ST, VM 1. Retired. */
    public static final int Impressions = 0x40080300;

    /** (4008,4000) Results Comments: ST, VM 1. Retired. */
    public static final int ResultsComments = 0x40084000;

    /** (4010,0001) Low Energy Detectors: CS, VM 1. */
    public static final int LowEnergyDetectors = 0x40100001;

    /** (4010,0002) High Energy Detectors: CS, VM 1. */
    public static final int HighEnergyDetectors = 0x40100002;

    /** (4010,0004) Detector Geometry Sequence: SQ, VM 1. */
    public static final int DetectorGeometrySequence = 0x40100004;

    /** (4010,1001) Threat ROI Voxel Sequence: SQ, VM 1. */
    public static final int ThreatROIVoxelSequence = 0x40101001;

    /** (4010,1004) Threat ROI Base: FL, VM 3. */
    public static final int ThreatROIBase = 0x40101004;

    /** (4010,1005) Threat ROI Extents: FL, VM 3. */
    public static final int ThreatROIExtents = 0x40101005;

    /** (4010,1006) Threat ROI Bitmap: OB, VM 1. */
    public static final int ThreatROIBitmap = 0x40101006;

    /** (4010,1007) Route Segment ID: SH, VM 1. */
    public static final int RouteSegmentID = 0x40101007;

    /** (4010,1008) Gantry Type: CS, VM 1. */
    public static final int GantryType = 0x40101008;

    /** (4010,1009) OOI Owner Type: CS, VM 1. */
    public static final int OOIOwnerType = 0x40101009;

    /** (4010,100A) Route Segment Sequence: SQ, VM 1. */
    public static final int RouteSegmentSequence = 0x4010100A;

    /** (4010,1010) Potential Threat Object ID: US, VM 1. */
    public static final int PotentialThreatObjectID = 0x40101010;

    /** (4010,1011) Threat Sequence: SQ, VM 1. */
    public static final int ThreatSequence = 0x40101011;

    /** (4010,1012) Threat Category: CS, VM 1. */
    public static final int ThreatCategory = 0x40101012;

    /** (4010,1013) Threat Category Description: LT, VM 1. */
    public static final int ThreatCategoryDescription = 0x40101013;

    /** (4010,1014) ATD Ability Assessment: CS, VM 1. */
    public static final int ATDAbilityAssessment = 0x40101014;

    /** (4010,1015) ATD Assessment Flag: CS, VM 1. */
    public static final int ATDAssessmentFlag = 0x40101015;

    /** (4010,1016) ATD Assessment Probability: FL, VM 1. */
    public static final int ATDAssessmentProbability = 0x40101016;

    /** (4010,1017) Mass: FL, VM 1. */
    public static final int Mass = 0x40101017;

    /** (4010,1018) Density: FL, VM 1. */
    public static final int Density = 0x40101018;

    /** (4010,1019) Z Effective: FL, VM 1. */
    public static final int ZEffective = 0x40101019;

    /** (4010,101A) Boarding Pass ID: SH, VM 1. */
    public static final int BoardingPassID = 0x4010101A;

    /** (4010,101B) Center of Mass: FL, VM 3. */
    public static final int CenterOfMass = 0x4010101B;

    /** (4010,101C) Center of PTO: FL, VM 3. */
    public static final int CenterOfPTO = 0x4010101C;

    /** (4010,101D) Bounding Polygon: FL, VM 6-n. */
    public static final int BoundingPolygon = 0x4010101D;

    /** (4010,101E) Route Segment Start Location ID: SH, VM 1. */
    public static final int RouteSegmentStartLocationID = 0x4010101E;

    /** (4010,101F) Route Segment End Location ID: SH, VM 1. */
    public static final int RouteSegmentEndLocationID = 0x4010101F;

    /** (4010,1020) Route Segment Location ID Type: CS, VM 1. */
    public static final int RouteSegmentLocationIDType = 0x40101020;

    /** (4010,1021) Abort Reason: CS, VM 1-n. */
    public static final int AbortReason = 0x40101021;

    /** (4010,1023) Volume of PTO: FL, VM 1. */
    public static final int VolumeOfPTO = 0x40101023;

    /** (4010,1024) Abort Flag: CS, VM 1. */
    public static final int AbortFlag = 0x40101024;

    /** (4010,1025) Route Segment Start Time: DT, VM 1. */
    public static final int RouteSegmentStartTime = 0x40101025;

    /** (4010,1026) Route Segment End Time: DT, VM 1. */
    public static final int RouteSegmentEndTime = 0x40101026;

    /** (4010,1027) TDR Type: CS, VM 1. */
    public static final int TDRType = 0x40101027;

    /** (4010,1028) International Route Segment: CS, VM 1. */
    public static final int InternationalRouteSegment = 0x40101028;

    /** (4010,1029) Threat Detection Algorithm and Version: LO, VM 1-n. */
    public static final int ThreatDetectionAlgorithmAndVersion = 0x40101029;

    /** (4010,102A) Assigned Location: SH, VM 1. */
    public static final int AssignedLocation = 0x4010102A;

    /** (4010,102B) Alarm Decision Time: DT, VM 1. */
    public static final int AlarmDecisionTime = 0x4010102B;

    /** (4010,1031) Alarm Decision: CS, VM 1. */
    public static final int AlarmDecision = 0x40101031;

    /** (4010,1033) Number of Total Objects: US, VM 1. */
    public static final int NumberOfTotalObjects = 0x40101033;

    /** (4010,1034) Number of Alarm Objects: US, VM 1. */
    public static final int NumberOfAlarmObjects = 0x40101034;

    /** (4010,1037) PTO Representation Sequence: SQ, VM 1. */
    public static final int PTORepresentationSequence = 0x40101037;

    /** (4010,1038) ATD Assessment Sequence: SQ, VM 1. */
    public static final int ATDAssessmentSequence = 0x40101038;

    /** (4010,1039) TIP Type: CS, VM 1. */
    public static final int TIPType = 0x40101039;

    /** (4010,103A) DICOS Version: CS, VM 1. */
    public static final int DICOSVersion = 0x4010103A;

    /** (4010,1041) OOI Owner Creation Time: DT, VM 1. */
    public static final int OOIOwnerCreationTime = 0x40101041;

    /** (4010,1042) OOI Type: CS, VM 1. */
    public static final int OOIType = 0x40101042;

    /** (4010,1043) OOI Size: FL, VM 3. */
    public static final int OOISize = 0x40101043;

    /** (4010,1044) Acquisition Status: CS, VM 1. */
    public static final int AcquisitionStatus = 0x40101044;

    /** (4010,1045) Basis Materials Code Sequence: SQ, VM 1. */
    public static final int BasisMaterialsCodeSequence = 0x40101045;

    /** (4010,1046) Phantom Type: CS, VM 1. */
    public static final int PhantomType = 0x40101046;

    /** (4010,1047) OOI Owner Sequence: SQ, VM 1. */
    public static final int OOIOwnerSequence = 0x40101047;

    /** (4010,1048) Scan Type: CS, VM 1. */
    public static final int ScanType = 0x40101048;

    /** (4010,1051) Itinerary ID: LO, VM 1. */
    public static final int ItineraryID = 0x40101051;

    /** (4010,1052) Itinerary ID Type: SH, VM 1. */
    public static final int ItineraryIDType = 0x40101052;

    /** (4010,1053) Itinerary ID Assigning Authority: LO, VM 1. */
    public static final int ItineraryIDAssigningAuthority = 0x40101053;

    /** (4010,1054) Route ID: SH, VM 1. */
    public static final int RouteID = 0x40101054;

    /** (4010,1055) Route ID Assigning Authority: SH, VM 1. */
    public static final int RouteIDAssigningAuthority = 0x40101055;

    /** (4010,1056) Inbound Arrival Type: CS, VM 1. */
    public static final int InboundArrivalType = 0x40101056;

    /** (4010,1058) Carrier ID: SH, VM 1. */
    public static final int CarrierID = 0x40101058;

    /** (4010,1059) Carrier ID Assigning Authority: CS, VM 1. */
    public static final int CarrierIDAssigningAuthority = 0x40101059;

    /** (4010,1060) Source Orientation: FL, VM 3. */
    public static final int SourceOrientation = 0x40101060;

    /** (4010,1061) Source Position: FL, VM 3. */
    public static final int SourcePosition = 0x40101061;

    /** (4010,1062) Belt Height: FL, VM 1. */
    public static final int BeltHeight = 0x40101062;

    /** (4010,1064) Algorithm Routing Code Sequence: SQ, VM 1. */
    public static final int AlgorithmRoutingCodeSequence = 0x40101064;

    /** (4010,1067) Transport Classification: CS, VM 1. */
    public static final int TransportClassification = 0x40101067;

    /** (4010,1068) OOI Type Descriptor: LT, VM 1. */
    public static final int OOITypeDescriptor = 0x40101068;

    /** (4010,1069) Total Processing Time: FL, VM 1. */
    public static final int TotalProcessingTime = 0x40101069;

    /** (4010,106C) Detector Calibration Data: OB, VM 1. */
    public static final int DetectorCalibrationData = 0x4010106C;

    /** (4010,106D) Additional Screening Performed: CS, VM 1. */
    public static final int AdditionalScreeningPerformed = 0x4010106D;

    /** (4010,106E) Additional Inspection Selection Criteria: CS, VM 1. */
    public static final int AdditionalInspectionSelectionCriteria = 0x4010106E;

    /** (4010,106F) Additional Inspection Method Sequence: SQ, VM 1. */
    public static final int AdditionalInspectionMethodSequence = 0x4010106F;

    /** (4010,1070) AIT Device Type: CS, VM 1. */
    public static final int AITDeviceType = 0x40101070;

    /** (4010,1071) QR Measurements Sequence: SQ, VM 1. */
    public static final int QRMeasurementsSequence = 0x40101071;

    /** (4010,1072) Target Material Sequence: SQ, VM 1. */
    public static final int TargetMaterialSequence = 0x40101072;

    /** (4010,1073) SNR Threshold: FD, VM 1. */
    public static final int SNRThreshold = 0x40101073;

    /** (4010,1075) Image Scale Representation: DS, VM 1. */
    public static final int ImageScaleRepresentation = 0x40101075;

    /** (4010,1076) Referenced PTO Sequence: SQ, VM 1. */
    public static final int ReferencedPTOSequence = 0x40101076;

    /** (4010,1077) Referenced TDR Instance Sequence: SQ, VM 1. */
    public static final int ReferencedTDRInstanceSequence = 0x40101077;

    /** (4010,1078) PTO Location Description: ST, VM 1. */
    public static final int PTOLocationDescription = 0x40101078;

    /** (4010,1079) Anomaly Locator Indicator Sequence: SQ, VM 1. */
    public static final int AnomalyLocatorIndicatorSequence = 0x40101079;

    /** (4010,107A) Anomaly Locator Indicator: FL, VM 3. */
    public static final int AnomalyLocatorIndicator = 0x4010107A;

    /** (4010,107B) PTO Region Sequence: SQ, VM 1. */
    public static final int PTORegionSequence = 0x4010107B;

    /** (4010,107C) Inspection Selection Criteria: CS, VM 1. */
    public static final int InspectionSelectionCriteria = 0x4010107C;

    /** (4010,107D) Secondary Inspection Method Sequence: SQ, VM 1. */
    public static final int SecondaryInspectionMethodSequence = 0x4010107D;

    /** (4010,107E) PRCS to RCS Orientation: DS, VM 6. */
    public static final int PRCSToRCSOrientation = 0x4010107E;

    /** (4FFE,0001) MAC Parameters Sequence: SQ, VM 1. */
    public static final int MACParametersSequence = 0x4FFE0001;

    /** (50xx,0005) Curve Dimensions: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveDimensions = 0x50000005;

    /** (50xx,0010) Number of Points: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int NumberOfPoints = 0x50000010;

    /** (50xx,0020) Type of Data: CS, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int TypeOfData = 0x50000020;

    /** (50xx,0022) Curve Description: LO, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveDescription = 0x50000022;

    /** (50xx,0030) Axis Units: SH, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int AxisUnits = 0x50000030;

    /** (50xx,0040) Axis Labels: SH, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int AxisLabels = 0x50000040;

    /** (50xx,0103) Data Value Representation: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int DataValueRepresentation = 0x50000103;

    /** (50xx,0104) Minimum Coordinate Value: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int MinimumCoordinateValue = 0x50000104;

    /** (50xx,0105) Maximum Coordinate Value: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int MaximumCoordinateValue = 0x50000105;

    /** (50xx,0106) Curve Range: SH, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveRange = 0x50000106;

    /** (50xx,0110) Curve Data Descriptor: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveDataDescriptor = 0x50000110;

    /** (50xx,0112) Coordinate Start Value: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CoordinateStartValue = 0x50000112;

    /** (50xx,0114) Coordinate Step Value: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int CoordinateStepValue = 0x50000114;

    /** (50xx,1001) Curve Activation Layer: CS, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveActivationLayer = 0x50001001;

    /** (50xx,2000) Audio Type: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int AudioType = 0x50002000;

    /** (50xx,2002) Audio Sample Format: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int AudioSampleFormat = 0x50002002;

    /** (50xx,2004) Number of Channels: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int NumberOfChannels = 0x50002004;

    /** (50xx,2006) Number of Samples: UL, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int NumberOfSamples = 0x50002006;

    /** (50xx,2008) Sample Rate: UL, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int SampleRate = 0x50002008;

    /** (50xx,200A) Total Time: UL, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int TotalTime = 0x5000200A;

    /** (50xx,200C) Audio Sample Data: OB or OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int AudioSampleData = 0x5000200C;

    /** (50xx,200E) Audio Comments: LT, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int AudioComments = 0x5000200E;

    /** (50xx,2500) Curve Label: LO, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveLabel = 0x50002500;

    /** (50xx,2600) Curve Referenced Overlay Sequence: SQ, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveReferencedOverlaySequence = 0x50002600;

    /** (50xx,2610) Curve Referenced Overlay Group: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveReferencedOverlayGroup = 0x50002610;

    /** (50xx,3000) Curve Data: OB or OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int CurveData = 0x50003000;

    /** (5200,9229) Shared Functional Groups Sequence: SQ, VM 1. */
    public static final int SharedFunctionalGroupsSequence = 0x52009229;

    /** (5200,9230) Per-Frame Functional Groups Sequence: SQ, VM 1. */
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;

    /** (5400,0100) Waveform Sequence: SQ, VM 1. */
    public static final int WaveformSequence = 0x54000100;

    /** (5400,0110) Channel Minimum Value: OB or OW, VM 1. */
    public static final int ChannelMinimumValue = 0x54000110;

    /** (5400,0112) Channel Maximum Value: OB or OW, VM 1. */
    public static final int ChannelMaximumValue = 0x54000112;

    /** (5400,1004) Waveform Bits Allocated: US, VM 1. */
    public static final int WaveformBitsAllocated = 0x54001004;

    /** (5400,1006) Waveform Sample Interpretation: CS, VM 1. */
    public static final int WaveformSampleInterpretation = 0x54001006;

    /** (5400,100A) Waveform Padding Value: OB or OW, VM 1. */
    public static final int WaveformPaddingValue = 0x5400100A;

    /** (5400,1010) Waveform Data: OB or OW, VM 1. */
    public static final int WaveformData = 0x54001010;

    /** (5600,0010) First Order Phase Correction Angle: OF, VM 1. */
    public static final int FirstOrderPhaseCorrectionAngle = 0x56000010;

    /** (5600,0020) Spectroscopy Data: OF, VM 1. */
    public static final int SpectroscopyData = 0x56000020;

    /** (60xx,0010) Overlay Rows: US, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayRows = 0x60000010;

    /** (60xx,0011) Overlay Columns: US, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayColumns = 0x60000011;

    /** (60xx,0012) Overlay Planes: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayPlanes = 0x60000012;

    /** (60xx,0015) Number of Frames in Overlay: IS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int NumberOfFramesInOverlay = 0x60000015;

    /** (60xx,0022) Overlay Description: LO, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayDescription = 0x60000022;

    /** (60xx,0040) Overlay Type: CS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayType = 0x60000040;

    /** (60xx,0045) Overlay Subtype: LO, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlaySubtype = 0x60000045;

    /** (60xx,0050) Overlay Origin: SS, VM 2. Wildcard row: lowest concrete tag. */
    public static final int OverlayOrigin = 0x60000050;

    /** (60xx,0051) Image Frame Origin: US, VM 1. Wildcard row: lowest concrete tag. */
    public static final int ImageFrameOrigin = 0x60000051;

    /** (60xx,0052) Overlay Plane Origin: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayPlaneOrigin = 0x60000052;

    /** (60xx,0060) Overlay Compression Code: CS, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCompressionCode = 0x60000060;

    /** (60xx,0061) Overlay Compression Originator: SH, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCompressionOriginator = 0x60000061;

    /** (60xx,0062) Overlay Compression Label: SH, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCompressionLabel = 0x60000062;

    /** (60xx,0063) Overlay Compression Description: CS, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCompressionDescription = 0x60000063;

    /** (60xx,0066) Overlay Compression Step Pointers: AT, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCompressionStepPointers = 0x60000066;

    /** (60xx,0068) Overlay Repeat Interval: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayRepeatInterval = 0x60000068;

    /** (60xx,0069) Overlay Bits Grouped: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayBitsGrouped = 0x60000069;

    /** (60xx,0100) Overlay Bits Allocated: US, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayBitsAllocated = 0x60000100;

    /** (60xx,0102) Overlay Bit Position: US, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayBitPosition = 0x60000102;

    /** (60xx,0110) Overlay Format: CS, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayFormat = 0x60000110;

    /** (60xx,0200) Overlay Location: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayLocation = 0x60000200;

    /** (60xx,0800) Overlay Code Label: CS, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCodeLabel = 0x60000800;

    /** (60xx,0802) Overlay Number of Tables: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayNumberOfTables = 0x60000802;

    /** (60xx,0803) Overlay Code Table Location: AT, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayCodeTableLocation = 0x60000803;

    /** (60xx,0804) Overlay Bits For Code Word: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayBitsForCodeWord = 0x60000804;

    /** (60xx,1001) Overlay Activation Layer: CS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayActivationLayer = 0x60001001;

    /** (60xx,1100) Overlay Descriptor - Gray: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayDescriptorGray = 0x60001100;

    /** (60xx,1101) Overlay Descriptor - Red: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayDescriptorRed = 0x60001101;

    /** (60xx,1102) Overlay Descriptor - Green: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayDescriptorGreen = 0x60001102;

    /** (60xx,1103) Overlay Descriptor - Blue: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayDescriptorBlue = 0x60001103;

    /** (60xx,1200) Overlays - Gray: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlaysGray = 0x60001200;

    /** (60xx,1201) Overlays - Red: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlaysRed = 0x60001201;

    /** (60xx,1202) Overlays - Green: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlaysGreen = 0x60001202;

    /** (60xx,1203) Overlays - Blue: US, VM 1-n. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlaysBlue = 0x60001203;

    /** (60xx,1301) ROI Area: IS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int ROIArea = 0x60001301;

    /** (60xx,1302) ROI Mean: DS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int ROIMean = 0x60001302;

    /** (60xx,1303) ROI Standard Deviation: DS, VM 1. Wildcard row: lowest concrete tag. */
    public static final int ROIStandardDeviation = 0x60001303;

    /** (60xx,1500) Overlay Label: LO, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayLabel = 0x60001500;

    /** (60xx,3000) Overlay Data: OB or OW, VM 1. Wildcard row: lowest concrete tag. */
    public static final int OverlayData = 0x60003000;

    /** (60xx,4000) Overlay Comments: LT, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int OverlayComments = 0x60004000;

    /** (7Fxx,0010) Variable Pixel Data: OB or OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int VariablePixelData = 0x7F000010;

    /** (7Fxx,0011) Variable Next Data Group: US, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int VariableNextDataGroup = 0x7F000011;

    /** (7Fxx,0020) Variable Coefficients SDVN: OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int VariableCoefficientsSDVN = 0x7F000020;

    /** (7Fxx,0030) Variable Coefficients SDHN: OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int VariableCoefficientsSDHN = 0x7F000030;

    /** (7Fxx,0040) Variable Coefficients SDDN: OW, VM 1. Retired. Wildcard row: lowest concrete tag. */
    public static final int VariableCoefficientsSDDN = 0x7F000040;

    /** (7FE0,0001) Extended Offset Table: OV, VM 1. */
    public static final int ExtendedOffsetTable = 0x7FE00001;

    /** (7FE0,0002) Extended Offset Table Lengths: OV, VM 1. */
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;

    /** (7FE0,0003) Encapsulated Pixel Data Value Total Length: UV, VM 1. */
    public static final int EncapsulatedPixelDataValueTotalLength = 0x7FE00003;

    /** (7FE0,0008) Float Pixel Data: OF, VM 1. */
    public static final int FloatPixelData = 0x7FE00008;

    /** (7FE0,0009) Double Float Pixel Data: OD, VM 1. */
    public static final int DoubleFloatPixelData = 0x7FE00009;

    /** (7FE0,0010) Pixel Data: OB or OW, VM 1. */
    public static final int PixelData = 0x7FE00010;

    /** (7FE0,0020) Coefficients SDVN: OW, VM 1. Retired. */
    public static final int CoefficientsSDVN = 0x7FE00020;

    /** (7FE0,0030) Coefficients SDHN: OW, VM 1. Retired. */
    public static final int CoefficientsSDHN = 0x7FE00030;

    /** (7FE0,0040) Coefficients SDDN: OW, VM 1. Retired. */
    public static final int CoefficientsSDDN = 0x7FE00040;

    /** (FFFA,FFFA) Digital Signatures Sequence: SQ, VM 1. */
    public static final int DigitalSignaturesSequence = 0xFFFAFFFA;

    /** (FFFC,FFFC) Data Set Trailing Padding: OB, VM 1. */
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;

    /** (FFFE,E000) Item: See Note, VM 1. */
    public static final int Item = 0xFFFEE000;

    /** (FFFE,E00D) Item Delimitation Item: See Note, VM 1. */
    public static final int ItemDelimitationItem = 0xFFFEE00D;

    /** (FFFE,E0DD) Sequence Delimitation Item: See Note, VM 1. */
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;
}
