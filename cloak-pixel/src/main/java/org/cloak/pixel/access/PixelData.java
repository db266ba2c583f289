package org.cloak.pixel.access;

import java.io.IOException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.pixel.EncodedFrameEditor;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.FrameEditor;
import org.cloak.pixel.PixelFormat;
import org.cloak.pixel.encap.EncapsulatedFrames;
import org.cloak.pixel.encap.EncapsulatedPixels;
import org.cloak.pixel.frame.NativeFrames;
import org.cloak.pixel.value.ValueSink;

/**
 * The frames of a data set's Pixel Data whatever its transfer syntax: the one entry point for
 * reading and cleaning pixels. Native data is read and rewritten by {@link NativeFrames},
 * encapsulated data by {@link EncapsulatedFrames} with the transfer syntax's codec.
 */
public final class PixelData {
    private final NativeFrames nativeFrames;
    private final EncapsulatedFrames encapsulated;

    private PixelData(NativeFrames nativeFrames, EncapsulatedFrames encapsulated) {
        this.nativeFrames = nativeFrames;
        this.encapsulated = encapsulated;
    }

    /**
     * Opens the pixel data of a data set encoded in {@code transferSyntaxUid}.
     *
     * @throws UnsupportedPixelDataException when {@code codecs} cannot decode that syntax
     * @throws org.cloak.pixel.PixelFormatException when the pixel description is inconsistent
     */
    public static PixelData open(DataSet ds, String transferSyntaxUid, PixelCodecs codecs) throws IOException {
        CodecLookup lookup = codecs.lookup(transferSyntaxUid);
        if (lookup instanceof CodecLookup.Unsupported u) {
            throw new UnsupportedPixelDataException(u);
        }
        if (lookup instanceof CodecLookup.Encapsulated e) {
            return new PixelData(null, EncapsulatedFrames.of(ds, e.codec()));
        }
        return new PixelData(NativeFrames.of(ds), null);
    }

    public PixelFormat format() { return nativeFrames != null ? nativeFrames.format() : encapsulated.format(); }

    public int count() { return format().frames(); }

    /** Decodes frame {@code n} (from 0), reading nothing of the other frames. */
    public Frame read(int n) throws IOException {
        return nativeFrames != null ? nativeFrames.read(n) : encapsulated.read(n);
    }

    /**
     * The encoded bytes of frame {@code n} of encapsulated pixel data.
     *
     * @throws IllegalStateException for native pixel data
     */
    public byte[] encoded(int n) throws IOException {
        if (encapsulated == null) {
            throw new IllegalStateException("native pixel data has no encoded frames");
        }
        return encapsulated.encoded(n);
    }

    /** The codec of encapsulated pixel data, or null for native data. */
    public FrameCodec codec() { return encapsulated != null ? encapsulated.codec() : null; }

    /**
     * As {@link #rewrite} for encapsulated data, on the encoded frames: the editor returns a new
     * encoded frame or null to keep one.
     *
     * @throws IllegalStateException for native pixel data
     */
    public boolean rewriteEncoded(EncodedFrameEditor editor, ValueSink sink, DataSet target) throws IOException {
        if (encapsulated == null) {
            throw new IllegalStateException("native pixel data has no encoded frames");
        }
        boolean[] changed = {false};
        EncapsulatedPixels p = encapsulated.rewriteEncoded((n, e) -> {
            byte[] r = editor.edit(n, e);
            changed[0] |= r != null;
            return r;
        }, sink);
        if (changed[0]) {
            p.applyTo(target);
        }
        return changed[0];
    }

    /**
     * Passes every frame to the editor and, when any changed, puts the new Pixel Data (and a
     * matching Extended Offset Table) into {@code target}; bytes of changed frames go to the
     * sink, which is closed.
     *
     * @return whether any frame changed
     */
    public boolean rewrite(FrameEditor editor, ValueSink sink, DataSet target) throws IOException {
        boolean[] changed = {false};
        FrameEditor tracking = (n, f) -> {
            boolean c = editor.edit(n, f);
            changed[0] |= c;
            return c;
        };
        if (nativeFrames != null) {
            Value v = nativeFrames.rewrite(tracking, sink);
            if (changed[0]) {
                Element original = target.get(Tag.PixelData);
                Vr vr = original != null ? original.vr() : format().bitsAllocated() > 8 ? Vr.OW : Vr.OB;
                target.put(Tag.PixelData, vr, v);
            }
        } else {
            EncapsulatedPixels p = encapsulated.rewrite(tracking, sink);
            if (changed[0]) {
                p.applyTo(target);
            }
        }
        return changed[0];
    }
}
