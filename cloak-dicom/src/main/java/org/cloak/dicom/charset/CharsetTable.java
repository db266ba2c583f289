package org.cloak.dicom.charset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Specific Character Set Defined Terms of PS3.3 C.12.1.1.2, parsed from
 * {@code character_sets.tsv} (escape sequences included), and the ISO 2022 code elements they use.
 * Immutable.
 */
public final class CharsetTable {
    static final String RESOURCE = "/org/cloak/dicom/dict/character_sets.tsv";
    private static final byte ESC = 0x1B;

    private final List<CharsetTerm> terms;
    private final Map<String, CharsetTerm> byTerm = new HashMap<>();
    private final Map<String, CharsetTerm> byLooseKey = new HashMap<>();
    /** Code elements by "registration/G0|G1", in table order. */
    private final Map<String, CodeElement> elements = new LinkedHashMap<>();
    private final CodeElement[] designatable;

    private static final class Standard {
        static final CharsetTable INSTANCE = load();
    }

    private CharsetTable(List<CharsetTerm> terms) {
        this.terms = List.copyOf(terms);
        for (CharsetTerm t : terms) {
            byTerm.putIfAbsent(t.definedTerm(), t);
            byLooseKey.putIfAbsent(looseKey(t.definedTerm()), t);
            if (t.codeExtension()) {
                boolean twoByte = t.multiByte();
                addElement(t.g0Registration(), false, twoByte, t.g0Escape(), t.charset());
                addElement(t.g1Registration(), true, twoByte, t.g1Escape(), t.charset());
            }
        }
        // "ISO_IR 6" is not a Defined Term, but common in the wild for the default repertoire.
        byLooseKey.putIfAbsent("ISOIR6", byTerm.get(""));
        designatable = elements.values().stream().filter(e -> e.escape().length > 0)
                .toArray(CodeElement[]::new);
    }

    private void addElement(String reg, boolean g1, boolean twoByte, byte[] esc, Charset cs) {
        if (!reg.isEmpty()) {
            elements.putIfAbsent(reg + (g1 ? "/G1" : "/G0"), new CodeElement(reg, g1, twoByte, esc, cs));
        }
    }

    /** The table of the standard edition bundled with Cloak. */
    public static CharsetTable standard() { return Standard.INSTANCE; }

    /** All Defined Terms in table order; the first is the default repertoire (empty term). */
    public List<CharsetTerm> terms() { return terms; }

    /**
     * The row for a value of (0008,0005), or null when unknown. Surrounding spaces are ignored; a
     * value that differs from a Defined Term only in case, spaces, '_' or '-' (e.g. "ISO-IR 100",
     * "ISO_IR100") is accepted, and so is "ISO_IR 6" for the default repertoire.
     */
    public CharsetTerm lookup(String definedTerm) {
        if (definedTerm == null) {
            return null;
        }
        String t = definedTerm.strip();
        CharsetTerm exact = byTerm.get(t);
        return exact != null ? exact : byLooseKey.get(looseKey(t));
    }

    private static String looseKey(String term) {
        return term.toUpperCase(Locale.ROOT).replaceAll("[ _\\-]", "");
    }

    /** The G0 code element of a term (for "none" and ISO_IR xxx: that of its ISO 2022 twin). */
    CodeElement g0(CharsetTerm t) { return element(t.g0Registration(), false); }

    CodeElement g1(CharsetTerm t) { return element(t.g1Registration(), true); }

    private CodeElement element(String registration, boolean g1) {
        return registration.isEmpty() ? null : elements.get(registration + (g1 ? "/G1" : "/G0"));
    }

    /** The element designated by the escape sequence at b[i] (an ESC), or null if none matches. */
    CodeElement designatedAt(byte[] b, int i, int end) {
        for (CodeElement e : designatable) {
            byte[] esc = e.escape();
            if (end - i >= esc.length && Arrays.equals(b, i, i + esc.length, esc, 0, esc.length)) {
                return e;
            }
        }
        return null;
    }

    static CharsetTable load() {
        try (InputStream in = CharsetTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a table in the character_sets.tsv layout; columns are found by their header name. */
    static CharsetTable read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
            throw new IllegalStateException("empty character set table");
        }
        List<String> cols = Arrays.asList(header.split("\t", -1));
        int term = column(cols, "defined_term");
        int desc = column(cols, "description");
        int ext = column(cols, "code_extension");
        int kind = column(cols, "byte_kind");
        int g0Reg = column(cols, "g0_iso_registration");
        int g0Esc = column(cols, "g0_esc_sequence");
        int g1Reg = column(cols, "g1_iso_registration");
        int g1Esc = column(cols, "g1_esc_sequence");
        int java = column(cols, "java_charset");
        List<CharsetTerm> rows = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != cols.size()) {
                throw new IllegalStateException("expected " + cols.size() + " columns: " + line);
            }
            String name = f[term].strip();
            rows.add(new CharsetTerm("none".equals(name) ? "" : name, f[desc].strip(),
                    "Y".equals(f[ext].strip()), "multi-byte".equals(f[kind].strip()),
                    f[g0Reg].strip(), parseEscape(f[g0Esc]), f[g1Reg].strip(), parseEscape(f[g1Esc]),
                    Charset.forName(f[java].strip())));
        }
        return new CharsetTable(rows);
    }

    private static int column(List<String> cols, String name) {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("character set table lacks column " + name);
        }
        return i;
    }

    /**
     * Parses an escape sequence in the standard's column/row notation ("ESC 02/04 02/09 04/03")
     * into bytes (1B 24 29 43); blank gives an empty array.
     */
    static byte[] parseEscape(String notation) {
        String s = notation.strip();
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] tokens = s.split("\\s+");
        byte[] out = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            if ("ESC".equals(tok)) {
                out[i] = ESC;
            } else if (tok.matches("0?[0-7]/(0?\\d|1[0-5])")) {
                String[] cr = tok.split("/");
                out[i] = (byte) (Integer.parseInt(cr[0]) * 16 + Integer.parseInt(cr[1]));
            } else {
                throw new IllegalArgumentException("bad escape sequence notation: " + notation);
            }
        }
        if (out[0] != ESC || out.length < 3) {
            throw new IllegalArgumentException("escape sequence must start with ESC: " + notation);
        }
        return out;
    }
}
