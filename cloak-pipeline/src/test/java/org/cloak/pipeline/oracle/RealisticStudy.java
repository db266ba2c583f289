package org.cloak.pipeline.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;

/**
 * A study written by dcmtk's dump2dcm (not by Cloak's own writer), with obviously fake PHI in
 * standard attributes, in nested items and in a private block: two CT series sharing one Frame
 * of Reference, a Grayscale Softcopy Presentation State referencing the first series' images
 * and a Key Object Selection document referencing images of both series and the presentation
 * state. Transfer syntaxes vary (explicit and implicit VR) so outputs can be checked to keep
 * the input's. PHI is placed only where PS3.15 Table E.1-1 (2025e) has a row for the attribute
 * or for an enclosing sequence: e.g. the presentation state's Content Description (0070,0081)
 * has no row, so every profile keeps it and it carries no name here.
 */
public final class RealisticStudy {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String GSPS = "1.2.840.10008.5.1.4.1.1.11.1";
    static final String KO = "1.2.840.10008.5.1.4.1.1.88.59";

    static final String STUDY_UID = Fixtures.uid("realistic/study");
    static final String FRAME_OF_REFERENCE = Fixtures.uid("realistic/for");
    static final String SERIES_1 = Fixtures.uid("realistic/series/1");
    static final String SERIES_2 = Fixtures.uid("realistic/series/2");
    static final String SERIES_PR = Fixtures.uid("realistic/series/pr");
    static final String SERIES_KO = Fixtures.uid("realistic/series/ko");
    static final String CT_1 = Fixtures.uid("realistic/ct/1");
    static final String CT_2 = Fixtures.uid("realistic/ct/2");
    static final String CT_3 = Fixtures.uid("realistic/ct/3");
    static final String PR_1 = Fixtures.uid("realistic/pr/1");
    static final String KO_1 = Fixtures.uid("realistic/ko/1");

    /** Every original UID that identifies this study's instances (none may survive dicom-basic). */
    static final List<String> INSTANCE_UIDS = List.of(STUDY_UID, FRAME_OF_REFERENCE, SERIES_1, SERIES_2, SERIES_PR,
            SERIES_KO, CT_1, CT_2, CT_3, PR_1, KO_1);

    /**
     * The injected PHI strings, by what they are. Some are parts of others on purpose: the name
     * is written as DOE^JANE^Q (PN), JANE DOE and DOE JANE (free text) and DOE^JANEY (other names).
     */
    static final Map<String, String> PHI = Map.ofEntries(
            Map.entry("name (PN form)", "DOE^JANE"),
            Map.entry("name (given family)", "JANE DOE"),
            Map.entry("name (family given)", "DOE JANE"),
            Map.entry("other name", "DOE^JANEY"),
            Map.entry("patient id", "PID-0001"),
            Map.entry("other patient id (nested)", "ALT-PID-0002"),
            Map.entry("issuer of patient id", "FAKE-ISSUER"),
            Map.entry("birth date", "19700315"),
            Map.entry("birth date (text)", "03/15/1970"),
            Map.entry("accession number", "ACC-0001"),
            Map.entry("institution", "FAKE GENERAL HOSPITAL"),
            Map.entry("address", "1 FAKE STREET"),
            Map.entry("department", "FAKE RADIOLOGY"),
            Map.entry("telephone", "555-0100"),
            Map.entry("referring physician", "WHO^DR^FAKE"),
            Map.entry("performing physician", "HOUSE^GREG"),
            Map.entry("reading physician", "READER^RITA"),
            Map.entry("operator", "TECH^TINA"),
            Map.entry("station", "FAKESTATION1"));

    private RealisticStudy() {}

    /** Writes the study under {@code dir}/study and returns that folder. */
    public static Path write(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("dumps"));
        Path study = dir.resolve("study");
        Files.createDirectories(study.resolve("series1"));
        Files.createDirectories(study.resolve("series2"));
        Files.createDirectories(study.resolve("pr"));
        Files.createDirectories(study.resolve("ko"));
        Files.write(src.resolve("pixels.raw"), Fixtures.phantom(32, 32));
        ct(src, study.resolve("series1/ct1.dcm"), SERIES_1, 1, CT_1, 1, "+te");
        ct(src, study.resolve("series1/ct2.dcm"), SERIES_1, 1, CT_2, 2, "+te");
        ct(src, study.resolve("series2/ct3.dcm"), SERIES_2, 2, CT_3, 1, "+ti");
        dump(src, "pr1", study.resolve("pr/pr1.dcm"), common(GSPS, PR_1, "PR", SERIES_PR, 3, 1) + presentationState(),
                "+te");
        dump(src, "ko1", study.resolve("ko/ko1.dcm"), common(KO, KO_1, "KO", SERIES_KO, 4, 1) + keyObject(), "+te");
        return study;
    }

    private static void ct(Path src, Path out, String series, int seriesNumber, String sop, int instance, String ts)
            throws IOException {
        String text = common(CT, sop, "CT", series, seriesNumber, instance) + """
                (0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]
                (0008,103e) LO [AXIAL FOR DOE^JANE]
                (0018,0050) DS [1]
                (0018,0060) DS [120]
                (0018,1030) LO [HEAD ROUTINE DOE JANE]
                (0018,5100) CS [HFS]
                (0020,0012) IS [1]
                (0020,0032) DS [-8\\-8\\%d]
                (0020,0037) DS [1\\0\\0\\0\\1\\0]
                (0020,0052) UI [%s]
                (0020,1040) LO (no value available)
                (0020,4000) LT [Scanned for JANE DOE]
                (0028,0002) US 1
                (0028,0004) CS [MONOCHROME2]
                (0028,0010) US 32
                (0028,0011) US 32
                (0028,0030) DS [0.5\\0.5]
                (0028,0100) US 16
                (0028,0101) US 12
                (0028,0102) US 11
                (0028,0103) US 0
                (0028,1050) DS [40]
                (0028,1051) DS [400]
                (0028,1052) DS [-1024]
                (0028,1053) DS [1]
                (7fe0,0010) OW =pixels.raw
                """.formatted(instance, FRAME_OF_REFERENCE);
        dump(src, out.getFileName().toString().replace(".dcm", ""), out, text, ts);
    }

    /** Patient, study, series, equipment and SOP common attributes, PHI included. */
    private static String common(String sopClass, String sop, String modality, String series, int seriesNumber,
                                 int instance) {
        return """
                (0008,0005) CS [ISO_IR 100]
                (0008,0012) DA [20240315]
                (0008,0013) TM [101500]
                (0008,0016) UI [%s]
                (0008,0018) UI [%s]
                (0008,0020) DA [20240315]
                (0008,0023) DA [20240315]
                (0008,0030) TM [101500]
                (0008,0033) TM [101500]
                (0008,0050) SH [ACC-0001]
                (0008,0060) CS [%s]
                (0008,0070) LO [FAKE VENDOR]
                (0008,0080) LO [FAKE GENERAL HOSPITAL]
                (0008,0081) ST [1 FAKE STREET, NOWHERE CITY]
                (0008,0090) PN [WHO^DR^FAKE]
                (0008,1010) SH [FAKESTATION1]
                (0008,1030) LO [HEAD CT FOR DOE JANE]
                (0008,1040) LO [FAKE RADIOLOGY]
                (0008,1048) PN [HOUSE^GREG^FAKE]
                (0008,1050) PN [HOUSE^GREG^FAKE]
                (0008,1060) PN [READER^RITA^FAKE]
                (0008,1070) PN [TECH^TINA^FAKE]
                (0009,0010) LO [ACME 1.0]
                (0009,1001) LO [DOE^JANE]
                (0009,1002) DS [12.5]
                (0010,0010) PN [DOE^JANE^Q]
                (0010,0020) LO [PID-0001]
                (0010,0021) LO [FAKE-ISSUER]
                (0010,0030) DA [19700315]
                (0010,0040) CS [F]
                (0010,1001) PN [DOE^JANEY]
                (0010,1002) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=2)
                    (0010,0020) LO [ALT-PID-0002]
                    (0010,0022) CS [TEXT]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0010,1010) AS [054Y]
                (0010,1040) LO [1 FAKE STREET, NOWHERE CITY]
                (0010,2154) SH [555-0100]
                (0010,4000) LT [Patient JANE DOE, born 03/15/1970]
                (0018,1000) LO [SN-0001]
                (0020,000d) UI [%s]
                (0020,000e) UI [%s]
                (0020,0010) SH [STUDY-0001]
                (0020,0011) IS [%d]
                (0020,0013) IS [%d]
                (0020,0060) CS (no value available)
                (0032,1032) PN [WHO^DR^FAKE]
                (0040,0275) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=5)
                    (0008,0050) SH [ACC-0001]
                    (0040,0007) LO [CT FOR DOE^JANE]
                    (0040,0008) SQ (Sequence with explicit length #=1)
                      (fffe,e000) na (Item with explicit length #=3)
                        (0008,0100) SH [FAKE-1]
                        (0008,0102) SH [99CLOAK]
                        (0008,0104) LO [Protocol of DOE^JANE]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                    (0040,0009) SH [SPS-0001]
                    (0040,1001) SH [RP-0001]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                """.formatted(sopClass, sop, modality, STUDY_UID, series, seriesNumber, instance);
    }

    /** Presentation state modules; references both images of series 1. */
    private static String presentationState() {
        return """
                (0008,1115) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=2)
                    (0008,1140) SQ (Sequence with explicit length #=2)
                      (fffe,e000) na (Item with explicit length #=2)
                        (0008,1150) UI [%1$s]
                        (0008,1155) UI [%2$s]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                      (fffe,e000) na (Item with explicit length #=2)
                        (0008,1150) UI [%1$s]
                        (0008,1155) UI [%3$s]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                    (0020,000e) UI [%4$s]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0070,0080) CS [KEY IMAGES]
                (0070,0081) LO [KEY IMAGES OF THE HEAD]
                (0070,0082) DA [20240316]
                (0070,0083) TM [090000]
                (0070,0084) PN [TECH^TINA^FAKE]
                (0070,005a) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=3)
                    (0070,0052) SL 1\\1
                    (0070,0053) SL 32\\32
                    (0070,0100) CS [SCALE TO FIT]
                    (0070,0101) DS [0.5\\0.5]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (2050,0020) CS [IDENTITY]
                """.formatted(CT, CT_1, CT_2, SERIES_1);
    }

    /** Key Object Selection: evidence and content reference CT 2, CT 3 and the presentation state. */
    private static String keyObject() {
        return """
                (0008,1111) SQ (Sequence with explicit length #=0)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0040,a040) CS [CONTAINER]
                (0040,a043) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=3)
                    (0008,0100) SH [113000]
                    (0008,0102) SH [DCM]
                    (0008,0104) LO [Of Interest]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0040,a050) CS [SEPARATE]
                (0040,a375) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=2)
                    (0008,1115) SQ (Sequence with explicit length #=3)
                %1$s
                %2$s
                %3$s
                    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                    (0020,000d) UI [%4$s]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0040,a504) SQ (Sequence with explicit length #=1)
                  (fffe,e000) na (Item with explicit length #=2)
                    (0008,0105) CS [DCMR]
                    (0040,db00) CS [2010]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                (0040,a730) SQ (Sequence with explicit length #=3)
                  (fffe,e000) na (Item with explicit length #=4)
                    (0040,a010) CS [CONTAINS]
                    (0040,a040) CS [TEXT]
                    (0040,a043) SQ (Sequence with explicit length #=1)
                      (fffe,e000) na (Item with explicit length #=3)
                        (0008,0100) SH [113012]
                        (0008,0102) SH [DCM]
                        (0008,0104) LO [Key Object Description]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                    (0040,a160) UT [Key images of DOE^JANE]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                %5$s
                %6$s
                (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                """.formatted(
                evidenceSeries(SERIES_1, CT, CT_2), evidenceSeries(SERIES_2, CT, CT_3),
                        evidenceSeries(SERIES_PR, GSPS, PR_1),
                STUDY_UID, imageItem(CT, CT_2), imageItem(CT, CT_3));
    }

    private static String evidenceSeries(String series, String sopClass, String sop) {
        return """
                      (fffe,e000) na (Item with explicit length #=2)
                        (0008,1199) SQ (Sequence with explicit length #=1)
                          (fffe,e000) na (Item with explicit length #=2)
                            (0008,1150) UI [%s]
                            (0008,1155) UI [%s]
                          (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                        (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                        (0020,000e) UI [%s]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)""".formatted(sopClass, sop, series);
    }

    private static String imageItem(String sopClass, String sop) {
        return """
                  (fffe,e000) na (Item with explicit length #=3)
                    (0008,1199) SQ (Sequence with explicit length #=1)
                      (fffe,e000) na (Item with explicit length #=2)
                        (0008,1150) UI [%s]
                        (0008,1155) UI [%s]
                      (fffe,e00d) na (ItemDelimitationItem for re-encoding)
                    (fffe,e0dd) na (SequenceDelimitationItem for re-encod.)
                    (0040,a010) CS [CONTAINS]
                    (0040,a040) CS [IMAGE]
                  (fffe,e00d) na (ItemDelimitationItem for re-encoding)""".formatted(sopClass, sop);
    }

    private static void dump(Path src, String name, Path out, String text, String ts) throws IOException {
        Path d = Files.writeString(src.resolve(name + ".dump"), text);
        Oracles.dump2dcm(d, out, ts);
    }
}
