package org.cloak.deid.recipe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Selector;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * The recipe's vocabulary for selectors, actions and conditions, as text (the form
 * {@link Recipe.OverrideRule} holds), turned into the engine's rule model. The reader uses it to
 * reject bad values at load time, the compiler to build the rules.
 */
final class RuleSyntax {
    /** Action names with their argument: "" none, else the YAML key that carries it. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("keep", ""), Map.entry("remove", ""), Map.entry("empty", ""), Map.entry("dummy", ""),
            Map.entry("clean", ""), Map.entry("uid", ""), Map.entry("set", "value"), Map.entry("hash", "length"),
            Map.entry("shift-date", ""), Map.entry("timepoint", ""), Map.entry("round-age", "max-years"),
            Map.entry("processing-date", ""), Map.entry("year-only", ""), Map.entry("fixed-date", "date"),
            Map.entry("new-id", ""), Map.entry("new-name", ""));
    /** The standard's codes (PS3.15 Table E.1-1 legend) and the action each means. */
    static final Map<String, String> CODES = Map.of("X", "remove", "Z", "empty", "D", "dummy", "K", "keep",
            "C", "clean", "U", "uid");
    static final List<String> OPERATORS = List.of("equals", "contains", "matches", "present", "absent");
    static final int DEFAULT_HASH_LENGTH = 16;
    static final int DEFAULT_MAX_AGE = 89;

    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern TAG = Pattern.compile("\\(?([0-9A-Fa-fXx]{4}),?([0-9A-Fa-fXx]{4})\\)?");

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
            case "hash" -> new Hash(argument == null ? DEFAULT_HASH_LENGTH : number(argument, 1, 64, "hash length", line));
            case "shift-date" -> new ShiftDate(dates.zeroTimes());
            case "timepoint" -> new Timepoint();
            case "round-age" -> new RoundAge(argument == null ? DEFAULT_MAX_AGE : number(argument, 1, 150, "max-years", line));
            case "processing-date" -> new ProcessingDate();
            case "year-only" -> new YearOnly();
            case "fixed-date" -> new FixedDate(date(argument != null ? argument : dates.fixedDate(), line));
            case "new-id" -> new Pseudonym(Pseudonym.Kind.PATIENT_ID);
            default -> new Pseudonym(Pseudonym.Kind.PATIENT_NAME);
        };
    }

    /**
     * A selector written as a keyword, "(gggg,eeee)", a pattern "(60xx,3000)",
     * "private:CREATOR:(gggg,xxEE)", "private:CREATOR" (the whole block) or "category:NAME".
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
        if (KEYWORD.matcher(s).matches()) {
            return keywordSelector(s, line);
        }
        var m = TAG.matcher(s);
        if (!m.matches()) {
            throw new RecipeException(line, "'" + s + "' is neither a keyword nor a tag like (0010,0010) or (60xx,3000)");
        }
        String hex = (m.group(1) + m.group(2)).toLowerCase(Locale.ROOT);
        if (hex.indexOf('x') >= 0) {
            return Selector.TagPattern.parse(hex);
        }
        int tag = (int) Long.parseLong(hex, 16);
        if (Tags.isPrivateCreator(tag)) {
            throw new RecipeException(line, "'" + s + "' is a private creator element, which goes or stays with its"
                    + " block; select the block with private: {creator: NAME}");
        }
        return new Selector.TagIs(tag);
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

    /** A condition written as "KEYWORD equals|contains|matches OPERAND" or "KEYWORD present|absent". */
    static Condition condition(String text, int line) throws RecipeException {
        String[] parts = text.trim().split("\\s+", 3);
        if (parts.length < 2) {
            throw new RecipeException(line, "a condition needs an attribute and one of " + OPERATORS);
        }
        int tag = attributeTag(parts[0], line);
        String op = parts[1].toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(op)) {
            throw new RecipeException(line, "unknown condition '" + parts[1] + "'" + Suggest.hint(op, OPERATORS)
                    + "; known: " + OPERATORS);
        }
        boolean unary = op.equals("present") || op.equals("absent");
        if (unary != (parts.length == 2)) {
            throw new RecipeException(line, unary ? op + " takes no value" : op + " needs a value");
        }
        if (op.equals("matches")) {
            try {
                Pattern.compile(parts[2]);
            } catch (PatternSyntaxException e) {
                throw new RecipeException(line, "not a valid regular expression: " + e.getDescription(), e);
            }
        }
        return Condition.Attribute.of(tag, Condition.Op.valueOf(op.toUpperCase(Locale.ROOT)), unary ? null : parts[2]);
    }

    /** A standard attribute for a condition, by keyword or tag. */
    static int attributeTag(String text, int line) throws RecipeException {
        Selector s = selector(text, line);
        if (s instanceof Selector.TagIs t && !Tags.isPrivate(t.tag())) {
            return t.tag();
        }
        throw new RecipeException(line, "a condition tests one standard attribute, not '" + text + "'");
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
            throw new RecipeException(line, "unknown attribute keyword '" + keyword + "'" + Suggest.hint(keyword, keywords()));
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
            String creator = rest.trim();
            if (creator.isEmpty()) {
                throw new RecipeException(line, "a private creator must not be empty");
            }
            return new Selector.PrivateCreatorBlock(creator);
        }
        return privateTag(rest.substring(0, split), rest.substring(split + 1), line);
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

    /** Every keyword of the dictionary, for suggestions (read once from the generated constants). */
    private static List<String> keywords() { return Keywords.ALL; }

    private static final class Keywords {
        static final List<String> ALL = load();

        private static List<String> load() {
            List<String> k = new ArrayList<>();
            for (Field f : Tag.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    k.add(f.getName());
                }
            }
            return List.copyOf(k);
        }
    }
}
