package org.cloak.deid.script.dicomedit;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.dicomedit.Ast.Node;
import org.cloak.deid.script.dicomedit.Ast.Stmt;
import org.cloak.deid.script.dicomedit.Token.Kind;

/**
 * Reads DicomEdit statements (DicomEdit 6's DE6Parser.g4; with {@code dicomEdit4}, also the
 * DicomEdit 4 form {@code condition : action}). Statements end at a line end; lists and
 * argument lists may span lines.
 */
final class Parser {
    private final String file;
    private final List<Token> tokens;
    private final boolean dicomEdit4;
    private int i;

    private Parser(String file, List<Token> tokens, boolean dicomEdit4) {
        this.file = file;
        this.tokens = tokens;
        this.dicomEdit4 = dicomEdit4;
    }

    static List<Stmt> parse(String file, List<Token> tokens, boolean dicomEdit4) throws ScriptException {
        Parser p = new Parser(file, tokens, dicomEdit4);
        List<Stmt> out = p.statements(false);
        if (!p.peek().is(Kind.EOF)) {
            throw p.error(p.peek(), "unexpected '" + p.peek().text() + "'");
        }
        return out;
    }

    private List<Stmt> statements(boolean inBlock) throws ScriptException {
        List<Stmt> out = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.is(Kind.EOF) || inBlock && t.is(Kind.RBRACE)) {
                return out;
            }
            if (t.is(Kind.RBRACE)) {
                throw error(t, "'}' without a matching '{'");
            }
            out.add(statement());
            Token end = peek();
            if (!end.is(Kind.NEWLINE) && !end.is(Kind.EOF) && !(inBlock && end.is(Kind.RBRACE))) {
                throw error(end, "expected the end of the statement, found '" + end.text() + "'");
            }
        }
    }

    private Stmt statement() throws ScriptException {
        Token t = peek();
        if (t.isWord("version")) {
            next();
            Token v = expect(Kind.STRING, "a version string such as \"6.1\"");
            return new Ast.Version(v.text(), t.line(), v.column());
        }
        if (t.isWord("describe")) {
            next();
            Token name = expect(Kind.ID, "a variable name");
            Token what = next();
            if (!what.is(Kind.STRING) && !what.isWord("hidden") && !what.isWord("const") && !what.isWord("immutable")) {
                throw error(what, "describe takes a variable and a label, hidden, const or immutable");
            }
            return new Ast.Describe(name.text(), t.line());
        }
        if (t.isWord("export")) {
            next();
            Token name = expect(Kind.ID, "a variable name");
            expect(Kind.STRING, "the export field");
            return new Ast.Export(name.text(), t.line());
        }
        if (t.isWord("echo")) {
            next();
            Node v = peek().is(Kind.NEWLINE) || peek().is(Kind.EOF) ? null : value();
            return new Ast.Echo(v, t.line());
        }
        if (t.isWord("if")) {
            return ifStatement();
        }
        if (t.isWord("removeAllPrivateTags") && !peekAt(1).is(Kind.LBRACKET)) {
            next();
            return new Ast.RemoveAllPrivate(t.line());
        }
        if (t.isWord("elseif") || t.isWord("else")) {
            throw error(t, "'" + t.text() + "' without an 'if'");
        }
        return action(true);
    }

    /** An action, or with {@code allowCondition}, a conditional statement. */
    private Stmt action(boolean allowCondition) throws ScriptException {
        Token t = peek();
        if (t.is(Kind.MINUS)) {
            next();
            return new Ast.Delete(path("a tag path to delete"), t.line());
        }
        if (t.isWord("echo")) {
            next();
            Node v = atEndOfAction() ? null : value();
            return new Ast.Echo(v, t.line());
        }
        if (t.isWord("removeAllPrivateTags") && !peekAt(1).is(Kind.LBRACKET)) {
            next();
            return new Ast.RemoveAllPrivate(t.line());
        }
        Node left = value();
        Token op = peek();
        if (op.is(Kind.ASSIGN) || op.is(Kind.ASSIGN_IF_EXISTS)) {
            next();
            Node right = value();
            if (left instanceof Ast.Path p) {
                return new Ast.Assign(p, right, op.is(Kind.ASSIGN_IF_EXISTS), t.line());
            }
            if (left instanceof Ast.Var v && op.is(Kind.ASSIGN)) {
                return new Ast.Init(v.name(), right, t.line(), t.column());
            }
            throw error(t, "only a tag path or a variable can be assigned");
        }
        if (allowCondition && (isCompare(op) || op.is(Kind.QUESTION) || dicomEdit4 && op.is(Kind.COLON))) {
            Ast.Cond cond;
            if (isCompare(op)) {
                next();
                cond = new Ast.Compare(left, op.text(), value());
            } else {
                cond = boolFn(left, t);
            }
            Token q = next();
            if (!q.is(Kind.QUESTION) && !(dicomEdit4 && q.is(Kind.COLON))) {
                throw error(q, "expected '?' after the condition" + (dicomEdit4 ? " (or ':')" : ""));
            }
            skipNewlines();
            Stmt then = action(false);
            Stmt otherwise = null;
            if (peek().is(Kind.COLON) && q.is(Kind.QUESTION)) {
                next();
                skipNewlines();
                otherwise = action(false);
            }
            return new Ast.Ternary(cond, then, otherwise, t.line());
        }
        if (left instanceof Ast.Fn fn) {
            return new Ast.CallStmt(fn, t.line());
        }
        if (op.is(Kind.NEWLINE) || op.is(Kind.EOF)) {
            throw error(t, "a value on its own is not a statement");
        }
        throw error(op, "expected ':=', '?=' or a condition operator, found '" + op.text() + "'");
    }

    private boolean atEndOfAction() {
        Kind k = peek().kind();
        return k == Kind.NEWLINE || k == Kind.EOF || k == Kind.COLON || k == Kind.RBRACE;
    }

    private Ast.Cond boolFn(Node left, Token at) throws ScriptException {
        if (!(left instanceof Ast.Fn)) {
            throw error(at, "a condition is 'value op value' (=, !=, ~, !~) or a function such as isPresent[...]");
        }
        return new Ast.BoolFn(left);
    }

    private static boolean isCompare(Token t) {
        return t.is(Kind.EQUALS) || t.is(Kind.NOT_EQUALS) || t.is(Kind.MATCHES) || t.is(Kind.NOT_MATCHES);
    }

    private Stmt ifStatement() throws ScriptException {
        Token start = next();
        List<Ast.Branch> branches = new ArrayList<>();
        branches.add(new Ast.Branch(parenCondition(), block()));
        List<Stmt> otherwise = null;
        while (true) {
            int save = i;
            skipNewlines();
            Token t = peek();
            if (t.isWord("elseif")) {
                next();
                branches.add(new Ast.Branch(parenCondition(), block()));
            } else if (t.isWord("else")) {
                next();
                otherwise = block();
                break;
            } else {
                i = save;
                break;
            }
        }
        return new Ast.If(branches, otherwise == null ? List.of() : otherwise, start.line());
    }

    private Ast.Cond parenCondition() throws ScriptException {
        expect(Kind.LPAREN, "'(' before the condition");
        Token t = peek();
        Node left = value();
        Ast.Cond c;
        if (isCompare(peek())) {
            String op = next().text();
            c = new Ast.Compare(left, op, value());
        } else {
            c = boolFn(left, t);
        }
        expect(Kind.RPAREN, "')' after the condition");
        return c;
    }

    private List<Stmt> block() throws ScriptException {
        skipNewlines();
        Token open = expect(Kind.LBRACE, "'{' to open the block");
        List<Stmt> body = statements(true);
        if (!peek().is(Kind.RBRACE)) {
            throw new ScriptException(file, open.line(), open.column(), "block",
                    "unbalanced braces: '{' is never closed");
        }
        next();
        return body;
    }

    private Node value() throws ScriptException {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new Ast.Str(t.text(), t.line(), t.column());
            }
            case NUMBER -> {
                next();
                return new Ast.Num(t.text(), t.line(), t.column());
            }
            case TAG, STAR, PLUS, DOT -> {
                return path("a tag path");
            }
            case LBRACE -> {
                return list();
            }
            case ID -> {
                next();
                if (peek().is(Kind.LBRACKET)) {
                    return new Ast.Fn(t.text(), arguments(), t.line(), t.column());
                }
                return new Ast.Var(t.text(), t.line(), t.column());
            }
            default -> throw error(t, t.is(Kind.NEWLINE) || t.is(Kind.EOF) ? "a value is missing here"
                    : "expected a value (string, number, tag path, variable, function or list), found '"
                    + t.text() + "'");
        }
    }

    private List<Node> arguments() throws ScriptException {
        Token open = expect(Kind.LBRACKET, "'['");
        List<Node> args = new ArrayList<>();
        skipNewlines();
        if (peek().is(Kind.RBRACKET)) {
            next();
            return args;
        }
        while (true) {
            skipNewlines();
            args.add(value());
            skipNewlines();
            Token t = next();
            if (t.is(Kind.RBRACKET)) {
                return args;
            }
            if (!t.is(Kind.COMMA)) {
                throw new ScriptException(file, open.line(), open.column(), "arguments",
                        t.is(Kind.EOF) ? "unbalanced brackets: '[' is never closed"
                                : "expected ',' or ']' in the argument list, found '" + t.text() + "'");
            }
        }
    }

    private Node list() throws ScriptException {
        Token open = next();
        List<Node> items = new ArrayList<>();
        skipNewlines();
        if (peek().is(Kind.RBRACE)) {
            next();
            return new Ast.ListV(items, open.line(), open.column());
        }
        while (true) {
            skipNewlines();
            items.add(value());
            skipNewlines();
            Token t = next();
            if (t.is(Kind.RBRACE)) {
                return new Ast.ListV(items, open.line(), open.column());
            }
            if (!t.is(Kind.COMMA)) {
                throw new ScriptException(file, open.line(), open.column(), "list",
                        t.is(Kind.EOF) ? "unbalanced braces: '{' is never closed"
                                : "expected ',' or '}' in the list, found '" + t.text() + "'");
            }
        }
    }

    /** A tag path: steps joined by '/', a tag step optionally followed by [n] or [%]. */
    private Ast.Path path(String what) throws ScriptException {
        Token first = peek();
        List<Ast.Step> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case STAR, PLUS, DOT -> {
                    steps.add(new Ast.Wild(t.text().charAt(0)));
                    text.append(t.text());
                }
                case TAG -> {
                    int item = Ast.TagStep.NONE;
                    text.append('(').append(t.text()).append(')');
                    if (peek().is(Kind.LBRACKET)) {
                        next();
                        Token n = next();
                        if (n.is(Kind.PERCENT)) {
                            item = Ast.TagStep.ANY;
                        } else if (n.is(Kind.NUMBER) && n.text().matches("\\d+")) {
                            item = Integer.parseInt(n.text());
                        } else {
                            throw error(n, "an item is [n] (from 0) or [%]");
                        }
                        expect(Kind.RBRACKET, "']' after the item");
                        text.append('[').append(n.text()).append(']');
                    }
                    steps.add(tagStep(t, item));
                }
                default -> throw error(t, "expected " + what + ", found '" + t.text() + "'");
            }
            if (!peek().is(Kind.SLASH)) {
                break;
            }
            next();
            text.append('/');
        }
        if (!(steps.get(steps.size() - 1) instanceof Ast.TagStep)) {
            throw error(first, "a tag path ends with a tag");
        }
        return new Ast.Path(steps, text.toString(), first.line(), first.column());
    }

    /** A tag path written as a string, e.g. {@code set["(0020,9222)[0]/(0020,9164)", ...]}. */
    static Ast.Path pathIn(String file, Ast.Str s) throws ScriptException {
        List<Token> ts;
        try {
            ts = Lexer.tokens(file, s.text());
        } catch (ScriptException e) {
            throw new ScriptException(file, s.line(), s.col(), "tag path \"" + s.text() + "\"", e.detail());
        }
        Parser p = new Parser(file, ts, true);
        try {
            Ast.Path path = p.path("a tag path");
            if (!p.peek().is(Kind.EOF)) {
                throw p.error(p.peek(), "unexpected '" + p.peek().text() + "' after the tag path");
            }
            return new Ast.Path(path.steps(), path.text(), s.line(), s.col());
        } catch (ScriptException e) {
            throw new ScriptException(file, s.line(), s.col(), "tag path \"" + s.text() + "\"", e.detail());
        }
    }

    private Ast.TagStep tagStep(Token t, int item) {
        String[] parts = t.text().split(",", 2);
        String el = parts[1];
        if (el.startsWith("{")) {
            int close = el.indexOf('}');
            return new Ast.TagStep(parts[0], el.substring(close + 1), el.substring(1, close), item);
        }
        return new Ast.TagStep(parts[0], el, null, item);
    }

    private void skipNewlines() {
        while (peek().is(Kind.NEWLINE)) {
            i++;
        }
    }

    private Token peek() { return tokens.get(i); }

    private Token peekAt(int ahead) { return tokens.get(Math.min(i + ahead, tokens.size() - 1)); }

    private Token next() {
        Token t = tokens.get(i);
        if (!t.is(Kind.EOF)) {
            i++;
        }
        return t;
    }

    private Token expect(Kind k, String what) throws ScriptException {
        Token t = next();
        if (!t.is(k)) {
            throw error(t, "expected " + what + ", found " + (t.is(Kind.NEWLINE) ? "the end of the line"
                    : t.is(Kind.EOF) ? "the end of the script" : "'" + t.text() + "'"));
        }
        return t;
    }

    ScriptException error(Token t, String detail) {
        String construct = t.is(Kind.EOF) ? "end of script" : t.is(Kind.NEWLINE) ? "end of line"
                : t.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + t.text() + "'";
        return new ScriptException(file, t.line(), t.column(), construct, detail);
    }
}
