// GENERATED from uids.tsv (PS3.6 2026b) by tools/tablegen - do not edit
package org.cloak.dicom.dict;

/** UIDs of the standard (PS3.6 Tables) by keyword. */
public final class Uid {
    private Uid() {}

    /** Verification SOP Class (SOP Class). */
    public static final String Verification = "1.2.840.10008.1.1";

    /** Implicit VR Little Endian (Transfer Syntax). */
    public static final String ImplicitVRLittleEndian = "1.2.840.10008.1.2";

    /** Explicit VR Little Endian (Transfer Syntax). */
    public static final String ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";

    /** Encapsulated Uncompressed Explicit VR Little Endian (Transfer Syntax). */
    public static final String EncapsulatedUncompressedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.98";

    /** Deflated Explicit VR Little Endian (Transfer Syntax). */
    public static final String DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";

    /** Explicit VR Big Endian (Transfer Syntax), retired. */
    public static final String ExplicitVRBigEndian = "1.2.840.10008.1.2.2";

    /** JPEG Baseline (Process 1) (Transfer Syntax). */
    public static final String JPEGBaseline8Bit = "1.2.840.10008.1.2.4.50";

    /** JPEG Extended (Process 2 &amp; 4) (Transfer Syntax). */
    public static final String JPEGExtended12Bit = "1.2.840.10008.1.2.4.51";

    /** JPEG Extended (Process 3 &amp; 5) (Transfer Syntax), retired. */
    public static final String JPEGExtended35 = "1.2.840.10008.1.2.4.52";

    /** JPEG Spectral Selection, Non-Hierarchical (Process 6 &amp; 8) (Transfer Syntax), retired. */
    public static final String JPEGSpectralSelectionNonHierarchical68 = "1.2.840.10008.1.2.4.53";

    /** JPEG Spectral Selection, Non-Hierarchical (Process 7 &amp; 9) (Transfer Syntax), retired. */
    public static final String JPEGSpectralSelectionNonHierarchical79 = "1.2.840.10008.1.2.4.54";

    /** JPEG Full Progression, Non-Hierarchical (Process 10 &amp; 12) (Transfer Syntax), retired. */
    public static final String JPEGFullProgressionNonHierarchical1012 = "1.2.840.10008.1.2.4.55";

    /** JPEG Full Progression, Non-Hierarchical (Process 11 &amp; 13) (Transfer Syntax), retired. */
    public static final String JPEGFullProgressionNonHierarchical1113 = "1.2.840.10008.1.2.4.56";

    /** JPEG Lossless, Non-Hierarchical (Process 14) (Transfer Syntax). */
    public static final String JPEGLossless = "1.2.840.10008.1.2.4.57";

    /** JPEG Lossless, Non-Hierarchical (Process 15) (Transfer Syntax), retired. */
    public static final String JPEGLosslessNonHierarchical15 = "1.2.840.10008.1.2.4.58";

    /** JPEG Extended, Hierarchical (Process 16 &amp; 18) (Transfer Syntax), retired. */
    public static final String JPEGExtendedHierarchical1618 = "1.2.840.10008.1.2.4.59";

    /** JPEG Extended, Hierarchical (Process 17 &amp; 19) (Transfer Syntax), retired. */
    public static final String JPEGExtendedHierarchical1719 = "1.2.840.10008.1.2.4.60";

    /** JPEG Spectral Selection, Hierarchical (Process 20 &amp; 22) (Transfer Syntax), retired. */
    public static final String JPEGSpectralSelectionHierarchical2022 = "1.2.840.10008.1.2.4.61";

    /** JPEG Spectral Selection, Hierarchical (Process 21 &amp; 23) (Transfer Syntax), retired. */
    public static final String JPEGSpectralSelectionHierarchical2123 = "1.2.840.10008.1.2.4.62";

    /** JPEG Full Progression, Hierarchical (Process 24 &amp; 26) (Transfer Syntax), retired. */
    public static final String JPEGFullProgressionHierarchical2426 = "1.2.840.10008.1.2.4.63";

    /** JPEG Full Progression, Hierarchical (Process 25 &amp; 27) (Transfer Syntax), retired. */
    public static final String JPEGFullProgressionHierarchical2527 = "1.2.840.10008.1.2.4.64";

    /** JPEG Lossless, Hierarchical (Process 28) (Transfer Syntax), retired. */
    public static final String JPEGLosslessHierarchical28 = "1.2.840.10008.1.2.4.65";

    /** JPEG Lossless, Hierarchical (Process 29) (Transfer Syntax), retired. */
    public static final String JPEGLosslessHierarchical29 = "1.2.840.10008.1.2.4.66";

    /** JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]) (Transfer Syntax). */
    public static final String JPEGLosslessSV1 = "1.2.840.10008.1.2.4.70";

    /** JPEG-LS Lossless Image Compression (Transfer Syntax). */
    public static final String JPEGLSLossless = "1.2.840.10008.1.2.4.80";

    /** JPEG-LS Lossy (Near-Lossless) Image Compression (Transfer Syntax). */
    public static final String JPEGLSNearLossless = "1.2.840.10008.1.2.4.81";

    /** JPEG 2000 Image Compression (Lossless Only) (Transfer Syntax). */
    public static final String JPEG2000Lossless = "1.2.840.10008.1.2.4.90";

    /** JPEG 2000 Image Compression (Transfer Syntax). */
    public static final String JPEG2000 = "1.2.840.10008.1.2.4.91";

    /** JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only) (Transfer Syntax). */
    public static final String JPEG2000MCLossless = "1.2.840.10008.1.2.4.92";

    /** JPEG 2000 Part 2 Multi-component Image Compression (Transfer Syntax). */
    public static final String JPEG2000MC = "1.2.840.10008.1.2.4.93";

    /** JPIP Referenced (Transfer Syntax). */
    public static final String JPIPReferenced = "1.2.840.10008.1.2.4.94";

    /** JPIP Referenced Deflate (Transfer Syntax). */
    public static final String JPIPReferencedDeflate = "1.2.840.10008.1.2.4.95";

    /** MPEG2 Main Profile / Main Level (Transfer Syntax). */
    public static final String MPEG2MPML = "1.2.840.10008.1.2.4.100";

    /** Fragmentable MPEG2 Main Profile / Main Level (Transfer Syntax). */
    public static final String MPEG2MPMLF = "1.2.840.10008.1.2.4.100.1";

    /** MPEG2 Main Profile / High Level (Transfer Syntax). */
    public static final String MPEG2MPHL = "1.2.840.10008.1.2.4.101";

    /** Fragmentable MPEG2 Main Profile / High Level (Transfer Syntax). */
    public static final String MPEG2MPHLF = "1.2.840.10008.1.2.4.101.1";

    /** MPEG-4 AVC/H.264 High Profile / Level 4.1 (Transfer Syntax). */
    public static final String MPEG4HP41 = "1.2.840.10008.1.2.4.102";

    /** Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1 (Transfer Syntax). */
    public static final String MPEG4HP41F = "1.2.840.10008.1.2.4.102.1";

    /** MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1 (Transfer Syntax). */
    public static final String MPEG4HP41BD = "1.2.840.10008.1.2.4.103";

    /** Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1 (Transfer Syntax). */
    public static final String MPEG4HP41BDF = "1.2.840.10008.1.2.4.103.1";

    /** MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video (Transfer Syntax). */
    public static final String MPEG4HP422D = "1.2.840.10008.1.2.4.104";

    /** Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video (Transfer Syntax). */
    public static final String MPEG4HP422DF = "1.2.840.10008.1.2.4.104.1";

    /** MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video (Transfer Syntax). */
    public static final String MPEG4HP423D = "1.2.840.10008.1.2.4.105";

    /** Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video (Transfer Syntax). */
    public static final String MPEG4HP423DF = "1.2.840.10008.1.2.4.105.1";

    /** MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2 (Transfer Syntax). */
    public static final String MPEG4HP42STEREO = "1.2.840.10008.1.2.4.106";

    /** Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2 (Transfer Syntax). */
    public static final String MPEG4HP42STEREOF = "1.2.840.10008.1.2.4.106.1";

    /** HEVC/H.265 Main Profile / Level 5.1 (Transfer Syntax). */
    public static final String HEVCMP51 = "1.2.840.10008.1.2.4.107";

    /** HEVC/H.265 Main 10 Profile / Level 5.1 (Transfer Syntax). */
    public static final String HEVCM10P51 = "1.2.840.10008.1.2.4.108";

    /** JPEG XL Lossless (Transfer Syntax). */
    public static final String JPEGXLLossless = "1.2.840.10008.1.2.4.110";

    /** JPEG XL JPEG Recompression (Transfer Syntax). */
    public static final String JPEGXLJPEGRecompression = "1.2.840.10008.1.2.4.111";

    /** JPEG XL (Transfer Syntax). */
    public static final String JPEGXL = "1.2.840.10008.1.2.4.112";

    /** High-Throughput JPEG 2000 Image Compression (Lossless Only) (Transfer Syntax). */
    public static final String HTJ2KLossless = "1.2.840.10008.1.2.4.201";

    /** High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only) (Transfer Syntax). */
    public static final String HTJ2KLosslessRPCL = "1.2.840.10008.1.2.4.202";

    /** High-Throughput JPEG 2000 Image Compression (Transfer Syntax). */
    public static final String HTJ2K = "1.2.840.10008.1.2.4.203";

    /** JPIP HTJ2K Referenced (Transfer Syntax). */
    public static final String JPIPHTJ2KReferenced = "1.2.840.10008.1.2.4.204";

    /** JPIP HTJ2K Referenced Deflate (Transfer Syntax). */
    public static final String JPIPHTJ2KReferencedDeflate = "1.2.840.10008.1.2.4.205";

    /** RLE Lossless (Transfer Syntax). */
    public static final String RLELossless = "1.2.840.10008.1.2.5";

    /** RFC 2557 MIME encapsulation (Transfer Syntax), retired. */
    public static final String RFC2557MIMEEncapsulation = "1.2.840.10008.1.2.6.1";

    /** XML Encoding (Transfer Syntax), retired. */
    public static final String XMLEncoding = "1.2.840.10008.1.2.6.2";

    /** SMPTE ST 2110-20 Uncompressed Progressive Active Video (Transfer Syntax). */
    public static final String SMPTEST211020UncompressedProgressiveActiveVideo = "1.2.840.10008.1.2.7.1";

    /** SMPTE ST 2110-20 Uncompressed Interlaced Active Video (Transfer Syntax). */
    public static final String SMPTEST211020UncompressedInterlacedActiveVideo = "1.2.840.10008.1.2.7.2";

    /** SMPTE ST 2110-30 PCM Digital Audio (Transfer Syntax). */
    public static final String SMPTEST211030PCMDigitalAudio = "1.2.840.10008.1.2.7.3";

    /** Deflated Image Frame Compression (Transfer Syntax). */
    public static final String DeflatedImageFrameCompression = "1.2.840.10008.1.2.8.1";

    /** Media Storage Directory Storage (SOP Class). */
    public static final String MediaStorageDirectoryStorage = "1.2.840.10008.1.3.10";

    /** Talairach Brain Atlas Frame of Reference (Well-known frame of reference). */
    public static final String TalairachBrainAtlas = "1.2.840.10008.1.4.1.1";

    /** SPM2 T1 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2T1 = "1.2.840.10008.1.4.1.2";

    /** SPM2 T2 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2T2 = "1.2.840.10008.1.4.1.3";

    /** SPM2 PD Frame of Reference (Well-known frame of reference). */
    public static final String SPM2PD = "1.2.840.10008.1.4.1.4";

    /** SPM2 EPI Frame of Reference (Well-known frame of reference). */
    public static final String SPM2EPI = "1.2.840.10008.1.4.1.5";

    /** SPM2 FIL T1 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2FILT1 = "1.2.840.10008.1.4.1.6";

    /** SPM2 PET Frame of Reference (Well-known frame of reference). */
    public static final String SPM2PET = "1.2.840.10008.1.4.1.7";

    /** SPM2 TRANSM Frame of Reference (Well-known frame of reference). */
    public static final String SPM2TRANSM = "1.2.840.10008.1.4.1.8";

    /** SPM2 SPECT Frame of Reference (Well-known frame of reference). */
    public static final String SPM2SPECT = "1.2.840.10008.1.4.1.9";

    /** SPM2 GRAY Frame of Reference (Well-known frame of reference). */
    public static final String SPM2GRAY = "1.2.840.10008.1.4.1.10";

    /** SPM2 WHITE Frame of Reference (Well-known frame of reference). */
    public static final String SPM2WHITE = "1.2.840.10008.1.4.1.11";

    /** SPM2 CSF Frame of Reference (Well-known frame of reference). */
    public static final String SPM2CSF = "1.2.840.10008.1.4.1.12";

    /** SPM2 BRAINMASK Frame of Reference (Well-known frame of reference). */
    public static final String SPM2BRAINMASK = "1.2.840.10008.1.4.1.13";

    /** SPM2 AVG305T1 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2AVG305T1 = "1.2.840.10008.1.4.1.14";

    /** SPM2 AVG152T1 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2AVG152T1 = "1.2.840.10008.1.4.1.15";

    /** SPM2 AVG152T2 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2AVG152T2 = "1.2.840.10008.1.4.1.16";

    /** SPM2 AVG152PD Frame of Reference (Well-known frame of reference). */
    public static final String SPM2AVG152PD = "1.2.840.10008.1.4.1.17";

    /** SPM2 SINGLESUBJT1 Frame of Reference (Well-known frame of reference). */
    public static final String SPM2SINGLESUBJT1 = "1.2.840.10008.1.4.1.18";

    /** ICBM 452 T1 Frame of Reference (Well-known frame of reference). */
    public static final String ICBM452T1 = "1.2.840.10008.1.4.2.1";

    /** ICBM Single Subject MRI Frame of Reference (Well-known frame of reference). */
    public static final String ICBMSingleSubjectMRI = "1.2.840.10008.1.4.2.2";

    /** IEC 61217 Fixed Coordinate System Frame of Reference (Well-known frame of reference). */
    public static final String IEC61217FixedCoordinateSystem = "1.2.840.10008.1.4.3.1";

    /** Standard Robotic-Arm Coordinate System Frame of Reference (Well-known frame of reference). */
    public static final String StandardRoboticArmCoordinateSystem = "1.2.840.10008.1.4.3.2";

    /** IEC 61217 Table Top Coordinate System Frame of Reference (Well-known frame of reference). */
    public static final String IEC61217TableTopCoordinateSystem = "1.2.840.10008.1.4.3.3";

    /** SRI24 Frame of Reference (Well-known frame of reference). */
    public static final String SRI24 = "1.2.840.10008.1.4.4.1";

    /** Colin27 Frame of Reference (Well-known frame of reference). */
    public static final String Colin27 = "1.2.840.10008.1.4.5.1";

    /** LPBA40/AIR Frame of Reference (Well-known frame of reference). */
    public static final String LPBA40AIR = "1.2.840.10008.1.4.6.1";

    /** LPBA40/FLIRT Frame of Reference (Well-known frame of reference). */
    public static final String LPBA40FLIRT = "1.2.840.10008.1.4.6.2";

    /** LPBA40/SPM5 Frame of Reference (Well-known frame of reference). */
    public static final String LPBA40SPM5 = "1.2.840.10008.1.4.6.3";

    /** Hot Iron Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String HotIronPalette = "1.2.840.10008.1.5.1";

    /** PET Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String PETPalette = "1.2.840.10008.1.5.2";

    /** Hot Metal Blue Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String HotMetalBluePalette = "1.2.840.10008.1.5.3";

    /** PET 20 Step Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String PET20StepPalette = "1.2.840.10008.1.5.4";

    /** Spring Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String SpringPalette = "1.2.840.10008.1.5.5";

    /** Summer Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String SummerPalette = "1.2.840.10008.1.5.6";

    /** Fall Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String FallPalette = "1.2.840.10008.1.5.7";

    /** Winter Color Palette SOP Instance (Well-known SOP Instance). */
    public static final String WinterPalette = "1.2.840.10008.1.5.8";

    /** Basic Study Content Notification SOP Class (SOP Class), retired. */
    public static final String BasicStudyContentNotification = "1.2.840.10008.1.9";

    /** Papyrus 3 Implicit VR Little Endian (Transfer Syntax), retired. */
    public static final String Papyrus3ImplicitVRLittleEndian = "1.2.840.10008.1.20";

    /** Storage Commitment Push Model SOP Class (SOP Class). */
    public static final String StorageCommitmentPushModel = "1.2.840.10008.1.20.1";

    /** Storage Commitment Push Model SOP Instance (Well-known SOP Instance). */
    public static final String StorageCommitmentPushModelInstance = "1.2.840.10008.1.20.1.1";

    /** Storage Commitment Pull Model SOP Class (SOP Class), retired. */
    public static final String StorageCommitmentPullModel = "1.2.840.10008.1.20.2";

    /** Storage Commitment Pull Model SOP Instance (Well-known SOP Instance), retired. */
    public static final String StorageCommitmentPullModelInstance = "1.2.840.10008.1.20.2.1";

    /** Procedural Event Logging SOP Class (SOP Class). */
    public static final String ProceduralEventLogging = "1.2.840.10008.1.40";

    /** Procedural Event Logging SOP Instance (Well-known SOP Instance). */
    public static final String ProceduralEventLoggingInstance = "1.2.840.10008.1.40.1";

    /** Substance Administration Logging SOP Class (SOP Class). */
    public static final String SubstanceAdministrationLogging = "1.2.840.10008.1.42";

    /** Substance Administration Logging SOP Instance (Well-known SOP Instance). */
    public static final String SubstanceAdministrationLoggingInstance = "1.2.840.10008.1.42.1";

    /** DICOM UID Registry (DICOM UIDs as a Coding Scheme). */
    public static final String DCMUID = "1.2.840.10008.2.6.1";

    /** DICOM Controlled Terminology (Coding Scheme). */
    public static final String DCM = "1.2.840.10008.2.16.4";

    /** Adult Mouse Anatomy Ontology (Coding Scheme). */
    public static final String MA = "1.2.840.10008.2.16.5";

    /** Uberon Ontology (Coding Scheme). */
    public static final String UBERON = "1.2.840.10008.2.16.6";

    /** Integrated Taxonomic Information System (ITIS) Taxonomic Serial Number (TSN) (Coding Scheme). */
    public static final String ITIS_TSN = "1.2.840.10008.2.16.7";

    /** Mouse Genome Initiative (MGI) (Coding Scheme). */
    public static final String MGI = "1.2.840.10008.2.16.8";

    /** PubChem Compound CID (Coding Scheme). */
    public static final String PUBCHEM_CID = "1.2.840.10008.2.16.9";

    /** Dublin Core (Coding Scheme). */
    public static final String DC = "1.2.840.10008.2.16.10";

    /** New York University Melanoma Clinical Cooperative Group (Coding Scheme). */
    public static final String NYUMCCG = "1.2.840.10008.2.16.11";

    /** Mayo Clinic Non-radiological Images Specific Body Structure Anatomical Surface Region Guide (Coding Scheme). */
    public static final String MAYONRISBSASRG = "1.2.840.10008.2.16.12";

    /** Image Biomarker Standardisation Initiative (Coding Scheme). */
    public static final String IBSI = "1.2.840.10008.2.16.13";

    /** Radiomics Ontology (Coding Scheme). */
    public static final String RO = "1.2.840.10008.2.16.14";

    /** RadElement (Coding Scheme). */
    public static final String RADELEMENT = "1.2.840.10008.2.16.15";

    /** ICD-11 (Coding Scheme). */
    public static final String I11 = "1.2.840.10008.2.16.16";

    /** Unified numbering system (UNS) for metals and alloys (Coding Scheme). */
    public static final String UNS = "1.2.840.10008.2.16.17";

    /** Research Resource Identification (Coding Scheme). */
    public static final String RRID = "1.2.840.10008.2.16.18";

    /** DICOM Application Context Name (Application Context Name). */
    public static final String DICOMApplicationContext = "1.2.840.10008.3.1.1.1";

    /** Detached Patient Management SOP Class (SOP Class), retired. */
    public static final String DetachedPatientManagement = "1.2.840.10008.3.1.2.1.1";

    /** Detached Patient Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String DetachedPatientManagementMeta = "1.2.840.10008.3.1.2.1.4";

    /** Detached Visit Management SOP Class (SOP Class), retired. */
    public static final String DetachedVisitManagement = "1.2.840.10008.3.1.2.2.1";

    /** Detached Study Management SOP Class (SOP Class), retired. */
    public static final String DetachedStudyManagement = "1.2.840.10008.3.1.2.3.1";

    /** Study Component Management SOP Class (SOP Class), retired. */
    public static final String StudyComponentManagement = "1.2.840.10008.3.1.2.3.2";

    /** Modality Performed Procedure Step SOP Class (SOP Class). */
    public static final String ModalityPerformedProcedureStep = "1.2.840.10008.3.1.2.3.3";

    /** Modality Performed Procedure Step Retrieve SOP Class (SOP Class). */
    public static final String ModalityPerformedProcedureStepRetrieve = "1.2.840.10008.3.1.2.3.4";

    /** Modality Performed Procedure Step Notification SOP Class (SOP Class). */
    public static final String ModalityPerformedProcedureStepNotification = "1.2.840.10008.3.1.2.3.5";

    /** Detached Results Management SOP Class (SOP Class), retired. */
    public static final String DetachedResultsManagement = "1.2.840.10008.3.1.2.5.1";

    /** Detached Results Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String DetachedResultsManagementMeta = "1.2.840.10008.3.1.2.5.4";

    /** Detached Study Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String DetachedStudyManagementMeta = "1.2.840.10008.3.1.2.5.5";

    /** Detached Interpretation Management SOP Class (SOP Class), retired. */
    public static final String DetachedInterpretationManagement = "1.2.840.10008.3.1.2.6.1";

    /** Storage Service Class (Service Class). */
    public static final String Storage = "1.2.840.10008.4.2";

    /** Basic Film Session SOP Class (SOP Class). */
    public static final String BasicFilmSession = "1.2.840.10008.5.1.1.1";

    /** Basic Film Box SOP Class (SOP Class). */
    public static final String BasicFilmBox = "1.2.840.10008.5.1.1.2";

    /** Basic Grayscale Image Box SOP Class (SOP Class). */
    public static final String BasicGrayscaleImageBox = "1.2.840.10008.5.1.1.4";

    /** Basic Color Image Box SOP Class (SOP Class). */
    public static final String BasicColorImageBox = "1.2.840.10008.5.1.1.4.1";

    /** Referenced Image Box SOP Class (SOP Class), retired. */
    public static final String ReferencedImageBox = "1.2.840.10008.5.1.1.4.2";

    /** Basic Grayscale Print Management Meta SOP Class (Meta SOP Class). */
    public static final String BasicGrayscalePrintManagementMeta = "1.2.840.10008.5.1.1.9";

    /** Referenced Grayscale Print Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String ReferencedGrayscalePrintManagementMeta = "1.2.840.10008.5.1.1.9.1";

    /** Print Job SOP Class (SOP Class). */
    public static final String PrintJob = "1.2.840.10008.5.1.1.14";

    /** Basic Annotation Box SOP Class (SOP Class). */
    public static final String BasicAnnotationBox = "1.2.840.10008.5.1.1.15";

    /** Printer SOP Class (SOP Class). */
    public static final String Printer = "1.2.840.10008.5.1.1.16";

    /** Printer Configuration Retrieval SOP Class (SOP Class). */
    public static final String PrinterConfigurationRetrieval = "1.2.840.10008.5.1.1.16.376";

    /** Printer SOP Instance (Well-known SOP Instance). */
    public static final String PrinterInstance = "1.2.840.10008.5.1.1.17";

    /** Printer Configuration Retrieval SOP Instance (Well-known SOP Instance). */
    public static final String PrinterConfigurationRetrievalInstance = "1.2.840.10008.5.1.1.17.376";

    /** Basic Color Print Management Meta SOP Class (Meta SOP Class). */
    public static final String BasicColorPrintManagementMeta = "1.2.840.10008.5.1.1.18";

    /** Referenced Color Print Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String ReferencedColorPrintManagementMeta = "1.2.840.10008.5.1.1.18.1";

    /** VOI LUT Box SOP Class (SOP Class). */
    public static final String VOILUTBox = "1.2.840.10008.5.1.1.22";

    /** Presentation LUT SOP Class (SOP Class). */
    public static final String PresentationLUT = "1.2.840.10008.5.1.1.23";

    /** Image Overlay Box SOP Class (SOP Class), retired. */
    public static final String ImageOverlayBox = "1.2.840.10008.5.1.1.24";

    /** Basic Print Image Overlay Box SOP Class (SOP Class), retired. */
    public static final String BasicPrintImageOverlayBox = "1.2.840.10008.5.1.1.24.1";

    /** Print Queue SOP Instance (Well-known SOP Instance), retired. */
    public static final String PrintQueueInstance = "1.2.840.10008.5.1.1.25";

    /** Print Queue Management SOP Class (SOP Class), retired. */
    public static final String PrintQueueManagement = "1.2.840.10008.5.1.1.26";

    /** Stored Print Storage SOP Class (SOP Class), retired. */
    public static final String StoredPrintStorage = "1.2.840.10008.5.1.1.27";

    /** Hardcopy Grayscale Image Storage SOP Class (SOP Class), retired. */
    public static final String HardcopyGrayscaleImageStorage = "1.2.840.10008.5.1.1.29";

    /** Hardcopy Color Image Storage SOP Class (SOP Class), retired. */
    public static final String HardcopyColorImageStorage = "1.2.840.10008.5.1.1.30";

    /** Pull Print Request SOP Class (SOP Class), retired. */
    public static final String PullPrintRequest = "1.2.840.10008.5.1.1.31";

    /** Pull Stored Print Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String PullStoredPrintManagementMeta = "1.2.840.10008.5.1.1.32";

    /** Media Creation Management SOP Class UID (SOP Class). */
    public static final String MediaCreationManagement = "1.2.840.10008.5.1.1.33";

    /** Display System SOP Class (SOP Class). */
    public static final String DisplaySystem = "1.2.840.10008.5.1.1.40";

    /** Display System SOP Instance (Well-known SOP Instance). */
    public static final String DisplaySystemInstance = "1.2.840.10008.5.1.1.40.1";

    /** Computed Radiography Image Storage (SOP Class). */
    public static final String ComputedRadiographyImageStorage = "1.2.840.10008.5.1.4.1.1.1";

    /** Digital X-Ray Image Storage - For Presentation (SOP Class). */
    public static final String DigitalXRayImageStorageForPresentation = "1.2.840.10008.5.1.4.1.1.1.1";

    /** Digital X-Ray Image Storage - For Processing (SOP Class). */
    public static final String DigitalXRayImageStorageForProcessing = "1.2.840.10008.5.1.4.1.1.1.1.1";

    /** Digital Mammography X-Ray Image Storage - For Presentation (SOP Class). */
    public static final String DigitalMammographyXRayImageStorageForPresentation = "1.2.840.10008.5.1.4.1.1.1.2";

    /** Digital Mammography X-Ray Image Storage - For Processing (SOP Class). */
    public static final String DigitalMammographyXRayImageStorageForProcessing = "1.2.840.10008.5.1.4.1.1.1.2.1";

    /** Digital Intra-Oral X-Ray Image Storage - For Presentation (SOP Class). */
    public static final String DigitalIntraOralXRayImageStorageForPresentation = "1.2.840.10008.5.1.4.1.1.1.3";

    /** Digital Intra-Oral X-Ray Image Storage - For Processing (SOP Class). */
    public static final String DigitalIntraOralXRayImageStorageForProcessing = "1.2.840.10008.5.1.4.1.1.1.3.1";

    /** CT Image Storage (SOP Class). */
    public static final String CTImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /** Enhanced CT Image Storage (SOP Class). */
    public static final String EnhancedCTImageStorage = "1.2.840.10008.5.1.4.1.1.2.1";

    /** Legacy Converted Enhanced CT Image Storage (SOP Class). */
    public static final String LegacyConvertedEnhancedCTImageStorage = "1.2.840.10008.5.1.4.1.1.2.2";

    /** Ultrasound Multi-frame Image Storage (SOP Class), retired. */
    public static final String UltrasoundMultiFrameImageStorageRetired = "1.2.840.10008.5.1.4.1.1.3";

    /** Ultrasound Multi-frame Image Storage (SOP Class). */
    public static final String UltrasoundMultiFrameImageStorage = "1.2.840.10008.5.1.4.1.1.3.1";

    /** MR Image Storage (SOP Class). */
    public static final String MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";

    /** Enhanced MR Image Storage (SOP Class). */
    public static final String EnhancedMRImageStorage = "1.2.840.10008.5.1.4.1.1.4.1";

    /** MR Spectroscopy Storage (SOP Class). */
    public static final String MRSpectroscopyStorage = "1.2.840.10008.5.1.4.1.1.4.2";

    /** Enhanced MR Color Image Storage (SOP Class). */
    public static final String EnhancedMRColorImageStorage = "1.2.840.10008.5.1.4.1.1.4.3";

    /** Legacy Converted Enhanced MR Image Storage (SOP Class). */
    public static final String LegacyConvertedEnhancedMRImageStorage = "1.2.840.10008.5.1.4.1.1.4.4";

    /** Nuclear Medicine Image Storage (SOP Class), retired. */
    public static final String NuclearMedicineImageStorageRetired = "1.2.840.10008.5.1.4.1.1.5";

    /** Ultrasound Image Storage (SOP Class), retired. */
    public static final String UltrasoundImageStorageRetired = "1.2.840.10008.5.1.4.1.1.6";

    /** Ultrasound Image Storage (SOP Class). */
    public static final String UltrasoundImageStorage = "1.2.840.10008.5.1.4.1.1.6.1";

    /** Enhanced US Volume Storage (SOP Class). */
    public static final String EnhancedUSVolumeStorage = "1.2.840.10008.5.1.4.1.1.6.2";

    /** Photoacoustic Image Storage (SOP Class). */
    public static final String PhotoacousticImageStorage = "1.2.840.10008.5.1.4.1.1.6.3";

    /** Secondary Capture Image Storage (SOP Class). */
    public static final String SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /** Multi-frame Single Bit Secondary Capture Image Storage (SOP Class). */
    public static final String MultiFrameSingleBitSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.1";

    /** Multi-frame Grayscale Byte Secondary Capture Image Storage (SOP Class). */
    public static final String MultiFrameGrayscaleByteSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.2";

    /** Multi-frame Grayscale Word Secondary Capture Image Storage (SOP Class). */
    public static final String MultiFrameGrayscaleWordSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.3";

    /** Multi-frame True Color Secondary Capture Image Storage (SOP Class). */
    public static final String MultiFrameTrueColorSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.4";

    /** Standalone Overlay Storage (SOP Class), retired. */
    public static final String StandaloneOverlayStorage = "1.2.840.10008.5.1.4.1.1.8";

    /** Standalone Curve Storage (SOP Class), retired. */
    public static final String StandaloneCurveStorage = "1.2.840.10008.5.1.4.1.1.9";

    /** Waveform Storage - Trial (SOP Class), retired. */
    public static final String WaveformStorageTrial = "1.2.840.10008.5.1.4.1.1.9.1";

    /** 12-lead ECG Waveform Storage (SOP Class). */
    public static final String TwelveLeadECGWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.1.1";

    /** General ECG Waveform Storage (SOP Class). */
    public static final String GeneralECGWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.1.2";

    /** Ambulatory ECG Waveform Storage (SOP Class). */
    public static final String AmbulatoryECGWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.1.3";

    /** General 32-bit ECG Waveform Storage (SOP Class). */
    public static final String General32bitECGWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.1.4";

    /** Hemodynamic Waveform Storage (SOP Class). */
    public static final String HemodynamicWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.2.1";

    /** Cardiac Electrophysiology Waveform Storage (SOP Class). */
    public static final String CardiacElectrophysiologyWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.3.1";

    /** Basic Voice Audio Waveform Storage (SOP Class). */
    public static final String BasicVoiceAudioWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.4.1";

    /** General Audio Waveform Storage (SOP Class). */
    public static final String GeneralAudioWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.4.2";

    /** Arterial Pulse Waveform Storage (SOP Class). */
    public static final String ArterialPulseWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.5.1";

    /** Respiratory Waveform Storage (SOP Class). */
    public static final String RespiratoryWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.6.1";

    /** Multi-channel Respiratory Waveform Storage (SOP Class). */
    public static final String MultichannelRespiratoryWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.6.2";

    /** Routine Scalp Electroencephalogram Waveform Storage (SOP Class). */
    public static final String RoutineScalpElectroencephalogramWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.7.1";

    /** Electromyogram Waveform Storage (SOP Class). */
    public static final String ElectromyogramWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.7.2";

    /** Electrooculogram Waveform Storage (SOP Class). */
    public static final String ElectrooculogramWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.7.3";

    /** Sleep Electroencephalogram Waveform Storage (SOP Class). */
    public static final String SleepElectroencephalogramWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.7.4";

    /** Body Position Waveform Storage (SOP Class). */
    public static final String BodyPositionWaveformStorage = "1.2.840.10008.5.1.4.1.1.9.8.1";

    /** Waveform Presentation State Storage (SOP Class). */
    public static final String WaveformPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.9.100.1";

    /** Waveform Acquisition Presentation State Storage (SOP Class). */
    public static final String WaveformAcquisitionPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.9.100.2";

    /** Standalone Modality LUT Storage (SOP Class), retired. */
    public static final String StandaloneModalityLUTStorage = "1.2.840.10008.5.1.4.1.1.10";

    /** Standalone VOI LUT Storage (SOP Class), retired. */
    public static final String StandaloneVOILUTStorage = "1.2.840.10008.5.1.4.1.1.11";

    /** Grayscale Softcopy Presentation State Storage (SOP Class). */
    public static final String GrayscaleSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.1";

    /** Color Softcopy Presentation State Storage (SOP Class). */
    public static final String ColorSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.2";

    /** Pseudo-Color Softcopy Presentation State Storage (SOP Class). */
    public static final String PseudoColorSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.3";

    /** Blending Softcopy Presentation State Storage (SOP Class). */
    public static final String BlendingSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.4";

    /** XA/XRF Grayscale Softcopy Presentation State Storage (SOP Class). */
    public static final String XAXRFGrayscaleSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.5";

    /** Grayscale Planar MPR Volumetric Presentation State Storage (SOP Class). */
    public static final String GrayscalePlanarMPRVolumetricPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.6";

    /** Compositing Planar MPR Volumetric Presentation State Storage (SOP Class). */
    public static final String CompositingPlanarMPRVolumetricPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.7";

    /** Advanced Blending Presentation State Storage (SOP Class). */
    public static final String AdvancedBlendingPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.8";

    /** Volume Rendering Volumetric Presentation State Storage (SOP Class). */
    public static final String VolumeRenderingVolumetricPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.9";

    /** Segmented Volume Rendering Volumetric Presentation State Storage (SOP Class). */
    public static final String SegmentedVolumeRenderingVolumetricPresentationStateStorage =
            "1.2.840.10008.5.1.4.1.1.11.10";

    /** Multiple Volume Rendering Volumetric Presentation State Storage (SOP Class). */
    public static final String MultipleVolumeRenderingVolumetricPresentationStateStorage =
            "1.2.840.10008.5.1.4.1.1.11.11";

    /** Variable Modality LUT Softcopy Presentation State Storage (SOP Class). */
    public static final String VariableModalityLUTSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.12";

    /** X-Ray Angiographic Image Storage (SOP Class). */
    public static final String XRayAngiographicImageStorage = "1.2.840.10008.5.1.4.1.1.12.1";

    /** Enhanced XA Image Storage (SOP Class). */
    public static final String EnhancedXAImageStorage = "1.2.840.10008.5.1.4.1.1.12.1.1";

    /** X-Ray Radiofluoroscopic Image Storage (SOP Class). */
    public static final String XRayRadiofluoroscopicImageStorage = "1.2.840.10008.5.1.4.1.1.12.2";

    /** Enhanced XRF Image Storage (SOP Class). */
    public static final String EnhancedXRFImageStorage = "1.2.840.10008.5.1.4.1.1.12.2.1";

    /** X-Ray Angiographic Bi-Plane Image Storage (SOP Class), retired. */
    public static final String XRayAngiographicBiPlaneImageStorage = "1.2.840.10008.5.1.4.1.1.12.3";

    /** X-Ray 3D Angiographic Image Storage (SOP Class). */
    public static final String XRay3DAngiographicImageStorage = "1.2.840.10008.5.1.4.1.1.13.1.1";

    /** X-Ray 3D Craniofacial Image Storage (SOP Class). */
    public static final String XRay3DCraniofacialImageStorage = "1.2.840.10008.5.1.4.1.1.13.1.2";

    /** Breast Tomosynthesis Image Storage (SOP Class). */
    public static final String BreastTomosynthesisImageStorage = "1.2.840.10008.5.1.4.1.1.13.1.3";

    /** Breast Projection X-Ray Image Storage - For Presentation (SOP Class). */
    public static final String BreastProjectionXRayImageStorageForPresentation = "1.2.840.10008.5.1.4.1.1.13.1.4";

    /** Breast Projection X-Ray Image Storage - For Processing (SOP Class). */
    public static final String BreastProjectionXRayImageStorageForProcessing = "1.2.840.10008.5.1.4.1.1.13.1.5";

    /** Intravascular Optical Coherence Tomography Image Storage - For Presentation (SOP Class). */
    public static final String IntravascularOpticalCoherenceTomographyImageStorageForPresentation =
            "1.2.840.10008.5.1.4.1.1.14.1";

    /** Intravascular Optical Coherence Tomography Image Storage - For Processing (SOP Class). */
    public static final String IntravascularOpticalCoherenceTomographyImageStorageForProcessing =
            "1.2.840.10008.5.1.4.1.1.14.2";

    /** Nuclear Medicine Image Storage (SOP Class). */
    public static final String NuclearMedicineImageStorage = "1.2.840.10008.5.1.4.1.1.20";

    /** Parametric Map Storage (SOP Class). */
    public static final String ParametricMapStorage = "1.2.840.10008.5.1.4.1.1.30";

    /** Raw Data Storage (SOP Class). */
    public static final String RawDataStorage = "1.2.840.10008.5.1.4.1.1.66";

    /** Spatial Registration Storage (SOP Class). */
    public static final String SpatialRegistrationStorage = "1.2.840.10008.5.1.4.1.1.66.1";

    /** Spatial Fiducials Storage (SOP Class). */
    public static final String SpatialFiducialsStorage = "1.2.840.10008.5.1.4.1.1.66.2";

    /** Deformable Spatial Registration Storage (SOP Class). */
    public static final String DeformableSpatialRegistrationStorage = "1.2.840.10008.5.1.4.1.1.66.3";

    /** Segmentation Storage (SOP Class). */
    public static final String SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /** Surface Segmentation Storage (SOP Class). */
    public static final String SurfaceSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.5";

    /** Tractography Results Storage (SOP Class). */
    public static final String TractographyResultsStorage = "1.2.840.10008.5.1.4.1.1.66.6";

    /** Label Map Segmentation Storage (SOP Class). */
    public static final String LabelMapSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.7";

    /** Height Map Segmentation Storage (SOP Class). */
    public static final String HeightMapSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.8";

    /** Real World Value Mapping Storage (SOP Class). */
    public static final String RealWorldValueMappingStorage = "1.2.840.10008.5.1.4.1.1.67";

    /** Surface Scan Mesh Storage (SOP Class). */
    public static final String SurfaceScanMeshStorage = "1.2.840.10008.5.1.4.1.1.68.1";

    /** Surface Scan Point Cloud Storage (SOP Class). */
    public static final String SurfaceScanPointCloudStorage = "1.2.840.10008.5.1.4.1.1.68.2";

    /** VL Image Storage - Trial (SOP Class), retired. */
    public static final String VLImageStorageTrial = "1.2.840.10008.5.1.4.1.1.77.1";

    /** VL Endoscopic Image Storage (SOP Class). */
    public static final String VLEndoscopicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.1";

    /** Video Endoscopic Image Storage (SOP Class). */
    public static final String VideoEndoscopicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.1.1";

    /** VL Microscopic Image Storage (SOP Class). */
    public static final String VLMicroscopicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.2";

    /** Video Microscopic Image Storage (SOP Class). */
    public static final String VideoMicroscopicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.2.1";

    /** VL Slide-Coordinates Microscopic Image Storage (SOP Class). */
    public static final String VLSlideCoordinatesMicroscopicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.3";

    /** VL Photographic Image Storage (SOP Class). */
    public static final String VLPhotographicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.4";

    /** Video Photographic Image Storage (SOP Class). */
    public static final String VideoPhotographicImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.4.1";

    /** Ophthalmic Photography 8 Bit Image Storage (SOP Class). */
    public static final String OphthalmicPhotography8BitImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.5.1";

    /** Ophthalmic Photography 16 Bit Image Storage (SOP Class). */
    public static final String OphthalmicPhotography16BitImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.5.2";

    /** Stereometric Relationship Storage (SOP Class). */
    public static final String StereometricRelationshipStorage = "1.2.840.10008.5.1.4.1.1.77.1.5.3";

    /** Ophthalmic Tomography Image Storage (SOP Class). */
    public static final String OphthalmicTomographyImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.5.4";

    /** Wide Field Ophthalmic Photography Stereographic Projection Image Storage (SOP Class). */
    public static final String WideFieldOphthalmicPhotographyStereographicProjectionImageStorage =
            "1.2.840.10008.5.1.4.1.1.77.1.5.5";

    /** Wide Field Ophthalmic Photography 3D Coordinates Image Storage (SOP Class). */
    public static final String WideFieldOphthalmicPhotography3DCoordinatesImageStorage =
            "1.2.840.10008.5.1.4.1.1.77.1.5.6";

    /** Ophthalmic Optical Coherence Tomography En Face Image Storage (SOP Class). */
    public static final String OphthalmicOpticalCoherenceTomographyEnFaceImageStorage =
            "1.2.840.10008.5.1.4.1.1.77.1.5.7";

    /** Ophthalmic Optical Coherence Tomography B-scan Volume Analysis Storage (SOP Class). */
    public static final String OphthalmicOpticalCoherenceTomographyBscanVolumeAnalysisStorage =
            "1.2.840.10008.5.1.4.1.1.77.1.5.8";

    /** VL Whole Slide Microscopy Image Storage (SOP Class). */
    public static final String VLWholeSlideMicroscopyImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.6";

    /** Dermoscopic Photography Image Storage (SOP Class). */
    public static final String DermoscopicPhotographyImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.7";

    /** Confocal Microscopy Image Storage (SOP Class). */
    public static final String ConfocalMicroscopyImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.8";

    /** Confocal Microscopy Tiled Pyramidal Image Storage (SOP Class). */
    public static final String ConfocalMicroscopyTiledPyramidalImageStorage = "1.2.840.10008.5.1.4.1.1.77.1.9";

    /** VL Multi-frame Image Storage - Trial (SOP Class), retired. */
    public static final String VLMultiFrameImageStorageTrial = "1.2.840.10008.5.1.4.1.1.77.2";

    /** Lensometry Measurements Storage (SOP Class). */
    public static final String LensometryMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.1";

    /** Autorefraction Measurements Storage (SOP Class). */
    public static final String AutorefractionMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.2";

    /** Keratometry Measurements Storage (SOP Class). */
    public static final String KeratometryMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.3";

    /** Subjective Refraction Measurements Storage (SOP Class). */
    public static final String SubjectiveRefractionMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.4";

    /** Visual Acuity Measurements Storage (SOP Class). */
    public static final String VisualAcuityMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.5";

    /** Spectacle Prescription Report Storage (SOP Class). */
    public static final String SpectaclePrescriptionReportStorage = "1.2.840.10008.5.1.4.1.1.78.6";

    /** Ophthalmic Axial Measurements Storage (SOP Class). */
    public static final String OphthalmicAxialMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.78.7";

    /** Intraocular Lens Calculations Storage (SOP Class). */
    public static final String IntraocularLensCalculationsStorage = "1.2.840.10008.5.1.4.1.1.78.8";

    /** Macular Grid Thickness and Volume Report Storage (SOP Class). */
    public static final String MacularGridThicknessAndVolumeReportStorage = "1.2.840.10008.5.1.4.1.1.79.1";

    /** Ophthalmic Visual Field Static Perimetry Measurements Storage (SOP Class). */
    public static final String OphthalmicVisualFieldStaticPerimetryMeasurementsStorage = "1.2.840.10008.5.1.4.1.1.80.1";

    /** Ophthalmic Thickness Map Storage (SOP Class). */
    public static final String OphthalmicThicknessMapStorage = "1.2.840.10008.5.1.4.1.1.81.1";

    /** Corneal Topography Map Storage (SOP Class). */
    public static final String CornealTopographyMapStorage = "1.2.840.10008.5.1.4.1.1.82.1";

    /** Text SR Storage - Trial (SOP Class), retired. */
    public static final String TextSRStorageTrial = "1.2.840.10008.5.1.4.1.1.88.1";

    /** Audio SR Storage - Trial (SOP Class), retired. */
    public static final String AudioSRStorageTrial = "1.2.840.10008.5.1.4.1.1.88.2";

    /** Detail SR Storage - Trial (SOP Class), retired. */
    public static final String DetailSRStorageTrial = "1.2.840.10008.5.1.4.1.1.88.3";

    /** Comprehensive SR Storage - Trial (SOP Class), retired. */
    public static final String ComprehensiveSRStorageTrial = "1.2.840.10008.5.1.4.1.1.88.4";

    /** Basic Text SR Storage (SOP Class). */
    public static final String BasicTextSRStorage = "1.2.840.10008.5.1.4.1.1.88.11";

    /** Enhanced SR Storage (SOP Class). */
    public static final String EnhancedSRStorage = "1.2.840.10008.5.1.4.1.1.88.22";

    /** Comprehensive SR Storage (SOP Class). */
    public static final String ComprehensiveSRStorage = "1.2.840.10008.5.1.4.1.1.88.33";

    /** Comprehensive 3D SR Storage (SOP Class). */
    public static final String Comprehensive3DSRStorage = "1.2.840.10008.5.1.4.1.1.88.34";

    /** Extensible SR Storage (SOP Class). */
    public static final String ExtensibleSRStorage = "1.2.840.10008.5.1.4.1.1.88.35";

    /** Procedure Log Storage (SOP Class). */
    public static final String ProcedureLogStorage = "1.2.840.10008.5.1.4.1.1.88.40";

    /** Mammography CAD SR Storage (SOP Class). */
    public static final String MammographyCADSRStorage = "1.2.840.10008.5.1.4.1.1.88.50";

    /** Key Object Selection Document Storage (SOP Class). */
    public static final String KeyObjectSelectionDocumentStorage = "1.2.840.10008.5.1.4.1.1.88.59";

    /** Chest CAD SR Storage (SOP Class). */
    public static final String ChestCADSRStorage = "1.2.840.10008.5.1.4.1.1.88.65";

    /** X-Ray Radiation Dose SR Storage (SOP Class). */
    public static final String XRayRadiationDoseSRStorage = "1.2.840.10008.5.1.4.1.1.88.67";

    /** Radiopharmaceutical Radiation Dose SR Storage (SOP Class). */
    public static final String RadiopharmaceuticalRadiationDoseSRStorage = "1.2.840.10008.5.1.4.1.1.88.68";

    /** Colon CAD SR Storage (SOP Class). */
    public static final String ColonCADSRStorage = "1.2.840.10008.5.1.4.1.1.88.69";

    /** Implantation Plan SR Storage (SOP Class). */
    public static final String ImplantationPlanSRStorage = "1.2.840.10008.5.1.4.1.1.88.70";

    /** Acquisition Context SR Storage (SOP Class). */
    public static final String AcquisitionContextSRStorage = "1.2.840.10008.5.1.4.1.1.88.71";

    /** Simplified Adult Echo SR Storage (SOP Class). */
    public static final String SimplifiedAdultEchoSRStorage = "1.2.840.10008.5.1.4.1.1.88.72";

    /** Patient Radiation Dose SR Storage (SOP Class). */
    public static final String PatientRadiationDoseSRStorage = "1.2.840.10008.5.1.4.1.1.88.73";

    /** Planned Imaging Agent Administration SR Storage (SOP Class). */
    public static final String PlannedImagingAgentAdministrationSRStorage = "1.2.840.10008.5.1.4.1.1.88.74";

    /** Performed Imaging Agent Administration SR Storage (SOP Class). */
    public static final String PerformedImagingAgentAdministrationSRStorage = "1.2.840.10008.5.1.4.1.1.88.75";

    /** Enhanced X-Ray Radiation Dose SR Storage (SOP Class). */
    public static final String EnhancedXRayRadiationDoseSRStorage = "1.2.840.10008.5.1.4.1.1.88.76";

    /** Waveform Annotation SR Storage (SOP Class). */
    public static final String WaveformAnnotationSRStorage = "1.2.840.10008.5.1.4.1.1.88.77";

    /** Content Assessment Results Storage (SOP Class). */
    public static final String ContentAssessmentResultsStorage = "1.2.840.10008.5.1.4.1.1.90.1";

    /** Microscopy Bulk Simple Annotations Storage (SOP Class). */
    public static final String MicroscopyBulkSimpleAnnotationsStorage = "1.2.840.10008.5.1.4.1.1.91.1";

    /** Encapsulated PDF Storage (SOP Class). */
    public static final String EncapsulatedPDFStorage = "1.2.840.10008.5.1.4.1.1.104.1";

    /** Encapsulated CDA Storage (SOP Class). */
    public static final String EncapsulatedCDAStorage = "1.2.840.10008.5.1.4.1.1.104.2";

    /** Encapsulated STL Storage (SOP Class). */
    public static final String EncapsulatedSTLStorage = "1.2.840.10008.5.1.4.1.1.104.3";

    /** Encapsulated OBJ Storage (SOP Class). */
    public static final String EncapsulatedOBJStorage = "1.2.840.10008.5.1.4.1.1.104.4";

    /** Encapsulated MTL Storage (SOP Class). */
    public static final String EncapsulatedMTLStorage = "1.2.840.10008.5.1.4.1.1.104.5";

    /** Positron Emission Tomography Image Storage (SOP Class). */
    public static final String PositronEmissionTomographyImageStorage = "1.2.840.10008.5.1.4.1.1.128";

    /** Legacy Converted Enhanced PET Image Storage (SOP Class). */
    public static final String LegacyConvertedEnhancedPETImageStorage = "1.2.840.10008.5.1.4.1.1.128.1";

    /** Standalone PET Curve Storage (SOP Class), retired. */
    public static final String StandalonePETCurveStorage = "1.2.840.10008.5.1.4.1.1.129";

    /** Enhanced PET Image Storage (SOP Class). */
    public static final String EnhancedPETImageStorage = "1.2.840.10008.5.1.4.1.1.130";

    /** Basic Structured Display Storage (SOP Class). */
    public static final String BasicStructuredDisplayStorage = "1.2.840.10008.5.1.4.1.1.131";

    /** CT Defined Procedure Protocol Storage (SOP Class). */
    public static final String CTDefinedProcedureProtocolStorage = "1.2.840.10008.5.1.4.1.1.200.1";

    /** CT Performed Procedure Protocol Storage (SOP Class). */
    public static final String CTPerformedProcedureProtocolStorage = "1.2.840.10008.5.1.4.1.1.200.2";

    /** Protocol Approval Storage (SOP Class). */
    public static final String ProtocolApprovalStorage = "1.2.840.10008.5.1.4.1.1.200.3";

    /** Protocol Approval Information Model - FIND (SOP Class). */
    public static final String ProtocolApprovalInformationModelFind = "1.2.840.10008.5.1.4.1.1.200.4";

    /** Protocol Approval Information Model - MOVE (SOP Class). */
    public static final String ProtocolApprovalInformationModelMove = "1.2.840.10008.5.1.4.1.1.200.5";

    /** Protocol Approval Information Model - GET (SOP Class). */
    public static final String ProtocolApprovalInformationModelGet = "1.2.840.10008.5.1.4.1.1.200.6";

    /** XA Defined Procedure Protocol Storage (SOP Class). */
    public static final String XADefinedProcedureProtocolStorage = "1.2.840.10008.5.1.4.1.1.200.7";

    /** XA Performed Procedure Protocol Storage (SOP Class). */
    public static final String XAPerformedProcedureProtocolStorage = "1.2.840.10008.5.1.4.1.1.200.8";

    /** Inventory Storage (SOP Class). */
    public static final String InventoryStorage = "1.2.840.10008.5.1.4.1.1.201.1";

    /** Storage Management SOP Instance (Well-known SOP Instance). */
    public static final String StorageManagementInstance = "1.2.840.10008.5.1.4.1.1.201.1.1";

    /** Inventory - FIND (SOP Class). */
    public static final String InventoryFind = "1.2.840.10008.5.1.4.1.1.201.2";

    /** Inventory - MOVE (SOP Class). */
    public static final String InventoryMove = "1.2.840.10008.5.1.4.1.1.201.3";

    /** Inventory - GET (SOP Class). */
    public static final String InventoryGet = "1.2.840.10008.5.1.4.1.1.201.4";

    /** Inventory Creation (SOP Class). */
    public static final String InventoryCreation = "1.2.840.10008.5.1.4.1.1.201.5";

    /** Repository Query (SOP Class). */
    public static final String RepositoryQuery = "1.2.840.10008.5.1.4.1.1.201.6";

    /** RT Image Storage (SOP Class). */
    public static final String RTImageStorage = "1.2.840.10008.5.1.4.1.1.481.1";

    /** RT Dose Storage (SOP Class). */
    public static final String RTDoseStorage = "1.2.840.10008.5.1.4.1.1.481.2";

    /** RT Structure Set Storage (SOP Class). */
    public static final String RTStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";

    /** RT Beams Treatment Record Storage (SOP Class). */
    public static final String RTBeamsTreatmentRecordStorage = "1.2.840.10008.5.1.4.1.1.481.4";

    /** RT Plan Storage (SOP Class). */
    public static final String RTPlanStorage = "1.2.840.10008.5.1.4.1.1.481.5";

    /** RT Brachy Treatment Record Storage (SOP Class). */
    public static final String RTBrachyTreatmentRecordStorage = "1.2.840.10008.5.1.4.1.1.481.6";

    /** RT Treatment Summary Record Storage (SOP Class). */
    public static final String RTTreatmentSummaryRecordStorage = "1.2.840.10008.5.1.4.1.1.481.7";

    /** RT Ion Plan Storage (SOP Class). */
    public static final String RTIonPlanStorage = "1.2.840.10008.5.1.4.1.1.481.8";

    /** RT Ion Beams Treatment Record Storage (SOP Class). */
    public static final String RTIonBeamsTreatmentRecordStorage = "1.2.840.10008.5.1.4.1.1.481.9";

    /** RT Physician Intent Storage (SOP Class). */
    public static final String RTPhysicianIntentStorage = "1.2.840.10008.5.1.4.1.1.481.10";

    /** RT Segment Annotation Storage (SOP Class). */
    public static final String RTSegmentAnnotationStorage = "1.2.840.10008.5.1.4.1.1.481.11";

    /** RT Radiation Set Storage (SOP Class). */
    public static final String RTRadiationSetStorage = "1.2.840.10008.5.1.4.1.1.481.12";

    /** C-Arm Photon-Electron Radiation Storage (SOP Class). */
    public static final String CArmPhotonElectronRadiationStorage = "1.2.840.10008.5.1.4.1.1.481.13";

    /** Tomotherapeutic Radiation Storage (SOP Class). */
    public static final String TomotherapeuticRadiationStorage = "1.2.840.10008.5.1.4.1.1.481.14";

    /** Robotic-Arm Radiation Storage (SOP Class). */
    public static final String RoboticArmRadiationStorage = "1.2.840.10008.5.1.4.1.1.481.15";

    /** RT Radiation Record Set Storage (SOP Class). */
    public static final String RTRadiationRecordSetStorage = "1.2.840.10008.5.1.4.1.1.481.16";

    /** RT Radiation Salvage Record Storage (SOP Class). */
    public static final String RTRadiationSalvageRecordStorage = "1.2.840.10008.5.1.4.1.1.481.17";

    /** Tomotherapeutic Radiation Record Storage (SOP Class). */
    public static final String TomotherapeuticRadiationRecordStorage = "1.2.840.10008.5.1.4.1.1.481.18";

    /** C-Arm Photon-Electron Radiation Record Storage (SOP Class). */
    public static final String CArmPhotonElectronRadiationRecordStorage = "1.2.840.10008.5.1.4.1.1.481.19";

    /** Robotic Radiation Record Storage (SOP Class). */
    public static final String RoboticRadiationRecordStorage = "1.2.840.10008.5.1.4.1.1.481.20";

    /** RT Radiation Set Delivery Instruction Storage (SOP Class). */
    public static final String RTRadiationSetDeliveryInstructionStorage = "1.2.840.10008.5.1.4.1.1.481.21";

    /** RT Treatment Preparation Storage (SOP Class). */
    public static final String RTTreatmentPreparationStorage = "1.2.840.10008.5.1.4.1.1.481.22";

    /** Enhanced RT Image Storage (SOP Class). */
    public static final String EnhancedRTImageStorage = "1.2.840.10008.5.1.4.1.1.481.23";

    /** Enhanced Continuous RT Image Storage (SOP Class). */
    public static final String EnhancedContinuousRTImageStorage = "1.2.840.10008.5.1.4.1.1.481.24";

    /** RT Patient Position Acquisition Instruction Storage (SOP Class). */
    public static final String RTPatientPositionAcquisitionInstructionStorage = "1.2.840.10008.5.1.4.1.1.481.25";

    /** DICOS CT Image Storage (SOP Class). */
    public static final String DICOSCTImageStorage = "1.2.840.10008.5.1.4.1.1.501.1";

    /** DICOS Digital X-Ray Image Storage - For Presentation (SOP Class). */
    public static final String DICOSDigitalXRayImageStorageForPresentation = "1.2.840.10008.5.1.4.1.1.501.2.1";

    /** DICOS Digital X-Ray Image Storage - For Processing (SOP Class). */
    public static final String DICOSDigitalXRayImageStorageForProcessing = "1.2.840.10008.5.1.4.1.1.501.2.2";

    /** DICOS Threat Detection Report Storage (SOP Class). */
    public static final String DICOSThreatDetectionReportStorage = "1.2.840.10008.5.1.4.1.1.501.3";

    /** DICOS 2D AIT Storage (SOP Class). */
    public static final String DICOS2DAITStorage = "1.2.840.10008.5.1.4.1.1.501.4";

    /** DICOS 3D AIT Storage (SOP Class). */
    public static final String DICOS3DAITStorage = "1.2.840.10008.5.1.4.1.1.501.5";

    /** DICOS Quadrupole Resonance (QR) Storage (SOP Class). */
    public static final String DICOSQuadrupoleResonanceStorage = "1.2.840.10008.5.1.4.1.1.501.6";

    /** Eddy Current Image Storage (SOP Class). */
    public static final String EddyCurrentImageStorage = "1.2.840.10008.5.1.4.1.1.601.1";

    /** Eddy Current Multi-frame Image Storage (SOP Class). */
    public static final String EddyCurrentMultiFrameImageStorage = "1.2.840.10008.5.1.4.1.1.601.2";

    /** Thermography Image Storage (SOP Class). */
    public static final String ThermographyImageStorage = "1.2.840.10008.5.1.4.1.1.601.3";

    /** Thermography Multi-frame Image Storage (SOP Class). */
    public static final String ThermographyMultiFrameImageStorage = "1.2.840.10008.5.1.4.1.1.601.4";

    /** Ultrasound Waveform Storage (SOP Class). */
    public static final String UltrasoundWaveformStorage = "1.2.840.10008.5.1.4.1.1.601.5";

    /** Patient Root Query/Retrieve Information Model - FIND (SOP Class). */
    public static final String PatientRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.1.1";

    /** Patient Root Query/Retrieve Information Model - MOVE (SOP Class). */
    public static final String PatientRootQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.1.2.1.2";

    /** Patient Root Query/Retrieve Information Model - GET (SOP Class). */
    public static final String PatientRootQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.1.2.1.3";

    /** Study Root Query/Retrieve Information Model - FIND (SOP Class). */
    public static final String StudyRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.2.1";

    /** Study Root Query/Retrieve Information Model - MOVE (SOP Class). */
    public static final String StudyRootQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.1.2.2.2";

    /** Study Root Query/Retrieve Information Model - GET (SOP Class). */
    public static final String StudyRootQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.1.2.2.3";

    /** Patient/Study Only Query/Retrieve Information Model - FIND (SOP Class), retired. */
    public static final String PatientStudyOnlyQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.3.1";

    /** Patient/Study Only Query/Retrieve Information Model - MOVE (SOP Class), retired. */
    public static final String PatientStudyOnlyQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.1.2.3.2";

    /** Patient/Study Only Query/Retrieve Information Model - GET (SOP Class), retired. */
    public static final String PatientStudyOnlyQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.1.2.3.3";

    /** Composite Instance Root Retrieve - MOVE (SOP Class). */
    public static final String CompositeInstanceRootRetrieveMove = "1.2.840.10008.5.1.4.1.2.4.2";

    /** Composite Instance Root Retrieve - GET (SOP Class). */
    public static final String CompositeInstanceRootRetrieveGet = "1.2.840.10008.5.1.4.1.2.4.3";

    /** Composite Instance Retrieve Without Bulk Data - GET (SOP Class). */
    public static final String CompositeInstanceRetrieveWithoutBulkDataGet = "1.2.840.10008.5.1.4.1.2.5.3";

    /** Defined Procedure Protocol Information Model - FIND (SOP Class). */
    public static final String DefinedProcedureProtocolInformationModelFind = "1.2.840.10008.5.1.4.20.1";

    /** Defined Procedure Protocol Information Model - MOVE (SOP Class). */
    public static final String DefinedProcedureProtocolInformationModelMove = "1.2.840.10008.5.1.4.20.2";

    /** Defined Procedure Protocol Information Model - GET (SOP Class). */
    public static final String DefinedProcedureProtocolInformationModelGet = "1.2.840.10008.5.1.4.20.3";

    /** Modality Worklist Information Model - FIND (SOP Class). */
    public static final String ModalityWorklistInformationModelFind = "1.2.840.10008.5.1.4.31";

    /** General Purpose Worklist Management Meta SOP Class (Meta SOP Class), retired. */
    public static final String GeneralPurposeWorklistManagementMeta = "1.2.840.10008.5.1.4.32";

    /** General Purpose Worklist Information Model - FIND (SOP Class), retired. */
    public static final String GeneralPurposeWorklistInformationModelFind = "1.2.840.10008.5.1.4.32.1";

    /** General Purpose Scheduled Procedure Step SOP Class (SOP Class), retired. */
    public static final String GeneralPurposeScheduledProcedureStep = "1.2.840.10008.5.1.4.32.2";

    /** General Purpose Performed Procedure Step SOP Class (SOP Class), retired. */
    public static final String GeneralPurposePerformedProcedureStep = "1.2.840.10008.5.1.4.32.3";

    /** Instance Availability Notification SOP Class (SOP Class). */
    public static final String InstanceAvailabilityNotification = "1.2.840.10008.5.1.4.33";

    /** RT Beams Delivery Instruction Storage - Trial (SOP Class), retired. */
    public static final String RTBeamsDeliveryInstructionStorageTrial = "1.2.840.10008.5.1.4.34.1";

    /** RT Conventional Machine Verification - Trial (SOP Class), retired. */
    public static final String RTConventionalMachineVerificationTrial = "1.2.840.10008.5.1.4.34.2";

    /** RT Ion Machine Verification - Trial (SOP Class), retired. */
    public static final String RTIonMachineVerificationTrial = "1.2.840.10008.5.1.4.34.3";

    /** Unified Worklist and Procedure Step Service Class - Trial (Service Class), retired. */
    public static final String UnifiedWorklistAndProcedureStepTrial = "1.2.840.10008.5.1.4.34.4";

    /** Unified Procedure Step - Push SOP Class - Trial (SOP Class), retired. */
    public static final String UnifiedProcedureStepPushTrial = "1.2.840.10008.5.1.4.34.4.1";

    /** Unified Procedure Step - Watch SOP Class - Trial (SOP Class), retired. */
    public static final String UnifiedProcedureStepWatchTrial = "1.2.840.10008.5.1.4.34.4.2";

    /** Unified Procedure Step - Pull SOP Class - Trial (SOP Class), retired. */
    public static final String UnifiedProcedureStepPullTrial = "1.2.840.10008.5.1.4.34.4.3";

    /** Unified Procedure Step - Event SOP Class - Trial (SOP Class), retired. */
    public static final String UnifiedProcedureStepEventTrial = "1.2.840.10008.5.1.4.34.4.4";

    /** UPS Global Subscription SOP Instance (Well-known SOP Instance). */
    public static final String UPSGlobalSubscriptionInstance = "1.2.840.10008.5.1.4.34.5";

    /** UPS Filtered Global Subscription SOP Instance (Well-known SOP Instance). */
    public static final String UPSFilteredGlobalSubscriptionInstance = "1.2.840.10008.5.1.4.34.5.1";

    /** Unified Worklist and Procedure Step Service Class (Service Class). */
    public static final String UnifiedWorklistAndProcedureStep = "1.2.840.10008.5.1.4.34.6";

    /** Unified Procedure Step - Push SOP Class (SOP Class). */
    public static final String UnifiedProcedureStepPush = "1.2.840.10008.5.1.4.34.6.1";

    /** Unified Procedure Step - Watch SOP Class (SOP Class). */
    public static final String UnifiedProcedureStepWatch = "1.2.840.10008.5.1.4.34.6.2";

    /** Unified Procedure Step - Pull SOP Class (SOP Class). */
    public static final String UnifiedProcedureStepPull = "1.2.840.10008.5.1.4.34.6.3";

    /** Unified Procedure Step - Event SOP Class (SOP Class). */
    public static final String UnifiedProcedureStepEvent = "1.2.840.10008.5.1.4.34.6.4";

    /** Unified Procedure Step - Query SOP Class (SOP Class). */
    public static final String UnifiedProcedureStepQuery = "1.2.840.10008.5.1.4.34.6.5";

    /** RT Beams Delivery Instruction Storage (SOP Class). */
    public static final String RTBeamsDeliveryInstructionStorage = "1.2.840.10008.5.1.4.34.7";

    /** RT Conventional Machine Verification (SOP Class). */
    public static final String RTConventionalMachineVerification = "1.2.840.10008.5.1.4.34.8";

    /** RT Ion Machine Verification (SOP Class). */
    public static final String RTIonMachineVerification = "1.2.840.10008.5.1.4.34.9";

    /** RT Brachy Application Setup Delivery Instruction Storage (SOP Class). */
    public static final String RTBrachyApplicationSetupDeliveryInstructionStorage = "1.2.840.10008.5.1.4.34.10";

    /** General Relevant Patient Information Query (SOP Class). */
    public static final String GeneralRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.1";

    /** Breast Imaging Relevant Patient Information Query (SOP Class). */
    public static final String BreastImagingRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.2";

    /** Cardiac Relevant Patient Information Query (SOP Class). */
    public static final String CardiacRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.3";

    /** Hanging Protocol Storage (SOP Class). */
    public static final String HangingProtocolStorage = "1.2.840.10008.5.1.4.38.1";

    /** Hanging Protocol Information Model - FIND (SOP Class). */
    public static final String HangingProtocolInformationModelFind = "1.2.840.10008.5.1.4.38.2";

    /** Hanging Protocol Information Model - MOVE (SOP Class). */
    public static final String HangingProtocolInformationModelMove = "1.2.840.10008.5.1.4.38.3";

    /** Hanging Protocol Information Model - GET (SOP Class). */
    public static final String HangingProtocolInformationModelGet = "1.2.840.10008.5.1.4.38.4";

    /** Color Palette Storage (SOP Class). */
    public static final String ColorPaletteStorage = "1.2.840.10008.5.1.4.39.1";

    /** Color Palette Query/Retrieve Information Model - FIND (SOP Class). */
    public static final String ColorPaletteQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.39.2";

    /** Color Palette Query/Retrieve Information Model - MOVE (SOP Class). */
    public static final String ColorPaletteQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.39.3";

    /** Color Palette Query/Retrieve Information Model - GET (SOP Class). */
    public static final String ColorPaletteQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.39.4";

    /** Product Characteristics Query SOP Class (SOP Class). */
    public static final String ProductCharacteristicsQuery = "1.2.840.10008.5.1.4.41";

    /** Substance Approval Query SOP Class (SOP Class). */
    public static final String SubstanceApprovalQuery = "1.2.840.10008.5.1.4.42";

    /** Generic Implant Template Storage (SOP Class). */
    public static final String GenericImplantTemplateStorage = "1.2.840.10008.5.1.4.43.1";

    /** Generic Implant Template Information Model - FIND (SOP Class). */
    public static final String GenericImplantTemplateInformationModelFind = "1.2.840.10008.5.1.4.43.2";

    /** Generic Implant Template Information Model - MOVE (SOP Class). */
    public static final String GenericImplantTemplateInformationModelMove = "1.2.840.10008.5.1.4.43.3";

    /** Generic Implant Template Information Model - GET (SOP Class). */
    public static final String GenericImplantTemplateInformationModelGet = "1.2.840.10008.5.1.4.43.4";

    /** Implant Assembly Template Storage (SOP Class). */
    public static final String ImplantAssemblyTemplateStorage = "1.2.840.10008.5.1.4.44.1";

    /** Implant Assembly Template Information Model - FIND (SOP Class). */
    public static final String ImplantAssemblyTemplateInformationModelFind = "1.2.840.10008.5.1.4.44.2";

    /** Implant Assembly Template Information Model - MOVE (SOP Class). */
    public static final String ImplantAssemblyTemplateInformationModelMove = "1.2.840.10008.5.1.4.44.3";

    /** Implant Assembly Template Information Model - GET (SOP Class). */
    public static final String ImplantAssemblyTemplateInformationModelGet = "1.2.840.10008.5.1.4.44.4";

    /** Implant Template Group Storage (SOP Class). */
    public static final String ImplantTemplateGroupStorage = "1.2.840.10008.5.1.4.45.1";

    /** Implant Template Group Information Model - FIND (SOP Class). */
    public static final String ImplantTemplateGroupInformationModelFind = "1.2.840.10008.5.1.4.45.2";

    /** Implant Template Group Information Model - MOVE (SOP Class). */
    public static final String ImplantTemplateGroupInformationModelMove = "1.2.840.10008.5.1.4.45.3";

    /** Implant Template Group Information Model - GET (SOP Class). */
    public static final String ImplantTemplateGroupInformationModelGet = "1.2.840.10008.5.1.4.45.4";

    /** Native DICOM Model (Application Hosting Model). */
    public static final String NativeDICOMModel = "1.2.840.10008.7.1.1";

    /** Abstract Multi-Dimensional Image Model (Application Hosting Model). */
    public static final String AbstractMultiDimensionalImageModel = "1.2.840.10008.7.1.2";

    /** DICOM Content Mapping Resource (Mapping Resource). */
    public static final String DICOMContentMappingResource = "1.2.840.10008.8.1.1";

    /** Video Endoscopic Image Real-Time Communication (SOP Class). */
    public static final String VideoEndoscopicImageRealTimeCommunication = "1.2.840.10008.10.1";

    /** Video Photographic Image Real-Time Communication (SOP Class). */
    public static final String VideoPhotographicImageRealTimeCommunication = "1.2.840.10008.10.2";

    /** Audio Waveform Real-Time Communication (SOP Class). */
    public static final String AudioWaveformRealTimeCommunication = "1.2.840.10008.10.3";

    /** Rendition Selection Document Real-Time Communication (SOP Class). */
    public static final String RenditionSelectionDocumentRealTimeCommunication = "1.2.840.10008.10.4";

    /** dicomDeviceName (LDAP OID). */
    public static final String dicomDeviceName = "1.2.840.10008.15.0.3.1";

    /** dicomDescription (LDAP OID). */
    public static final String dicomDescription = "1.2.840.10008.15.0.3.2";

    /** dicomManufacturer (LDAP OID). */
    public static final String dicomManufacturer = "1.2.840.10008.15.0.3.3";

    /** dicomManufacturerModelName (LDAP OID). */
    public static final String dicomManufacturerModelName = "1.2.840.10008.15.0.3.4";

    /** dicomSoftwareVersion (LDAP OID). */
    public static final String dicomSoftwareVersion = "1.2.840.10008.15.0.3.5";

    /** dicomVendorData (LDAP OID). */
    public static final String dicomVendorData = "1.2.840.10008.15.0.3.6";

    /** dicomAETitle (LDAP OID). */
    public static final String dicomAETitle = "1.2.840.10008.15.0.3.7";

    /** dicomNetworkConnectionReference (LDAP OID). */
    public static final String dicomNetworkConnectionReference = "1.2.840.10008.15.0.3.8";

    /** dicomApplicationCluster (LDAP OID). */
    public static final String dicomApplicationCluster = "1.2.840.10008.15.0.3.9";

    /** dicomAssociationInitiator (LDAP OID). */
    public static final String dicomAssociationInitiator = "1.2.840.10008.15.0.3.10";

    /** dicomAssociationAcceptor (LDAP OID). */
    public static final String dicomAssociationAcceptor = "1.2.840.10008.15.0.3.11";

    /** dicomHostname (LDAP OID). */
    public static final String dicomHostname = "1.2.840.10008.15.0.3.12";

    /** dicomPort (LDAP OID). */
    public static final String dicomPort = "1.2.840.10008.15.0.3.13";

    /** dicomSOPClass (LDAP OID). */
    public static final String dicomSOPClass = "1.2.840.10008.15.0.3.14";

    /** dicomTransferRole (LDAP OID). */
    public static final String dicomTransferRole = "1.2.840.10008.15.0.3.15";

    /** dicomTransferSyntax (LDAP OID). */
    public static final String dicomTransferSyntax = "1.2.840.10008.15.0.3.16";

    /** dicomPrimaryDeviceType (LDAP OID). */
    public static final String dicomPrimaryDeviceType = "1.2.840.10008.15.0.3.17";

    /** dicomRelatedDeviceReference (LDAP OID). */
    public static final String dicomRelatedDeviceReference = "1.2.840.10008.15.0.3.18";

    /** dicomPreferredCalledAETitle (LDAP OID). */
    public static final String dicomPreferredCalledAETitle = "1.2.840.10008.15.0.3.19";

    /** dicomTLSCyphersuite (LDAP OID). */
    public static final String dicomTLSCyphersuite = "1.2.840.10008.15.0.3.20";

    /** dicomAuthorizedNodeCertificateReference (LDAP OID). */
    public static final String dicomAuthorizedNodeCertificateReference = "1.2.840.10008.15.0.3.21";

    /** dicomThisNodeCertificateReference (LDAP OID). */
    public static final String dicomThisNodeCertificateReference = "1.2.840.10008.15.0.3.22";

    /** dicomInstalled (LDAP OID). */
    public static final String dicomInstalled = "1.2.840.10008.15.0.3.23";

    /** dicomStationName (LDAP OID). */
    public static final String dicomStationName = "1.2.840.10008.15.0.3.24";

    /** dicomDeviceSerialNumber (LDAP OID). */
    public static final String dicomDeviceSerialNumber = "1.2.840.10008.15.0.3.25";

    /** dicomInstitutionName (LDAP OID). */
    public static final String dicomInstitutionName = "1.2.840.10008.15.0.3.26";

    /** dicomInstitutionAddress (LDAP OID). */
    public static final String dicomInstitutionAddress = "1.2.840.10008.15.0.3.27";

    /** dicomInstitutionDepartmentName (LDAP OID). */
    public static final String dicomInstitutionDepartmentName = "1.2.840.10008.15.0.3.28";

    /** dicomIssuerOfPatientID (LDAP OID). */
    public static final String dicomIssuerOfPatientID = "1.2.840.10008.15.0.3.29";

    /** dicomPreferredCallingAETitle (LDAP OID). */
    public static final String dicomPreferredCallingAETitle = "1.2.840.10008.15.0.3.30";

    /** dicomSupportedCharacterSet (LDAP OID). */
    public static final String dicomSupportedCharacterSet = "1.2.840.10008.15.0.3.31";

    /** dicomConfigurationRoot (LDAP OID). */
    public static final String dicomConfigurationRoot = "1.2.840.10008.15.0.4.1";

    /** dicomDevicesRoot (LDAP OID). */
    public static final String dicomDevicesRoot = "1.2.840.10008.15.0.4.2";

    /** dicomUniqueAETitlesRegistryRoot (LDAP OID). */
    public static final String dicomUniqueAETitlesRegistryRoot = "1.2.840.10008.15.0.4.3";

    /** dicomDevice (LDAP OID). */
    public static final String dicomDevice = "1.2.840.10008.15.0.4.4";

    /** dicomNetworkAE (LDAP OID). */
    public static final String dicomNetworkAE = "1.2.840.10008.15.0.4.5";

    /** dicomNetworkConnection (LDAP OID). */
    public static final String dicomNetworkConnection = "1.2.840.10008.15.0.4.6";

    /** dicomUniqueAETitle (LDAP OID). */
    public static final String dicomUniqueAETitle = "1.2.840.10008.15.0.4.7";

    /** dicomTransferCapability (LDAP OID). */
    public static final String dicomTransferCapability = "1.2.840.10008.15.0.4.8";

    /** Universal Coordinated Time (Synchronization Frame of Reference). */
    public static final String UTC = "1.2.840.10008.15.1.1";
}
