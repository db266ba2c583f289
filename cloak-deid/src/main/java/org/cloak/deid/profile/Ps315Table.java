package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Vr;

/**
 * PS3.15 Table E.1-1 (Application Level Confidentiality Profile Attributes), every option column,
 * read from {@code confidentiality_profile.tsv} (PS3.15 2025e, see SOURCE.md). Immutable.
 *
 * <p>651 rows name one tag; three are repeating-group patterns ((50xx,xxxx) Curve Data,
 * (60xx,3000) Overlay Data, (60xx,4000) Overlay Comments); one, {@code ggggeeee}, stands for every
 * private attribute ("(gggg,eeee) where gggg is odd").
 */
public final class Ps315Table {
    /** The marker the table uses for "all private attributes"; not hex. */
    public static final String ALL_PRIVATE = "ggggeeee";
    private static final String RESOURCE = "confidentiality_profile.tsv";

    private final List<Row> rows;
    private final Map<Integer, Row> byTag = new HashMap<>();

    /**
     * One row of the table.
     *
     * @param tag GGGGEEEE as in the table, lower-case x in patterns, or {@link #ALL_PRIVATE}
     * @param keyword the PS3.6 keyword ("" for pattern rows)
     * @param name the attribute name as PS3.15 prints it
     * @param basic the Basic Profile action code (X, Z, D, U, Z/D, X/Z, X/D, X/Z/D, X/Z/U*)
     * @param options the code (K or C) of each option column that has one
     */
    public record Row(String tag, String keyword, String name, String basic, Map<ProfileOption, String> options) {

        public boolean isAllPrivate() { return ALL_PRIVATE.equals(tag); }

        /** A repeating-group row such as 60xx3000. */
        public boolean isPattern() { return !isAllPrivate() && tag.indexOf('x') >= 0; }

        /** The tag of a single-tag row. */
        public int tagValue() {
            if (isAllPrivate() || isPattern()) {
                throw new IllegalStateException("row " + tag + " is not a single tag");
            }
            return Integer.parseUnsignedInt(tag, 16);
        }

        /** The option column's code, or "" when the standard's cell is empty. */
        public String code(ProfileOption option) { return options.getOrDefault(option, ""); }

        /** What the row's rules select. */
        public Selector selector() {
            if (isAllPrivate()) {
                return new Selector.AllPrivate();
            }
            return isPattern() ? Selector.TagPattern.parse(tag) : new Selector.TagIs(tagValue());
        }

        /**
         * The dictionary VR (the first one where PS3.6 allows several), or null for the private
         * row and for patterns whose elements differ in VR (50xx,xxxx).
         */
        public Vr vr() {
            if (isAllPrivate() || (isPattern() && tag.substring(4).indexOf('x') >= 0)) {
                return null;
            }
            int t = Integer.parseUnsignedInt(tag.replace('x', '0'), 16);
            return ElementDictionary.standard().vrOf(t);
        }
    }

    private Ps315Table(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : this.rows) {
            if (!r.isAllPrivate() && !r.isPattern()) {
                byTag.put(r.tagValue(), r);
            }
        }
    }

    private static final class Holder {
        static final Ps315Table INSTANCE = load();
    }

    /** The table of the bundled edition. */
    public static Ps315Table standard() { return Holder.INSTANCE; }

    /** All rows in the table's order. */
    public List<Row> rows() { return rows; }

    /** The row of a single tag, or null when the table does not list it. */
    public Row row(int tag) { return byTag.get(tag); }

    private static Ps315Table load() {
        StandardTable t = StandardTable.load(Ps315Table.class, RESOURCE);
        int tag = t.column("tag");
        int keyword = t.column("keyword");
        int name = t.column("name");
        int basic = t.column("basic_profile");
        Map<ProfileOption, Integer> columns = new EnumMap<>(ProfileOption.class);
        for (ProfileOption o : ProfileOption.values()) {
            columns.put(o, t.column(o.tableColumn()));
        }
        List<Row> rows = new ArrayList<>(t.rows().size());
        for (String[] c : t.rows()) {
            Map<ProfileOption, String> codes = new EnumMap<>(ProfileOption.class);
            columns.forEach((o, i) -> {
                if (!c[i].isEmpty()) {
                    codes.put(o, c[i]);
                }
            });
            rows.add(new Row(c[tag], c[keyword], c[name], c[basic], Collections.unmodifiableMap(codes)));
        }
        return new Ps315Table(rows);
    }
}
