package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.script.ScriptException;

/**
 * Parses an element script the way CTP's makeReplacement and FnCall read it: a backslash makes
 * the next character plain text, {@code @} starts a call {@code @name(arg, ...)} whose arguments
 * are split at commas outside double quotes, brackets and parentheses, and {@code @if},
 * {@code @select} and {@code @append} take clauses in braces. Where CTP would silently ignore
 * the rest of a malformed line, this is an error with its position.
 */
final class ValueParser {
    private final String file;
    private final Located src;
    private final String s;

    private ValueParser(String file, Located src) {
        this.file = file;
        this.src = src;
        this.s = src.text();
    }

    static Expr.Seq parse(String file, Located value) throws ScriptException {
        ValueParser p = new ValueParser(file, value);
        return p.seq(0, value.text().length());
    }

    private ScriptException error(int at, String construct, String detail) {
        return new ScriptException(file, src.lineAt(at), src.columnAt(at), construct, detail);
    }

    private Expr.Seq seq(int from, int to) throws ScriptException {
        List<Expr> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 < to) {
                    lit.append(s.charAt(i + 1));
                }
                i += 2;
            } else if (c == '@') {
                if (lit.length() > 0) {
                    parts.add(new Expr.Lit(lit.toString()));
                    lit.setLength(0);
                }
                int[] end = new int[1];
                parts.add(call(i, to, end));
                i = end[0];
            } else {
                lit.append(c);
                i++;
            }
        }
        if (lit.length() > 0) {
            parts.add(new Expr.Lit(lit.toString()));
        }
        return new Expr.Seq(parts);
    }

    /** The call starting at the '@' at {@code at}; {@code end[0]} receives the index after it. */
    private Expr.Call call(int at, int to, int[] end) throws ScriptException {
        int i = at + 1;
        while (i < to && Character.isLetter(s.charAt(i))) {
            i++;
        }
        String name = s.substring(at + 1, i);
        int open = i;
        while (open < to && Character.isWhitespace(s.charAt(open))) {
            open++;
        }
        if (name.isEmpty() || open >= to || s.charAt(open) != '(') {
            String what = name.isEmpty() ? "'@'" : "@" + name;
            throw error(at, what, name.isEmpty()
                    ? "'@' starts a function call @name(...); write \\@ for the character itself"
                    : "unterminated @-call: '(' expected after @" + name);
        }
        List<Expr.Arg> args = new ArrayList<>();
        int k = open;
        while (true) {
            int d = delimiter(k + 1, to, ",)", '(');
            if (d < 0) {
                throw error(at, "@" + name, "unterminated @-call: ')' is missing");
            }
            String raw = s.substring(k + 1, d);
            int lead = k + 1;
            while (lead < d && Character.isWhitespace(s.charAt(lead))) {
                lead++;
            }
            args.add(new Expr.Arg(raw.trim(), src.lineAt(lead), src.columnAt(lead)));
            k = d;
            if (s.charAt(d) == ')') {
                break;
            }
        }
        if (args.size() == 1 && args.get(0).raw().isEmpty()) {
            args.clear(); // @name() has no argument
        }
        int after = k + 1;
        Expr.Seq whenTrue = null;
        Expr.Seq whenFalse = null;
        boolean two = name.equals("if") || name.equals("select");
        if (two || name.equals("append")) {
            int[] clauseEnd = new int[1];
            whenTrue = clause(name, at, after, to, clauseEnd, true);
            after = clauseEnd[0];
            if (two) {
                int next = skipSpace(after, to);
                if (next < to && s.charAt(next) == '{') {
                    whenFalse = clause(name, at, after, to, clauseEnd, false);
                    after = clauseEnd[0];
                } else {
                    whenFalse = new Expr.Seq(List.of());
                }
            }
        }
        end[0] = after;
        return new Expr.Call(name, args, whenTrue, whenFalse, src.lineAt(at), src.columnAt(at));
    }

    private Expr.Seq clause(String name, int at, int from, int to, int[] end, boolean first) throws ScriptException {
        int open = skipSpace(from, to);
        if (open >= to || s.charAt(open) != '{') {
            throw error(at, "@" + name, "@" + name + "(...) must be followed by "
                    + (name.equals("append") ? "a clause {...}" : "{true clause}{false clause}"));
        }
        int close = delimiter(open + 1, to, "}", '{');
        if (close < 0) {
            throw error(open, "@" + name, "the " + (first ? "first" : "second") + " clause's '{' is never closed");
        }
        end[0] = close + 1;
        return seq(open + 1, close);
    }

    private int skipSpace(int i, int to) {
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** CTP's FnCall.getDelimiter: the next delimiter outside quotes and brackets, nested opens counted. */
    private int delimiter(int k, int to, String delims, char open) {
        int openCount = 1;
        int brackets = 0;
        boolean inQuote = false;
        boolean inEscape = false;
        for (; k < to; k++) {
            char c = s.charAt(k);
            if (inEscape) {
                inEscape = false;
            } else if (c == '\\') {
                inEscape = true;
            } else if (inQuote) {
                if (c == '"') {
                    inQuote = false;
                }
            } else if (c == '"') {
                inQuote = true;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == open) {
                openCount++;
            } else if (delims.indexOf(c) >= 0 && brackets == 0) {
                openCount--;
                if (openCount == 0) {
                    return k;
                }
            }
        }
        return -1;
    }
}
