package org.cloak.deid.script.dicomedit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.dicomedit.Token.Kind;

/**
 * Splits a DicomEdit script into tokens (DicomEdit 6's DE6Lexer.g4, which DicomEdit 4 scripts
 * also fit): tags {@code (gggg,eeee)} and {@code (gggg,{CREATOR}ee)} with hex digits or the
 * wildcards X, @ and #; strings with backslash escapes; numbers; names; operators. Comments
 * run from {@code //} to the end of the line.
 */
final class Lexer {
    private static final Pattern TAG = Pattern.compile(
            "\\(\\s*([0-9A-Fa-fXx@#]{4})\\s*,\\s*([0-9A-Fa-fXx@#]{4}|\\{[^}\\n]*\\}\\s*[0-9A-Fa-fXx@#]{2})\\s*\\)");

    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    static List<Token> tokens(String file, String src) throws ScriptException {
        return new Lexer(file, src).all();
    }

    private List<Token> all() throws ScriptException {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            out.add(t);
            if (t.is(Kind.EOF)) {
                return out;
            }
        }
    }

    private Token next() throws ScriptException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else if (c == '\\' && continuation(pos + 1) > 0) {
                pos = continuation(pos + 1);
                line++;
                lineStart = pos;
            } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int col = pos - lineStart + 1;
        if (pos >= src.length()) {
            return new Token(Kind.EOF, "", line, col);
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            Token t = new Token(Kind.NEWLINE, "\n", line, col);
            pos++;
            line++;
            lineStart = pos;
            return t;
        }
        if (c == '"') {
            return string(col);
        }
        if (c == '(') {
            Matcher m = TAG.matcher(src).region(pos, src.length());
            if (m.lookingAt()) {
                pos = m.end();
                return new Token(Kind.TAG, m.group(1) + "," + m.group(2).replaceAll("\\}\\s+", "}"), line, col);
            }
            if (looksLikeTag()) {
                throw error(col, "tag " + tagText(), "not a tag: a tag is (gggg,eeee) with four hex digits (or X, @, #)"
                        + " in each half, or (gggg,{CREATOR}ee)");
            }
        }
        if (Character.isDigit(c) || c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
            int start = pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Kind.NUMBER, src.substring(start, pos), line, col);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos++;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.ID, src.substring(start, pos), line, col);
        }
        return operator(c, col);
    }

    /** Where the next line starts when only spaces and a line end follow {@code from}; else 0. */
    private int continuation(int from) {
        int i = from;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t' || src.charAt(i) == '\r')) {
            i++;
        }
        return i < src.length() && src.charAt(i) == '\n' ? i + 1 : 0;
    }

    private boolean looksLikeTag() {
        int end = Math.min(src.length(), pos + 40);
        String s = src.substring(pos, end);
        return s.matches("(?s)\\(\\s*[0-9A-Fa-fXx@#]{1,8}\\s*,.*");
    }

    private String tagText() {
        int close = src.indexOf(')', pos);
        int nl = src.indexOf('\n', pos);
        int end = close < 0 || (nl >= 0 && nl < close) ? (nl < 0 ? src.length() : nl) : close + 1;
        return src.substring(pos, Math.min(end, pos + 40)).trim();
    }

    private Token operator(char c, int col) throws ScriptException {
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        Kind k;
        int len = 1;
        switch (c) {
            case ':' -> {
                k = n == '=' ? Kind.ASSIGN : Kind.COLON;
                len = n == '=' ? 2 : 1;
            }
            case '?' -> {
                k = n == '=' ? Kind.ASSIGN_IF_EXISTS : Kind.QUESTION;
                len = n == '=' ? 2 : 1;
            }
            case '!' -> {
                if (n != '=' && n != '~') {
                    throw error(col, "operator !", "'!' must be followed by '=' or '~'");
                }
                k = n == '=' ? Kind.NOT_EQUALS : Kind.NOT_MATCHES;
                len = 2;
            }
            case '=' -> k = Kind.EQUALS;
            case '~' -> k = Kind.MATCHES;
            case '-' -> k = Kind.MINUS;
            case ',' -> k = Kind.COMMA;
            case '/' -> k = Kind.SLASH;
            case '(' -> k = Kind.LPAREN;
            case ')' -> k = Kind.RPAREN;
            case '[' -> k = Kind.LBRACKET;
            case ']' -> k = Kind.RBRACKET;
            case '{' -> k = Kind.LBRACE;
            case '}' -> k = Kind.RBRACE;
            case '*' -> k = Kind.STAR;
            case '+' -> k = Kind.PLUS;
            case '.' -> k = Kind.DOT;
            case '%' -> k = Kind.PERCENT;
            default -> throw error(col, "character '" + c + "'", "not part of the DicomEdit language here");
        }
        String text = src.substring(pos, pos + len);
        pos += len;
        return new Token(k, text, line, col);
    }

    private Token string(int col) throws ScriptException {
        int startLine = line;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new ScriptException(file, startLine, col, "string", "unterminated string: no closing '\"'");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return new Token(Kind.STRING, sb.toString(), startLine, col);
            }
            if (c == '\n') {
                line++;
                lineStart = pos;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new ScriptException(file, startLine, col, "string", "unterminated string: no closing '\"'");
            }
            if (continuation(pos) > 0) { // a backslash ending a line continues the string on the next one
                pos = continuation(pos);
                line++;
                lineStart = pos;
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                default -> {
                    if (e >= '0' && e <= '7' && pos + 1 < src.length()) {
                        sb.append((char) Integer.parseInt(src.substring(pos - 1, pos + 2), 8));
                        pos += 2;
                    } else {
                        sb.append(e); // \\ \" \( \) and, as DicomEdit's lexer passes them, any other
                    }
                }
            }
        }
    }

    private ScriptException error(int col, String construct, String detail) {
        return new ScriptException(file, line, col, construct, detail);
    }
}
