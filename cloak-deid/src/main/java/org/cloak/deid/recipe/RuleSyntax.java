package org.cloak.deid.recipe;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Clean;
import org.cloak.deid.action.Dummy;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.FixedDate;
import org.cloak.deid.action.Hash;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.ProcessingDate;
import org.cloak.deid.action.Pseudonym;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ReplaceUid;
import org.cloak.deid.action.RoundAge;
import org.cloak.deid.action.SetValue;
import org.cloak.deid.action.ShiftDate;
import org.cloak.deid.action.Timepoint;
import org.cloak.deid.action.YearOnly;
import org.cloak.deid.profile.Categories;
import org.cloak.deid.pseudo.DateConfig;
import org.cloak.deid.rule.AnyVr;
import org.cloak.deid.rule.KeywordPattern;
import org.cloak.deid.rule.Keywords;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * The recipe's vocabulary written in YAML scalars (action names, selectors, tags, dates), each
 * parsed once, while the recipe is read, into the engine's rule model; a bad one is a
 * {@link RecipeException} with its line. Paths into sequences are {@link PathSyntax}'s.
 */
final class RuleSyntax {
    /** Action names with their argument: "" none, else the YAML key that carries it. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("keep", ""), Map.entry("remove", ""), Map.entry("empty", ""), Map.entry("dummy", ""),
            Map.entry("clean", ""), Map.entry("uid", ""), Map.entry("set", "value"), Map.entry("hash", "length"),
            Map.entry("shift-date", ""), Map.entry("timepoint", ""), Map.entry("round-age", "max-years"),
            Map.entry("processing-date", ""), Map.entry("year-only", ""), Map.entry("fixed-date", "date"),
            Map.entry("new-id", ""), Map.entry("new-name", ""), Map.entry("derive", "from"));
    /** The standard's codes (PS3.15 Table E.1-1 legend) and the action each means. */
    static final Map<String, String> CODES = Map.of("X", "remove", "Z", "empty", "D", "dummy", "K", "keep",
            "C", "clean", "U", "uid");
    static final int DEFAULT_HASH_LENGTH = 16;
    static final int DEFAULT_MAX_AGE = 89;

    private static final List<String> PREFIXES = List.of("keywords:", "keywords-matching:", "vr:");
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern TAG = Pattern.compile("\\(?([0-9A-Fa-fXx@#]{4}),?([0-9A-Fa-fXx@#]{4})\\)?");
    /** (gggg,{CREATOR}ee): a private element of a creator's block, wherever the block lies. */
    private static final Pattern CREATOR_TAG =
            Pattern.compile("\\(\\s*([0-9A-Fa-f]{4})\\s*,\\s*\\{(.+)\\}\\s*([0-9A-Fa-f]{2})\\s*\\)");

    private RuleSyntax() {}

    /** The action name for a name or standard code, or null when unknown. */
    static String canonicalAction(String name) {
        String n = name.trim();
        if (CODES.containsKey(n.toUpperCase(Locale.ROOT)) && n.length() == 1) {
            return CODES.get(n.toUpperCase(Locale.ROOT));
        }
        String lower = n.toLowerCase(Locale.ROOT);
        return ACTIONS.containsKey(lower) ? lower : null;
    }

    /**
     * The action named {@code name} with its argument.
     *
     * @param argument the set value, hash length, age limit or fixed date; null when not given
     * @param dates the recipe's date settings (shift-date follows their zero-times)
     */
    static Action action(String name, String argument, DateConfig dates, int line) throws RecipeException {
        String a = canonicalAction(name);
        if (a == null) {
            List<String> known = new ArrayList<>(ACTIONS.keySet());
            throw new RecipeException(line, "unknown action '" + name + "'" + Suggest.hint(name, known)
                    + "; known: " + known.stream().sorted().toList() + " and the codes X Z D K C U");
        }
        String argKey = ACTIONS.get(a);
        if (argKey.isEmpty() && argument != null) {
            throw new RecipeException(line, "action " + a + " takes no argument");
        }
        return switch (a) {
            case "keep" -> new Keep();
            case "remove" -> new Remove();
            case "empty" -> new Empty();
            case "dummy" -> new Dummy();
            case "clean" -> new Clean();
            case "uid" -> new ReplaceUid();
            case "set" -> new SetValue(required(argument, a, argKey, line));
            case "hash" -> new Hash(argument == null ? DEFAULT_HASH_LENGTH
                    : number(argument, 1, 64, "hash length", line));
            case "shift-date" -> new ShiftDate(dates.zeroTimes());
            case "timepoint" -> new Timepoint();
            case "round-age" -> new RoundAge(argument == null ? DEFAULT_MAX_AGE
                    : number(argument, 1, 150, "max-years", line));
            case "processing-date" -> new ProcessingDate();
            case "year-only" -> new YearOnly();
            case "fixed-date" -> new FixedDate(date(argument != null ? argument : dates.fixedDate(), line));
            case "new-id" -> new Pseudonym(Pseudonym.Kind.PATIENT_ID);
            case "new-name" -> new Pseudonym(Pseudonym.Kind.PATIENT_NAME);
            default -> throw new RecipeException(line, "action " + a + " needs '" + argKey + "' with an expression");
        };
    }

    /**
     * A selector written as a keyword, "(gggg,eeee)", a pattern "(60xx,3000)" (digits x, @ even,
     * # odd), "(gggg,{CREATOR}ee)", a path into sequences (see {@link PathSyntax}),
     * "private:CREATOR:(gggg,xxEE)", "private:CREATOR" (the whole block), "category:NAME",
     * "keywords:GLOB", "keywords-matching:REGEX" or "vr:PN,LO".
     */
    static Selector selector(String text, int line) throws RecipeException {
        String s = text.trim();
        if (s.startsWith("category:")) {
            String name = s.substring("category:".length()).trim();
            return new Selector.InCategory(category(name, line), Categories.tags(name));
        }
        if (s.startsWith("private:")) {
            return privateSelector(s.substring("private:".length()), line);
        }
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix)) {
                return prefixed(prefix, s.substring(prefix.length()).trim(), line);
            }
        }
        if (PathSyntax.isPath(s)) {
            return PathSyntax.selector(s, line);
        }
        return step(s, line);
    }

    /** One step of a path, or a whole selector without one: a keyword, a tag, a pattern or (gggg,{CREATOR}ee). */
    static Selector step(String s, int line) throws RecipeException {
        if (KEYWORD.matcher(s).matches()) {
            return keywordSelector(s, line);
        }
        var c = CREATOR_TAG.matcher(s);
        if (c.matches()) {
            return creatorTag(c.group(1), c.group(2), c.group(3), s, line);
        }
        var m = TAG.matcher(s);
        if (!m.matches()) {
            throw new RecipeException(line,
                    "'" + s + "' is neither a keyword nor a tag like (0010,0010) or (60xx,3000)");
        }
        String hex = (m.group(1) + m.group(2)).toLowerCase(Locale.ROOT);
        if (hex.indexOf('x') >= 0 || hex.indexOf('@') >= 0 || hex.indexOf('#') >= 0) {
            return Selector.TagPattern.parse(hex);
        }
        int tag = (int) Long.parseLong(hex, 16);
        if (Tags.isPrivateCreator(tag)) {
            throw new RecipeException(line, "'" + s + "' is a private creator element, which goes or stays with its"
                    + " block; select the block with private: {creator: NAME}");
        }
        return new Selector.TagIs(tag);
    }

    private static Selector.PrivateTag creatorTag(String group, String creator, String offset, String s, int line)
            throws RecipeException {
        int g = Integer.parseInt(group, 16);
        if (creator.isBlank()) {
            throw new RecipeException(line, "a private creator must not be empty");
        }
        if (!Tags.isPrivate(Tags.of(g, 0x1000))) {
            throw new RecipeException(line,
                    "'" + s + "' is not a private element tag like (0029,{CREATOR}10) in an odd group");
        }
        return new Selector.PrivateTag(creator.trim(), g, Integer.parseInt(offset, 16));
    }

    /** A private element of a creator: "(gggg,xxEE)" or a concrete "(gggg,BBEE)", whose block byte is ignored. */
    static Selector.PrivateTag privateTag(String creator, String tag, int line) throws RecipeException {
        if (creator.isBlank()) {
            throw new RecipeException(line, "a private creator must not be empty");
        }
        var m = TAG.matcher(tag.trim());
        if (m.matches() && m.group(1).matches("[0-9A-Fa-f]{4}")) {
            int group = Integer.parseInt(m.group(1), 16);
            String element = m.group(2).toLowerCase(Locale.ROOT);
            String block = element.substring(0, 2);
            boolean blockOk = block.equals("xx") || block.matches("[0-9a-f]{2}") && Integer.parseInt(block, 16) >= 0x10;
            if (Tags.isPrivate(Tags.of(group, 0x1000)) && blockOk && element.substring(2).matches("[0-9a-f]{2}")) {
                return new Selector.PrivateTag(creator, group, Integer.parseInt(element.substring(2), 16));
            }
        }
        throw new RecipeException(line, "'" + tag + "' is not a private element tag like (0029,xx10) in an odd group");
    }

    /** Checks a category name against the known ones. */
    static String category(String name, int line) throws RecipeException {
        if (!Categories.names().contains(name)) {
            throw new RecipeException(line, "unknown category '" + name + "'" + Suggest.hint(name, Categories.names())
                    + "; known: " + Categories.names());
        }
        return name;
    }

    /** A YYYYMMDD date. */
    static LocalDate date(String text, int line) throws RecipeException {
        if (text == null) {
            throw new RecipeException(line, "fixed-date needs a date (YYYYMMDD)");
        }
        try {
            return LocalDate.parse(text.trim(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new RecipeException(line, "'" + text + "' is not a date written YYYYMMDD", e);
        }
    }

    private static Selector keywordSelector(String keyword, int line) throws RecipeException {
        ElementDictionary dict = ElementDictionary.standard();
        int tag = dict.tagOf(keyword);
        if (tag < 0) {
            throw new RecipeException(line,
                    "unknown attribute keyword '" + keyword + "'" + Suggest.hint(keyword, keywords()));
        }
        ElementEntry entry = dict.lookup(tag);
        if (entry != null && entry.tagPattern().indexOf('x') >= 0) {
            return Selector.TagPattern.parse(entry.tagPattern()); // a repeating group: every instance of it
        }
        return new Selector.TagIs(tag);
    }

    private static Selector privateSelector(String rest, int line) throws RecipeException {
        int split = rest.lastIndexOf(":(");
        if (split < 0) {
            return privateBlock(rest, line);
        }
        return privateTag(rest.substring(0, split), rest.substring(split + 1), line);
    }

    /** Every element of a creator's blocks. */
    static Selector.PrivateCreatorBlock privateBlock(String creator, int line) throws RecipeException {
        if (creator.isBlank()) {
            throw new RecipeException(line, "a private creator must not be empty");
        }
        return new Selector.PrivateCreatorBlock(creator.trim());
    }

    /** "keywords:GLOB", "keywords-matching:REGEX" or "vr:PN,LO". */
    private static Selector prefixed(String prefix, String rest, int line) throws RecipeException {
        if (rest.isEmpty()) {
            throw new RecipeException(line, "'" + prefix + "' needs " + (prefix.equals("vr:") ? "VRs" : "a pattern"));
        }
        switch (prefix) {
            case "keywords:", "keywords-matching:" -> {
                KeywordPattern k;
                try {
                    k = prefix.equals("keywords:") ? KeywordPattern.glob(rest) : KeywordPattern.regex(rest);
                } catch (PatternSyntaxException e) {
                    throw new RecipeException(line, "not a valid regular expression: " + e.getDescription(), e);
                }
                if (k.matchesNothing()) {
                    throw new RecipeException(line, "'" + rest + "' matches no attribute keyword");
                }
                return k;
            }
            default -> {
                Set<Vr> vrs = EnumSet.noneOf(Vr.class);
                for (String code : rest.split("[,\\s]+")) {
                    try {
                        vrs.add(Vr.valueOf(code.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new RecipeException(line, "'" + code + "' is not a VR", e);
                    }
                }
                return new AnyVr(vrs);
            }
        }
    }

    private static String required(String argument, String action, String key, int line) throws RecipeException {
        if (argument == null) {
            throw new RecipeException(line, "action " + action + " needs '" + key + "'");
        }
        return argument;
    }

    private static int number(String text, int min, int max, String what, int line) throws RecipeException {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RecipeException(line, what + " must be a whole number from " + min + " to " + max);
    }

    /** Every keyword of the dictionary, for suggestions. */
    static List<String> keywords() { return Keywords.names(); }
}
