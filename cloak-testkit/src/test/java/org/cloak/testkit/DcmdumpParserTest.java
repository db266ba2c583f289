package org.cloak.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloak.testkit.DcmdumpParser.Attr;
import org.cloak.testkit.DcmdumpParser.Dump;
import org.junit.jupiter.api.Test;

class DcmdumpParserTest {
    private static final String LISTING = """

            # Dicom-File-Format

            # Dicom-Meta-Information-Header
            # Used TransferSyntax: Little Endian Explicit
            (0002,0000) UL 170                                      #   4, 1 FileMetaInformationGroupLength
            (0002,0010) UI [1.2.840.10008.1.2.1]                    #  20, 1 TransferSyntaxUID
            (0002,0012) UI [1.2.276.0.7230010.3.0.3.6.7]            #  28, 1 ImplementationClassUID

            # Dicom-Data-Set
            # Used TransferSyntax: Little Endian Explicit
            (0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]                 #  22, 3 ImageType
            (0008,1120) SQ (Sequence with explicit length #=1)      #  60, 1 ReferencedPatientSequence
              (fffe,e000) na (Item with explicit length #=2)          #  52, 1 Item
                (0008,1155) UI [2.25.1002]                              #  10, 1 ReferencedSOPInstanceUID
              (fffe,e00d) na (ItemDelimitationItem for re-encoding)   #   0, 0 ItemDelimitationItem
            (fffe,e0dd) na (SequenceDelimitationItem for re-encod.) #   0, 0 SequenceDelimitationItem
            (0010,4000) LT [a # in text]                            #  12, 1 PatientComments
            (0040,0275) SQ (Sequence with undefined length #=2)     # u/l, 1 RequestAttributesSequence
              (fffe,e000) na (Item with undefined length #=1)         # u/l, 1 Item
                (0040,0009) SH [SPS-1]                                  #   6, 1 ScheduledProcedureStepID
              (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem
              (fffe,e000) na (Item with undefined length #=1)         # u/l, 1 Item
                (0040,0008) SQ (Sequence with undefined length #=1)     # u/l, 1 ScheduledProtocolCodeSequence
                  (fffe,e000) na (Item with undefined length #=1)         # u/l, 1 Item
                    (0008,0100) SH [CODE1]                                  #   6, 1 CodeValue
                  (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem
                (fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem
              (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem
            (fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem
            (7fe0,0010) OB (PixelSequence #=2)                      # u/l, 1 PixelData
              (fffe,e000) pi (no value available)                     #   0, 1 Item
              (fffe,e000) pi ff\\d8\\ff\\c3\\00\\0b\\10\\00\\40\\00\\40\\01\\01\\11\\00\\ff\\c4... # 3116, 1 Item
            (fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem
            """;

    @Test
    void separatesMetaFromDataSet() {
        Dump d = DcmdumpParser.parse(LISTING);
        assertThat(d.meta()).extracting(Attr::path).containsExactly("(0002,0000)", "(0002,0010)", "(0002,0012)");
        assertThat(d.comparableMeta()).extracting(Attr::path).containsExactly("(0002,0010)");
    }

    @Test
    void pathsFollowNestingAndItemIndexes() {
        List<String> paths = DcmdumpParser.parse(LISTING).dataset().stream().map(Attr::path).toList();
        assertThat(paths).containsExactly(
                "(0008,0008)",
                "(0008,1120)", "(0008,1120)[0]", "(0008,1120)[0].(0008,1155)",
                "(0010,4000)",
                "(0040,0275)", "(0040,0275)[0]", "(0040,0275)[0].(0040,0009)",
                "(0040,0275)[1]", "(0040,0275)[1].(0040,0008)", "(0040,0275)[1].(0040,0008)[0]",
                "(0040,0275)[1].(0040,0008)[0].(0008,0100)",
                "(7FE0,0010)", "(7FE0,0010){0}", "(7FE0,0010){1}");
    }

    @Test
    void splitsValueLengthMultiplicityAndKeepsHashesInsideText() {
        Dump d = DcmdumpParser.parse(LISTING);
        Attr type = d.get("(0008,0008)");
        assertThat(type.vr()).isEqualTo("CS");
        assertThat(type.text()).isEqualTo("ORIGINAL\\PRIMARY\\AXIAL");
        assertThat(type.length()).isEqualTo("22");
        assertThat(type.vm()).isEqualTo(3);
        assertThat(d.get("(0010,4000)").text()).isEqualTo("a # in text");
        assertThat(d.get("(0040,0275)").length()).isEqualTo("u/l");
        assertThat(d.get("(7FE0,0010){1}").length()).isEqualTo("3116");
        assertThat(d.get("(7FE0,0010){0}").noValue()).isTrue();
    }
}
