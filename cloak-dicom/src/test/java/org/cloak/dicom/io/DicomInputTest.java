package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two ways of reading a file (whole into memory, or through a window with bulk values left
 * in the file) give the same data set; a read can skip the elements from a tag on, and then
 * reads little of the file but refuses what a full read refuses; the buffers lent to a thread
 * never carry bytes from one file into another.
 */
class DicomInputTest {
    private static final ReadOptions WHOLE = ReadOptions.DEFAULT.withWholeFileLimit(Integer.MAX_VALUE);
    private static final ReadOptions WINDOW = ReadOptions.DEFAULT.withWholeFileLimit(0);
    private static final int DISCOVERY_END = Tags.of(0x0021, 0x0000);
    private static final TransferSyntax JPEG = TransferSyntax.of("1.2.840.10008.1.2.4.50");

    @TempDir
    Path dir;

    static Stream<TransferSyntax> syntaxes() {
        return Stream.of(TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE,
                TransferSyntax.DEFLATED_LE, JPEG);
    }

    /** The rich sample in {@code ts}; for an encapsulated syntax, with fragments above and below the bulk threshold. */
    static byte[] sample(TransferSyntax ts) throws IOException {
        DataSet ds = RoundTripTest.rich(ts.bigEndian());
        if (ts == JPEG) {
            byte[] big = new byte[10_001];
            Arrays.fill(big, (byte) 0x5A);
            ds.put(Tag.PixelData, Vr.OB,
                    new Fragments(List.of(Bytes.EMPTY, new Bytes(big), new Bytes(new byte[] {1, 2, 3, 4}))));
        }
        return Samples.part10(ds, ts);
    }

    // ---- whole file vs window ---------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("syntaxes")
    void wholeFileAndWindowGiveTheSameDataSet(TransferSyntax ts) throws IOException {
        byte[] bytes = sample(ts);
        Path in = Files.write(dir.resolve("in.dcm"), bytes);
        DicomFile whole = DicomReader.read(in, WHOLE);
        DicomFile window = DicomReader.read(in, WINDOW);
        Same.compare(whole.dataset().elements(), window.dataset().elements(), "");
        Same.compareKinds(whole.dataset().elements(), window.dataset().elements(), "");
        Same.compare(whole.fileMeta().elements(), window.fileMeta().elements(), "meta ");
        assertThat(whole.transferSyntax()).isEqualTo(window.transferSyntax()).isEqualTo(ts);

        List<BulkRef> wholeRefs = bulkRefs(whole.dataset());
        List<BulkRef> windowRefs = bulkRefs(window.dataset());
        // deflated data sets are inflated in memory: nothing to reference in the file
        assertThat(wholeRefs).hasSize(ts.deflated() ? 0 : 1).isEqualTo(windowRefs);
        assertThat(wholeRefs).allSatisfy(r -> assertThat(r.memory()).isNotNull());
        assertThat(windowRefs).allSatisfy(r -> assertThat(r.memory()).isNull());

        for (DicomFile f : List.of(whole, window)) {
            Path out = dir.resolve("out.dcm");
            DicomWriter.write(f, out);
            assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        }
    }

    /** Cuts of every kind of file are read, or refused with the same offset, tag and problem, both ways. */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void truncatedFilesEndTheSameWayBothWays(TransferSyntax ts) throws IOException {
        byte[] bytes = sample(ts);
        Probe probe = new Probe(dir, true);
        int refused = 0;
        for (int t = 0; t < bytes.length; t += t < 1024 ? 1 : 37) {
            try {
                probe.readFile(Arrays.copyOf(bytes, t)); // asserts that both reads agree
            } catch (DicomParseException e) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(100);
    }

    @Test
    void aFileReadWholeIsNotOpenedAgainToWriteIt() throws IOException {
        byte[] bytes = sample(TransferSyntax.EXPLICIT_LE);
        Path in = Files.write(dir.resolve("in.dcm"), bytes);
        DicomFile whole = DicomReader.read(in, WHOLE);
        DicomFile window = DicomReader.read(in, WINDOW);
        Files.delete(in);
        Path out = dir.resolve("out.dcm");
        DicomWriter.write(whole, out);
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        assertThatThrownBy(() -> DicomWriter.write(window, out)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theDefaultReadsSmallFilesWholeAndLargeOnesThroughTheWindow() throws IOException {
        Path small = Files.write(dir.resolve("small.dcm"), sample(TransferSyntax.EXPLICIT_LE));
        DataSet big = Samples.small(false);
        big.put(Tag.PixelData, Vr.OW, new Bytes(new byte[ReadOptions.DEFAULT.wholeFileLimit()]));
        Path large = Files.write(dir.resolve("large.dcm"), Samples.part10(big, TransferSyntax.EXPLICIT_LE));
        assertThat(bulkRefs(DicomReader.read(small).dataset()).get(0).memory()).isNotNull();
        assertThat(bulkRefs(DicomReader.read(large).dataset()).get(0).memory()).isNull();
    }

    @Test
    void headAndSizeComeFromTheSameRead() throws IOException {
        byte[] bytes = sample(TransferSyntax.EXPLICIT_LE);
        Path in = Files.write(dir.resolve("in.dcm"), bytes);
        for (ReadOptions opts : List.of(WHOLE, WINDOW, WINDOW.withSkipFrom(DISCOVERY_END))) {
            CountingChannel ch = new CountingChannel(in);
            try (DicomInput input = DicomInput.open(in, ch, opts)) {
                assertThat(input.size()).isEqualTo(bytes.length);
                assertThat(input.head()).isEqualTo(Arrays.copyOf(bytes, DicomInput.HEAD));
                long beforeParse = ch.reads;
                assertThat(input.read().dataset().getString(Tag.PatientID)).isEqualTo("PID-0001");
                assertThat(beforeParse).as("reads before parsing").isEqualTo(1);
                assertThatThrownBy(input::read).isInstanceOf(IllegalStateException.class);
            }
            assertThat(ch.isOpen()).isFalse();
        }
        try (DicomInput input = DicomInput.open(Files.write(dir.resolve("short"), new byte[] {1, 2, 3}), WHOLE)) {
            assertThat(input.head()).containsExactly(1, 2, 3);
            assertThat(input.size()).isEqualTo(3);
        }
    }

    // ---- skip from a tag ---------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("syntaxes")
    void aReadThatSkipsFromATagKeepsTheElementsBeforeIt(TransferSyntax ts) throws IOException {
        Path in = Files.write(dir.resolve("in.dcm"), sample(ts));
        DicomFile full = DicomReader.read(in);
        for (int from : new int[] {Tag.PatientName, Tags.of(0x0009, 0x0000), DISCOVERY_END, Tag.PixelData,
                Tags.of(0xFFFF, 0xFFFF)}) {
            DicomFile part = DicomReader.read(in, ReadOptions.DEFAULT.withSkipFrom(from));
            List<Element> expected = full.dataset().elements().stream()
                    .filter(e -> Integer.compareUnsigned(e.tag(), from) < 0).toList();
            Same.compare(part.dataset().elements(), expected, "skip from " + Tags.toString(from) + ": ");
            Same.compare(part.fileMeta().elements(), full.fileMeta().elements(), "meta ");
        }
    }

    @Test
    void skippingFromTheFirstElementGivesAnEmptyDataSet() throws IOException {
        Path in = Files.write(dir.resolve("in.dcm"), sample(TransferSyntax.EXPLICIT_LE));
        DicomFile f = DicomReader.read(in, ReadOptions.DEFAULT.withSkipFrom(Tags.of(0x0008, 0x0000)));
        assertThat(f.dataset().isEmpty()).isTrue();
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_LE);
    }

    /**
     * What is skipped is still checked: a file cut anywhere, or with garbage after its data set,
     * is refused by the skipping read exactly when, and where, the full read refuses it.
     */
    @ParameterizedTest
    @MethodSource("syntaxes")
    void aReadThatSkipsRefusesWhatTheFullReadRefuses(TransferSyntax ts) throws IOException {
        byte[] bytes = sample(ts);
        List<byte[]> inputs = new ArrayList<>();
        for (int t = 0; t < bytes.length; t += t < 1024 ? 1 : 13) {
            inputs.add(Arrays.copyOf(bytes, t));
        }
        byte[] garbage = Arrays.copyOf(bytes, bytes.length + 8);
        garbage[bytes.length] = 0x08; // an element out of order after the pixel data
        garbage[bytes.length + 2] = 0x16;
        inputs.add(garbage);
        ReadOptions skipping = ReadOptions.DEFAULT.withSkipFrom(DISCOVERY_END);
        int refused = 0;
        for (byte[] input : inputs) {
            Path in = Files.write(dir.resolve("cut.dcm"), input);
            for (ReadOptions base : List.of(WHOLE, WINDOW)) {
                Object full = outcome(() -> DicomReader.read(in, base));
                Object part = outcome(() -> DicomReader.read(in, skipping.withWholeFileLimit(base.wholeFileLimit())));
                String what = input.length + " bytes of " + bytes.length;
                if (full instanceof DicomParseException f) {
                    assertThat(part).as(what).isInstanceOf(DicomParseException.class);
                    DicomParseException p = (DicomParseException) part;
                    assertThat(p.offset()).as(what).isEqualTo(f.offset());
                    assertThat(p.tag()).as(what).isEqualTo(f.tag());
                    assertThat(p.problem()).as(what).isEqualTo(f.problem());
                    refused++;
                } else {
                    assertThat(part).as(what).isInstanceOf(DicomFile.class);
                }
            }
        }
        assertThat(refused).isGreaterThan(100);
    }

    /** A header before the skipped groups is read with one short read, whatever the file's size. */
    @Test
    void skippedValuesAreNotRead() throws IOException {
        DataSet ds = Samples.small(false);
        ds.put(Tag.PixelData, Vr.OW, new Bytes(new byte[1 << 20]));
        Path in = Files.write(dir.resolve("big.dcm"), Samples.part10(ds, TransferSyntax.EXPLICIT_LE));
        CountingChannel ch = new CountingChannel(in);
        ReadOptions opts = ReadOptions.DEFAULT.withBulkThreshold(256).withSkipFrom(DISCOVERY_END);
        try (DicomInput input = DicomInput.open(in, ch, opts)) {
            DataSet read = input.read().dataset();
            assertThat(read.getString(Tag.StudyDate)).isEqualTo("20000101");
            assertThat(read.contains(Tag.Rows)).isFalse();
            assertThat(read.contains(Tag.PixelData)).isFalse();
        }
        assertThat(ch.reads).isEqualTo(1);
        assertThat(ch.bytes).isLessThanOrEqualTo(4096);

        // the same file read to the end: a first fill, then the pixel data is skipped, not read
        CountingChannel all = new CountingChannel(in);
        try (DicomInput input = DicomInput.open(in, all, ReadOptions.DEFAULT)) {
            assertThat(input.read().dataset().get(Tag.PixelData).value()).isInstanceOf(BulkRef.class);
        }
        assertThat(all.bytes).isLessThanOrEqualTo(16 * 1024);
    }

    // ---- buffers lent to the thread ---------------------------------------------------------

    /**
     * A window that held a large file is lent to the next read: a shorter file read through it
     * must not see the bytes past its own end, whether cut or complete.
     */
    @Test
    void aReusedWindowDoesNotLeakTheLastFile() throws IOException {
        DataSet filler = Samples.small(false);
        byte[] text = new byte[40_000];
        Arrays.fill(text, (byte) 'X');
        filler.put(Tag.TextValue, Vr.UT, new Bytes(text));
        Path large = Files.write(dir.resolve("large.dcm"), Samples.part10(filler, TransferSyntax.EXPLICIT_LE));

        byte[] small = sample(TransferSyntax.EXPLICIT_LE);
        for (int cut : new int[] {small.length, small.length - 1, small.length - 9000, 700, 300}) {
            byte[] b = Arrays.copyOf(small, cut);
            Path f = Files.write(dir.resolve("cut.dcm"), b);
            DicomReader.read(large, WINDOW); // fills the thread's window with 'X'
            Object fromWindow = outcome(() -> DicomReader.read(f, WINDOW));
            Object fromMemory = outcome(() -> DicomReader.read(b, "mem"));
            if (fromMemory instanceof DicomFile m) {
                assertThat(fromWindow).as("cut at %d", cut).isInstanceOf(DicomFile.class);
                Same.compare(((DicomFile) fromWindow).dataset().elements(), m.dataset().elements(),
                        "cut at " + cut + ": ");
            } else {
                DicomParseException m = (DicomParseException) fromMemory;
                assertThat(fromWindow).as("cut at %d", cut).isInstanceOf(DicomParseException.class);
                DicomParseException w = (DicomParseException) fromWindow;
                assertThat(w.offset()).isEqualTo(m.offset());
                assertThat(w.problem()).isEqualTo(m.problem());
            }
        }
    }

    /** Two inputs open at once on one thread each have their own window. */
    @Test
    void inputsOpenAtOnceDoNotShareAWindow() throws IOException {
        byte[] a = sample(TransferSyntax.EXPLICIT_LE);
        byte[] b = sample(TransferSyntax.EXPLICIT_BE);
        Path pa = Files.write(dir.resolve("a.dcm"), a);
        Path pb = Files.write(dir.resolve("b.dcm"), b);
        try (DicomInput ia = DicomInput.open(pa, WINDOW); DicomInput ib = DicomInput.open(pb, WINDOW)) {
            DicomFile fb = ib.read();
            DicomFile fa = ia.read();
            Same.assertSame(fa.dataset(), DicomReader.read(a, "a").dataset());
            Same.assertSame(fb.dataset(), DicomReader.read(b, "b").dataset());
        }
    }

    /**
     * The writer's buffer is lent from file to file: after a large write, and after a write that
     * failed half way, a small file comes out exactly as it does from a fresh buffer.
     */
    @Test
    void aReusedWriteBufferDoesNotLeakTheLastFile() throws Exception {
        DataSet small = RoundTripTest.rich(false);
        byte[] expected = onFreshThread(() -> DicomWriter.toBytes(file(small)));

        DataSet large = Samples.small(false);
        byte[] text = new byte[60_000];
        Arrays.fill(text, (byte) 'X');
        large.put(Tag.TextValue, Vr.UT, new Bytes(text));
        DicomWriter.toBytes(file(large));
        assertThat(DicomWriter.toBytes(file(small))).isEqualTo(expected);

        WritableByteChannel failing = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public boolean isOpen() { return true; }

            @Override
            public void close() { }
        };
        assertThatThrownBy(() -> DicomWriter.write(new DataSet(), large, TransferSyntax.EXPLICIT_LE, failing))
                .hasMessage("disk full");
        assertThat(DicomWriter.toBytes(file(small))).isEqualTo(expected);
    }

    /** A write started while another is under way on the same thread (from its channel) gets its own buffer. */
    @Test
    void nestedWritesOnOneThreadDoNotShareABuffer() throws Exception {
        DataSet outer = RoundTripTest.rich(false);
        DataSet inner = Samples.small(true);
        byte[] outerExpected = onFreshThread(() -> DicomWriter.toBytes(file(outer)));
        byte[] innerExpected = onFreshThread(() -> Samples.part10(inner, TransferSyntax.EXPLICIT_BE));
        List<byte[]> inners = new ArrayList<>();
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        WritableByteChannel ch = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                inners.add(Samples.part10(inner, TransferSyntax.EXPLICIT_BE));
                int n = src.remaining();
                byte[] b = new byte[n];
                src.get(b);
                sink.write(b);
                return n;
            }

            @Override
            public boolean isOpen() { return true; }

            @Override
            public void close() { }
        };
        DicomWriter.write(new DataSet(), outer, TransferSyntax.EXPLICIT_LE, ch);
        assertThat(sink.toByteArray()).isEqualTo(outerExpected);
        assertThat(inners).isNotEmpty().allSatisfy(b -> assertThat(b).isEqualTo(innerExpected));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static DicomFile file(DataSet ds) {
        return new DicomFile(new DataSet(), ds, TransferSyntax.EXPLICIT_LE, "t", false);
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs on a new thread, whose lent buffers are fresh. */
    private static <T> T onFreshThread(Work<T> work) throws Exception {
        Object[] result = new Object[1];
        Exception[] failed = new Exception[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = work.run();
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        t.start();
        t.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }

    private interface Read {
        DicomFile run() throws IOException;
    }

    private static Object outcome(Read read) {
        try {
            return read.run();
        } catch (IOException e) {
            return e;
        }
    }

    private static List<BulkRef> bulkRefs(DataSet ds) {
        List<BulkRef> out = new ArrayList<>();
        for (Element e : ds) {
            Value v = e.value();
            if (v instanceof BulkRef r) {
                out.add(r);
            } else if (v instanceof Fragments f) {
                f.items().stream().filter(BulkRef.class::isInstance).map(BulkRef.class::cast).forEach(out::add);
            }
        }
        return out;
    }

    /** A file channel that counts the reads made through it. */
    private static final class CountingChannel extends FileChannel {
        private final FileChannel in;
        long reads;
        long bytes;

        CountingChannel(Path path) {
            try {
                this.in = FileChannel.open(path, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int counted(int n) {
            reads++;
            bytes += Math.max(n, 0);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException { return counted(in.read(dst)); }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException { return counted(in.read(dst, position)); }

        @Override
        public int write(ByteBuffer src) { throw new UnsupportedOperationException(); }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }

        @Override
        public int write(ByteBuffer src, long position) { throw new UnsupportedOperationException(); }

        @Override
        public long position() throws IOException { return in.position(); }

        @Override
        public FileChannel position(long p) throws IOException {
            in.position(p);
            return this;
        }

        @Override
        public long size() throws IOException { return in.size(); }

        @Override
        public FileChannel truncate(long size) { throw new UnsupportedOperationException(); }

        @Override
        public void force(boolean metaData) { }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }

        @Override
        protected void implCloseChannel() throws IOException { in.close(); }
    }
}
