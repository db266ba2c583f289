package org.cloak.pixel.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pixel.Frame;
import org.cloak.pixel.OracleTools;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.frame.NativeFrames;
import org.cloak.pixel.rle.RleCodec;
import org.cloak.pixel.value.ValueBytes;
import org.cloak.pixel.value.ValueSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncapsulatedFramesTest {
    private static final PixelFormat FORMAT =
            TestImages.frames(TestImages.format(Photometric.MONOCHROME2, 8, 10, 16, 16, false), 3);
    private final RleCodec rle = new RleCodec();
    private final List<Frame> frames = TestImages.patterns(FORMAT, false);

    @TempDir
    Path dir;

    @Test
    void oneFragmentPerFrameNeedsNoTable() throws IOException {
        EncapsulatedFrames ef = new EncapsulatedFrames(FORMAT, fragments(false, 1), null, rle);
        for (int n = 0; n < 3; n++) {
            assertThat(ef.read(n)).isEqualTo(frames.get(n));
        }
    }

    @Test
    void theBasicOffsetTableGroupsFragmentsIntoFrames() throws IOException {
        EncapsulatedFrames ef = new EncapsulatedFrames(FORMAT, fragments(true, 3), null, rle);
        for (int n = 0; n < 3; n++) {
            assertThat(ef.read(n)).isEqualTo(frames.get(n));
        }
        assertThatThrownBy(() -> new EncapsulatedFrames(FORMAT, fragments(false, 3), null, rle))
                .isInstanceOf(PixelFormatException.class).hasMessageContaining("no offset table");
    }

    @Test
    void aTableEntryInsideAFragmentIsRefused() {
        Fragments f = fragments(true, 1);
        List<Value> items = new ArrayList<>(f.items());
        byte[] table = ((Bytes) items.get(0)).data().clone();
        table[4] += 2;
        items.set(0, new Bytes(table));
        assertThatThrownBy(() -> new EncapsulatedFrames(FORMAT, new Fragments(items), null, rle))
                .isInstanceOf(PixelFormatException.class).hasMessageContaining("entry 2");
    }

    @Test
    void theExtendedOffsetTableIsReadAndRewritten() throws IOException {
        DataSet ds = TestImages.dataset(FORMAT, new byte[0]);
        Fragments withTable = fragments(true, 2);
        long[] offsets = new long[3];
        ByteBuffer bot = ByteBuffer.wrap(((Bytes) withTable.items().get(0)).data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < 3; n++) {
            offsets[n] = bot.getInt();
        }
        List<Value> items = new ArrayList<>(withTable.items());
        items.set(0, Bytes.EMPTY); // with an extended table the basic one is empty (PS3.5 A.4)
        ds.put(Tag.PixelData, Vr.OB, new Fragments(items));
        ds.put(Tag.ExtendedOffsetTable, Vr.OV, longs(offsets));
        ds.put(Tag.ExtendedOffsetTableLengths, Vr.OV, longs(new long[3]));
        EncapsulatedFrames ef = EncapsulatedFrames.of(ds, rle);
        assertThat(ef.read(2)).isEqualTo(frames.get(2));

        EncapsulatedPixels out = ef.rewrite((n, f) -> {
            f.plane(0)[0] = 7;
            return n == 1;
        }, ValueSink.inMemory());
        out.applyTo(ds);
        Fragments rewritten = (Fragments) ds.get(Tag.PixelData).value();
        assertThat(rewritten.items().get(0).length()).isZero();
        assertThat(rewritten.items()).hasSize(1 + 2 + 1 + 2); // frame 1 is now one fragment
        EncapsulatedFrames again = EncapsulatedFrames.of(ds, rle);
        assertThat(again.read(1).plane(0)[0]).isEqualTo(7);
        assertThat(again.read(2)).isEqualTo(frames.get(2));
        ByteBuffer lengths = ByteBuffer.wrap(ValueBytes.readAll(ds.get(Tag.ExtendedOffsetTableLengths).value()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(lengths.getLong(8)).isEqualTo(rewritten.items().get(3).length());
    }

    @Test
    void aRewriteKeepsTheFragmentsOfUnchangedFramesAndWritesABasicTable() throws IOException {
        Fragments original = fragments(true, 2);
        EncapsulatedFrames ef = new EncapsulatedFrames(FORMAT, original, null, rle);
        EncapsulatedPixels out = ef.rewrite((n, f) -> {
            Arrays.fill(f.plane(0), 0, 10, 0);
            return n == 0;
        }, ValueSink.toFile(dir.resolve("frames.bin")));
        List<Value> items = out.pixelData().items();
        assertThat(items.subList(2, 6)).containsExactlyElementsOf(original.items().subList(3, 7));
        for (int i = 2; i < 6; i++) {
            assertThat(items.get(i)).isSameAs(original.items().get(i + 1));
        }
        long[] pos = FrameIndex.itemPositions(items.subList(1, items.size()));
        assertThat(FrameIndex.basicOffsets(items.get(0), 3)).containsExactly(0, pos[1], pos[3]);

        // written as a file, dcmdrle reads the same frames
        DataSet ds = TestImages.dataset(FORMAT, new byte[0]);
        out.applyTo(ds);
        Path file = dir.resolve("rewritten.dcm");
        DicomWriter.write(new DicomFile(new DataSet(), ds, TransferSyntax.of(Uid.RLELossless), "x", false), file);
        NativeFrames decoded = NativeFrames.of(DicomReader.read(OracleTools.dcmdrle(file, dir.resolve("n.dcm")))
                .dataset());
        Frame expected = frames.get(0).copy();
        Arrays.fill(expected.plane(0), 0, 10, 0);
        assertThat(decoded.read(0)).isEqualTo(expected);
        assertThat(decoded.read(2)).isEqualTo(frames.get(2));
    }

    /** RLE frames of the pattern, each cut into {@code pieces} fragments, with or without a basic table. */
    private Fragments fragments(boolean table, int pieces) {
        List<Value> items = new ArrayList<>();
        items.add(Bytes.EMPTY);
        ByteBuffer bot = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        long pos = 0;
        for (Frame frame : frames) {
            bot.putInt((int) pos);
            byte[] encoded = rle.encode(frame);
            int step = (encoded.length / pieces + 1) & ~1;
            for (int at = 0; at < encoded.length; at += step) {
                byte[] piece = Arrays.copyOfRange(encoded, at, Math.min(encoded.length, at + step));
                items.add(new Bytes(piece));
                pos += 8 + piece.length + (piece.length & 1);
            }
        }
        if (table) {
            items.set(0, new Bytes(bot.array()));
        }
        return new Fragments(items);
    }

    private static Bytes longs(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return new Bytes(b.array());
    }
}
