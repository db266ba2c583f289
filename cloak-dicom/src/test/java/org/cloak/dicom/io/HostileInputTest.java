package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile input: every case must end, within a second and a bounded allocation,
 * either in a {@link DicomParseException} naming where the problem is, or in a documented
 * repair (docs/codec.md). Never a hang, a stack overflow or an out-of-memory error.
 */
class HostileInputTest {
    private static final TransferSyntax ELE = TransferSyntax.EXPLICIT_LE;

    @TempDir
    Path dir;

    private Probe probe;

    @BeforeAll
    static void loadDictionary() {
        ElementDictionary.standard(); // its one-off loading is not the reader's allocation
    }

    @BeforeEach
    void setUp() {
        probe = new Probe(dir);
    }

    // ---- truncation ------------------------------------------------------------------------

    /**
     * A data set has no terminator, so a file cut exactly between two top-level elements is a
     * valid, shorter data set: it must read as exactly those elements. Every other cut must be
     * refused: inside the preamble or the file meta (the meta group length says how long it is,
     * and a Part 10 file without a data set is not a file), inside an element, a sequence or
     * an item.
     */
    @Test
    void truncationAtEveryOffset() {
        // one preemptive guard around the loop; each read is timed (< 1 s) and its allocation measured
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> truncateEverywhere(new Probe(dir, true)));
    }

    private static void truncateEverywhere(Probe probe) throws IOException {
        DataSet built = Samples.small(false);
        byte[] full = Samples.part10(built, ELE);
        DataSet ds = DicomReader.read(full, "full").dataset();
        Same.assertSame(ds, built);
        long metaEnd = full.length - Lengths.dataSet(ds, true);
        Map<Long, Integer> boundaries = new HashMap<>();
        long p = metaEnd;
        for (int i = 0; i < ds.size() - 1; i++) {
            p += Lengths.element(ds.elements().get(i), true);
            boundaries.put(p, i + 1);
        }
        assertThat(boundaries).hasSize(ds.size() - 1);

        int accepted = 0;
        for (int t = 0; t < full.length; t++) {
            byte[] cut = Arrays.copyOf(full, t);
            Integer kept = boundaries.get((long) t);
            if (kept != null) {
                List<Element> expected = ds.elements().subList(0, kept);
                Same.compare(probe.readBytes(cut).dataset().elements(), expected, "cut at " + t + ": ");
                Same.compare(probe.readFile(cut).dataset().elements(), expected, "file cut at " + t + ": ");
                accepted++;
            } else {
                DicomParseException e = probe.refused(cut);
                assertThat(e.offset()).as("offset of the error for a cut at %d", t).isBetween(0L, (long) t);
            }
        }
        assertThat(accepted).isEqualTo(ds.size() - 1);
    }

    // ---- lengths ---------------------------------------------------------------------------

    @Test
    void hugeLengthOnTextAttributeImplicit() throws IOException {
        Raw body = Raw.le().implicit(Tag.SOPInstanceUID, "1.2.3\0");
        int at = body.size();
        body.implicitHeader(Tag.PatientName, 0xFFFFFFF0L).ascii("DOE^JOHN");
        byte[] file = Raw.part10(TransferSyntax.IMPLICIT_LE, body.toBytes());
        DicomParseException e = probe.refused(file);
        assertNamed(e, file.length - body.size() + at, Tag.PatientName, "value length 4294967280");
        assertThat(e.getMessage()).doesNotContain("DOE"); // never a value: it may be PHI
    }

    @Test
    void hugeLengthOnTextAttributeExplicit() throws IOException {
        Raw body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0");
        int at = body.size();
        body.explicitHeader(Tag.TextValue, "UT", 0xFFFFFFF0L).ascii("SECRET TEXT");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.TextValue, "value length 4294967280");
    }

    @Test
    void hugeLengthOnPixelData() throws IOException {
        Raw body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0");
        int at = body.size();
        body.explicitHeader(Tag.PixelData, "OW", 0xFFFFFFF0L).bytes(new byte[8192]);
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.PixelData, "value length 4294967280");

        Raw implicit = Raw.le().implicit(Tag.SOPInstanceUID, "1.2.3\0");
        implicit.implicitHeader(Tag.PixelData, 0xFFFFFFF0L).bytes(new byte[8192]);
        byte[] file2 = Raw.part10(TransferSyntax.IMPLICIT_LE, implicit.toBytes());
        assertNamed(probe.refused(file2), file2.length - implicit.size() + at, Tag.PixelData,
                "value length 4294967280");
    }

    // ---- nesting ---------------------------------------------------------------------------

    @Test
    void hundredThousandNestedSequencesExplicit() throws IOException {
        int levels = 100_000;
        Raw body = Raw.le();
        for (int i = 0; i < levels; i++) {
            body.explicitHeader(Tag.ContentSequence, "SQ", Raw.UNDEFINED).item(Raw.UNDEFINED);
        }
        for (int i = 0; i < levels; i++) {
            body.itemDelimiter().sequenceDelimiter();
        }
        byte[] file = Raw.part10(ELE, body.toBytes());
        int bodyStart = file.length - body.size();
        // levels 1 to 64 are accepted; the 65th sequence header is refused right after it is read
        assertNamed(probe.refused(file), bodyStart + 64 * 20 + 12, Tag.ContentSequence, "nested deeper than 64");
    }

    @Test
    void hundredThousandNestedSequencesImplicit() throws IOException {
        int levels = 100_000;
        Raw body = Raw.le();
        for (int i = 0; i < levels; i++) {
            body.implicitHeader(Tag.ContentSequence, Raw.UNDEFINED).item(Raw.UNDEFINED);
        }
        byte[] file = Raw.part10(TransferSyntax.IMPLICIT_LE, body.toBytes()); // no delimiters at all
        int bodyStart = file.length - body.size();
        assertNamed(probe.refused(file), bodyStart + 64 * 16 + 8, Tag.ContentSequence, "nested deeper than 64");
    }

    /** Nested UN elements of undefined length (implicit VR sequences, PS3.5 6.2.2) count as nesting too. */
    @Test
    void hundredThousandNestedUnknownSequences() throws IOException {
        int levels = 100_000;
        int tag = Tags.of(0x0009, 0x1010);
        Raw body = Raw.le().explicit(Tags.of(0x0009, 0x0010), "LO", "ACME 1.0");
        int start = body.size();
        body.explicitHeader(tag, "UN", Raw.UNDEFINED).item(Raw.UNDEFINED);
        for (int i = 1; i < levels; i++) {
            body.implicitHeader(tag, Raw.UNDEFINED).item(Raw.UNDEFINED);
        }
        byte[] file = Raw.part10(ELE, body.toBytes());
        int bodyStart = file.length - body.size();
        assertNamed(probe.refused(file), bodyStart + start + 20 + 63 * 16 + 8, tag, "nested deeper than 64");
    }

    /** Defined lengths, computed from the innermost level out, do not get past the depth limit either. */
    @Test
    void hundredThousandNestedSequencesOfDefinedLength() throws IOException {
        int levels = 100_000;
        long[] content = new long[levels + 1]; // content[i]: bytes inside the item of level i
        for (int i = levels - 1; i >= 0; i--) {
            content[i] = i == levels - 1 ? 0 : 12 + 8 + content[i + 1];
        }
        Raw body = Raw.le();
        for (int i = 0; i < levels; i++) {
            body.explicitHeader(Tag.ContentSequence, "SQ", 8 + content[i]).item(content[i]);
        }
        byte[] file = Raw.part10(ELE, body.toBytes());
        int bodyStart = file.length - body.size();
        assertNamed(probe.refused(file), bodyStart + 64 * 20 + 12, Tag.ContentSequence, "nested deeper than 64");
    }

    /** 64 levels are what {@link ReadOptions#DEFAULT} promises to accept. */
    @Test
    void sixtyFourLevelsAreAccepted() throws IOException {
        Raw body = Raw.le();
        for (int i = 0; i < 64; i++) {
            body.explicitHeader(Tag.ContentSequence, "SQ", Raw.UNDEFINED).item(Raw.UNDEFINED);
        }
        body.explicit(Tag.CodeValue, "SH", "DEEP");
        for (int i = 0; i < 64; i++) {
            body.itemDelimiter().sequenceDelimiter();
        }
        DataSet ds = probe.readFile(Raw.part10(ELE, body.toBytes())).dataset();
        for (int i = 0; i < 64; i++) {
            ds = ds.getSequence(Tag.ContentSequence).get(0);
        }
        assertThat(ds.getString(Tag.CodeValue)).isEqualTo("DEEP");
    }

    // ---- delimiters and items out of place -------------------------------------------------

    @Test
    void itemDelimiterAtTopLevel() throws IOException {
        Raw body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0");
        int at = body.size();
        body.itemDelimiter().explicit(Tag.PatientName, "PN", "DOE^JOHN");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tags.ITEM_DELIMITATION,
                "item delimitation item outside an item of undefined length");
    }

    @Test
    void itemDelimiterInsideItemOfDefinedLength() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", Raw.UNDEFINED).item(24);
        int at = body.size();
        body.itemDelimiter().explicit(Tag.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6\0")
                .sequenceDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tags.ITEM_DELIMITATION,
                "item delimitation item outside an item of undefined length");
    }

    @Test
    void itemDelimiterInPlaceOfAnItem() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", Raw.UNDEFINED);
        int at = body.size();
        body.itemDelimiter().sequenceDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedPatientSequence,
                "expected an item in the sequence, found (FFFE,E00D)");
    }

    @Test
    void sequenceDelimiterAtTopLevel() throws IOException {
        Raw body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0");
        int at = body.size();
        body.sequenceDelimiter().explicit(Tag.PatientName, "PN", "DOE^JOHN");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tags.SEQUENCE_DELIMITATION,
                "unexpected sequence delimiter outside a sequence");
    }

    @Test
    void itemAtTopLevel() throws IOException {
        Raw body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0");
        int at = body.size();
        body.item(0).explicit(Tag.PatientName, "PN", "DOE^JOHN");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tags.ITEM,
                "unexpected item outside a sequence");
    }

    @Test
    void sequenceDelimiterInsideSequenceOfDefinedLength() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", 16).item(0);
        int at = body.size();
        body.sequenceDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedPatientSequence,
                "sequence delimiter inside a sequence of defined length");
    }

    // ---- items that overrun what encloses them ---------------------------------------------

    @Test
    void itemLengthOverrunsItsSequence() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", 8 + 20);
        int at = body.size();
        body.item(28).explicit(Tag.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6\0")
                .explicit(Tag.PatientName, "PN", "DOE^JOHN");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedPatientSequence,
                "item length 28 runs past the end of its sequence");
    }

    /** An item of undefined length must end, with its delimiter, within its sequence's defined length. */
    @Test
    void undefinedLengthItemOverrunsItsSequence() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", 8 + 20);
        int at = body.size();
        body.item(Raw.UNDEFINED).explicit(Tag.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6\0")
                .explicit(Tag.PatientName, "PN", "DOE^JOHN").itemDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedPatientSequence,
                "item runs past the end of its sequence");
    }

    @Test
    void sequenceEndsInsideAnItemHeader() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", 4);
        int at = body.size();
        body.item(0).explicit(Tag.PatientName, "PN", "DOE^JOHN");
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedPatientSequence,
                "sequence ends inside an item header");
    }

    @Test
    void elementOverrunsItsItem() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.ReferencedPatientSequence, "SQ", Raw.UNDEFINED).item(10);
        int at = body.size();
        body.explicit(Tag.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6\0").sequenceDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ReferencedSOPInstanceUID,
                "value length 12 runs past the end of the enclosing data (2 bytes left)");
    }

    /** A nested sequence of undefined length must end within its enclosing item of defined length. */
    @Test
    void undefinedLengthSequenceOverrunsItsItem() throws IOException {
        Raw body = Raw.le().explicitHeader(Tag.RequestAttributesSequence, "SQ", Raw.UNDEFINED).item(20);
        int at = body.size();
        body.explicitHeader(Tag.ScheduledProtocolCodeSequence, "SQ", Raw.UNDEFINED).item(Raw.UNDEFINED)
                .explicit(Tag.CodeValue, "SH", "FAKE-1").itemDelimiter().sequenceDelimiter()
                .sequenceDelimiter();
        byte[] file = Raw.part10(ELE, body.toBytes());
        assertNamed(probe.refused(file), file.length - body.size() + at, Tag.ScheduledProtocolCodeSequence,
                "element runs past the end of its item");
    }

    // ---- not DICOM -------------------------------------------------------------------------

    @Test
    void pngIsRefused() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
        assertThat(probe.refused(png).problem()).startsWith("not a DICOM file");
    }

    @Test
    void textIsRefused() throws IOException {
        byte[] text = "patient: DOE^JOHN\nthis is a text file, not DICOM\n".repeat(10)
                .getBytes(StandardCharsets.US_ASCII);
        DicomParseException e = probe.refused(text);
        assertThat(e.problem()).startsWith("not a DICOM file");
        assertThat(e.getMessage()).doesNotContain("DOE");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertThat(probe.refused(new byte[0]).problem()).isEqualTo("empty file");
    }

    @Test
    void threeByteFileIsRefused() throws IOException {
        assertThat(probe.refused(new byte[] {'D', 'I', 'C'}).problem()).isEqualTo("too short to be a DICOM data set");
        assertThat(probe.refused(new byte[] {8, 0, 0x18}).problem()).isEqualTo("too short to be a DICOM data set");
    }

    /** Zero bytes are a preamble without its DICM prefix, not an empty command group length. */
    @Test
    void zerosAreRefused() throws IOException {
        for (int n : new int[] {8, 16, 128, 131, 4096}) {
            assertThat(probe.refused(new byte[n]).problem()).as("%d zero bytes", n).startsWith("not a DICOM file");
        }
    }

    // ---- garbage after the data set --------------------------------------------------------

    /**
     * Refused rather than ignored: without a terminator, bytes after the last element can only
     * be told from more elements by their tag order, and a file with garbage is a broken file.
     */
    @Test
    void garbageAfterTheDataSet() throws IOException {
        byte[] full = Samples.part10(Samples.small(false), ELE);
        Random random = new Random(20240601);
        for (int round = 0; round < 40; round++) {
            byte[] garbage = new byte[1 + random.nextInt(round < 20 ? 16 : 5000)];
            random.nextBytes(garbage);
            assertGarbageRefused(full, garbage, "random " + round);
        }
        for (int n : new int[] {1, 2, 3, 4, 7, 8, 9, 100, 4096, 65536}) {
            assertGarbageRefused(full, new byte[n], n + " zeros");
        }
    }

    private void assertGarbageRefused(byte[] full, byte[] garbage, String what) throws IOException {
        byte[] data = Arrays.copyOf(full, full.length + garbage.length);
        System.arraycopy(garbage, 0, data, full.length, garbage.length);
        DicomParseException e = probe.refused(data);
        assertThat(e.offset()).as("offset for %s", what).isGreaterThanOrEqualTo(full.length);
    }

    // ---- repairs ---------------------------------------------------------------------------

    /** An element in implicit VR inside an explicit VR data set: the VR comes from the dictionary. */
    @Test
    void implicitElementInsideExplicitDataSetIsRepaired() throws IOException {
        byte[] body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .implicit(Tag.PatientName, "DOE^JOHN") // length 8: bytes 08 00 are not a VR
                .explicit(Tag.PatientID, "LO", "PID-0001")
                .toBytes();
        DicomFile f = probe.readFile(Raw.part10(ELE, body));
        DataSet ds = f.dataset();
        assertThat(ds.get(Tag.PatientName).vr()).isEqualTo(Vr.PN);
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("DOE^JOHN");
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("PID-0001");
        assertThat(f.transferSyntax()).isEqualTo(ELE);
        // written back as it should have been
        assertThat(dataSetBytes(ds, ELE)).isEqualTo(Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .explicit(Tag.PatientName, "PN", "DOE^JOHN").explicit(Tag.PatientID, "LO", "PID-0001").toBytes());
    }

    /** Odd lengths are read as they are and written back padded with the VR's padding byte. */
    @Test
    void oddLengthsAreReadAndWrittenBackPadded() throws IOException {
        byte[] body = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3")
                .explicitHeader(Samples.PRIVATE_BLOB, "UN", 3).bytes(new byte[] {7, 8, 9})
                .explicit(Tag.PatientName, "PN", "SMITH")
                .explicit(Tag.PatientID, "LO", "ID1")
                .explicit(Tag.PixelData, "OB", "\1\2\3")
                .toBytes();
        DataSet ds = probe.readFile(Raw.part10(ELE, body)).dataset();
        assertThat(((Bytes) ds.get(Tag.PatientName).value()).data()).hasSize(5);
        assertThat(ds.getString(Tag.SOPInstanceUID)).isEqualTo("1.2.3");
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("ID1");
        assertThat(dataSetBytes(ds, ELE)).isEqualTo(Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .explicitHeader(Samples.PRIVATE_BLOB, "UN", 4).bytes(new byte[] {7, 8, 9, 0})
                .explicit(Tag.PatientName, "PN", "SMITH ")
                .explicit(Tag.PatientID, "LO", "ID1 ")
                .explicit(Tag.PixelData, "OB", "\1\2\3\0")
                .toBytes());
    }

    /** No file meta, no preamble: the encoding is inferred from the first element. */
    @Test
    void missingTransferSyntaxIsGuessed() throws IOException {
        byte[] explicit = Raw.le().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .explicit(Tag.PatientName, "PN", "DOE^JOHN").toBytes();
        byte[] implicit = Raw.le().implicit(Tag.SOPInstanceUID, "1.2.3\0")
                .implicit(Tag.PatientName, "DOE^JOHN").toBytes();
        byte[] big = Raw.be().explicit(Tag.SOPInstanceUID, "UI", "1.2.3\0")
                .explicit(Tag.PatientName, "PN", "DOE^JOHN").toBytes();
        assertGuessed(probe.readFile(explicit), TransferSyntax.EXPLICIT_LE);
        assertGuessed(probe.readFile(implicit), TransferSyntax.IMPLICIT_LE);
        assertGuessed(probe.readFile(big), TransferSyntax.EXPLICIT_BE);
    }

    private static void assertGuessed(DicomFile f, TransferSyntax ts) {
        assertThat(f.transferSyntax()).isEqualTo(ts);
        assertThat(f.transferSyntaxGuessed()).isTrue();
        assertThat(f.dataset().getString(Tag.PatientName)).isEqualTo("DOE^JOHN");
        assertThat(f.dataset().get(Tag.PatientName).vr()).isEqualTo(Vr.PN);
    }

    // ---- deflated --------------------------------------------------------------------------

    @Test
    void deflatedWithInvalidBlockType() throws IOException {
        byte[] good = Samples.part10(Samples.small(false), TransferSyntax.DEFLATED_LE);
        int start = deflatedStart(good);
        byte[] bad = good.clone();
        bad[start] = 0x07; // BFINAL=1, BTYPE=11: reserved, invalid in any deflate stream
        DicomParseException e = probe.refused(bad);
        assertThat(e.offset()).isEqualTo(start);
        assertThat(e.problem()).startsWith("deflated data set is corrupt");
    }

    @Test
    void deflatedStreamCutShort() throws IOException {
        byte[] good = Samples.part10(Samples.small(false), TransferSyntax.DEFLATED_LE);
        int start = deflatedStart(good);
        for (int keep : new int[] {1, 10, (good.length - start) / 2, good.length - start - 1}) {
            DicomParseException e = probe.refused(Arrays.copyOf(good, start + keep));
            assertThat(e.offset()).as("cut after %d deflated bytes", keep).isEqualTo(start);
            assertThat(e.problem()).startsWith("deflated data set");
        }
    }

    @Test
    void deflatedWithFlippedBytes() throws IOException {
        byte[] good = Samples.part10(Samples.small(false), TransferSyntax.DEFLATED_LE);
        int start = deflatedStart(good);
        Random random = new Random(7);
        int refused = 0;
        for (int round = 0; round < 200; round++) {
            byte[] bad = good.clone();
            int at = start + random.nextInt(good.length - start);
            bad[at] ^= (byte) (1 + random.nextInt(255));
            try {
                probe.readBytes(bad);
            } catch (DicomParseException e) {
                refused++;
            }
        }
        // Deflate has no checksum: a flipped byte in the pixel data's literals (most of the stream)
        // inflates to a well-formed data set with other pixel values. What matters is that every
        // read ends in time, within budget, and that nothing but a parse error escapes.
        assertThat(refused).isPositive();
    }

    /** A deflate bomb stops at ReadOptions.maxInflatedSize, and so does the reader's allocation. */
    @Test
    void deflateBombIsBounded() throws IOException {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3");
        ds.put(Samples.PRIVATE_BLOB, Vr.UN, new Bytes(new byte[64 << 20]));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DicomWriter.write(new DataSet(), ds, TransferSyntax.DEFLATED_LE, Channels.newChannel(bos));
        byte[] bomb = bos.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);
        ReadOptions small = ReadOptions.DEFAULT.withMaxInflatedSize(1 << 20);
        DicomParseException e = (DicomParseException) org.assertj.core.api.Assertions
                .catchThrowable(() -> probe.readFile(bomb, small));
        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo("inflated data set exceeds 1048576 bytes");
    }

    // ---- cost ------------------------------------------------------------------------------

    /** Elements in descending order inside an item: accepted (sorted), and not in quadratic time. */
    @Test
    void hundredThousandUnsortedElementsInAnItem() throws IOException {
        int n = 100_000;
        Raw body = Raw.le().implicitHeader(Tag.RequestAttributesSequence, Raw.UNDEFINED).item(Raw.UNDEFINED);
        for (int i = n; i > 0; i--) {
            body.implicitHeader(Tags.of(0x0011, 0) + i, 0);
        }
        body.itemDelimiter().sequenceDelimiter();
        DataSet ds = probe.readFile(Raw.part10(TransferSyntax.IMPLICIT_LE, body.toBytes())).dataset();
        DataSet item = ds.getSequence(Tag.RequestAttributesSequence).get(0);
        assertThat(item.size()).isEqualTo(n);
        for (int i = 1; i < n; i++) {
            assertThat(Integer.compareUnsigned(item.elements().get(i - 1).tag(), item.elements().get(i).tag()))
                    .isNegative();
        }
    }

    /** Memory grows with the header by a bounded factor: 300 000 empty items (2.4 MB) stay in budget. */
    @Test
    void manyEmptyItems() throws IOException {
        int n = 300_000;
        Raw body = Raw.le().explicitHeader(Tag.ReferencedImageSequence, "SQ", Raw.UNDEFINED);
        for (int i = 0; i < n; i++) {
            body.item(0);
        }
        body.sequenceDelimiter();
        DataSet ds = probe.readFile(Raw.part10(ELE, body.toBytes())).dataset();
        assertThat(ds.getSequence(Tag.ReferencedImageSequence).size()).isEqualTo(n);
    }

    /** Duplicates in an item: the last one wins, as DataSet.put does. */
    @Test
    void duplicateInAnItemKeepsTheLast() throws IOException {
        byte[] body = Raw.le().explicitHeader(Tag.RequestAttributesSequence, "SQ", Raw.UNDEFINED).item(Raw.UNDEFINED)
                .explicit(Tag.RequestedProcedureID, "SH", "RP-2").explicit(Tag.CodeValue, "SH", "A1")
                .explicit(Tag.RequestedProcedureID, "SH", "RP-3")
                .itemDelimiter().sequenceDelimiter().toBytes();
        DataSet item = probe.readFile(Raw.part10(ELE, body)).dataset().getSequence(Tag.RequestAttributesSequence)
                .get(0);
        assertThat(item.elements().stream().map(Element::tag).toList())
                .containsExactly(Tag.CodeValue, Tag.RequestedProcedureID);
        assertThat(item.getString(Tag.RequestedProcedureID)).isEqualTo("RP-3");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void assertNamed(DicomParseException e, long offset, int tag, String problem) {
        assertThat(e.problem()).contains(problem);
        assertThat(e.offset()).as("offset in: " + e.getMessage()).isEqualTo(offset);
        assertThat(e.tag()).as("tag in: " + e.getMessage()).isEqualTo(tag);
        assertThat(e.getMessage()).contains("offset " + offset).contains(Tags.toString(tag));
    }

    /** Where the deflated stream starts: right after the file meta group. */
    private static int deflatedStart(byte[] part10) {
        return 144 + java.nio.ByteBuffer.wrap(part10, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] dataSetBytes(DataSet ds, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DicomWriter.writeDataSet(ds, ts, Channels.newChannel(bos));
        return bos.toByteArray();
    }
}
