package org.cloak.pixel.encap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.pixel.EncodedFrameEditor;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.FrameEditor;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.value.ValueBytes;
import org.cloak.pixel.value.ValueSink;

/**
 * The frames of encapsulated Pixel Data, each read from its own fragments and decoded alone.
 * A rewrite re-encodes only the frames an editor changed, as one fragment each; the other
 * frames keep their fragments as they were (still in the source file when they were there).
 */
public final class EncapsulatedFrames {
    private final PixelFormat format;
    private final FrameCodec codec;
    private final List<Value> fragments;
    private final int[] first;
    private final boolean hadBasicTable;

    /**
     * @param extendedOffsets the Extended Offset Table (PS3.3 C.7.6.3.1.8), or null
     */
    public EncapsulatedFrames(PixelFormat format, Fragments pixelData, long[] extendedOffsets, FrameCodec codec)
            throws IOException {
        List<Value> items = pixelData.items();
        if (items.isEmpty()) {
            throw new PixelFormatException(Tag.PixelData, "has no Basic Offset Table item");
        }
        this.format = format;
        this.codec = codec;
        this.fragments = List.copyOf(items.subList(1, items.size()));
        long[] offsets = extendedOffsets != null ? extendedOffsets
                : FrameIndex.basicOffsets(items.get(0), format.frames());
        if (offsets != null && offsets.length != format.frames()) {
            throw new PixelFormatException(Tag.ExtendedOffsetTable, "has " + offsets.length + " entries for "
                    + format.frames() + " frames");
        }
        this.first = FrameIndex.firstFragments(fragments, format.frames(), offsets, codec);
        this.hadBasicTable = extendedOffsets == null && offsets != null;
    }

    /** The encapsulated frames of a data set, with its Extended Offset Table if it has one. */
    public static EncapsulatedFrames of(DataSet ds, FrameCodec codec) throws IOException {
        Element e = ds.get(Tag.PixelData);
        if (e == null || !(e.value() instanceof Fragments f)) {
            throw new PixelFormatException(Tag.PixelData, e == null ? "is missing" : "is native, not encapsulated");
        }
        return new EncapsulatedFrames(PixelFormat.of(ds), f, extendedOffsets(ds), codec);
    }

    public PixelFormat format() { return format; }

    public FrameCodec codec() { return codec; }

    public int count() { return format.frames(); }

    /** The encoded bytes of frame {@code n}: its fragments joined. */
    public byte[] encoded(int n) throws IOException {
        if (n < 0 || n >= count()) {
            throw new IndexOutOfBoundsException("frame " + n + " of " + count());
        }
        if (first[n + 1] - first[n] == 1) {
            return ValueBytes.readAll(fragments.get(first[n]));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first[n]; i < first[n + 1]; i++) {
            out.write(ValueBytes.readAll(fragments.get(i)));
        }
        return out.toByteArray();
    }

    /** Decodes frame {@code n}, reading only its fragments. */
    public Frame read(int n) throws IOException {
        return codec.decode(encoded(n), format);
    }

    /**
     * Passes every frame to the editor and encodes the changed ones into the sink, which is then
     * closed. The result has a Basic Offset Table when the original had a filled one.
     */
    public EncapsulatedPixels rewrite(FrameEditor editor, ValueSink sink) throws IOException {
        return rewriteEncoded((n, encoded) -> {
            Frame frame = codec.decode(encoded, format);
            return editor.edit(n, frame) ? codec.encode(frame) : null;
        }, sink);
    }

    /**
     * Passes every encoded frame to the editor and writes the frames it returns into the sink,
     * which is then closed; frames it keeps keep their fragments. One frame is held at a time.
     */
    public EncapsulatedPixels rewriteEncoded(EncodedFrameEditor editor, ValueSink sink) throws IOException {
        List<List<Value>> kept = new ArrayList<>();
        List<long[]> written = new ArrayList<>();
        for (int n = 0; n < count(); n++) {
            byte[] edited = editor.edit(n, encoded(n));
            if (edited != null) {
                long start = sink.position();
                sink.write(edited);
                written.add(new long[] {start, sink.position()});
                kept.add(null);
            } else {
                kept.add(fragments.subList(first[n], first[n + 1]));
                written.add(null);
            }
        }
        sink.close();
        List<Value> items = new ArrayList<>();
        long[] offsets = new long[count()];
        long[] lengths = new long[count()];
        long pos = 0;
        for (int n = 0; n < count(); n++) {
            offsets[n] = pos;
            List<Value> frameItems = kept.get(n) != null ? kept.get(n)
                    : List.of(sink.slice(written.get(n)[0], written.get(n)[1]));
            for (Value v : frameItems) {
                items.add(v);
                lengths[n] += v.length();
                pos += 8 + v.length() + (v.length() & 1);
            }
        }
        // the basic table's 32-bit offsets cannot reach past 4 GiB; it is optional (PS3.5 A.4)
        items.add(0, hadBasicTable && offsets[count() - 1] <= 0xFFFFFFFFL ? basicTable(offsets) : Bytes.EMPTY);
        return new EncapsulatedPixels(new Fragments(items), offsets, lengths);
    }

    private static Bytes basicTable(long[] offsets) {
        ByteBuffer b = ByteBuffer.allocate(4 * offsets.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long o : offsets) {
            b.putInt((int) o);
        }
        return new Bytes(b.array());
    }

    private static long[] extendedOffsets(DataSet ds) throws IOException {
        Element e = ds.get(Tag.ExtendedOffsetTable);
        if (e == null || e.isEmpty()) {
            return null;
        }
        byte[] raw = ValueBytes.readAll(e.value());
        if (raw.length % 8 != 0) {
            throw new PixelFormatException(Tag.ExtendedOffsetTable, "is not a whole number of 64-bit offsets");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[raw.length / 8];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = b.getLong();
        }
        return offsets;
    }
}
