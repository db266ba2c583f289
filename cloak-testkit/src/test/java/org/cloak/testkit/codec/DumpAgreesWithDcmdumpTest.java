package org.cloak.testkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.text.DumpPrinter;
import org.cloak.testkit.DcmdumpParser.Attr;
import org.cloak.testkit.DcmdumpParser.Dump;
import org.cloak.testkit.DcmdumpParser;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Cloak reads from a file, and what its DumpPrinter lists, agrees with dcmdump on every
 * attribute: same tag paths, same VRs where the encoding is explicit, same values (numbers
 * compared numerically, since the two format floats differently), same lengths.
 */
class DumpAgreesWithDcmdumpTest {
    private static final Pattern COUNT = Pattern.compile("#=(\\d+)\\)");

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

    /** One attribute as Cloak sees it: values formatted like dcmdump, or a count for SQ and fragments. */
    private record Ours(String vr, List<String> values, long length, int count) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readerSeesEveryAttributeDcmdumpSees(Corpus.Entry e) throws Exception {
        DicomFile f = DicomReader.read(e.file());
        Dump dump = DcmdumpParser.parse(Oracles.dcmdumpForComparison(e.file()));
        List<String> problems = new ArrayList<>();
        compare(dump.meta(), walk(f.fileMeta()), true, problems);
        compare(dump.dataset(), walk(f.dataset()), f.transferSyntax().explicitVr(), problems);
        assertThat(problems).as("disagreements with dcmdump").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void dumpPrinterListsWhatDcmdumpLists(Corpus.Entry e) throws Exception {
        DicomFile f = DicomReader.read(e.file());
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println("# Dicom-Meta-Information-Header");
        new DumpPrinter(pw).print(f.fileMeta());
        pw.println("# Dicom-Data-Set");
        new DumpPrinter(pw).print(f.dataset());
        Dump ours = DcmdumpParser.parse(sw.toString());
        Dump theirs = DcmdumpParser.parse(Oracles.dcmdumpForComparison(e.file()));

        // the printer summarises encapsulated pixel data in one line instead of listing fragments
        List<String> ourPaths = ours.attrs().stream().map(Attr::path).toList();
        List<String> theirPaths = theirs.attrs().stream().map(Attr::path).filter(p -> !p.contains("{")).toList();
        assertThat(ourPaths).containsExactlyElementsOf(theirPaths);

        boolean explicit = f.transferSyntax().explicitVr();
        List<String> problems = new ArrayList<>();
        Map<String, Attr> theirsByPath = new LinkedHashMap<>();
        theirs.attrs().forEach(a -> theirsByPath.put(a.path(), a));
        for (Attr a : ours.attrs()) {
            Attr t = theirsByPath.get(a.path());
            if (a.isItem()) {
                continue;
            }
            if ((explicit || a.meta()) && !a.vr().equals(t.vr())) {
                problems.add(a.path() + ": VR " + a.vr() + " but dcmdump says " + t.vr());
            }
            Vr vr = Vr.fromString(a.vr());
            if (vr == null || a.value().endsWith("...") || a.value().endsWith("...]")
                    || t.value().equals("(not loaded)")) {
                continue;
            }
            boolean numeric = switch (vr) {
                case US, SS, UL, SL, FL, FD, SV, UV, AT -> true;
                default -> false;
            };
            if (vr.isText() && a.text() != null && t.text() != null) {
                compareValues(a.path(), split(vr, a.text()), split(vr, t.text()), problems);
            } else if (numeric && !a.noValue()) {
                compareValues(a.path(), Arrays.asList(a.value().split("\\\\")), Arrays.asList(t.value().split("\\\\")),
                        problems);
            }
        }
        assertThat(problems).as("DumpPrinter disagreements with dcmdump").isEmpty();
    }

    private static void compare(List<Attr> theirs, Map<String, Ours> ours, boolean explicit, List<String> problems) {
        List<String> seen = new ArrayList<>();
        for (Attr t : theirs) {
            seen.add(t.path());
            Ours o = ours.get(t.path());
            if (o == null) {
                problems.add(t.path() + ": dcmdump lists it, Cloak does not");
                continue;
            }
            if (t.isItem() && !t.vr().equals("pi")) {
                continue;
            }
            if (explicit && !t.vr().equals(o.vr())) {
                problems.add(t.path() + ": VR " + o.vr() + " but dcmdump says " + t.vr());
            }
            Matcher count = COUNT.matcher(t.value());
            if (t.value().startsWith("(Sequence") || t.value().startsWith("(PixelSequence")) {
                if (!count.find() || Integer.parseInt(count.group(1)) != o.count()) {
                    problems.add(t.path() + ": " + o.count() + " items but dcmdump says " + t.value());
                }
                continue;
            }
            if (t.length() != null && !t.length().equals("u/l") && Long.parseLong(t.length()) != o.length()) {
                problems.add(t.path() + ": length " + o.length() + " but dcmdump says " + t.length());
            }
            if (t.vr().equals("pi") || t.value().equals("(not loaded)")) {
                continue;
            }
            List<String> theirValues;
            if (t.noValue()) {
                theirValues = List.of();
            } else if (t.text() != null) {
                Vr vr = Vr.fromString(o.vr());
                theirValues = split(vr == null ? Vr.UT : vr, t.text());
            } else {
                theirValues = Arrays.asList(t.value().split("\\\\"));
            }
            if (o.values() == null) {
                problems.add(t.path() + ": Cloak cannot format a " + o.vr() + " value");
            } else {
                compareValues(t.path(), o.values(), theirValues, problems);
            }
        }
        for (String p : ours.keySet()) {
            if (!seen.contains(p)) {
                problems.add(p + ": Cloak lists it, dcmdump does not");
            }
        }
    }

    private static void compareValues(String path, List<String> ours, List<String> theirs, List<String> problems) {
        boolean same = ours.size() == theirs.size();
        for (int i = 0; same && i < ours.size(); i++) {
            same = CodecValues.sameValue(ours.get(i), theirs.get(i));
        }
        if (!same) {
            problems.add(path + ": Cloak reads " + ours + " but dcmdump says " + theirs);
        }
    }

    private static List<String> split(Vr vr, String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (!vr.isMultiValuedText()) {
            return List.of(text.strip());
        }
        return Arrays.stream(text.split("\\\\", -1)).map(String::strip).toList();
    }

    /** Cloak's view of a data set, keyed like {@link DcmdumpParser} paths. */
    private static Map<String, Ours> walk(DataSet root) {
        Map<String, Ours> out = new LinkedHashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(DataSet ds, String prefix, Map<String, Ours> out) {
        for (Element e : ds) {
            String path = prefix + Tags.toString(e.tag());
            String vr = e.vr().name();
            if (e.value() instanceof Sequence seq) {
                out.put(path, new Ours(vr, null, -1, seq.size()));
                for (int i = 0; i < seq.size(); i++) {
                    out.put(path + "[" + i + "]", new Ours("na", null, -1, 0));
                    walk(seq.get(i), path + "[" + i + "].", out);
                }
            } else if (e.value() instanceof Fragments f) {
                out.put(path, new Ours(vr, null, -1, f.items().size()));
                for (int i = 0; i < f.items().size(); i++) {
                    out.put(path + "{" + i + "}", new Ours("pi", null, f.items().get(i).length(), 0));
                }
            } else {
                byte[] data = e.value() instanceof BulkRef r && r.length() > 65536 ? null
                        : CodecValues.bytes(e.value());
                List<String> values = null;
                if (data != null) {
                    if (e.vr().isText() || ValueFormat.numbers(e.vr(), new byte[8], false).length > 0) {
                        values = List.of(ValueFormat.strings(e.vr(), data, ds.isBigEndian(), ds));
                    } else {
                        values = CodecValues.dcmdumpStyleBinary(vr, data, ds.isBigEndian());
                    }
                }
                long length = e.value() instanceof Bytes b ? b.data().length : e.value().length();
                out.put(path, new Ours(vr, values, length, 0));
            }
        }
    }
}
