package org.cloak.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.internal.ByteSink;

/**
 * Writes data sets in a transfer syntax, and Part 10 files with a rebuilt file meta group.
 * Sequences and items keep the length form they were read with; defined lengths are
 * recomputed, as are group lengths present in the data set. Odd values are padded per VR.
 */
public final class DicomWriter {
    private static final byte[] PREAMBLE = new byte[128];
    private static final byte[] PREFIX = {'D', 'I', 'C', 'M'};
    private static final int UNDEFINED = 0xFFFFFFFF;

    private final ByteSink out;

    private DicomWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes a Part 10 file: zeroed preamble, rebuilt meta, data set in the file's transfer syntax. */
    public static void write(DicomFile file, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(file.fileMeta(), file.dataset(), file.transferSyntax(), ch);
        }
    }

    public static byte[] toBytes(DicomFile file) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (WritableByteChannel ch = Channels.newChannel(bos)) {
            write(file.fileMeta(), file.dataset(), file.transferSyntax(), ch);
        }
        return bos.toByteArray();
    }

    /** Writes preamble, file meta (rebuilt from {@code originalMeta}) and data set to a channel. */
    public static void write(DataSet originalMeta, DataSet dataset, TransferSyntax ts, WritableByteChannel ch)
            throws IOException {
        checkByteOrder(dataset, ts);
        DataSet meta = FileMeta.build(originalMeta, dataset, ts);
        // one buffer for meta and data set: a small file goes out in one write
        try (ByteSink sink = new ByteSink(ch)) {
            sink.bytes(PREAMBLE);
            sink.bytes(PREFIX);
            DicomWriter w = new DicomWriter(sink);
            long groupLength = 0;
            for (Element e : meta) {
                groupLength += Lengths.element(e, true);
            }
            w.writeHeader(0x00020000, Vr.UL, 4, true, true);
            sink.i32((int) groupLength, true);
            w.writeElements(meta, true, true);
            if (!ts.deflated()) {
                w.writeElements(dataset, ts.littleEndian(), ts.explicitVr());
                return;
            }
        }
        writeDeflated(dataset, ch);
    }

    /** Writes a data set alone (no preamble, no meta), as on the network or inside a file. */
    public static void writeDataSet(DataSet dataset, TransferSyntax ts, WritableByteChannel ch) throws IOException {
        checkByteOrder(dataset, ts);
        if (!ts.deflated()) {
            try (ByteSink sink = new ByteSink(ch)) {
                new DicomWriter(sink).writeElements(dataset, ts.littleEndian(), ts.explicitVr());
            }
            return;
        }
        writeDeflated(dataset, ch);
    }

    private static void checkByteOrder(DataSet dataset, TransferSyntax ts) {
        if (dataset.isBigEndian() != ts.bigEndian()) {
            // binary values are held as encoded and written as they are: swapping is not the writer's job
            throw new IllegalArgumentException("the data set is " + (dataset.isBigEndian() ? "big" : "little")
                    + " endian, " + ts.uid() + " is not");
        }
    }

    private static void writeDeflated(DataSet dataset, WritableByteChannel ch) throws IOException {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            DeflaterOutputStream dos = new DeflaterOutputStream(new NonClosing(Channels.newOutputStream(ch)),
                    deflater, 64 * 1024);
            try (ByteSink sink = new ByteSink(Channels.newChannel(dos))) {
                new DicomWriter(sink).writeElements(dataset, true, true);
            }
            dos.finish();
            dos.flush();
        } finally {
            deflater.end(); // native memory: a caller-supplied Deflater is not ended by the stream
        }
    }

    private void writeElements(DataSet ds, boolean le, boolean explicit) throws IOException {
        List<Element> elements = ds.elements();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (Tags.isGroupLength(e.tag()) && e.value() instanceof Bytes b && b.data().length == 4) {
                long len = 0;
                int group = Tags.group(e.tag());
                for (int j = i + 1; j < elements.size() && Tags.group(elements.get(j).tag()) == group; j++) {
                    len += Lengths.element(elements.get(j), explicit);
                }
                writeHeader(e.tag(), Vr.UL, 4, le, explicit);
                out.i32((int) len, le);
                continue;
            }
            writeElement(e, le, explicit);
        }
    }

    private void writeElement(Element e, boolean le, boolean explicit) throws IOException {
        Value v = e.value();
        if (v instanceof Sequence seq) {
            writeSequence(e.tag(), seq, le, explicit);
        } else if (v instanceof Fragments f) {
            writeHeader(e.tag(), e.vr() == Vr.OW ? Vr.OW : Vr.OB, UNDEFINED, le, explicit);
            for (Value item : f.items()) {
                long len = item.length();
                out.u16u16i32(0xFFFE, 0xE000, (int) (len + (len & 1)), le);
                writeRaw(item, Vr.OB);
            }
            writeDelimiter(Tags.SEQUENCE_DELIMITATION, le);
        } else {
            long len = v.length();
            long padded = len + (len & 1);
            if (explicit && !e.vr().hasLongLength() && padded > 0xFFFF) {
                throw new IOException("value of " + Tags.toString(e.tag()) + " is " + padded
                        + " bytes, too long for VR " + e.vr());
            }
            writeHeader(e.tag(), e.vr(), (int) padded, le, explicit);
            writeRaw(v, e.vr());
        }
    }

    private void writeRaw(Value v, Vr vr) throws IOException {
        long len = v.length();
        if (v instanceof Bytes b) {
            out.bytes(b.data());
        } else if (v instanceof BulkRef r) {
            ByteBuffer held = r.memory();
            if (held != null) {
                out.bytes(held);
            } else {
                out.copyFrom(r.path(), r.offset(), r.length());
            }
        }
        if ((len & 1) == 1) {
            out.u8(vr.paddingByte());
        }
    }

    private void writeSequence(int tag, Sequence seq, boolean le, boolean explicit) throws IOException {
        boolean implicitUn = seq.isImplicitLittleEndian();
        boolean itemLe = implicitUn || le;
        boolean itemExplicit = !implicitUn && explicit;
        int len = seq.isUndefinedLength() || implicitUn ? UNDEFINED : (int) Lengths.sequenceContent(seq, itemExplicit);
        writeHeader(tag, implicitUn ? Vr.UN : Vr.SQ, len, le, explicit);
        for (DataSet item : seq) {
            out.u16u16i32(0xFFFE, 0xE000,
                    item.isUndefinedLength() ? UNDEFINED : (int) Lengths.dataSet(item, itemExplicit),
                    itemLe);
            writeElements(item, itemLe, itemExplicit);
            if (item.isUndefinedLength()) {
                writeDelimiter(Tags.ITEM_DELIMITATION, itemLe);
            }
        }
        if (len == UNDEFINED) {
            writeDelimiter(Tags.SEQUENCE_DELIMITATION, itemLe);
        }
    }

    private void writeDelimiter(int tag, boolean le) throws IOException {
        out.u16u16i32(Tags.group(tag), Tags.element(tag), 0, le);
    }

    private void writeHeader(int tag, Vr vr, int len, boolean le, boolean explicit) throws IOException {
        if (!explicit) {
            out.u16u16i32(Tags.group(tag), Tags.element(tag), len, le);
            return;
        }
        out.u16(Tags.group(tag), le);
        out.u16(Tags.element(tag), le);
        out.u16(vr.code(), false);
        if (vr.hasLongLength()) {
            out.u16(0, le);
            out.i32(len, le);
        } else {
            out.u16(len, le);
        }
    }

    /** Keeps the target channel open when the deflater stream is finished. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
