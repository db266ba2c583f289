package org.cloak.deid.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Tags;

/**
 * Standard attributes whose PS3.6 keyword matches a glob ({@code *Date}, {@code Patient?ge}) or a
 * regular expression. The keywords are matched once, when the selector is made, so the engine
 * tests a tag against a sorted array (and the repeating groups' patterns) only.
 */
public final class KeywordPattern implements Selector {
    private final String pattern;
    private final boolean glob;
    private final int[] tags;
    private final Selector.TagPattern[] repeating;

    private KeywordPattern(String pattern, boolean glob, Pattern regex) {
        this.pattern = pattern;
        this.glob = glob;
        List<Integer> exact = new ArrayList<>();
        List<Selector.TagPattern> groups = new ArrayList<>();
        for (Map.Entry<String, Integer> k : Keywords.tags().entrySet()) {
            if (!regex.matcher(k.getKey()).matches()) {
                continue;
            }
            ElementEntry entry = ElementDictionary.standard().lookup(k.getValue());
            if (entry != null && entry.tagPattern().indexOf('x') >= 0) {
                groups.add(Selector.TagPattern.parse(entry.tagPattern()));
            } else {
                exact.add(k.getValue());
            }
        }
        this.tags = exact.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.repeating = groups.toArray(Selector.TagPattern[]::new);
    }

    /** Keywords matching a glob: {@code *} any run of characters, {@code ?} one character; case counts. */
    public static KeywordPattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new KeywordPattern(glob, true, Pattern.compile(regex.toString()));
    }

    /** Keywords matching a Java regular expression as a whole. */
    public static KeywordPattern regex(String regex) {
        return new KeywordPattern(regex, false, Pattern.compile(regex));
    }

    /** The glob or expression as written. */
    public String pattern() { return pattern; }

    /** Whether no keyword of the dictionary matches (a misspelt pattern). */
    public boolean matchesNothing() { return tags.length == 0 && repeating.length == 0; }

    /** True for a glob, false for a regular expression. */
    public boolean isGlob() { return glob; }

    @Override
    public boolean matches(int tag, String creator) {
        if (Tags.isPrivate(tag)) {
            return false;
        }
        if (Arrays.binarySearch(tags, tag) >= 0) {
            return true;
        }
        for (Selector.TagPattern p : repeating) {
            if (p.matches(tag, null)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() { return "keywords " + (glob ? "like " : "matching ") + "\"" + pattern + "\""; }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeywordPattern k && k.glob == glob && k.pattern.equals(pattern);
    }

    @Override
    public int hashCode() { return Objects.hash(pattern, glob); }

    @Override
    public String toString() { return describe(); }
}
