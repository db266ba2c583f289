package org.cloak.pixel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/** Writes frames encoded by one of the module's codecs as a Part 10 file, one fragment per frame. */
public final class Encapsulate {
    private Encapsulate() {}

    public static Path write(PixelFormat f, List<Frame> frames, FrameCodec codec, boolean offsetTable, Path file)
            throws IOException {
        DataSet ds = TestImages.dataset(f, new byte[0]);
        List<Value> items = new ArrayList<>();
        items.add(Bytes.EMPTY);
        ByteBuffer table = ByteBuffer.allocate(4 * frames.size()).order(ByteOrder.LITTLE_ENDIAN);
        long pos = 0;
        for (Frame frame : frames) {
            byte[] encoded = codec.encode(frame);
            table.putInt((int) pos);
            pos += 8 + encoded.length + (encoded.length & 1);
            items.add(new Bytes(encoded));
        }
        if (offsetTable) {
            items.set(0, new Bytes(table.array()));
        }
        ds.put(Tag.PixelData, Vr.OB, new Fragments(items));
        DicomWriter.write(new DicomFile(new DataSet(), ds, TransferSyntax.of(codec.transferSyntaxUid()),
                file.toString(), false), file);
        return file;
    }
}
