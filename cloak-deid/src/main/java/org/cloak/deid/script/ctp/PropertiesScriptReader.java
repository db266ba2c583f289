package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.script.ScriptException;

/**
 * Reads the properties form of a DicomAnonymizer script ({@code set.[00100010]PatientName=...},
 * {@code param.NAME=...}, {@code keep.group0018=}, {@code remove.privategroups=}) with the rules
 * of {@link java.util.Properties#load(java.io.Reader)}, which CTP uses: {@code #} and {@code !}
 * start comments (so a disabled line is a comment), a backslash escapes or continues a line, and
 * the key ends at the first unescaped {@code =}, {@code :} or white space.
 */
final class PropertiesScriptReader {
    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int col = 1;

    private PropertiesScriptReader(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static List<Entry> read(String file, String text) throws ScriptException {
        return new PropertiesScriptReader(file, text).entries();
    }

    private List<Entry> entries() throws ScriptException {
        List<Entry> out = new ArrayList<>();
        while (pos < text.length()) {
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                advance();
                continue;
            }
            if (c == '#' || c == '!') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    advance();
                }
                continue;
            }
            Located key = logical(true);
            skipBlanks();
            if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == ':')) {
                advance();
                skipBlanks();
            }
            Located value = logical(false);
            out.add(entry(key, value));
        }
        return out;
    }

    private Entry entry(Located key, Located value) throws ScriptException {
        String k = key.text();
        if (k.startsWith("param.")) {
            return new Entry(Entry.Kind.PARAM, true, key.sub(6, k.length()), "", value);
        }
        if (k.startsWith("set.[")) {
            int close = closing(k, 4);
            if (close < 0) {
                throw new ScriptException(file, key.lineAt(4), key.columnAt(4), "key " + k,
                        "the '[' of the element's tag is never closed");
            }
            return new Entry(Entry.Kind.ELEMENT, true, key.sub(5, close), k.substring(close + 1).trim(),
                    value.trim());
        }
        if (k.startsWith("keep.group")) {
            return new Entry(Entry.Kind.KEEP, true, key.sub(10, k.length()), "", value);
        }
        if (k.equals("keep.safeprivateelements")) {
            return new Entry(Entry.Kind.KEEP, true, key.sub(5, k.length()), "", value);
        }
        if (k.startsWith("remove.")) {
            return new Entry(Entry.Kind.REMOVE, true, key.sub(7, k.length()), "", value);
        }
        throw new ScriptException(file, key.lineAt(0), key.columnAt(0), "key " + k,
                "not a DicomAnonymizer key: keys are param.NAME, set.[TAG]NAME, keep.groupGGGG,"
                        + " keep.safeprivateelements and remove.privategroups|unspecifiedelements|curves|overlays");
    }

    /** CTP's findClosingBracket: the ']' that balances the '[' at {@code start}. */
    private static int closing(String s, int start) {
        int count = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                count++;
            } else if (c == ']') {
                count--;
            }
            if (count == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A key (up to an unescaped separator) or a value (to the end of the logical line), unescaped. */
    private Located logical(boolean key) {
        StringBuilder sb = new StringBuilder();
        List<int[]> at = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (key && (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f')) {
                break;
            }
            int l = line;
            int cl = col;
            if (c != '\\') {
                sb.append(c);
                at.add(new int[] {l, cl});
                advance();
                continue;
            }
            advance();
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos);
            if (e == '\n' || e == '\r') { // a continued line: its leading white space is dropped
                advance();
                if (e == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    advance();
                }
                skipBlanks();
                continue;
            }
            advance();
            char decoded = switch (e) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'f' -> '\f';
                case 'u' -> unicode();
                default -> e;
            };
            sb.append(decoded);
            at.add(new int[] {l, cl});
        }
        int[] ls = new int[at.size() + 1];
        int[] cs = new int[at.size() + 1];
        for (int i = 0; i < at.size(); i++) {
            ls[i] = at.get(i)[0];
            cs[i] = at.get(i)[1];
        }
        ls[at.size()] = line;
        cs[at.size()] = col;
        return new Located(sb.toString(), ls, cs);
    }

    private char unicode() {
        int v = 0;
        for (int i = 0; i < 4 && pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0; i++) {
            v = v * 16 + Character.digit(text.charAt(pos), 16);
            advance();
        }
        return (char) v;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\f')) {
            advance();
        }
    }

    private void advance() {
        char c = text.charAt(pos++);
        if (c == '\n' || c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n')) {
            line++;
            col = 1;
        } else if (c != '\r') {
            col++;
        }
    }
}
