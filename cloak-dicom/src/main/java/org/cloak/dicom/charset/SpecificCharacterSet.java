package org.cloak.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text codec selected by Specific Character Set (0008,0005): decodes and encodes the values of
 * SH, LO, ST, LT, PN, UC and UT. Immutable and thread-safe.
 *
 * <p>Single-valued sets without code extensions (ISO_IR xxx, ISO_IR 192, GB18030, GBK) use their
 * Java charset directly. Otherwise (several values, or an ISO 2022 term) the ISO 2022 rules of
 * PS3.5 6.1.2.5 apply (see {@code Iso2022Codec}).
 *
 * <p>Lenient reading, strict writing: the default repertoire and unknown terms decode bytes above
 * 0x7F as ISO-8859-1 (a byte is never lost; such files are common) but encode only ASCII. An
 * unknown value 1 is treated as the default repertoire, unknown values 2..n are ignored, and
 * {@link #hasUnknownTerms()} reports either. A double-byte G1 set as value 1 (e.g. "ISO 2022 IR
 * 149" alone, common in Korean files without escapes) is assumed designated when reading, but is
 * always designated explicitly when writing. Characters that cannot be encoded become '?'; check
 * {@link #canEncode(String)} first.
 */
public final class SpecificCharacterSet {
    // Declared before DEFAULT: static initializers run in textual order.
    private static final byte[] ASCII_BYTES = asciiBytes();
    private static final String ASCII_CHARS = new String(ASCII_BYTES, StandardCharsets.ISO_8859_1);
    private static final int CACHE_LIMIT = 64;
    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    /** ISO_IR 6: (0008,0005) absent or empty. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0]);

    private final String[] terms;
    private final boolean unknown;
    /** Non-null iff code extensions are in use. */
    private final Iso2022Codec iso2022;
    private final Charset decodeCharset;
    private final Charset encodeCharset;
    private final boolean asciiCompatible;

    private SpecificCharacterSet(String[] terms) {
        this.terms = terms;
        CharsetTable table = CharsetTable.standard();
        List<CharsetTerm> known = new ArrayList<>();
        boolean anyUnknown = false;
        boolean extensions = terms.length > 1;
        for (int i = 0; i < terms.length; i++) {
            CharsetTerm t = table.lookup(terms[i]);
            if (t == null && !(i > 0 && terms[i].isEmpty())) {
                anyUnknown = true;
            }
            known.add(t);
            extensions |= t != null && t.codeExtension();
        }
        CharsetTerm first = known.isEmpty() ? null : known.get(0);
        if (first != null && !first.codeExtension() && first.g0Registration().isEmpty()
                && first.g1Registration().isEmpty()) {
            extensions = false; // UTF-8, GB18030, GBK: never combined with code extensions
        }
        unknown = anyUnknown;
        if (extensions) {
            List<CharsetTerm> others = new ArrayList<>();
            for (CharsetTerm t : known.subList(1, known.size())) {
                if (t != null) {
                    others.add(t);
                }
            }
            iso2022 = new Iso2022Codec(table, first, others);
            decodeCharset = null;
            encodeCharset = null;
            asciiCompatible = iso2022.asciiG0();
        } else {
            iso2022 = null;
            boolean plain = first == null || first.definedTerm().isEmpty();
            decodeCharset = plain ? StandardCharsets.ISO_8859_1 : first.charset();
            encodeCharset = plain ? StandardCharsets.US_ASCII : first.charset();
            asciiCompatible = ASCII_CHARS.equals(new String(ASCII_BYTES, decodeCharset))
                    && ASCII_CHARS.equals(new String(ASCII_BYTES, encodeCharset));
        }
    }

    /**
     * The character set for the values of (0008,0005), already split at '\' (e.g. {@code of("",
     * "ISO 2022 IR 87")}). No values, or one empty value, give {@link #DEFAULT}.
     */
    public static SpecificCharacterSet of(String... definedTerms) {
        if (definedTerms == null || definedTerms.length == 0) {
            return DEFAULT;
        }
        String[] terms = new String[definedTerms.length];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = definedTerms[i] == null ? "" : definedTerms[i].strip();
        }
        if (terms.length == 1 && terms[0].isEmpty()) {
            return DEFAULT;
        }
        String key = String.join("\\", terms);
        SpecificCharacterSet cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SpecificCharacterSet cs = new SpecificCharacterSet(terms);
        if (CACHE.size() < CACHE_LIMIT) { // bounded: values come from untrusted files
            CACHE.putIfAbsent(key, cs);
        }
        return cs;
    }

    /** The values this set was made of (stripped of surrounding spaces); empty for DEFAULT. */
    public String[] definedTerms() { return terms.clone(); }

    /** True if some value is not a Defined Term (see the class comment for how it is treated). */
    public boolean hasUnknownTerms() { return unknown; }

    /** True if ISO 2022 code extensions (escape sequences) are in use. */
    public boolean isIso2022() { return iso2022 != null; }

    /**
     * Decodes a whole value field, delimiters ('\', and for PN '^' '=') included; trailing padding is
     * kept. {@code personName} makes '^' and '=' reset the ISO 2022 state, as PS3.5 requires for PN.
     */
    public String decode(byte[] value, int offset, int length, boolean personName) {
        if (asciiCompatible && isPlainAscii(value, offset, length)) {
            return new String(value, offset, length, StandardCharsets.ISO_8859_1);
        }
        return iso2022 != null
                ? iso2022.decode(value, offset, length, personName)
                : new String(value, offset, length, decodeCharset);
    }

    private static byte[] asciiBytes() {
        byte[] b = new byte[128];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** ASCII without ESC: the same text under every supported set, so no decoder is needed. */
    private static boolean isPlainAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0 || b[i] == 0x1B) {
                return false;
            }
        }
        return true;
    }

    /** Encodes a value (delimiters included, no padding added); unencodable characters become '?'. */
    public byte[] encode(String value, boolean personName) {
        if (asciiCompatible && isPlainAscii(value)) {
            byte[] out = new byte[value.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) value.charAt(i);
            }
            return out;
        }
        return iso2022 != null ? iso2022.encode(value, personName) : value.getBytes(encodeCharset);
    }

    /** True if every character of value can be encoded (so decode(encode(value)) equals value). */
    public boolean canEncode(String value) {
        if (asciiCompatible && isPlainAscii(value)) {
            return true;
        }
        return iso2022 != null ? iso2022.canEncode(value) : encodeCharset.newEncoder().canEncode(value);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0x1B) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet && Arrays.equals(terms, ((SpecificCharacterSet) o).terms);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(terms); }

    @Override
    public String toString() { return "SpecificCharacterSet[" + String.join("\\", terms) + "]"; }
}
