package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cloak's writer against Cloak's reader, in every transfer syntax the writer produces. */
class RoundTripTest {
    private static final int UN_SEQUENCE = Tags.of(0x0009, 0x1010);
    private static final int ITEM_GROUP_LENGTH = Tags.of(0x0040, 0x0000);

    @TempDir
    Path dir;

    static Stream<TransferSyntax> syntaxes() {
        return Stream.of(TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE,
                TransferSyntax.DEFLATED_LE);
    }

    /** The small sample plus group lengths (deliberately wrong) and a UN sequence of undefined length. */
    static DataSet rich(boolean bigEndian) {
        DataSet ds = Samples.small(bigEndian);
        ds.put(Tags.of(0x0008, 0x0000), Vr.UL, new Bytes(new byte[4]));
        DataSet req = ds.getSequence(Tag.RequestAttributesSequence).get(0);
        req.put(ITEM_GROUP_LENGTH, Vr.UL, new Bytes(new byte[] {1, 2, 3, 4}));

        DataSet code = new DataSet(false); // inside a UN sequence: implicit VR little endian, always
        code.setUndefinedLength(false);
        code.setString(Tag.CodeValue, Vr.SH, "UN-1");
        DataSet hidden = new DataSet(false);
        hidden.setString(Tag.PatientName, Vr.PN, "HIDDEN^NAME");
        hidden.setInts(Tag.Rows, Vr.US, 512);
        hidden.put(Tag.ConceptNameCodeSequence, Vr.SQ, Samples.sequence(false, code));
        Sequence un = Samples.sequence(true, hidden);
        un.setImplicitLittleEndian(true);
        ds.put(UN_SEQUENCE, Vr.SQ, un);
        return ds;
    }

    /** What the reader must give back for {@link #rich}: group lengths right, VRs as the syntax allows. */
    static DataSet expected(DataSet written, TransferSyntax ts) {
        DataSet x = copy(written, ts);
        if (!ts.explicitVr()) {
            Element e = x.get(Samples.PRIVATE_NAME);
            x.put(e.tag(), Vr.UN, e.value()); // implicit VR: a private element's VR is unknown
            ((Sequence) x.get(UN_SEQUENCE).value()).setImplicitLittleEndian(false); // a plain SQ in implicit VR
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("syntaxes")
    void writeThenRead(TransferSyntax ts) throws IOException {
        DataSet built = rich(ts.bigEndian());
        byte[] bytes = Samples.part10(built, ts);
        DicomFile f = DicomReader.read(bytes, "rt");
        assertThat(f.transferSyntax()).isEqualTo(ts);
        assertThat(f.transferSyntaxGuessed()).isFalse();
        assertThat(f.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(ts.uid());
        assertThat(f.fileMeta().getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo("2.25.123456789");

        DataSet expected = expected(built, ts);
        // group lengths were written as they are, not as they were set
        expected.put(Tags.of(0x0008, 0x0000), Vr.UL, f.dataset().get(Tags.of(0x0008, 0x0000)).value());
        DataSet req = expected.getSequence(Tag.RequestAttributesSequence).get(0);
        req.put(ITEM_GROUP_LENGTH, Vr.UL, f.dataset().getSequence(Tag.RequestAttributesSequence).get(0)
                .get(ITEM_GROUP_LENGTH).value());
        Same.assertSame(f.dataset(), expected);

        // writing what was read gives the same bytes
        assertThat(DicomWriter.toBytes(f)).isEqualTo(bytes);
    }

    /**
     * Group lengths are recomputed: the value of (0008,0000) leads exactly to the first element of
     * the next group, and the one inside the item leads exactly to the item delimiter.
     */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void groupLengthsAreRecomputed(TransferSyntax ts) throws IOException {
        byte[] body = body(Samples.part10(rich(ts.bigEndian()), ts), ts);
        ByteBuffer b = ByteBuffer.wrap(body).order(ts.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        // top level: (0008,0000) is the first element of the data set
        assertThat(tagAt(b, 0)).isEqualTo(Tags.of(0x0008, 0x0000));
        int after = 12; // UL: 8-byte header (explicit short form or implicit) + 4
        assertThat(tagAt(b, after + b.getInt(8))).isEqualTo(Samples.PRIVATE_CREATOR);

        int at = indexOf(body, header(ITEM_GROUP_LENGTH, ts));
        assertThat(at).isPositive();
        assertThat(tagAt(b, at + 12 + b.getInt(at + 8))).isEqualTo(Tags.ITEM_DELIMITATION);
    }

    /** Sequences and items keep the length form they had; defined lengths are right. */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void lengthFormsArePreserved(TransferSyntax ts) throws IOException {
        DataSet ds = DicomReader.read(Samples.part10(rich(ts.bigEndian()), ts), "rt").dataset();
        Sequence ref = ds.getSequence(Tag.ReferencedPatientSequence);
        assertThat(ref.isUndefinedLength()).isFalse();
        assertThat(ref.get(0).isUndefinedLength()).isFalse();
        Sequence req = ds.getSequence(Tag.RequestAttributesSequence);
        assertThat(req.isUndefinedLength()).isTrue();
        assertThat(req.get(0).isUndefinedLength()).isTrue();
        Sequence nested = req.get(0).getSequence(Tag.ScheduledProtocolCodeSequence);
        assertThat(nested.isUndefinedLength()).isFalse();
        assertThat(nested.get(0).isUndefinedLength()).isFalse();
        assertThat(nested.get(0).getString(Tag.CodeMeaning)).isEqualTo("Fake protocol");
        Sequence un = ds.getSequence(UN_SEQUENCE);
        assertThat(un.isUndefinedLength()).isTrue();
        assertThat(un.get(0).getSequence(Tag.ConceptNameCodeSequence).isUndefinedLength()).isFalse();
        assertThat(un.get(0).getString(Tag.PatientName)).isEqualTo("HIDDEN^NAME");
        assertThat(un.get(0).getString(Tag.Rows)).isEqualTo("512");
    }

    /** File to file: pixel data stays a BulkRef on the way and the copy is byte for byte. */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void fileToFileThroughBulkReferences(TransferSyntax ts) throws IOException {
        byte[] bytes = Samples.part10(rich(ts.bigEndian()), ts);
        Path in = Files.write(dir.resolve("in.dcm"), bytes);
        DicomFile f = DicomReader.read(in);
        Value pixels = f.dataset().get(Tag.PixelData).value();
        // deflated data sets are inflated in memory: nothing to reference in the file
        assertThat(pixels).isInstanceOf(ts.deflated() ? Bytes.class : BulkRef.class);
        Path out = dir.resolve("out.dcm");
        DicomWriter.write(f, out);
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
    }

    /** Header values larger than the reader's window, and many of them, read from a file. */
    @Test
    void headerLargerThanTheReadWindow() throws IOException {
        DataSet ds = Samples.small(false);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 100_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        ds.setString(Tag.TextValue, Vr.UT, text.toString());
        DataSet item = ds.getSequence(Tag.RequestAttributesSequence).get(0);
        for (int i = 0; i < 3000; i++) { // ~40 KB of small elements in an item
            item.setString(Tags.of(0x0041, 0x1000 + i), Vr.UN, "v" + i);
        }
        item.setString(Tags.of(0x0041, 0x0010), Vr.LO, "ACME 1.0");
        Path in = Files.write(dir.resolve("big-header.dcm"), Samples.part10(ds, TransferSyntax.EXPLICIT_LE));
        DicomFile f = DicomReader.read(in);
        Same.assertSame(f.dataset(), ds);
        assertThat(f.dataset().getText(Tag.TextValue)).isEqualTo(text.toString());
    }

    /**
     * A UN element of undefined length holds a sequence in implicit VR little endian whatever
     * the transfer syntax (PS3.5 6.2.2): read as a sequence, written back as it came.
     */
    @Test
    void unknownElementOfUndefinedLengthIsASequence() throws IOException {
        byte[] items = Raw.le().item(Raw.UNDEFINED)
                .implicit(Tag.PatientName, "HIDDEN^NAME ")
                .implicitHeader(Tag.ConceptNameCodeSequence, Raw.UNDEFINED).item(14).implicit(Tag.CodeValue, "UN-1\0\0")
                .sequenceDelimiter()
                .itemDelimiter()
                .sequenceDelimiter() // part of the value: little endian too
                .toBytes();
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE)) {
            Raw raw = ts.bigEndian() ? Raw.be() : Raw.le();
            byte[] body = raw.explicit(Samples.PRIVATE_CREATOR, "LO", "ACME 1.0")
                    .explicitHeader(UN_SEQUENCE, "UN", Raw.UNDEFINED).bytes(items)
                    .explicit(Tag.PatientID, "LO", "PID-0001")
                    .toBytes();
            DataSet ds = DicomReader.readDataSet(body, ts, "un");
            Element e = ds.get(UN_SEQUENCE);
            assertThat(e.vr()).isEqualTo(Vr.SQ);
            Sequence seq = (Sequence) e.value();
            assertThat(seq.isImplicitLittleEndian()).isTrue();
            DataSet item = seq.get(0);
            assertThat(item.isBigEndian()).isFalse();
            assertThat(item.getString(Tag.PatientName)).isEqualTo("HIDDEN^NAME");
            assertThat(item.get(Tag.PatientName).vr()).isEqualTo(Vr.PN);
            assertThat(item.getSequence(Tag.ConceptNameCodeSequence).get(0).getString(Tag.CodeValue)).isEqualTo("UN-1");
            assertThat(ds.getString(Tag.PatientID)).isEqualTo("PID-0001");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter.writeDataSet(ds, ts, Channels.newChannel(out));
            assertThat(out.toByteArray()).as("rewritten in %s", ts.uid()).isEqualTo(body);
        }
    }

    /** Encapsulated pixel data: fragments kept as they are, an odd one padded. */
    @Test
    void encapsulatedPixelData() throws IOException {
        TransferSyntax jpeg = TransferSyntax.of("1.2.840.10008.1.2.4.50");
        DataSet ds = Samples.small(false);
        byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, 1, 2};
        ds.put(Tag.PixelData, Vr.OB,
                new Fragments(List.of(Bytes.EMPTY, new Bytes(jpegStart), new Bytes(new byte[] {3, 4, 5}))));
        DicomFile f = DicomReader.read(Samples.part10(ds, jpeg), "jpeg");
        assertThat(f.transferSyntax().uid()).isEqualTo(jpeg.uid());
        List<Value> items = ((Fragments) f.dataset().get(Tag.PixelData).value()).items();
        assertThat(items).hasSize(3);
        assertThat(Same.bytes(items.get(0))).isEmpty();
        assertThat(Same.bytes(items.get(2))).containsExactly(3, 4, 5, 0);
    }

    /** Binary values are held as encoded: a little endian data set is not silently written big endian. */
    @Test
    void byteOrderMismatchIsRefused() {
        assertThatThrownBy(() -> Samples.part10(Samples.small(false), TransferSyntax.EXPLICIT_BE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("little endian");
        assertThatThrownBy(() -> Samples.part10(Samples.small(true), TransferSyntax.EXPLICIT_LE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("big endian");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static DataSet copy(DataSet src, TransferSyntax ts) {
        DataSet out = new DataSet(src.isBigEndian());
        out.setUndefinedLength(src.isUndefinedLength());
        for (Element e : src) {
            if (e.value() instanceof Sequence s) {
                Sequence c = new Sequence(s.isUndefinedLength());
                c.setImplicitLittleEndian(s.isImplicitLittleEndian());
                for (DataSet item : s) {
                    c.add(copy(item, ts));
                }
                out.put(e.tag(), e.vr(), c);
            } else {
                out.put(e);
            }
        }
        return out;
    }

    /** The data set bytes of a Part 10 file, inflated if need be. */
    private static byte[] body(byte[] part10, TransferSyntax ts) throws IOException {
        int groupLength = ByteBuffer.wrap(part10, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = 144 + groupLength;
        byte[] body = java.util.Arrays.copyOfRange(part10, start, part10.length);
        if (!ts.deflated()) {
            return body;
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!inf.finished()) {
                out.write(chunk, 0, inf.inflate(chunk));
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException(e);
        } finally {
            inf.end();
        }
    }

    private static int tagAt(ByteBuffer b, int at) {
        return ((b.getShort(at) & 0xFFFF) << 16) | (b.getShort(at + 2) & 0xFFFF);
    }

    private static byte[] header(int tag, TransferSyntax ts) {
        Raw r = ts.bigEndian() ? Raw.be() : Raw.le();
        return ts.explicitVr() ? r.explicitHeader(tag, "UL", 4).toBytes() : r.implicitHeader(tag, 4).toBytes();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
