package org.cloak.deid.script.ctp;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.path.Scope;
import org.cloak.deid.script.ScriptException;

/**
 * CTP's DicomFilter expression language (DicomObject.matches): operands
 * {@code ElementName.method("text")} or {@code true.}/{@code false.}, {@code !} (not), {@code *}
 * (and), {@code +} (or) in that order of precedence, parentheses, and {@code //} comments. An
 * element is read as CTP reads it (its whole value, "" when absent; {@code A::B} through the
 * first items). Where CTP logs a parse error and lets nothing through, Cloak refuses the script
 * when it is loaded.
 */
final class Filter {
    private static final Set<String> METHODS = Set.of("equals", "equalsIgnoreCase", "matches", "contains",
            "containsIgnoreCase", "startsWith", "startsWithIgnoreCase", "endsWith", "endsWithIgnoreCase",
            "isLessThan", "isGreaterThan");

    /** A parsed expression. */
    sealed interface Node permits Const, Check, Not, And, Or {}

    record Const(boolean value) implements Node {}

    record Check(Ref element, String method, String text, Pattern pattern) implements Node {}

    record Not(Node of) implements Node {}

    record And(Node left, Node right) implements Node {}

    record Or(Node left, Node right) implements Node {}

    private final String file;
    private final Located src;
    private final String s;
    private final ElementNames names;
    private int i;

    private Filter(String file, String text) {
        this.file = file;
        this.src = positions(text);
        this.s = text;
        this.names = new ElementNames(file);
    }

    private static Located positions(String text) {
        int[] ls = new int[text.length() + 1];
        int[] cs = new int[text.length() + 1];
        int line = 1;
        int col = 1;
        for (int k = 0; k <= text.length(); k++) {
            ls[k] = line;
            cs[k] = col;
            if (k < text.length() && text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Located(text, ls, cs);
    }

    /** The condition a DicomFilter script is: true for the objects that pass it. */
    static Condition compile(String file, String text) throws ScriptException {
        Filter f = new Filter(file, text);
        Node n = f.expression();
        f.skip();
        if (f.i < f.s.length()) {
            throw f.error(f.i, "character '" + f.s.charAt(f.i) + "'", "an operator (+ or *) or the end was expected");
        }
        return Places.test("ctp DicomFilter " + file, scope -> eval(n, scope));
    }

    static boolean eval(Node n, Scope scope) {
        if (n instanceof Const c) {
            return c.value();
        }
        if (n instanceof Not no) {
            return !eval(no.of(), scope);
        }
        if (n instanceof And a) {
            boolean l = eval(a.left(), scope);
            return eval(a.right(), scope) && l;
        }
        if (n instanceof Or o) {
            boolean l = eval(o.left(), scope);
            return eval(o.right(), scope) || l;
        }
        Check t = (Check) n;
        String e = t.element().contents(scope, null);
        String m = t.text();
        String el = e.toLowerCase(Locale.ROOT);
        String ml = m.toLowerCase(Locale.ROOT);
        return switch (t.method()) {
            case "equals" -> e.equals(m);
            case "equalsIgnoreCase" -> e.equalsIgnoreCase(m);
            case "matches" -> t.pattern().matcher(e).matches();
            case "contains" -> e.contains(m);
            case "containsIgnoreCase" -> el.contains(ml);
            case "startsWith" -> e.startsWith(m);
            case "startsWithIgnoreCase" -> el.startsWith(ml);
            case "endsWith" -> e.endsWith(m);
            case "endsWithIgnoreCase" -> el.endsWith(ml);
            default -> compare(el, ml, t.method().equals("isLessThan"));
        };
    }

    private static boolean compare(String e, String m, boolean less) {
        try {
            double d1 = Double.parseDouble(e.replaceAll("[^0-9\\.]", ""));
            double d2 = Double.parseDouble(m.replaceAll("[^0-9\\.]", ""));
            return less ? d1 < d2 : d1 > d2;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private ScriptException error(int at, String construct, String detail) {
        return new ScriptException(file, src.lineAt(at), src.columnAt(at), construct, detail);
    }

    private void skip() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        skip();
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** or-expression: and-expressions joined by '+'. */
    private Node expression() throws ScriptException {
        Node left = term();
        while (peek() == '+') {
            i++;
            left = new Or(left, term());
        }
        return left;
    }

    private Node term() throws ScriptException {
        Node left = factor();
        while (peek() == '*') {
            i++;
            left = new And(left, factor());
        }
        return left;
    }

    private Node factor() throws ScriptException {
        char c = peek();
        if (c == '!') {
            i++;
            return new Not(factor());
        }
        if (c == '(') {
            int open = i++;
            Node n = expression();
            if (peek() != ')') {
                throw error(open, "'('", "is never closed");
            }
            i++;
            return n;
        }
        if (c == '[' || Character.isLetter(c)) {
            return operand();
        }
        throw error(i, c == 0 ? "end of the script" : "character '" + c + "'",
                "an operand ElementName.method(\"text\"), '(' or '!' was expected");
    }

    /** CTP's getField: characters up to the delimiter outside double quotes. */
    private String field(char delim, int start, String what) throws ScriptException {
        StringBuilder f = new StringBuilder();
        boolean inQuote = false;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                inQuote = !inQuote;
            }
            if (!inQuote && c == delim) {
                return f.toString();
            }
            f.append(c);
        }
        throw error(start, what, "'" + delim + "' is missing");
    }

    private Node operand() throws ScriptException {
        int start = i;
        String id = field('.', start, "operand").trim();
        if (id.equals("true") || id.equals("false")) {
            return new Const(id.equals("true"));
        }
        int methodAt = i;
        String method = field('(', start, "operand " + id).trim();
        if (!METHODS.contains(method)) {
            throw error(methodAt, "method " + method, "unknown method; DicomFilter has " + String.join(", ",
                    new java.util.TreeSet<>(METHODS)));
        }
        int textAt = i;
        String match = field(')', start, "operand " + id + "." + method).trim();
        if (match.length() < 2 || match.charAt(0) != '"' || match.charAt(match.length() - 1) != '"') {
            throw error(textAt, "operand " + id + "." + method, "the text compared with is written in double quotes");
        }
        String text = match.substring(1, match.length() - 1);
        Pattern p = null;
        if (method.equals("matches")) {
            try {
                p = Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw error(textAt, "regular expression", "not a regular expression: " + e.getDescription());
            }
        }
        Ref ref = names.ref(new Expr.Arg(id, src.lineAt(start), src.columnAt(start)));
        if (ref.isThis()) {
            throw error(start, "operand " + id, "a DicomFilter operand names an element");
        }
        return new Check(ref, method, text, p);
    }
}
