package org.cloak.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dcmdump listings (and Cloak's dcmdump-like {@code DumpPrinter} output) into flat
 * records keyed by a tag path, so two listings can be compared attribute by attribute.
 *
 * <p>Nesting is taken from the indentation (two spaces per level, items one level deeper than
 * their sequence), which both listings share; delimitation lines carry no information and are
 * dropped. Paths look like {@code (0040,0275)[1].(0040,0008)[0].(0008,0100)}; pixel data
 * fragments are {@code (7FE0,0010){2}}. Tags are upper case.
 */
public final class DcmdumpParser {
    /** The implementation-specific meta attributes a rewrite legitimately changes. */
    public static final Set<String> WRITER_SPECIFIC_META = Set.of(
            "(0002,0000)", "(0002,0012)", "(0002,0013)", "(0002,0016)");

    private static final Pattern LINE = Pattern.compile("^( *)\\(([0-9a-fA-F]{4}),([0-9a-fA-F]{4})\\) (\\S+) ?(.*)$");
    /** The comment after the value, "# 12, 1 Keyword": the last " # " of the line starts it. */
    private static final Pattern COMMENT = Pattern.compile("^(.*)\\s+#\\s+(?:(\\d+|u/l), (\\d+)\\s*)?(.*)$");

    private DcmdumpParser() {}

    /**
     * One attribute of a listing.
     *
     * @param path tag path, see the class comment
     * @param vr as printed ("na" for items, "pi" for fragments, "??" for dcmtk's unknown VR)
     * @param value the printed value, brackets and all
     * @param length the printed value length ("u/l" for undefined), null when not printed
     * @param vm the printed multiplicity, -1 when not printed
     * @param meta true for file meta information
     */
    public record Attr(String path, String tag, String vr, String value, String length, int vm, boolean meta) {
        /** True for an item of a sequence or a fragment of encapsulated pixel data. */
        public boolean isItem() { return tag.equals("(FFFE,E000)"); }

        /** The text inside the brackets of a text value, or null when the value is not bracketed. */
        public String text() {
            return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : null;
        }

        /** True when dcmtk printed no value. */
        public boolean noValue() {
            return value.equals("(no value available)") || value.isEmpty();
        }
    }

    /** A parsed listing: records in listing order. */
    public record Dump(List<Attr> attrs) {
        public List<Attr> meta() { return attrs.stream().filter(Attr::meta).toList(); }

        public List<Attr> dataset() { return attrs.stream().filter(a -> !a.meta()).toList(); }

        /** The data set records by path (paths are unique). */
        public Map<String, Attr> datasetByPath() { return byPath(dataset()); }

        public Map<String, Attr> metaByPath() { return byPath(meta()); }

        /** Meta records without the ones a different writer legitimately changes. */
        public List<Attr> comparableMeta() {
            return meta().stream().filter(a -> !WRITER_SPECIFIC_META.contains(a.path())).toList();
        }

        public Attr get(String path) {
            return attrs.stream().filter(a -> a.path().equals(path)).findFirst().orElse(null);
        }

        private static Map<String, Attr> byPath(List<Attr> list) {
            Map<String, Attr> m = new LinkedHashMap<>();
            for (Attr a : list) {
                m.put(a.path(), a);
            }
            return m;
        }
    }

    public static Dump parse(String listing) {
        List<Attr> out = new ArrayList<>();
        boolean meta = false;
        // path prefix in force for elements at each indentation level
        Map<Integer, String> prefix = new HashMap<>();
        prefix.put(0, "");
        // last element seen at each level (the parent of the items one level deeper)
        Map<Integer, Attr> lastAt = new HashMap<>();
        Map<String, Integer> itemCount = new HashMap<>();
        for (String raw : listing.split("\\R")) {
            if (raw.startsWith("#")) {
                if (raw.startsWith("# Dicom-Meta-Information-Header")) {
                    meta = true;
                } else if (raw.startsWith("# Dicom-Data-Set")) {
                    meta = false;
                }
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            int level = m.group(1).length() / 2;
            String tag = ("(" + m.group(2) + "," + m.group(3) + ")").toUpperCase(Locale.ROOT);
            String vr = m.group(4);
            String rest = m.group(5);
            String value = rest.trim();
            String length = null;
            int vm = -1;
            Matcher c = COMMENT.matcher(rest);
            if (c.matches()) {
                value = c.group(1).trim();
                length = c.group(2);
                vm = c.group(3) == null ? -1 : Integer.parseInt(c.group(3));
            }
            if (tag.equals("(FFFE,E00D)") || tag.equals("(FFFE,E0DD)")) {
                continue;
            }
            String path;
            if (tag.equals("(FFFE,E000)")) {
                Attr parent = lastAt.get(level - 1);
                String parentPath = parent == null ? "?" : parent.path();
                int index = itemCount.merge(parentPath, 1, Integer::sum) - 1;
                boolean fragment = vr.equals("pi") || (parent != null && parent.value().startsWith("(PixelSequence"));
                path = parentPath + (fragment ? "{" + index + "}" : "[" + index + "]");
                prefix.put(level + 1, path + ".");
            } else {
                path = prefix.getOrDefault(level, "?.") + tag;
            }
            Attr a = new Attr(path, tag, vr, value, length, vm, meta);
            out.add(a);
            lastAt.put(level, a);
        }
        return new Dump(out);
    }
}
