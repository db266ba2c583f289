package org.cloak.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.server.session.FileChange;

/**
 * The attribute tree of a stored instance for the header browser, each attribute marked with
 * what the change record says happened to it; an attribute the record does not name is
 * "unchanged". Private attributes are named by their creator, as {@code cloak dump} does.
 */
final class HeaderTree {
    private static final int MAX_TEXT = 200;
    private static final int MAX_DEPTH = 32;
    private final ElementDictionary dict = ElementDictionary.standard();
    private final Map<String, FileChange> byPath = new HashMap<>();
    private int attributes;
    private int unchanged;

    HeaderTree(List<FileChange> changes) {
        for (FileChange c : changes) {
            byPath.put(c.path(), c);
        }
    }

    List<HeaderRow> rows(DataSet ds) {
        return rows(ds, "", 0);
    }

    /** Attributes listed so far, sequences and their items' attributes included. */
    int attributes() { return attributes; }

    /** Of those, the ones the change record does not name. */
    int unchanged() { return unchanged; }

    private List<HeaderRow> rows(DataSet ds, String prefix, int depth) {
        List<HeaderRow> out = new ArrayList<>();
        for (Element e : ds) {
            String path = prefix + Tags.toString(e.tag());
            FileChange c = byPath.get(path);
            attributes++;
            if (c == null) {
                unchanged++;
            }
            String change = c == null ? "unchanged" : c.kind().wire();
            String rule = c == null ? "" : c.action() + " · " + c.origin();
            List<List<HeaderRow>> items = new ArrayList<>();
            String value;
            if (e.value() instanceof Sequence seq) {
                value = seq.size() + " item" + (seq.size() == 1 ? "" : "s");
                if (depth < MAX_DEPTH) {
                    for (int i = 0; i < seq.size(); i++) {
                        items.add(rows(seq.get(i), path + "[" + i + "]", depth + 1));
                    }
                }
            } else {
                value = value(ds, e);
            }
            out.add(new HeaderRow(path, Tags.toString(e.tag()), e.vr().toString(), name(ds, e.tag()), value, change,
                    rule, items));
        }
        return out;
    }

    private String name(DataSet ds, int tag) {
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

    private static String value(DataSet ds, Element e) {
        if (e.value() instanceof Fragments f) {
            return "(encapsulated, " + f.items().size() + " fragments)";
        }
        if (e.value() instanceof BulkRef r) {
            return "(bulk data, " + r.length() + " bytes)";
        }
        if (!(e.value() instanceof Bytes b)) {
            return "";
        }
        byte[] data = b.data();
        if (data.length == 0) {
            return "";
        }
        if (e.vr().isText()) {
            return shorten(String.join("\\", ValueFormat.strings(e.vr(), data, ds.isBigEndian(), ds)));
        }
        String[] nums = ValueFormat.numbers(e.vr(), data, ds.isBigEndian());
        if (nums.length > 0) {
            return shorten(String.join("\\", nums));
        }
        return "(" + data.length + " bytes" + (e.vr() == Vr.UN ? ", unknown VR" : "") + ")";
    }

    private static String shorten(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_TEXT + 1));
        for (int i = 0; i < s.length() && i < MAX_TEXT; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 ? '.' : c);
        }
        return s.length() > MAX_TEXT ? sb.append('…').toString() : sb.toString();
    }
}
