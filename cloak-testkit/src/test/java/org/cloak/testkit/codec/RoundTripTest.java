package org.cloak.testkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.testkit.DcmdumpParser;
import org.cloak.testkit.DcmdumpParser.Attr;
import org.cloak.testkit.DcmdumpParser.Dump;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a file written by dcmtk or GDCM and writing it back must change nothing dcmdump can
 * see, except the implementation identity in the file meta.
 */
class RoundTripTest {
    @TempDir
    static Path dir;
    static List<Corpus.Entry> corpus;

    @BeforeAll
    static void buildCorpus() {
        corpus = Corpus.build(dir);
    }

    static Stream<Corpus.Entry> corpus() {
        return corpus.stream();
    }

    private static Path rewrite(Corpus.Entry e) throws Exception {
        Path out = dir.resolve("rewritten-" + e.name() + ".dcm");
        if (!Files.exists(out)) {
            DicomWriter.write(DicomReader.read(e.file()), out);
        }
        return out;
    }

    private static List<String> comparable(List<Attr> attrs) {
        return attrs.stream()
                .map(a -> a.path() + " " + a.vr() + " " + a.value() + " # " + a.length() + ", " + a.vm())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readerReportsTheTransferSyntaxTheToolWrote(Corpus.Entry e) throws Exception {
        DicomFile f = DicomReader.read(e.file());
        assertThat(f.transferSyntax().uid()).isEqualTo(e.tsUid());
        assertThat(f.transferSyntaxGuessed()).isEqualTo(!e.hasMeta());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewrittenDataSetListsIdenticallyInDcmdump(Corpus.Entry e) throws Exception {
        Dump before = DcmdumpParser.parse(Oracles.dcmdumpForComparison(e.file()));
        Dump after = DcmdumpParser.parse(Oracles.dcmdumpForComparison(rewrite(e)));
        assertThat(before.dataset()).as("dcmdump parsed nothing from the input").isNotEmpty();
        assertThat(comparable(after.dataset())).containsExactlyElementsOf(comparable(before.dataset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewrittenFileMetaKeepsAllButTheImplementationIdentity(Corpus.Entry e) throws Exception {
        Dump before = DcmdumpParser.parse(Oracles.dcmdumpForComparison(e.file()));
        Dump after = DcmdumpParser.parse(Oracles.dcmdumpForComparison(rewrite(e)));
        Map<String, Attr> afterMeta = after.metaByPath();
        for (Attr a : before.comparableMeta()) {
            assertThat(afterMeta).as("meta attribute %s", a.path()).containsKey(a.path());
            assertThat(comparable(List.of(afterMeta.get(a.path())))).isEqualTo(comparable(List.of(a)));
        }
        // whatever the input had, the output is a complete Part 10 file in the same syntax
        assertThat(afterMeta.get("(0002,0010)").value()).isEqualTo("[" + e.tsUid() + "]");
        assertThat(afterMeta).containsKeys("(0002,0000)", "(0002,0001)", "(0002,0002)", "(0002,0003)",
                "(0002,0012)", "(0002,0013)");
        assertThat(afterMeta.get("(0002,0003)").value())
                .isEqualTo(before.datasetByPath().get("(0008,0018)").value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewrittenPixelDataIsByteIdentical(Corpus.Entry e) throws Exception {
        Element in = DicomReader.read(e.file()).dataset().get(Tag.PixelData);
        Element out = DicomReader.read(rewrite(e)).dataset().get(Tag.PixelData);
        if (in == null) {
            assertThat(out).isNull();
            return;
        }
        assertThat(out.vr()).isEqualTo(in.vr());
        if (in.value() instanceof Fragments fin) {
            assertThat(out.value()).isInstanceOf(Fragments.class);
            List<byte[]> a = CodecValues.fragments(fin);
            List<byte[]> b = CodecValues.fragments((Fragments) out.value());
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i)).as("fragment %d", i).isEqualTo(a.get(i));
            }
        } else {
            assertThat(CodecValues.bytes(out.value())).isEqualTo(CodecValues.bytes(in.value()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void nativePixelDataReadsAsTheRasterTheToolWasGiven(Corpus.Entry e) throws Exception {
        if (e.nativePixels() == null) {
            return; // encapsulated or generated by the tool itself: covered by the byte-identity test
        }
        Element px = DicomReader.read(e.file()).dataset().get(Tag.PixelData);
        assertThat(CodecValues.bytes(px.value())).isEqualTo(e.nativePixels());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void encapsulatedPixelDataHasTheFragmentsDcmdumpSees(Corpus.Entry e) throws Exception {
        Element px = DicomReader.read(e.file()).dataset().get(Tag.PixelData);
        if (px == null || !(px.value() instanceof Fragments f)) {
            return;
        }
        Dump dump = DcmdumpParser.parse(Oracles.dcmdump(e.file(), "-Un"));
        List<Attr> items = dump.dataset().stream().filter(a -> a.path().startsWith("(7FE0,0010){")).toList();
        assertThat(f.items()).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            assertThat(Long.toString(f.items().get(i).length())).as("fragment %d length", i)
                    .isEqualTo(items.get(i).length());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewrittenDataSetIsByteIdenticalToTheToolsEncoding(Corpus.Entry e) throws Exception {
        // dcmtk and GDCM encode canonically, so an unchanged data set must come back byte for byte
        byte[] in = body(Files.readAllBytes(e.file()), e.tsUid());
        byte[] out = body(Files.readAllBytes(rewrite(e)), e.tsUid());
        assertThat(out.length).as("body length").isEqualTo(in.length);
        assertThat(firstDifference(in, out)).as("offset of the first differing byte of the data set").isEqualTo(-1);
    }

    /** The data set after preamble and meta, inflated when deflated. */
    static byte[] body(byte[] file, String tsUid) throws Exception {
        int start = 0;
        if (file.length > 144 && file[128] == 'D' && file[129] == 'I' && file[130] == 'C' && file[131] == 'M') {
            start = 144 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        if (!tsUid.equals(Uid.DeflatedExplicitVRLittleEndian)) {
            return java.util.Arrays.copyOfRange(file, start, file.length);
        }
        Inflater inf = new Inflater(true);
        inf.setInput(file, start, file.length - start);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(chunk);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                body.write(chunk, 0, n);
            }
        } finally {
            inf.end();
        }
        return body.toByteArray();
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : Math.min(a.length, b.length);
    }

    @Test
    void deflatedInputIsWrittenDeflated() throws Exception {
        for (Corpus.Entry e : corpus) {
            if (!e.tsUid().equals(Uid.DeflatedExplicitVRLittleEndian)) {
                continue;
            }
            Path out = rewrite(e);
            byte[] file = Files.readAllBytes(out);
            int bodyStart = 144 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            byte[] inflated = body(file, e.tsUid());
            assertThat(inflated.length).as(e.name() + ": inflated body").isGreaterThan(file.length - bodyStart);
            assertThat(new byte[] {inflated[0], inflated[1], inflated[2], inflated[3]})
                    .as(e.name() + ": first tag of the inflated body").containsExactly(0x08, 0x00, 0x05, 0x00);
            assertThat(Oracles.dcmdump(out, "-Un")).contains("Deflated Explicit VR Little Endian");
        }
    }
}
