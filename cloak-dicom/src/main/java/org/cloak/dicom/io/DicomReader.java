package org.cloak.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.internal.ByteSource;

/**
 * Reads Part 10 files and raw data sets (PS3.5, PS3.10). Header attributes are read into memory;
 * large binary values of a file stay in the file as {@link BulkRef}s (served from memory when
 * the file was small enough to be read whole, see {@link DicomInput}). Nesting is bounded by
 * {@link ReadOptions#maxDepth()}, and every length is checked against what encloses it, so
 * malformed input ends in a {@link DicomParseException} naming the offset and the tag.
 */
public final class DicomReader {
    private static final int UNDEFINED = -1;

    private final ByteSource in;
    private final ReadOptions opts;
    private final Path path;
    private final String name;
    private int currentTag = -1;
    /**
     * Set at the first top-level element of {@link ReadOptions#skipFrom()}: from there on values
     * are skipped, with the same checks as when they are read, and elements are not kept.
     */
    private boolean skipping;
    /** What was repaired while reading (see {@link DicomFile#repairs}). */
    private final List<String> repairs = new ArrayList<>();

    private DicomReader(ByteSource in, Path path, String name, ReadOptions opts) {
        this.in = in;
        this.path = path;
        this.name = name;
        this.opts = opts;
    }

    public static DicomFile read(Path path) throws IOException {
        return read(path, ReadOptions.DEFAULT);
    }

    public static DicomFile read(Path path, ReadOptions opts) throws IOException {
        try (DicomInput in = DicomInput.open(path, opts)) {
            return in.read();
        }
    }

    /** Reads a file opened by {@link DicomInput}. */
    static DicomFile read(ByteSource src, Path path, ReadOptions opts) throws IOException {
        return new DicomReader(src, path, path.toString(), opts).readFile();
    }

    /** Reads a Part 10 file or raw data set held in memory. */
    public static DicomFile read(byte[] data, String name) throws IOException {
        return read(data, name, ReadOptions.DEFAULT);
    }

    /**
     * Reads a Part 10 file or raw data set held in memory; values at or above the options' bulk
     * threshold become references into {@code data}, which must not change afterwards.
     */
    public static DicomFile read(byte[] data, String name, ReadOptions opts) throws IOException {
        // read like a file held whole: large values are references into data, not copies
        return new DicomReader(ByteSource.ofFile(data, data.length), null, name, opts).readFile();
    }

    /**
     * Reads a Part 10 file or raw data set from a stream (an upload, a record of a distributed
     * job), which it reads to its end and holds in memory; refuses one of more than
     * {@code maxBytes} bytes.
     */
    public static DicomFile read(InputStream in, String name, ReadOptions opts, int maxBytes) throws IOException {
        byte[] data = in.readNBytes(maxBytes);
        if (data.length == maxBytes && in.read() >= 0) {
            throw new IOException(name + ": larger than the " + maxBytes + " bytes that can be held in memory");
        }
        return read(data, name, opts);
    }

    /** Reads a raw data set (no preamble, no file meta) in a known transfer syntax. */
    public static DataSet readDataSet(byte[] data, TransferSyntax ts, String name) throws IOException {
        DicomReader r = new DicomReader(ByteSource.of(data, 0, data.length), null, name, ReadOptions.DEFAULT);
        return r.guard(() -> r.readBody(ts));
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T guard(Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (EOFException e) {
            throw error("unexpected end of data");
        } catch (DicomParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DicomParseException(name, in.position(), currentTag,
                    "malformed data: " + e.getClass().getSimpleName(), e);
        }
    }

    private DicomFile readFile() throws IOException {
        return guard(() -> {
            if (in.size() == 0) {
                throw new DicomParseException(name, 0, -1, "empty file");
            }
            boolean preamble = false;
            byte[] head = in.peek(132);
            if (head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
                preamble = true;
                in.seek(132);
            } else if (head.length >= 4 && head[0] == 'D' && head[1] == 'I' && head[2] == 'C' && head[3] == 'M') {
                preamble = true;
                in.seek(4);
            }
            DataSet meta = new DataSet();
            byte[] next = in.peek(2);
            if (next.length == 2 && next[0] == 2 && next[1] == 0) {
                readMeta(meta);
            }
            String tsUid = meta.getString(Tag.TransferSyntaxUID);
            boolean guessed = tsUid == null;
            boolean part10 = preamble || !meta.isEmpty();
            TransferSyntax ts = guessed ? guessSyntax(part10) : TransferSyntax.of(tsUid);
            long bodyStart = in.position();
            DataSet ds = ts.deflated() ? readDeflated(ts) : readBody(ts);
            if (part10 && ds.isEmpty() && !skipping) {
                // a file cut right after its meta: refused, there is nothing to de-identify or keep
                throw new DicomParseException(name, bodyStart, -1, "no data set after the file meta information");
            }
            return new DicomFile(meta, ds, ts, name, guessed, repairs);
        });
    }

    private void readMeta(DataSet meta) throws IOException {
        while (in.remaining() >= 8) {
            byte[] next = in.peek(2);
            if (next[0] != 2 || next[1] != 0) {
                break;
            }
            meta.put(readElement(true, true, 0, UNDEFINED));
            if (meta.size() == 1 && meta.get(Tag.FileMetaInformationGroupLength) != null) {
                checkMetaLength(meta.get(Tag.FileMetaInformationGroupLength).value());
            }
        }
    }

    /** The meta group length is not trusted to delimit the meta, only to detect a file cut inside it. */
    private void checkMetaLength(Value v) throws DicomParseException {
        if (v instanceof Bytes b && b.data().length == 4) {
            byte[] d = b.data();
            long len = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFFL) << 24;
            if (len > in.remaining()) {
                throw error("file meta information group length " + len + " runs past the end of the file ("
                        + in.remaining() + " bytes left)");
            }
        }
    }

    /** Infers the encoding of a data set whose file meta does not name it (PS3.5 Annex A). */
    private TransferSyntax guessSyntax(boolean looksLikeDicom) throws IOException {
        byte[] h = in.peek(8);
        if (h.length < 8) {
            throw error("too short to be a DICOM data set");
        }
        int groupLe = (h[0] & 0xFF) | ((h[1] & 0xFF) << 8);
        int groupBe = ((h[0] & 0xFF) << 8) | (h[1] & 0xFF);
        boolean vrValid = Vr.fromCode(((h[4] & 0xFF) << 8) | (h[5] & 0xFF)) != null;
        boolean zeros = true;
        for (byte b : h) {
            zeros &= b == 0;
        }
        if (!looksLikeDicom && (zeros || groupLe > 0x0010 && groupBe > 0x0010)) {
            // eight zero bytes would read as an empty (0000,0000): it is a preamble missing its DICM
            throw error("not a DICOM file: no preamble, no file meta and no plausible data set");
        }
        if (groupLe > 0x00FF && groupBe <= 0x00FF) {
            return TransferSyntax.EXPLICIT_BE;
        }
        return vrValid ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
    }

    private DataSet readBody(TransferSyntax ts) throws IOException {
        DataSet ds = new DataSet(ts.bigEndian());
        readElements(ds, UNDEFINED, ts.explicitVr(), ts.littleEndian(), 0, false);
        return ds;
    }

    private DataSet readDeflated(TransferSyntax ts) throws IOException {
        long start = in.position();
        byte[] compressed = in.wholeFile();
        int from = (int) start;
        int length = (int) Math.min(in.remaining(), Integer.MAX_VALUE - 8);
        if (compressed == null) { // read through a window: the stream is copied out of it
            compressed = in.bytes(length);
            from = 0;
        }
        byte[] inflated;
        try {
            inflated = inflate(compressed, from, length, true);
        } catch (DataFormatException e) {
            try {
                inflated = inflate(compressed, from, length, false); // some writers wrap the stream in zlib headers
            } catch (DataFormatException e2) {
                throw new DicomParseException(name, start, -1, "deflated data set is corrupt: " + e.getMessage());
            }
        }
        DicomReader inner = new DicomReader(ByteSource.of(inflated, 0, inflated.length), null,
                name + " (inflated)", opts);
        DataSet ds = inner.guard(() -> inner.readBody(TransferSyntax.EXPLICIT_LE));
        skipping = inner.skipping;
        repairs.addAll(inner.repairs);
        return ds;
    }

    private byte[] inflate(byte[] data, int from, int length, boolean raw) throws DataFormatException, IOException {
        Inflater inf = new Inflater(raw);
        try {
            inf.setInput(data, from, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length * 3L, 64 << 20));
            byte[] chunk = new byte[64 * 1024];
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("stream ends before its last block");
                }
                out.write(chunk, 0, n);
                if (out.size() > opts.maxInflatedSize()) {
                    throw new DicomParseException(name, -1, -1,
                            "inflated data set exceeds " + opts.maxInflatedSize() + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }

    /**
     * Reads the elements of a data set or item until {@code end} (an absolute offset), or for
     * undefined length until the item delimiter ({@code item}) or the end of data (top level).
     */
    private void readElements(DataSet ds, long end, boolean explicit, boolean le, int depth, boolean item)
            throws IOException {
        int last = -1;
        boolean first = true;
        // Items out of tag order are sorted once at the end: DataSet.put would insert each
        // element into the middle of the list, quadratic on a hostile item.
        List<Element> unsorted = null;
        while (true) {
            if (end != UNDEFINED) {
                if (in.position() >= end) {
                    break;
                }
            } else if (in.remaining() == 0) {
                if (item) {
                    throw error("end of data inside an item of undefined length");
                }
                break;
            }
            long start = in.position();
            int tag = in.peekTag(le);
            skipping |= !item && opts.skips(tag);
            if (tag == Tags.ITEM_DELIMITATION) {
                currentTag = tag;
                if (!item || end != UNDEFINED) {
                    throw error("item delimitation item outside an item of undefined length", start);
                }
                in.skip(8);
                break;
            }
            boolean ordered = first || Integer.compareUnsigned(tag, last) > 0;
            if (!first && tag == last) {
                // a duplicated element: read past it, keep the first, as dcmtk does
                currentTag = tag;
                readElement(explicit, le, depth, end);
                if (end != UNDEFINED && in.position() > end) {
                    throw error("element runs past the end of its item", start);
                }
                repairs.add("duplicated element " + Tags.toString(tag) + (item ? " in an item" : "")
                        + ": the first is kept");
                continue;
            }
            if (!item && !ordered) {
                currentTag = tag;
                throw error("attribute " + Tags.toString(tag) + " out of order after " + Tags.toString(last)
                        + " (garbage after the data set?)");
            }
            Element e = readElement(explicit, le, depth, end);
            if (end != UNDEFINED && in.position() > end) {
                throw error("element runs past the end of its item", start);
            }
            if (unsorted == null && !ordered) {
                unsorted = new ArrayList<>(ds.elements());
            }
            if (skipping && !item) {
                // checked, not kept
            } else if (unsorted != null) {
                unsorted.add(e);
            } else {
                ds.put(e);
            }
            last = tag;
            first = false;
        }
        if (unsorted != null) {
            unsorted.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag())); // stable: the last duplicate wins
            ds.removeIf(x -> true);
            for (Element e : unsorted) {
                ds.put(e);
            }
        }
    }

    private Element readElement(boolean explicit, boolean le, int depth, long end) throws IOException {
        long start = in.position();
        int tag = (in.u16(le) << 16) | in.u16(le);
        currentTag = tag;
        if (tag == Tags.ITEM || tag == Tags.SEQUENCE_DELIMITATION) {
            throw error("unexpected " + (tag == Tags.ITEM ? "item" : "sequence delimiter") + " outside a sequence",
                    start);
        }
        Vr vr;
        long len;
        if (explicit) {
            int code = in.u16(false);
            vr = Vr.fromCode(code);
            if (vr == null) {
                // Repair: an element written in implicit VR inside an explicit VR data set (dcmtk does the same).
                in.seek(start + 4);
                vr = dictionary().vrOf(tag);
                len = in.i32(le) & 0xFFFFFFFFL;
            } else if (vr.hasLongLength()) {
                in.skip(2);
                len = in.i32(le) & 0xFFFFFFFFL;
            } else {
                len = in.u16(le);
            }
        } else {
            vr = tag == Tag.PixelData ? Vr.OW : dictionary().vrOf(tag);
            len = in.i32(le) & 0xFFFFFFFFL;
        }
        boolean undefined = len == 0xFFFFFFFFL;
        long limit = end != UNDEFINED ? end : in.size();
        if (!undefined && len > limit - in.position()) {
            throw error("value length " + len + " runs past the end of the enclosing data ("
                    + (limit - in.position()) + " bytes left)", start);
        }
        Value value;
        Vr storedVr = vr;
        if (vr == Vr.SQ || (undefined && !explicit && tag != Tag.PixelData)) {
            value = readSequence(len, explicit, le, depth, false);
            storedVr = Vr.SQ;
        } else if (undefined && tag == Tag.PixelData) {
            value = readFragments(le);
        } else if (undefined && vr == Vr.UN) {
            value = readSequence(len, false, true, depth, true);
            storedVr = Vr.SQ;
        } else if (undefined) {
            throw error("undefined length is not allowed for VR " + vr, start);
        } else {
            value = readValue(vr, len);
        }
        return new Element(tag, storedVr, value);
    }

    private Value readValue(Vr vr, long len) throws IOException {
        if (in.isFile() && vr.isBulkCandidate() && len > opts.bulkThreshold()) {
            return bulk(len);
        }
        if (in.isFile() && len > opts.maxValueLength()) {
            throw error("a " + vr + " value of " + len + " bytes exceeds the in-memory limit of "
                    + opts.maxValueLength());
        }
        return len == 0 ? Bytes.EMPTY : bytes(len);
    }

    /** A value read into memory, or skipped (an empty stand-in) once the elements are no longer kept. */
    private Value bytes(long len) throws IOException {
        if (skipping) {
            in.skip(len);
            return Bytes.EMPTY;
        }
        return new Bytes(in.bytes((int) len));
    }

    private Sequence readSequence(long len, boolean explicit, boolean le, int depth, boolean implicitUn)
            throws IOException {
        if (depth + 1 > opts.maxDepth()) {
            throw error("sequences nested deeper than " + opts.maxDepth() + " levels");
        }
        boolean undefined = len == 0xFFFFFFFFL;
        Sequence seq = new Sequence(undefined);
        seq.setImplicitLittleEndian(implicitUn);
        boolean ex = !implicitUn && explicit;
        boolean littleEndian = implicitUn || le;
        long end = undefined ? UNDEFINED : in.position() + len;
        int seqTag = currentTag;
        while (true) {
            if (end != UNDEFINED && in.position() >= end) {
                break;
            }
            long start = in.position();
            if (end != UNDEFINED && end - start < 8) {
                throw error("sequence ends inside an item header", start);
            }
            int tag = (in.u16(littleEndian) << 16) | in.u16(littleEndian);
            long ilen = in.i32(littleEndian) & 0xFFFFFFFFL;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                if (!undefined) {
                    throw error("sequence delimiter inside a sequence of defined length", start);
                }
                break;
            }
            if (tag != Tags.ITEM) {
                currentTag = seqTag;
                throw error("expected an item in the sequence, found " + Tags.toString(tag), start);
            }
            boolean itemUndefined = ilen == 0xFFFFFFFFL;
            long limit = end != UNDEFINED ? end : in.size();
            if (!itemUndefined && ilen > limit - in.position()) {
                throw error("item length " + ilen + " runs past the end of its sequence", start);
            }
            DataSet item = new DataSet(!littleEndian);
            item.setUndefinedLength(itemUndefined);
            readElements(item, itemUndefined ? UNDEFINED : in.position() + ilen, ex, littleEndian, depth + 1, true);
            currentTag = seqTag;
            if (end != UNDEFINED && in.position() > end) {
                throw error("item runs past the end of its sequence", start);
            }
            seq.add(item);
        }
        return seq;
    }

    private Fragments readFragments(boolean le) throws IOException {
        List<Value> items = new ArrayList<>();
        while (true) {
            long start = in.position();
            int tag = (in.u16(le) << 16) | in.u16(le);
            long len = in.i32(le) & 0xFFFFFFFFL;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                return new Fragments(items);
            }
            if (tag != Tags.ITEM) {
                throw error("expected a pixel data fragment, found " + Tags.toString(tag), start);
            }
            if (len == 0xFFFFFFFFL || len > in.remaining()) {
                throw error("fragment length " + len + " runs past the end of data", start);
            }
            items.add(readFragmentValue(len));
        }
    }

    private Value readFragmentValue(long len) throws IOException {
        if (in.isFile() && len > opts.bulkThreshold()) {
            return bulk(len);
        }
        return len == 0 ? Bytes.EMPTY : bytes(len);
    }

    /** A reference to the value at the position, which is skipped; its bytes come along when the file is in memory. */
    private BulkRef bulk(long len) throws IOException {
        long at = in.position();
        in.skip(len);
        byte[] whole = in.wholeFile();
        return whole == null ? new BulkRef(path, at, len) : BulkRef.inMemory(path, at, len, whole);
    }

    /** Loaded on first need: explicit VR files never need it, and loading it costs ~0.1 s at startup. */
    private static ElementDictionary dictionary() {
        return ElementDictionary.standard();
    }

    private DicomParseException error(String problem) {
        return new DicomParseException(name, in.position(), currentTag, problem);
    }

    private DicomParseException error(String problem, long offset) {
        return new DicomParseException(name, offset, currentTag, problem);
    }
}
