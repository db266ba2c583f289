package org.cloak.dicom.dict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.internal.IntObjectMap;

/**
 * The data element dictionary of PS3.6 (plus the PS3.7 command group), read from
 * {@code dictionary.tsv}. Immutable once built, so safe to share between threads.
 *
 * <p>Lookup order: exact tags first, so that (7FE0,0010) is Pixel Data and not the retired
 * (7Fxx,0010) Variable Pixel Data, and (0028,0400) is Transform Label and not (0028,04x0); then
 * the repeating groups (50xx, 60xx, 7Fxx) within the PS3.5 7.6 limits; then the few rows with
 * wildcards in the element. Wildcards never match (gggg,0000), which is always a group length.
 */
public final class ElementDictionary {
    private static final String RESOURCE = "dictionary.tsv";

    private final IntObjectMap<ElementEntry> exact;
    /** Rows with a wildcard group and a concrete element, keyed by base group (5000, 6000, 7F00). */
    private final IntObjectMap<ElementEntry> repeating;
    /** Rows with wildcards in the element: few, scanned in order. */
    private final Wildcard[] wildcards;
    private final Map<String, Integer> tagsByKeyword;

    private static final List<List<Vr>> SINGLE_VR = singleVrLists();

    private record Wildcard(int mask, int value, int baseGroup, ElementEntry entry) {}

    /** Initialization-on-demand holder: loaded once, on first use, with the JVM's class-init locking. */
    private static final class Standard {
        static final ElementDictionary INSTANCE = load();
    }

    private ElementDictionary(List<ElementEntry> rows) {
        exact = new IntObjectMap<>(rows.size());
        repeating = new IntObjectMap<>(128);
        tagsByKeyword = new HashMap<>(rows.size() * 2);
        List<Wildcard> scanned = new ArrayList<>();
        List<ElementEntry> wildcardRows = new ArrayList<>();
        for (ElementEntry e : rows) {
            String p = e.tagPattern();
            if (p.indexOf('x') < 0) { // the common case, kept short: this runs at startup
                int tag = Integer.parseUnsignedInt(p, 16);
                exact.put(tag, e);
                if (!e.keyword().isEmpty()) {
                    tagsByKeyword.put(e.keyword(), tag);
                }
                continue;
            }
            int mask = 0;
            int value = 0;
            for (int i = 0; i < 8; i++) {
                char c = p.charAt(i);
                mask = (mask << 4) | (c == 'x' ? 0 : 0xF);
                value = (value << 4) | (c == 'x' ? 0 : Character.digit(c, 16));
            }
            int baseGroup = (mask >>> 16) == 0xFFFF ? -1 : baseGroupOf(value >>> 16);
            if ((mask >>> 16) != 0xFFFF && ((mask >>> 16) != 0xFF00 || baseGroup < 0)) {
                throw new IllegalStateException("unexpected repeating group: " + p); // limits unknown
            }
            if ((mask & 0xFFFF) == 0xFFFF) {
                repeating.put(value, e);
            } else {
                scanned.add(new Wildcard(mask, value, baseGroup, e));
            }
            wildcardRows.add(e);
        }
        wildcards = scanned.toArray(new Wildcard[0]);
        for (ElementEntry e : wildcardRows) { // needs every exact tag in place
            if (!e.keyword().isEmpty()) {
                tagsByKeyword.put(e.keyword(), representative(e.tagPattern()));
            }
        }
    }

    /** The dictionary of the standard edition bundled with Cloak (see SOURCE.md next to the table). */
    public static ElementDictionary standard() { return Standard.INSTANCE; }

    /** The row for a tag, or null when the standard does not define it (private tags included). */
    public ElementEntry lookup(int tag) {
        ElementEntry e = exact.get(tag);
        if (e != null || (tag & 0xFFFF) == 0) {
            return e;
        }
        int base = baseGroupOf(tag >>> 16);
        if (base >= 0) {
            e = repeating.get((base << 16) | (tag & 0xFFFF));
            if (e != null) {
                return e;
            }
        }
        for (Wildcard w : wildcards) {
            if ((tag & w.mask) == w.value && (w.baseGroup < 0 || w.baseGroup == base)) {
                return w.entry;
            }
        }
        return null;
    }

    /**
     * The tag for a keyword, or -1. Wildcard rows give the lowest concrete tag they cover that no
     * other row names (the same value as the {@link Tag} constant), e.g. 0x60003000 for OverlayData.
     */
    public int tagOf(String keyword) {
        Integer tag = tagsByKeyword.get(keyword);
        return tag == null ? -1 : tag;
    }

    /**
     * The VR to assume for a tag when the encoding does not say (implicit VR): UL for group
     * lengths, LO for private creators, UN for other private tags, else the dictionary's first
     * VR, and UN for unknown tags and for rows without a VR (items, delimiters). Odd groups are
     * private per PS3.5 7.8.1 even where the retired (7Fxx,eeee) rows match them.
     */
    public Vr vrOf(int tag) {
        if (Tags.isGroupLength(tag)) {
            return Vr.UL;
        }
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? Vr.LO : Vr.UN;
        }
        ElementEntry e = lookup(tag);
        Vr vr = e == null ? null : e.vr();
        return vr == null ? Vr.UN : vr;
    }

    /** The keyword of a tag, or "" when unknown (private tags, unknown tags, rows without one). */
    public String keywordOf(int tag) {
        ElementEntry e = lookup(tag);
        return e == null ? "" : e.keyword();
    }

    /** Number of rows. */
    public int size() { return exact.size() + repeating.size() + wildcards.length; }

    /**
     * 5000-501E and 6000-601E (even only) map to 5000 and 6000, 7F00-7FFF to 7F00 (PS3.5 7.6 and
     * the retired Variable Pixel Data groups); -1 for every other group.
     */
    private static int baseGroupOf(int group) {
        int high = group & 0xFF00;
        if ((high == 0x5000 || high == 0x6000) && (group & 1) == 0 && (group & 0xFF) <= 0x1E) {
            return high;
        }
        return high == 0x7F00 ? 0x7F00 : -1;
    }

    /** Lowest concrete tag of a pattern that is not named exactly by another row and not (gggg,0000). */
    private int representative(String pattern) {
        int free = 0;
        for (int i = 0; i < 8; i++) {
            free += pattern.charAt(i) == 'x' ? 1 : 0;
        }
        for (long n = 0; n < (1L << (4 * free)); n++) {
            int tag = 0;
            int shift = 4 * (free - 1);
            for (int i = 0; i < 8; i++) {
                char c = pattern.charAt(i);
                int nibble = c == 'x' ? (int) (n >>> shift) & 0xF : Character.digit(c, 16);
                shift -= c == 'x' ? 4 : 0;
                tag = (tag << 4) | nibble;
            }
            if ((tag & 0xFFFF) != 0 && exact.get(tag) == null) {
                return tag;
            }
        }
        throw new IllegalStateException("no concrete tag for " + pattern);
    }

    static ElementDictionary load() { return read(Tsv.resource(RESOURCE)); }

    /** Builds the dictionary from a table in the dictionary.tsv layout (columns found by name). */
    static ElementDictionary read(Tsv table) {
        int tag = table.column("tag");
        int keyword = table.column("keyword");
        int name = table.column("name");
        int vm = table.column("vm");
        int retired = table.column("retired");
        int vrList = table.column("vr_list");
        List<ElementEntry> rows = new ArrayList<>(table.rows().size());
        for (String[] c : table.rows()) {
            rows.add(new ElementEntry(c[tag], c[keyword], c[name], vrs(c[vrList]), c[vm], "Y".equals(c[retired])));
        }
        return new ElementDictionary(rows);
    }

    /** "OB|OW" to [OB, OW]; "" to []. */
    private static List<Vr> vrs(String list) {
        if (list.isEmpty()) {
            return List.of();
        }
        int bar = list.indexOf('|');
        if (bar < 0) {
            return SINGLE_VR.get(vr(list).ordinal()); // shared: most rows have one VR
        }
        List<Vr> vrs = new ArrayList<>(3);
        for (int from = 0; from <= list.length(); from = bar + 1) {
            bar = list.indexOf('|', from);
            bar = bar < 0 ? list.length() : bar;
            vrs.add(vr(list.substring(from, bar)));
        }
        return vrs;
    }

    private static List<List<Vr>> singleVrLists() {
        List<List<Vr>> lists = new ArrayList<>();
        for (Vr vr : Vr.values()) {
            lists.add(List.of(vr));
        }
        return List.copyOf(lists);
    }

    private static Vr vr(String code) {
        Vr vr = Vr.fromString(code);
        if (vr == null) {
            throw new IllegalStateException("unknown VR " + code);
        }
        return vr;
    }
}
