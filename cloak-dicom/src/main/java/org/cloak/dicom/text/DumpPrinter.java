package org.cloak.dicom.text;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * A dcmdump-like listing: one line per attribute with tag, VR, value, length, multiplicity and
 * keyword; items indented; private elements labelled with their creator; bulk values summarised.
 * Walks the tree with an explicit stack, so depth costs no call stack.
 */
public final class DumpPrinter {
    private static final int MAX_TEXT = 64;
    private final PrintWriter out;
    private final ElementDictionary dict = ElementDictionary.standard();
    private ElementFilter filter;

    public DumpPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * Lists only the attributes the filter chooses, with the sequences and items that lead to
     * them (items keep their numbers); a matching sequence is listed whole. Null lists all.
     */
    public DumpPrinter filter(ElementFilter f) {
        this.filter = f;
        return this;
    }

    /**
     * A data set being listed; {@code item} >= 0 means its item header is still to print;
     * {@code all} means every attribute below is listed (no filter, or inside a matching sequence).
     */
    private record Frame(DataSet ds, int next, int depth, int item, boolean all) {}

    public void print(DataSet root) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, 0, 0, -1, filter == null));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (f.item >= 0) {
                line(f.depth - 1, "(FFFE,E000) na (Item #" + (f.item + 1) + ")");
            }
            if (f.next >= f.ds.size()) {
                if (f.depth > 0 && f.ds.isUndefinedLength()) {
                    line(f.depth - 1, "(FFFE,E00D) na (ItemDelimitationItem)");
                }
                continue;
            }
            Element e = f.ds.elements().get(f.next);
            stack.push(new Frame(f.ds, f.next + 1, f.depth, -1, f.all));
            boolean all = f.all || filter.test(f.ds, e);
            if (!all && !filter.reaches(f.ds, e)) {
                continue;
            }
            if (e.value() instanceof Sequence seq) {
                String body = "(Sequence with " + seq.size() + " item" + (seq.size() == 1 ? "" : "s") + ")";
                line(f.depth, Tags.toString(e.tag()) + " SQ " + body + pad(body.length()) + " # "
                        + label(f.ds, e.tag()));
                for (int i = seq.size() - 1; i >= 0; i--) {
                    if (all || filter.reachesAny(seq.get(i))) {
                        stack.push(new Frame(seq.get(i), 0, f.depth + 2, i, all));
                    }
                }
            } else {
                line(f.depth, describe(f.ds, e));
            }
        }
        out.flush();
    }

    private String describe(DataSet ds, Element e) {
        Value v = e.value();
        String body;
        long len = v.length();
        int vm = 0;
        if (v instanceof Fragments f) {
            body = "(PixelSequence with " + f.items().size() + " items, " + f.payloadLength() + " bytes)";
            len = -1;
        } else if (v instanceof BulkRef r) {
            body = "(bulk data, " + r.length() + " bytes)";
            vm = 1;
        } else {
            byte[] data = ((Bytes) v).data();
            if (data.length == 0) {
                body = "(no value)";
            } else if (e.vr().isText()) {
                String[] vals = ValueFormat.strings(e.vr(), data, ds.isBigEndian(), ds);
                vm = vals.length;
                body = "[" + shorten(String.join("\\", vals)) + "]";
            } else {
                String[] nums = ValueFormat.numbers(e.vr(), data, ds.isBigEndian());
                if (nums.length > 0) {
                    vm = nums.length;
                    body = shorten(String.join("\\", nums));
                } else {
                    body = hex(data, e.vr() == Vr.OW ? 2 : 1, ds.isBigEndian());
                    vm = 1;
                }
            }
        }
        String lenText = len < 0 ? "u/l" : Long.toString(len);
        return Tags.toString(e.tag()) + " " + e.vr() + " " + body + pad(body.length()) + " # " + lenText + ", " + vm
                + " " + label(ds, e.tag());
    }

    private String label(DataSet ds, int tag) {
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tags.isPrivate(tag)) {
            String creator = ds.privateCreatorOf(tag);
            return creator == null ? "(private, no creator)" : "[" + creator + "]";
        }
        String k = dict.keywordOf(tag);
        return k.isEmpty() ? "(unknown)" : k;
    }

    /** The first bytes (or 16-bit words for OW) in hex, as dcmdump shows binary values. */
    private static String hex(byte[] data, int unit, boolean bigEndian) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(data.length / unit, 16);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            if (unit == 2) {
                int a = data[2 * i] & 0xFF;
                int b = data[2 * i + 1] & 0xFF;
                sb.append(String.format("%04x", bigEndian ? (a << 8) | b : (b << 8) | a));
            } else {
                sb.append(String.format("%02x", data[i] & 0xFF));
            }
        }
        if (data.length / unit > n) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_TEXT + 3));
        for (int i = 0; i < s.length() && i < MAX_TEXT; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 ? '.' : c);
        }
        if (s.length() > MAX_TEXT) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static String pad(int used) {
        int n = Math.max(1, 40 - used);
        return " ".repeat(n);
    }

    private void line(int depth, String text) {
        out.print("  ".repeat(Math.max(0, depth)));
        out.println(text);
    }
}
