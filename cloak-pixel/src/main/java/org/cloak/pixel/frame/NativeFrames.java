package org.cloak.pixel.frame;

import java.io.IOException;
import java.nio.ByteOrder;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameEditor;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.value.ValueBytes;
import org.cloak.pixel.value.ValueSink;

/**
 * The frames of native Pixel Data, read one at a time from memory or from the source file, and
 * rewritten with only the changed frames' bits replaced: everything else in the value (other
 * frames, trailing padding) is copied as it was.
 *
 * <p>In Explicit VR Big Endian an OW value is a run of 16-bit words, each with its bytes
 * swapped; 1- and 8-bit cells are packed into those words as in little endian (PS3.5 7.3 and
 * 8.1.1), so their frames are read and written through the swap.
 */
public final class NativeFrames {
    private final PixelFormat format;
    private final Value value;
    private final ByteOrder order;
    private final boolean wordSwapped;

    /**
     * @param pixelData Pixel Data with a native value (in memory or left in the file)
     * @param order the byte order of the data set
     */
    public NativeFrames(PixelFormat format, Element pixelData, ByteOrder order) {
        if (!(pixelData.value() instanceof Bytes) && !(pixelData.value() instanceof BulkRef)) {
            throw new PixelFormatException(Tag.PixelData, "is encapsulated, not native");
        }
        if (pixelData.value().length() < format.nativeLength()) {
            throw new PixelFormatException(Tag.PixelData, "holds " + pixelData.value().length() + " bytes, "
                    + format.frames() + " frames need " + format.nativeLength());
        }
        this.format = format;
        this.value = pixelData.value();
        this.order = order;
        this.wordSwapped = order == ByteOrder.BIG_ENDIAN && pixelData.vr() == Vr.OW && format.bitsAllocated() <= 8;
    }

    /** The native frames of a data set's Pixel Data. */
    public static NativeFrames of(DataSet ds) {
        Element e = ds.get(Tag.PixelData);
        if (e == null) {
            throw new PixelFormatException(Tag.PixelData, "is missing");
        }
        return new NativeFrames(PixelFormat.of(ds), e, ds.order());
    }

    public PixelFormat format() { return format; }

    public int count() { return format.frames(); }

    /** Reads frame {@code n} (from 0) and nothing else of the value. */
    public Frame read(int n) throws IOException {
        Span s = span(n);
        byte[] buf = ValueBytes.read(value, s.start, s.length());
        return decode(buf, s);
    }

    /**
     * Passes every frame to the editor and writes the new value to the sink, which is then
     * closed. Returns the new value, or the original one (and an empty sink) when no frame changed.
     */
    public Value rewrite(FrameEditor editor, ValueSink sink) throws IOException {
        long emitted = 0;
        byte[] carry = null; // the last changed frame's bytes, held back: the next frame may share a byte
        long carryStart = 0;
        for (int n = 0; n < format.frames(); n++) {
            Span s = span(n);
            byte[] buf = ValueBytes.read(value, s.start, s.length());
            Frame frame = decode(buf, s);
            if (!editor.edit(n, frame)) {
                continue;
            }
            if (carry != null) {
                long carryEnd = carryStart + carry.length;
                int keep = (int) Math.min(carry.length, s.start - carryStart);
                sink.write(carry, 0, keep);
                System.arraycopy(carry, keep, buf, 0, carry.length - keep);
                emitted = Math.min(carryEnd, s.start);
            }
            ValueBytes.copy(value, emitted, s.start - emitted, sink);
            emitted = s.start;
            encode(frame, buf, s);
            carry = buf;
            carryStart = s.start;
        }
        if (carry == null) {
            sink.close();
            return value;
        }
        sink.write(carry);
        emitted = carryStart + carry.length;
        ValueBytes.copy(value, emitted, value.length() - emitted, sink);
        sink.close();
        return sink.value();
    }

    private Frame decode(byte[] valueBytes, Span s) {
        byte[] buf = wordSwapped ? swapPairs(valueBytes.clone()) : valueBytes;
        return NativeLayout.decode(format, buf, s.offset, s.bitOffset, order);
    }

    private void encode(Frame frame, byte[] valueBytes, Span s) {
        if (wordSwapped) {
            swapPairs(valueBytes);
        }
        NativeLayout.encode(frame, valueBytes, s.offset, s.bitOffset, order);
        if (wordSwapped) {
            swapPairs(valueBytes);
        }
    }

    /** The bytes holding frame n (whole words when swapped) and where in them the frame starts. */
    private Span span(int n) {
        if (n < 0 || n >= format.frames()) {
            throw new IndexOutOfBoundsException("frame " + n + " of " + format.frames());
        }
        long bitStart = n * format.frameBits();
        long start = bitStart >>> 3;
        long end = (bitStart + format.frameBits() + 7) >>> 3;
        int offset = 0;
        if (wordSwapped) {
            long aligned = start & ~1L;
            offset = (int) (start - aligned);
            start = aligned;
            end = Math.min((end + 1) & ~1L, value.length());
        }
        return new Span(start, end, offset, (int) (bitStart & 7));
    }

    private static byte[] swapPairs(byte[] b) {
        for (int i = 0; i + 1 < b.length; i += 2) {
            byte t = b[i];
            b[i] = b[i + 1];
            b[i + 1] = t;
        }
        return b;
    }

    private record Span(long start, long end, int offset, int bitOffset) {
        int length() { return (int) (end - start); }
    }
}
