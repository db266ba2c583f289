package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.dicom.dict.Tags;

/**
 * Paths into sequences as a recipe writes them: steps joined by {@code /}, each a keyword, a tag
 * or (gggg,{CREATOR}ee), a sequence step followed by {@code [n]} (item n, from 0) or {@code [%]}
 * (any item, also what no index means). A selector's path may also hold {@code .} (one level of
 * any sequence), {@code +} (one or more) and {@code *} (zero or more), and tag patterns; an
 * attribute to read starts with {@code item:} to read from the item holding the attribute being
 * decided instead of the top level.
 */
final class PathSyntax {
    private static final Pattern INDEXED = Pattern.compile("(.*?)\\s*\\[\\s*(\\d{1,9}|%|\\*)\\s*]");
    private static final String ITEM_PREFIX = "item:";

    private PathSyntax() {}

    /** Whether a selector is written as a path: a {@code /} outside a creator's braces. */
    static boolean isPath(String s) {
        return split(s).size() > 1;
    }

    /** A selector written as a path, e.g. {@code (0040,0275)[0]/(0040,0009)} or {@code +/PatientName}. */
    static TagPath selector(String text, int line) throws RecipeException {
        List<String> parts = split(text.trim());
        List<TagPath.Level> levels = new ArrayList<>();
        for (String part : parts.subList(0, parts.size() - 1)) {
            levels.add(level(part, line));
        }
        String last = parts.get(parts.size() - 1);
        if (isWildcard(last) || INDEXED.matcher(last).matches()) {
            throw new RecipeException(line, "'" + text.trim()
                    + "' must end with the attribute it selects, without an item index");
        }
        return new TagPath(levels, RuleSyntax.step(last, line));
    }

    /** An attribute to read, for a condition or a computed value. */
    static AttributeRef attribute(String text, int line) throws RecipeException {
        String s = text.trim();
        boolean fromItem = s.startsWith(ITEM_PREFIX);
        if (fromItem) {
            s = s.substring(ITEM_PREFIX.length()).trim();
        }
        List<String> parts = split(s);
        List<AttributeRef.Step> steps = new ArrayList<>();
        for (String part : parts.subList(0, parts.size() - 1)) {
            Matcher m = INDEXED.matcher(part);
            String sequence = m.matches() ? m.group(1) : part;
            int item = m.matches() ? index(m.group(2)) : AttributeRef.ANY_ITEM; // the same -1 as TagPath.ANY_ITEM
            steps.add(new AttributeRef.Step(element(sequence, text, line), item));
        }
        return new AttributeRef(fromItem, steps, element(parts.get(parts.size() - 1), text, line));
    }

    private static ElementKey element(String step, String whole, int line) throws RecipeException {
        if (!isWildcard(step)) {
            Selector s = RuleSyntax.step(step, line);
            if (s instanceof Selector.TagIs t && !Tags.isPrivate(t.tag())) {
                return ElementKey.of(t.tag());
            }
            if (s instanceof Selector.PrivateTag p) {
                return ElementKey.privateOf(p.group(), p.creator(), p.offset());
            }
        }
        throw new RecipeException(line, "an attribute to read is a keyword, a standard tag or (gggg,{CREATOR}ee) for a"
                + " private one, with [n] or [%] after a sequence, not '" + whole.trim() + "'");
    }

    private static TagPath.Level level(String part, int line) throws RecipeException {
        switch (part) {
            case "." -> {
                return TagPath.AnyLevels.ONE;
            }
            case "+" -> {
                return TagPath.AnyLevels.ONE_OR_MORE;
            }
            case "*" -> {
                return TagPath.AnyLevels.ANY;
            }
            default -> {
                Matcher m = INDEXED.matcher(part);
                if (m.matches()) {
                    return new TagPath.Item(RuleSyntax.step(m.group(1), line), index(m.group(2)));
                }
                return new TagPath.Item(RuleSyntax.step(part, line), TagPath.ANY_ITEM);
            }
        }
    }

    private static int index(String written) {
        return written.equals("%") || written.equals("*") ? TagPath.ANY_ITEM : Integer.parseInt(written);
    }

    private static boolean isWildcard(String part) {
        return part.equals(".") || part.equals("+") || part.equals("*");
    }

    /** The steps, trimmed; a {@code /} inside a creator's braces belongs to the creator. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '/' && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).trim());
        return parts;
    }
}
