package org.cloak.deid.rule;

import java.util.Set;
import org.cloak.dicom.dict.Tags;

/** Which attributes a rule applies to. */
public sealed interface Selector {

    /** @param creator the private creator of a private element, else null */
    boolean matches(int tag, String creator);

    String describe();

    /** One standard tag. */
    record TagIs(int tag) implements Selector {
        @Override
        public boolean matches(int t, String creator) { return t == tag; }

        @Override
        public String describe() { return Tags.toString(tag); }
    }

    /**
     * Tags matching a pattern such as 50xxxxxx or 60xx3000: bits set in {@code mask} must equal
     * {@code value}; repeating groups are limited to even groups (PS3.5 7.6).
     */
    record TagPattern(String pattern, int value, int mask, boolean evenGroupsOnly) implements Selector {
        public static TagPattern parse(String p) {
            String s = p.replace("(", "").replace(")", "").replace(",", "");
            if (s.length() != 8) {
                throw new IllegalArgumentException("tag pattern needs 8 hex digits or x: " + p);
            }
            int value = 0;
            int mask = 0;
            for (int i = 0; i < 8; i++) {
                char c = Character.toLowerCase(s.charAt(i));
                value <<= 4;
                mask <<= 4;
                if (c != 'x') {
                    value |= Character.digit(c, 16);
                    mask |= 0xF;
                    if (Character.digit(c, 16) < 0) {
                        throw new IllegalArgumentException("not a tag pattern: " + p);
                    }
                }
            }
            boolean repeating = s.toLowerCase().startsWith("50xx") || s.toLowerCase().startsWith("60xx");
            return new TagPattern(s, value, mask, repeating);
        }

        @Override
        public boolean matches(int t, String creator) {
            return (t & mask) == value && (!evenGroupsOnly || ((t >>> 16) & 1) == 0);
        }

        @Override
        public String describe() { return "(" + pattern.substring(0, 4) + "," + pattern.substring(4) + ")"; }
    }

    /** A private element by creator, odd group and element offset within the block (gggg,xxEE). */
    record PrivateTag(String creator, int group, int offset) implements Selector {
        @Override
        public boolean matches(int t, String c) {
            return c != null && Tags.isPrivate(t) && (t >>> 16) == group && (t & 0xFF) == offset
                    && (t & 0xFFFF) >= 0x1000 && c.trim().equals(creator.trim());
        }

        @Override
        public String describe() { return String.format("(%04X,xx%02X) \"%s\"", group, offset, creator); }
    }

    /** Every private element of a creator (the block is kept or dropped whole). */
    record PrivateCreatorBlock(String creator) implements Selector {
        @Override
        public boolean matches(int t, String c) { return c != null && Tags.isPrivate(t) && c.trim().equals(creator.trim()); }

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
    record StandardVr(Set<org.cloak.dicom.data.Vr> vrs) implements Selector {
        @Override
        public boolean matches(int t, String creator) {
            return !Tags.isPrivate(t) && vrs.contains(org.cloak.dicom.dict.ElementDictionary.standard().vrOf(t));
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
