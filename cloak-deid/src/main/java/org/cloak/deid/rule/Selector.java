package org.cloak.deid.rule;

import java.util.Set;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * Which attributes a rule applies to. Most selectors decide from the tag and private creator
 * alone, at any depth; a {@link #contextual()} one also needs the element's VR or where it sits
 * (a {@link TagPath}), which the engine gives without building anything per attribute.
 */
public sealed interface Selector
        permits Selector.TagIs, Selector.TagPattern, Selector.PrivateTag, Selector.PrivateCreatorBlock,
        Selector.PrivateTagMask, Selector.AllPrivate, Selector.StandardVr, Selector.InCategory, AnyVr, KeywordPattern,
        TagPath {

    /**
     * Whether the selector matches the tag, or for a contextual selector, whether it can match it
     * somewhere (the rule set indexes rules by this).
     *
     * @param creator the private creator of a private element, else null
     */
    boolean matches(int tag, String creator);

    /**
     * The full test.
     *
     * @param vr the element's VR, or null when only the dictionary's is known
     * @param scope where the element sits
     */
    default boolean matches(int tag, String creator, Vr vr, Scope scope) { return matches(tag, creator); }

    /** True when {@link #matches(int, String)} alone does not decide: the VR or the location do too. */
    default boolean contextual() { return false; }

    String describe();

    /** One standard tag. */
    record TagIs(int tag) implements Selector {
        @Override
        public boolean matches(int t, String creator) { return t == tag; }

        @Override
        public String describe() { return Tags.toString(tag); }
    }

    /**
     * Tags matching a pattern such as (50xx,xxxx), (0029,xx10) or (xxx#,xxxx): each of the eight
     * digits is a hex digit, {@code x} (any digit), {@code @} (any even digit) or {@code #} (any odd
     * digit), so a last group digit of {@code #} means every odd group. Bits set in {@code mask}
     * must equal {@code value}; the 50xx and 60xx repeating groups are limited to even groups
     * (PS3.5 7.6).
     */
    record TagPattern(String pattern, int value, int mask, boolean evenGroupsOnly) implements Selector {
        public static TagPattern parse(String p) {
            String s = p.replace("(", "").replace(")", "").replace(",", "");
            if (s.length() != 8) {
                throw new IllegalArgumentException("tag pattern needs 8 hex digits, x, @ or #: " + p);
            }
            int value = 0;
            int mask = 0;
            for (int i = 0; i < 8; i++) {
                char c = Character.toLowerCase(s.charAt(i));
                value <<= 4;
                mask <<= 4;
                switch (c) {
                    case 'x' -> { }
                    case '@' -> mask |= 1;
                    case '#' -> {
                        mask |= 1;
                        value |= 1;
                    }
                    default -> {
                        int digit = Character.digit(c, 16);
                        if (digit < 0) {
                            throw new IllegalArgumentException("not a tag pattern: " + p);
                        }
                        value |= digit;
                        mask |= 0xF;
                    }
                }
            }
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            boolean repeating = lower.startsWith("50xx") || lower.startsWith("60xx");
            return new TagPattern(s, value, mask, repeating);
        }

        @Override
        public boolean matches(int t, String creator) {
            return (t & mask) == value && (!evenGroupsOnly || ((t >>> 16) & 1) == 0);
        }

        @Override
        public String describe() { return "(" + pattern.substring(0, 4) + "," + pattern.substring(4) + ")"; }
    }

    /**
     * A private element by creator, odd group and element offset within the block: (gggg,{CREATOR}ee),
     * in whichever block (gggg,10ee) to (gggg,FFee) the file's creator element reserved.
     */
    record PrivateTag(String creator, int group, int offset) implements Selector {
        @Override
        public boolean matches(int t, String c) {
            return c != null && Tags.isPrivate(t) && (t >>> 16) == group && (t & 0xFF) == offset
                    && (t & 0xFFFF) >= 0x1000 && c.trim().equals(creator.trim());
        }

        @Override
        public String describe() { return String.format("(%04X,xx%02X) \"%s\"", group, offset, creator); }
    }

    /**
     * Private elements of a creator's block in an odd group whose offsets match a mask, such as
     * DicomEdit's (2001,{Philips Imaging DD 001}0X): offset bits set in {@code mask} equal
     * {@code value}.
     */
    record PrivateTagMask(String creator, int group, int value, int mask) implements Selector {
        @Override
        public boolean matches(int t, String c) {
            return c != null && Tags.isPrivate(t) && (t >>> 16) == group && (t & 0xFFFF) >= 0x1000
                    && (t & mask) == value && c.trim().equals(creator.trim());
        }

        @Override
        public String describe() {
            return String.format("(%04X,xx??) \"%s\" offset & %02X = %02X", group, creator, mask, value);
        }
    }

    /** Every private element of a creator (the block is kept or dropped whole). */
    record PrivateCreatorBlock(String creator) implements Selector {
        @Override
        public boolean matches(int t, String c) {
            return c != null && Tags.isPrivate(t) && c.trim().equals(creator.trim());
        }

        @Override
        public String describe() { return "private block \"" + creator + "\""; }
    }

    /** Every private element. */
    record AllPrivate() implements Selector {
        @Override
        public boolean matches(int t, String creator) { return Tags.isPrivate(t); }

        @Override
        public String describe() { return "(gggg,eeee) private"; }
    }

    /** Standard (non-private) attributes whose dictionary VR is one of {@code vrs}, e.g. every DA and DT. */
    record StandardVr(Set<Vr> vrs) implements Selector {
        @Override
        public boolean matches(int t, String creator) {
            return !Tags.isPrivate(t) && vrs.contains(ElementDictionary.standard().vrOf(t));
        }

        @Override
        public String describe() { return "standard attributes of VR " + vrs; }
    }

    /** The attributes of a category (patient, institution, dates-and-times, ...). */
    record InCategory(String category, Set<Integer> tags) implements Selector {
        @Override
        public boolean matches(int t, String creator) { return tags.contains(t); }

        @Override
        public String describe() { return "category " + category; }
    }
}
