package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.rule.AnyVr;
import org.cloak.deid.rule.KeywordPattern;
import org.cloak.deid.rule.Keywords;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.dict.Tags;

/**
 * FIELD forms in the rule model, after deid/dicom/fields.py: a field is matched by its nested
 * name ({@code Sequence__Keyword}, lower-cased), its keyword and its tag written
 * {@code (GGGG, EEEE)} or {@code GGGGEEEE}. So a keyword names the attribute at any depth;
 * {@code startswith:}, {@code endswith:} and {@code contains:} are regular expressions searched,
 * ignoring case, at the start, end or anywhere of the nested name (so {@code contains:X} also
 * takes everything inside a sequence whose keyword contains X, and {@code startswith:X}
 * everything inside a top-level one that starts with it); an expression of hex digits only also
 * matches tags; {@code except:X} is every field {@code contains:X} does not take.
 */
final class Names {
    private static final Pattern PRIVATE = Pattern.compile("\\(\\s*([0-9A-Fa-f]{4})\\s*,\\s*\"([^\"]+)\"\\s*,"
            + "\\s*([0-9A-Fa-f]{2})\\s*\\)");
    private static final Pattern TAG = Pattern.compile("\\(\\s*([0-9A-Fa-f]{4})\\s*,\\s*([0-9A-Fa-f]{4})\\s*\\)"
            + "|(?:0[xX])?([0-9A-Fa-f]{8})");
    private static final Selector EVERY = Selector.TagPattern.parse("xxxxxxxx");
    private static final Set<String> EXPANDERS = Set.of("startswith", "endswith", "contains", "except", "select",
            "fields", "values");

    private final String file;
    private final Map<String, Ast.Group> fieldGroups;
    private final Map<String, Ast.Group> valueGroups;
    private final List<String> warnings;
    private final boolean removePrivate;
    private final boolean stripSequences;
    private final Map<String, ValuesList> lists = new HashMap<>();

    /**
     * @param removePrivate, stripSequences deid's switches, which run before the values are collected
     */
    Names(String file, Ast.Recipe recipe, List<String> warnings, boolean removePrivate, boolean stripSequences) {
        this.file = file;
        this.fieldGroups = recipe.fields();
        this.valueGroups = recipe.values();
        this.warnings = warnings;
        this.removePrivate = removePrivate;
        this.stripSequences = stripSequences;
    }

    private static final class Lower {
        static final Map<String, String> KEYWORDS = load();

        private static Map<String, String> load() {
            Map<String, String> m = new HashMap<>();
            for (String k : Keywords.names()) {
                m.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
            }
            return m;
        }
    }

    private ScriptException error(Ast.Field f, String detail) {
        return new ScriptException(file, f.line(), f.col(), "field " + f.text(), detail);
    }

    /** What the FIELD of a header action names. */
    Selection select(Ast.Field f) throws ScriptException {
        String text = f.text();
        if (text.equalsIgnoreCase("ALL")) {
            return new Selection(List.of(EVERY), List.of(), null, null);
        }
        int colon = text.indexOf(':');
        if (colon > 0 && !text.startsWith("(")) {
            return expander(f, text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1));
        }
        return plain(f, text);
    }

    private Selection plain(Ast.Field f, String text) throws ScriptException {
        Matcher p = PRIVATE.matcher(text);
        if (p.matches()) {
            int group = Integer.parseInt(p.group(1), 16);
            if ((group & 1) == 0) {
                throw error(f, "a private creator belongs to an odd group");
            }
            return new Selection(List.of(new Selector.PrivateTag(p.group(2), group, Integer.parseInt(p.group(3), 16))),
                    List.of(), null, null);
        }
        if (text.startsWith("(") || text.startsWith("0x") || text.matches("[0-9A-Fa-f]{8}")) {
            Integer tag = tag(text);
            if (tag == null) {
                throw error(f, "not a tag: write (gggg,eeee), ggggeeee or (gggg,\"CREATOR\",ee)");
            }
            return new Selection(List.of(new Selector.TagIs(tag)), List.of(), List.of(tag), tag);
        }
        if (text.contains("__")) {
            return new Selection(List.of(nested(f, text)), List.of(), null, null);
        }
        Integer tag = Keywords.tags().get(text);
        if (tag != null) {
            org.cloak.dicom.dict.ElementEntry entry = org.cloak.dicom.dict.ElementDictionary.standard().lookup(tag);
            Selector one = entry != null && entry.tagPattern().indexOf('x') >= 0
                    ? KeywordPattern.regex(Pattern.quote(text)) : new Selector.TagIs(tag);
            return new Selection(List.of(one), List.of(), tagsOf(text), tag);
        }
        String lower = Lower.KEYWORDS.get(text.toLowerCase(Locale.ROOT));
        if (lower != null && text.equals(text.toLowerCase(Locale.ROOT))) {
            // deid also matches the lower-cased nested name, which a top-level field has alone
            return new Selection(List.of(new TagPath(List.of(), KeywordPattern.regex(Pattern.quote(lower)))),
                    List.of(), null, Keywords.tags().get(lower));
        }
        warnings.add(f.line() + ":" + f.col() + ": " + text + " is not a DICOM keyword: deid matches no attribute"
                + " with it, and neither does Cloak" + (lower != null ? " (did you mean " + lower + "?)" : ""));
        return new Selection(List.of(), List.of(), List.of(), null);
    }

    /** {@code Sequence__Keyword}, with {@code __n__} for item n: the keyword in the items of a top-level sequence. */
    private Selector nested(Ast.Field f, String text) throws ScriptException {
        String[] parts = text.split("__", -1);
        List<TagPath.Level> levels = new ArrayList<>();
        int k = 0;
        while (k < parts.length - 1) {
            int seq = keywordOrTag(f, parts[k]);
            int item = TagPath.ANY_ITEM;
            if (k + 1 < parts.length - 1 && parts[k + 1].matches("\\d+")) {
                item = Integer.parseInt(parts[k + 1]);
                k++;
            }
            levels.add(new TagPath.Item(new Selector.TagIs(seq), item));
            k++;
        }
        return new TagPath(levels, new Selector.TagIs(keywordOrTag(f, parts[parts.length - 1])));
    }

    private int keywordOrTag(Ast.Field f, String part) throws ScriptException {
        Integer tag = Keywords.tags().get(part);
        if (tag == null) {
            String lower = Lower.KEYWORDS.get(part.toLowerCase(Locale.ROOT));
            tag = lower != null ? Keywords.tags().get(lower) : tag(part);
        }
        if (tag == null) {
            throw error(f, "\"" + part + "\" is neither a DICOM keyword nor a tag");
        }
        return tag;
    }

    /** The tag a (gggg,eeee), 0xggggeeee or ggggeeee form writes, or null. */
    static Integer tag(String text) {
        Matcher m = TAG.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return m.group(3) != null ? (int) Long.parseLong(m.group(3), 16)
                : Tags.of(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16));
    }

    private static List<Integer> tagsOf(String keyword) {
        return List.of(Keywords.tags().get(keyword));
    }

    private Selection expander(Ast.Field f, String kind, String expression) throws ScriptException {
        if (!EXPANDERS.contains(kind)) {
            throw error(f, "unknown expander " + kind + ":; deid has startswith:, endswith:, contains:, except:,"
                    + " select:, fields: and values:");
        }
        switch (kind) {
            case "select" -> {
                return select(f, expression);
            }
            case "fields" -> {
                return group(f, expression);
            }
            case "values" -> {
                return new Selection(List.of(), List.of(), null, null, values(f, expression));
            }
            default -> { }
        }
        if (expression.isEmpty()) {
            throw error(f, kind + ": needs an expression");
        }
        String e = expression.toLowerCase(Locale.ROOT);
        if (e.contains("__") || e.contains("^") || e.contains("$")) {
            throw error(f, "an expression spanning nesting levels or anchored with ^ or $ is not supported");
        }
        try {
            Pattern.compile(e);
        } catch (PatternSyntaxException ex) {
            throw error(f, "not a regular expression: " + ex.getDescription());
        }
        List<Selector> out = new ArrayList<>();
        List<Integer> tags = null;
        switch (kind) {
            case "endswith" -> {
                KeywordPattern k = KeywordPattern.regex("(?i).*(?:" + e + ")");
                addUnlessEmpty(out, k);
                out.addAll(digits(e, false, true));
                tags = tagsMatching(".*(?:" + e + ")");
            }
            case "startswith" -> {
                KeywordPattern k = KeywordPattern.regex("(?i)(?:" + e + ").*");
                if (!k.matchesNothing()) {
                    out.add(new TagPath(List.of(), k));
                    out.add(new TagPath(List.of(new TagPath.Item(k, TagPath.ANY_ITEM), TagPath.AnyLevels.ANY), EVERY));
                }
                out.addAll(digits(e, true, false));
            }
            default -> out.addAll(contains(e));
        }
        if (kind.equals("except")) {
            return new Selection(List.of(EVERY), out, null, null);
        }
        if (out.isEmpty()) {
            warnings.add(f.line() + ":" + f.col() + ": " + f.text() + " matches no DICOM keyword: deid selects no"
                    + " attribute with it, and neither does Cloak");
        }
        return new Selection(out, List.of(), tags, null);
    }

    /** contains:e, as a union: keywords containing it at any depth, and everything inside sequences whose do. */
    private static List<Selector> contains(String e) {
        List<Selector> out = new ArrayList<>();
        KeywordPattern k = KeywordPattern.regex("(?i).*(?:" + e + ").*");
        if (!k.matchesNothing()) {
            out.add(k);
            out.add(new TagPath(List.of(TagPath.AnyLevels.ANY, new TagPath.Item(k, TagPath.ANY_ITEM),
                    TagPath.AnyLevels.ANY), EVERY));
        }
        out.addAll(digits(e, false, false));
        return out;
    }

    private static void addUnlessEmpty(List<Selector> out, KeywordPattern k) {
        if (!k.matchesNothing()) {
            out.add(k);
        }
    }

    private static List<Integer> tagsMatching(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        List<Integer> out = new ArrayList<>();
        Keywords.tags().forEach((k, t) -> {
            if (p.matcher(k).matches()) {
                out.add(t);
            }
        });
        return out;
    }

    /** Digits searched in the tag's eight hex digits (GGGGEEEE), at the start, the end or anywhere. */
    private static List<Selector> digits(String e, boolean start, boolean end) {
        List<Selector> out = new ArrayList<>();
        if (!e.matches("[0-9]{1,8}")) {
            return out;
        }
        for (int at = 0; at + e.length() <= 8; at++) {
            if (start && at > 0 || end && at + e.length() < 8) {
                continue;
            }
            String p = "x".repeat(at) + e + "x".repeat(8 - at - e.length());
            out.add(Selector.TagPattern.parse(p));
        }
        return out;
    }

    private Selection select(Ast.Field f, String expression) throws ScriptException {
        String[] parts = expression.split(":", 2);
        if (parts.length < 2 || parts[1].isEmpty()) {
            throw error(f, "select: is written select:group:GGGG or select:VR:XX");
        }
        String what = parts[0].toUpperCase(Locale.ROOT);
        if (what.equals("VR")) {
            String code = parts[1].length() > 2 ? parts[1].substring(0, 2) : parts[1];
            Vr vr;
            try {
                vr = Vr.fromString(code.toUpperCase(Locale.ROOT));
            } catch (RuntimeException ex) {
                vr = null;
            }
            if (vr == null) {
                throw error(f, "\"" + parts[1] + "\" is not a value representation");
            }
            return new Selection(List.of(new AnyVr(Set.of(vr))), List.of(), null, null);
        }
        if (what.equals("GROUP")) {
            if (!parts[1].matches("[0-9A-Fa-f]{1,4}")) {
                throw error(f, "select:group: takes a group of up to four hex digits");
            }
            String g = String.format("%4s", parts[1]).replace(' ', '0');
            return new Selection(List.of(Selector.TagPattern.parse(g + "xxxx")), List.of(), null, null);
        }
        throw error(f, "select: filters by group or VR (select:group:GGGG, select:VR:XX); \"" + parts[0]
                + "\" is neither");
    }

    /** The %values list a values: FIELD names, read once. */
    ValuesList values(Ast.Field f, String name) throws ScriptException {
        ValuesList known = lists.get(name);
        if (known != null) {
            return known;
        }
        Ast.Group g = valueGroups.get(name);
        if (g == null) {
            throw error(f, "no %values " + name + " section defines this list");
        }
        ValuesList list = ValuesList.of(file, g, this, removePrivate, stripSequences);
        lists.put(name, list);
        return list;
    }

    private Selection group(Ast.Field f, String name) throws ScriptException {
        Ast.Group g = fieldGroups.get(name);
        if (g == null) {
            throw error(f, "no %fields " + name + " section defines this group");
        }
        List<Selector> out = new ArrayList<>();
        for (Ast.GroupAction a : g.actions()) {
            if (a.field().text().startsWith("fields:") || a.field().text().startsWith("values:")) {
                throw new ScriptException(file, a.line(), a.col(), "field " + a.field().text(),
                        "a %fields group lists fields and expanders, not other groups");
            }
            Selection s = select(a.field());
            if (!s.unless().isEmpty()) {
                throw new ScriptException(file, a.line(), a.col(), "field " + a.field().text(),
                        "except: inside a %fields group is not supported");
            }
            out.addAll(s.selectors());
        }
        return new Selection(out, List.of(), null, null);
    }

    /** The top-level attribute a filter test reads (a keyword or a tag), or null for a name that is neither. */
    static Integer filterTag(String file, Ast.Criterion t) throws ScriptException {
        Integer tag = Keywords.tags().get(t.field());
        if (tag == null) {
            tag = tag(t.field());
        }
        if (tag == null && (t.field().startsWith("(") || t.field().matches("0[xX].*"))) {
            throw new ScriptException(file, t.line(), t.col(), "filter test " + t.op() + " " + t.field(),
                    "not a tag: write (gggg,eeee), ggggeeee or 0xggggeeee");
        }
        return tag;
    }
}
