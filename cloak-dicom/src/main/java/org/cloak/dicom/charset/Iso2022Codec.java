package org.cloak.dicom.charset;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text codec for a multi-valued (0008,0005) using ISO 2022 code extensions (PS3.5 6.1.2.5).
 * Thread-safe: all state lives in local variables.
 *
 * <p>Initial state (6.1.2.5.3 c): value 1's G0 and G1, or ISO-IR 6 as G0 with no G1 when value 1
 * is empty. Decoding and encoding return to it at every value delimiter, CR, LF, FF and TAB, and in
 * Person Names also at '^' and '='. The encoder picks, for each character, the first code element
 * (in the order of the Defined Terms) that holds it, designates it only when it is not already
 * designated, and designates the initial G0 again before each of those delimiters and at the end,
 * as in the examples of PS3.5 Annexes H, I and K.
 */
final class Iso2022Codec {
    private static final int ESC = 0x1B;

    private final CharsetTable table;
    private final CodeElement g0Initial;
    /** Value 1's G1 as decoders assume it; may be a double-byte set if value 1 names one. */
    private final CodeElement g1Decode;
    /** Value 1's G1 as the encoder assumes it: double-byte sets are always designated explicitly. */
    private final CodeElement g1Encode;
    private final CodeElement[] candidates;
    private final boolean asciiG0;

    /** @param first value 1, or null when it is empty or unknown; @param others the known values 2..n */
    Iso2022Codec(CharsetTable table, CharsetTerm first, List<CharsetTerm> others) {
        this.table = table;
        CodeElement ascii = table.g0(table.lookup(""));
        CodeElement first0 = first == null ? null : table.g0(first);
        CodeElement first1 = first == null ? null : table.g1(first);
        g0Initial = first0 != null && !first0.isTwoByte() ? first0 : ascii;
        g1Decode = first1;
        g1Encode = first1 != null && !first1.isTwoByte() ? first1 : null;
        Set<CodeElement> order = new LinkedHashSet<>();
        order.add(g0Initial);
        addIfPresent(order, first1);
        addIfPresent(order, first0);
        for (CharsetTerm t : others) {
            addIfPresent(order, table.g0(t));
            addIfPresent(order, table.g1(t));
        }
        candidates = order.toArray(CodeElement[]::new);
        asciiG0 = isAsciiIdentity(g0Initial);
    }

    private static void addIfPresent(Set<CodeElement> order, CodeElement e) {
        if (e != null) {
            order.add(e);
        }
    }

    private static boolean isAsciiIdentity(CodeElement e) {
        for (int c = 0; c < 0x80; c++) {
            if (e.decode(c) != c) {
                return false;
            }
        }
        return true;
    }

    /** True if the initial G0 decodes bytes 0x00-0x7F as ASCII (so plain ASCII can skip the codec). */
    boolean asciiG0() { return asciiG0; }

    static boolean isReset(int c, boolean personName) {
        return c == '\\' || c == '\r' || c == '\n' || c == '\f' || c == '\t'
                || (personName && (c == '^' || c == '='));
    }

    String decode(byte[] b, int off, int len, boolean personName) {
        int end = off + len;
        StringBuilder sb = new StringBuilder(len);
        CodeElement g0 = g0Initial;
        CodeElement g1 = g1Decode;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                CodeElement e = table.designatedAt(b, i, end);
                if (e == null) {
                    sb.append((char) c); // unknown escape: keep it visible rather than lose data
                    i++;
                } else {
                    if (e.isG1()) {
                        g1 = e;
                    } else {
                        g0 = e;
                    }
                    i += e.escape().length;
                }
            } else if (c < 0x80) {
                if (g0.isTwoByte() && c >= 0x21 && c <= 0x7E) {
                    // Both bytes are GL, so '^', '=' and '\' inside a pair are not delimiters.
                    i += decodePair(g0, b, i, end, sb);
                    continue;
                }
                sb.append(g0.isTwoByte() ? (char) c : g0.decode(c)); // SP and controls in 94² sets
                if (isReset(c, personName)) {
                    g0 = g0Initial;
                    g1 = g1Decode;
                }
                i++;
            } else if (g1 == null) {
                sb.append((char) c); // no G1 designated: ISO-8859-1, which loses no byte
                i++;
            } else if (g1.isTwoByte()) {
                i += decodePair(g1, b, i, end, sb);
            } else {
                sb.append(g1.decode(c));
                i++;
            }
        }
        return sb.toString();
    }

    /** Appends the char of the pair at b[i]; returns the bytes consumed (1 for a broken pair). */
    private static int decodePair(CodeElement e, byte[] b, int i, int end, StringBuilder sb) {
        int base = e.pairBase();
        int b1 = b[i] & 0xFF;
        int b2 = i + 1 < end ? b[i + 1] & 0xFF : -1;
        if (b1 - base >= 0 && b1 - base < 94 && b2 - base >= 0 && b2 - base < 94) {
            sb.append(e.decode(b1, b2));
            return 2;
        }
        sb.append(CodeElement.UNMAPPED);
        return 1;
    }

    /** The first code element holding c, or null. */
    private CodeElement elementFor(char c) {
        if (c == ESC) {
            return null; // a literal ESC would be read back as a designation
        }
        for (CodeElement e : candidates) {
            if (e.canEncode(c)) {
                return e;
            }
        }
        return null;
    }

    boolean canEncode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isReset(c, false) && elementFor(c) == null) {
                return false;
            }
        }
        return true;
    }

    /** Encodes s; characters no element holds are written as '?'. */
    byte[] encode(String s, boolean personName) {
        Out out = new Out(s.length() + 8);
        CodeElement g0 = g0Initial;
        CodeElement g1 = g1Encode;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isReset(c, personName)) {
                if (g0 != g0Initial) {
                    out.write(g0Initial.escape());
                }
                out.write(g0Initial.encode(c));
                g0 = g0Initial;
                g1 = g1Encode;
                continue;
            }
            CodeElement e = elementFor(c);
            if (e == null) {
                e = g0Initial;
                c = '?';
            }
            if (e.isG1() ? g1 != e : g0 != e) {
                out.write(e.escape());
                if (e.isG1()) {
                    g1 = e;
                } else {
                    g0 = e;
                }
            }
            int code = e.encode(c);
            if (e.isTwoByte()) {
                out.write(code >> 8);
            }
            out.write(code & 0xFF);
        }
        if (g0 != g0Initial) {
            out.write(g0Initial.escape());
        }
        return out.toByteArray();
    }

    /** Unsynchronized growable byte buffer (ByteArrayOutputStream locks on every write). */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) { buf = new byte[Math.max(16, capacity)]; }

        void write(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = (byte) b;
        }

        void write(byte[] bytes) {
            for (byte b : bytes) {
                write(b);
            }
        }

        byte[] toByteArray() { return Arrays.copyOf(buf, size); }
    }
}
