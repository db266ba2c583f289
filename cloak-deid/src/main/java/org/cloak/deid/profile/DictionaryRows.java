package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Vr;

/**
 * The rows of PS3.6 as bundled with the codec ({@code dictionary.tsv}), for selections the
 * element dictionary's lookups cannot answer: "every attribute of VR DA", "every text element
 * of the curve groups".
 */
final class DictionaryRows {
    private static final String RESOURCE = "dictionary.tsv";

    /**
     * @param tag GGGGEEEE, lower-case x where the standard has a wildcard
     * @param vrs the VRs PS3.6 allows (empty for items and delimiters)
     */
    record Entry(String tag, String keyword, List<Vr> vrs) {
        boolean isPattern() { return tag.indexOf('x') >= 0; }

        boolean hasVr(Vr vr) { return vrs.contains(vr); }
    }

    private DictionaryRows() {}

    private static final class Holder {
        static final List<Entry> ENTRIES = load();
    }

    static List<Entry> entries() { return Holder.ENTRIES; }

    private static List<Entry> load() {
        StandardTable t = StandardTable.load(ElementDictionary.class, RESOURCE);
        int tag = t.column("tag");
        int keyword = t.column("keyword");
        int vrList = t.column("vr_list");
        List<Entry> out = new ArrayList<>(t.rows().size());
        for (String[] c : t.rows()) {
            List<Vr> vrs = new ArrayList<>(2);
            for (String v : c[vrList].split("\\|")) {
                Vr vr = Vr.fromString(v);
                if (vr != null) {
                    vrs.add(vr);
                }
            }
            out.add(new Entry(c[tag], c[keyword], List.copyOf(vrs)));
        }
        return List.copyOf(out);
    }
}
