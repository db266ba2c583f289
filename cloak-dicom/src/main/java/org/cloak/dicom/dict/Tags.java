package org.cloak.dicom.dict;

import java.nio.charset.StandardCharsets;

/** Helpers over 32-bit tags (group in the high 16 bits, element in the low 16). */
public final class Tags {
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private Tags() {}

    public static int of(int group, int element) { return (group << 16) | (element & 0xFFFF); }

    public static int group(int tag) { return tag >>> 16; }

    public static int element(int tag) { return tag & 0xFFFF; }

    /** Private data elements live in odd groups above 0x0008 (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) == 1 && g > 0x0008 && g != 0xFFFF;
    }

    /** (gggg,0010) to (gggg,00FF) in an odd group reserve a block of private elements. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }

    /** The tag of the private creator that reserves the block holding a private element, or -1. */
    public static int creatorTagOf(int tag) {
        int e = element(tag);
        if (!isPrivate(tag) || e < 0x1000) {
            return -1;
        }
        return of(group(tag), e >>> 8);
    }

    public static boolean isGroupLength(int tag) { return element(tag) == 0; }

    /** "(gggg,eeee)" in upper-case hex, as the standard writes tags. */
    public static String toString(int tag) {
        byte[] c = new byte[11]; // Latin-1 bytes become a String by a plain copy, chars need compressing
        c[0] = '(';
        hex(tag >>> 16, c, 1);
        c[5] = ',';
        hex(tag & 0xFFFF, c, 6);
        c[10] = ')';
        return new String(c, StandardCharsets.ISO_8859_1);
    }

    /** Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee". */
    public static int parse(String s) {
        String h = s.replace("(", "").replace(")", "").replace(",", "").trim();
        if (h.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + s);
        }
        return (int) Long.parseLong(h, 16);
    }

    private static void hex(int v, byte[] out, int at) {
        for (int i = 3; i >= 0; i--) {
            out[at + i] = HEX[v & 0xF];
            v >>>= 4;
        }
    }
}
