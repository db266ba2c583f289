package org.cloak.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
    private final ElementDictionary dict = ElementDictionary.standard();

    @Test
    void standardIsLoadedOnce() {
        assertThat(ElementDictionary.standard()).isSameAs(dict);
        assertThat(dict.size()).isEqualTo(5354);
    }

    @Test
    void exactTag() {
        ElementEntry e = dict.lookup(0x00100010);
        assertThat(e.keyword()).isEqualTo("PatientName");
        assertThat(e.name()).isEqualTo("Patient's Name");
        assertThat(e.tagPattern()).isEqualTo("00100010");
        assertThat(e.vrs()).containsExactly(Vr.PN);
        assertThat(e.vr()).isEqualTo(Vr.PN);
        assertThat(e.vm()).isEqualTo("1");
        assertThat(e.retired()).isFalse();
        assertThat(dict.vrOf(Tag.PatientName)).isEqualTo(Vr.PN);
        assertThat(dict.keywordOf(0x00100010)).isEqualTo("PatientName");
        assertThat(dict.tagOf("PatientName")).isEqualTo(0x00100010);
    }

    @Test
    void multipleVrsGiveTheFirst() {
        assertThat(dict.lookup(0x00280106).vrs()).containsExactly(Vr.US, Vr.SS);
        assertThat(dict.vrOf(0x00280106)).isEqualTo(Vr.US);
        assertThat(dict.lookup(0x7FE00010).vrs()).containsExactly(Vr.OB, Vr.OW);
    }

    @Test
    void overlayRepeatingGroups() {
        for (int group = 0x6000; group <= 0x601E; group += 2) {
            ElementEntry e = dict.lookup((group << 16) | 0x3000);
            assertThat(e).as("%04X", group).isNotNull();
            assertThat(e.keyword()).isEqualTo("OverlayData");
        }
        ElementEntry e = dict.lookup(0x60023000);
        assertThat(e.tagPattern()).isEqualTo("60xx3000");
        assertThat(e.vrs()).containsExactly(Vr.OB, Vr.OW);
        assertThat(e.retired()).isFalse();
        assertThat(dict.lookup(0x60203000)).as("beyond 601E").isNull();
        assertThat(dict.lookup(0x60013000)).as("odd group is private").isNull();
        assertThat(dict.vrOf(0x60013000)).isEqualTo(Vr.UN);
        assertThat(dict.lookup(0x60000000)).as("group length").isNull();
        assertThat(dict.vrOf(0x60000000)).isEqualTo(Vr.UL);
        assertThat(dict.tagOf("OverlayData")).isEqualTo(0x60003000).isEqualTo(Tag.OverlayData);
    }

    @Test
    void curveRepeatingGroups() {
        assertThat(dict.keywordOf(0x501E3000)).isEqualTo("CurveData");
        assertThat(dict.lookup(0x501E3000).retired()).isTrue();
        assertThat(dict.lookup(0x50203000)).isNull();
    }

    @Test
    void variablePixelDataCoversAll7FxxGroups() {
        ElementEntry e = dict.lookup(0x7F010010);
        assertThat(e.keyword()).isEqualTo("VariablePixelData");
        assertThat(e.retired()).isTrue();
        assertThat(dict.keywordOf(0x7FFF0010)).isEqualTo("VariablePixelData");
        assertThat(dict.keywordOf(0x7F000020)).isEqualTo("VariableCoefficientsSDVN");
        // the exact row wins over the wildcard row
        assertThat(dict.keywordOf(0x7FE00010)).isEqualTo("PixelData");
        assertThat(dict.lookup(0x7FE00010).retired()).isFalse();
    }

    @Test
    void elementWildcards() {
        assertThat(dict.keywordOf(0x00280412)).isEqualTo("CoefficientCoding");
        assertThat(dict.lookup(0x00280412).vr()).isEqualTo(Vr.LO);
        assertThat(dict.keywordOf(0x002804F0)).isEqualTo("RowsForNthOrderCoefficients");
        assertThat(dict.keywordOf(0x00280413)).isEqualTo("CoefficientCodingPointers");
        assertThat(dict.lookup(0x00280415)).isNull();
        // exact (0028,0400)-(0028,0404) are not the 04x0-04x3 wildcard rows
        assertThat(dict.keywordOf(0x00280400)).isEqualTo("TransformLabel");
        assertThat(dict.keywordOf(0x00280403)).isEqualTo("SequenceOfCompressedData");
        assertThat(dict.tagOf("RowsForNthOrderCoefficients")).isEqualTo(0x00280410);
        assertThat(dict.keywordOf(0x002031AB)).isEqualTo("SourceImageIDs");
        assertThat(dict.keywordOf(0x10001230)).isEqualTo("EscapeTriplet");
        assertThat(dict.keywordOf(0x10001235)).isEqualTo("ShiftTableTriplet");
        assertThat(dict.keywordOf(0x1010ABCD)).isEqualTo("ZonalMap");
        assertThat(dict.lookup(0x10100000)).as("group length, not Zonal Map").isNull();
        assertThat(dict.vrOf(0x10100000)).isEqualTo(Vr.UL);
        assertThat(dict.tagOf("EscapeTriplet")).isEqualTo(0x10000010);
        assertThat(dict.tagOf("ZonalMap")).isEqualTo(0x10100001);
    }

    @Test
    void privateTags() {
        assertThat(dict.lookup(0x00091001)).isNull();
        assertThat(dict.keywordOf(0x00091001)).isEmpty();
        assertThat(dict.vrOf(0x00091001)).isEqualTo(Vr.UN);
        assertThat(dict.vrOf(0x00090010)).isEqualTo(Vr.LO);
        assertThat(dict.vrOf(0x001900FF)).isEqualTo(Vr.LO);
        assertThat(dict.vrOf(0x00190100)).isEqualTo(Vr.UN);
        assertThat(dict.vrOf(0x00090000)).isEqualTo(Vr.UL);
        // odd groups are private even where the retired 7Fxx rows match (PS3.5 7.8.1)
        assertThat(dict.vrOf(0x7F010010)).isEqualTo(Vr.LO);
        assertThat(dict.vrOf(0x7F011010)).isEqualTo(Vr.UN);
    }

    @Test
    void groupLengths() {
        assertThat(dict.vrOf(0x00100000)).isEqualTo(Vr.UL);
        assertThat(dict.lookup(0x00100000)).isNull();
        assertThat(dict.keywordOf(0x00000000)).isEqualTo("CommandGroupLength");
        assertThat(dict.keywordOf(0x00020000)).isEqualTo("FileMetaInformationGroupLength");
        assertThat(dict.vrOf(0x00020000)).isEqualTo(Vr.UL);
    }

    @Test
    void unknownTags() {
        assertThat(dict.lookup(0x00100003)).isNull();
        assertThat(dict.lookup(0x0008FFF0)).isNull();
        assertThat(dict.keywordOf(0x00100003)).isEmpty();
        assertThat(dict.vrOf(0x00100003)).isEqualTo(Vr.UN);
        assertThat(dict.tagOf("NoSuchKeyword")).isEqualTo(-1);
        assertThat(dict.tagOf("")).as("rows without a keyword are not indexed").isEqualTo(-1);
    }

    @Test
    void itemsAndDelimitersHaveNoVr() {
        ElementEntry item = dict.lookup(Tags.ITEM);
        assertThat(item.keyword()).isEqualTo("Item");
        assertThat(item.vrs()).isEmpty();
        assertThat(item.vr()).isNull();
        assertThat(dict.vrOf(Tags.SEQUENCE_DELIMITATION)).isEqualTo(Vr.UN);
    }

    @Test
    void rowsWithoutKeyword() {
        ElementEntry e = dict.lookup(0x00080202);
        assertThat(e).isNotNull();
        assertThat(e.keyword()).isEmpty();
        assertThat(e.retired()).isTrue();
    }

    @Test
    void retiredAndRecentElements() {
        assertThat(dict.lookup(Tag.EthnicGroup).retired()).isTrue();
        assertThat(dict.lookup(0x0008001D).keyword()).isEqualTo("SensitiveContentCodeSequence");
        assertThat(dict.vrOf(0x0008001D)).isEqualTo(Vr.SQ);
        assertThat(dict.lookup(0x00080202).vrs()).isEmpty();
    }

    @Test
    void loadsQuickly() {
        ElementDictionary.load(); // warm up class loading and the JIT a little
        long start = System.nanoTime();
        ElementDictionary fresh = ElementDictionary.read(Tsv.resource("dictionary.tsv"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fresh.size()).isEqualTo(5354);
        // generous bound: a CI machine may be slow; typical is a few ms once warm
        assertThat(millis).isLessThan(1000);
    }
}
