package org.cloak.deid.script.dicomedit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Outcome;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Create;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.ExprCondition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.StageBuilder;
import org.cloak.dicom.dict.Tag;

/**
 * Compiles parsed DicomEdit statements into rules, in script order (the last matching rule
 * wins, as the last statement that touches an attribute decides it in DicomEdit). A statement
 * inside {@code if}/ternary branches carries its branch's condition; variables become the
 * expressions they were given, chosen by condition where a branch assigns them.
 */
final class Compiler {
    private final String file;
    private final ScriptInputs inputs;
    private final Paths paths;
    private final StageBuilder stages = new StageBuilder();
    private final Map<String, Binding> vars = new HashMap<>();
    private final List<Rule> log = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> deviations = new LinkedHashSet<>();
    private final ValueFunctions functions;
    private int splits;
    private int line;

    /** A variable's value: an expression (or a list), what it reads, and where it was bound. */
    private record Binding(ValueExpr value, Ast.ListV list, Set<ElementKey> reads, int logSize, int splits) {}

    /** A variable used by the statement being compiled, checked once the statement's pass is known. */
    private record Use(Ast.Var at, Binding binding) {}

    private final List<Use> uses = new ArrayList<>();

    /** A condition with what it reads. */
    record Cond(Condition condition, Set<ElementKey> reads) {
        static final Cond ALWAYS = new Cond(Condition.ALWAYS, Set.of());

        Cond and(Cond other) {
            if (this == ALWAYS) {
                return other;
            }
            Set<ElementKey> r = new LinkedHashSet<>(reads);
            r.addAll(other.reads);
            return new Cond(Condition.all(condition, other.condition), r);
        }

        Cond not() { return new Cond(Condition.not(condition), reads); }
    }

    Compiler(String file, ScriptInputs inputs, boolean dicomEdit4) {
        this.file = file;
        this.inputs = inputs;
        this.paths = new Paths(file, dicomEdit4);
        this.functions = new ValueFunctions(this, inputs);
    }

    CompiledScript compile(List<Ast.Stmt> script) throws ScriptException {
        for (Ast.Stmt s : script) {
            statement(s, Cond.ALWAYS);
        }
        return new CompiledScript(file, ScriptFormat.DICOMEDIT, stages.build(), List.copyOf(warnings),
                List.copyOf(deviations));
    }

    String file() { return file; }

    Paths paths() { return paths; }

    void warn(String w) { warnings.add(w); }

    void deviation(String d) { deviations.add(d); }

    private void statement(Ast.Stmt s, Cond cond) throws ScriptException {
        line = s.line();
        if (s instanceof Ast.Echo e) {
            if (e.value() != null) {
                expr(e.value(), new LinkedHashSet<>()); // checked, not shown: a library never prints
            }
        } else if (s instanceof Ast.RemoveAllPrivate) {
            rule(new Selector.AllPrivate(), new Remove(), cond, Set.of(), false);
        } else if (s instanceof Ast.Delete d) {
            if (Paths.metaOrCommand(d.target())) {
                metaIgnored();
                return;
            }
            rule(paths.selector(d.target(), false), new Remove(), cond, Set.of(), false);
        } else if (s instanceof Ast.Assign a) {
            assign(a, cond);
        } else if (s instanceof Ast.Init in) {
            init(in, cond);
        } else if (s instanceof Ast.CallStmt c) {
            functions.statement(c.fn(), cond);
        } else if (s instanceof Ast.Ternary t) {
            ternary(t, cond);
        } else if (s instanceof Ast.If f) {
            ifStatement(f, cond);
        }
        // version, describe and export only describe the script
    }

    private void ternary(Ast.Ternary t, Cond cond) throws ScriptException {
        Cond c = condition(t.cond());
        checkReads(c.reads());
        int splitsBefore = splits;
        int logBefore = log.size();
        statement(t.then(), cond.and(c));
        if (t.otherwise() != null) {
            statement(t.otherwise(), cond.and(c.not()));
        }
        if (splits > splitsBefore && writtenSince(logBefore, c.reads())) {
            throw new ScriptException(file, t.line(), 1, "conditional statement",
                    "its first action changes what the condition reads and the second reads a changed"
                            + " attribute: Cloak cannot run this order of statements exactly");
        }
    }

    private void ifStatement(Ast.If f, Cond outer) throws ScriptException {
        Cond none = Cond.ALWAYS;
        List<Cond> tested = new ArrayList<>();
        for (Ast.Branch b : f.branches()) {
            Cond c = condition(b.cond());
            tested.add(c);
        }
        for (Cond c : tested) {
            checkReads(c.reads());
        }
        int splitsBefore = splits;
        int logBefore = log.size();
        for (int k = 0; k < f.branches().size(); k++) {
            Cond branch = none.and(tested.get(k));
            for (Ast.Stmt s : f.branches().get(k).body()) {
                statement(s, outer.and(branch));
            }
            none = none.and(tested.get(k).not());
        }
        for (Ast.Stmt s : f.otherwise()) {
            statement(s, outer.and(none));
        }
        if (splits > splitsBefore) {
            for (Cond c : tested) {
                if (writtenSince(logBefore, c.reads())) {
                    throw new ScriptException(file, f.line(), 1, "if",
                            "a branch changes an attribute its condition reads and a later statement of the block"
                                    + " reads a changed attribute: Cloak cannot run this order of statements exactly");
                }
            }
        }
    }

    private void assign(Ast.Assign a, Cond cond) throws ScriptException {
        if (Paths.metaOrCommand(a.target())) {
            metaIgnored();
            return;
        }
        Set<ElementKey> reads = new LinkedHashSet<>();
        ValueExpr v = expr(a.value(), reads);
        Selector target = paths.selector(a.target(), false);
        boolean create = !a.ifExists() && Paths.concrete(a.target());
        rule(target, create ? new Create(v) : new Derive(v), cond, reads, false);
    }

    private void init(Ast.Init in, Cond cond) throws ScriptException {
        if (inputs.variables().containsKey(in.name())) {
            return; // a value given by XNAT or the command line wins over the script's default
        }
        Binding old = vars.get(in.name());
        if (in.value() instanceof Ast.ListV list) {
            vars.put(in.name(), new Binding(null, list, Set.of(), log.size(), splits));
            return;
        }
        if (in.value() instanceof Ast.Fn f && f.name().equals("collectValues")) {
            vars.put(in.name(), new Binding(null, new Ast.ListV(f.args(), f.line(), f.col()), Set.of(), log.size(),
                    splits));
            return;
        }
        Set<ElementKey> reads = new LinkedHashSet<>();
        ValueExpr v = expr(in.value(), reads);
        checkReads(reads);
        Set<ElementKey> all = new LinkedHashSet<>(reads);
        all.addAll(cond.reads());
        if (cond != Cond.ALWAYS) {
            ValueExpr before = old == null || old.value() == null ? new ValueExpr.Literal("") : old.value();
            if (old != null) {
                all.addAll(old.reads());
            }
            Condition c = cond.condition();
            v = new ValueExpr.Call("if", List.of(v, before), (vals, ctx) -> c.test(ctx.scope()) ? vals.get(0)
                    : vals.get(1));
        }
        vars.put(in.name(), new Binding(v, null, all, log.size(), splits));
    }

    /**
     * Adds a rule, starting a new pass first when it reads what the current pass writes. The
     * condition's reads were checked where the condition stands (its if or ternary statement).
     */
    void rule(Selector s, Action a, Cond cond, Set<ElementKey> reads, boolean readsItself) throws ScriptException {
        if (needsSplit(reads) || readsItself && stages.overlaps(s)) {
            split();
        }
        checkUses();
        Rule r = new Rule(s, cond.condition(), a, origin());
        stages.add(r);
        log.add(r);
    }

    /** Adds a gate (reject, a pixel rule), in a new pass when its condition reads what this pass writes. */
    void gate(Cond cond, Outcome.Reason reason, String message) throws ScriptException {
        checkUses();
        stages.gate(new DeidConfig.Gate(cond.condition(), reason, message));
    }

    /** Starts a new pass (retainPrivateTags keeps what earlier statements left, so it starts one). */
    void split() {
        if (!stages.isEmpty()) {
            stages.split();
            splits++;
        }
    }

    boolean stageEmpty() { return stages.isEmpty(); }

    private void checkReads(Set<ElementKey> reads) throws ScriptException {
        if (needsSplit(reads)) {
            split();
        }
        checkUses();
    }

    /**
     * A variable holds its attribute's value from where it was assigned: still right in the pass
     * it was assigned in, and in a later pass unless a statement in between changed the attribute.
     */
    private void checkUses() throws ScriptException {
        for (Use u : uses) {
            Binding b = u.binding();
            if (splits > b.splits() && writtenSince(b.logSize(), b.reads())) {
                uses.clear();
                throw new ScriptException(file, u.at().line(), u.at().col(), "variable " + u.at().name(),
                        "it holds an attribute's value that statements between its assignment and this use change,"
                                + " and the script must be run in several passes here: Cloak cannot keep the earlier"
                                + " value");
            }
        }
        uses.clear();
    }

    private boolean needsSplit(Set<ElementKey> reads) {
        for (ElementKey k : reads) {
            if (stages.writes(k)) {
                return true;
            }
        }
        return false;
    }

    private boolean writtenSince(int from, Set<ElementKey> reads) {
        for (int k = from; k < log.size(); k++) {
            for (ElementKey key : reads) {
                int tag = key.creator() == null ? key.tag()
                        : org.cloak.dicom.dict.Tags.of(key.tag() >>> 16, 0x1000 | (key.tag() & 0xFF));
                if (log.get(k).selector().matches(tag, key.creator())) {
                    return true;
                }
            }
        }
        return false;
    }

    String origin() { return file + " line " + line; }

    int line() { return line; }

    private void metaIgnored() {
        deviation("statements on groups 0002 and 0000 are skipped: the file meta is written anew from the data set"
                + " (its Media Storage SOP Instance UID is the new SOP Instance UID)");
    }

    Cond condition(Ast.Cond c) throws ScriptException {
        Set<ElementKey> reads = new LinkedHashSet<>();
        functions.inCondition(true);
        try {
            if (c instanceof Ast.BoolFn b) {
                return new Cond(ExprCondition.of(expr(b.fn(), reads), ExprCondition.Kind.TRUE, null), reads);
            }
            Ast.Compare cmp = (Ast.Compare) c;
            ValueExpr left = expr(cmp.left(), reads);
            ValueExpr right = expr(cmp.right(), reads);
            ExprCondition.Kind kind = switch (cmp.op()) {
                case "=" -> ExprCondition.Kind.EQUALS;
                case "!=" -> ExprCondition.Kind.NOT_EQUALS;
                case "~" -> ExprCondition.Kind.MATCHES;
                default -> ExprCondition.Kind.NOT_MATCHES;
            };
            try {
                return new Cond(ExprCondition.of(left, kind, right), reads);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ScriptException(file, cmp.right().line(), cmp.right().col(), "regular expression",
                        "not a regular expression: " + e.getDescription());
            }
        } finally {
            functions.inCondition(false);
        }
    }

    /** The expression of a value, adding what it reads to {@code reads}. */
    ValueExpr expr(Ast.Node n, Set<ElementKey> reads) throws ScriptException {
        if (n instanceof Ast.Str s) {
            return new ValueExpr.Literal(s.text());
        }
        if (n instanceof Ast.Num num) {
            return new ValueExpr.Literal(num.text());
        }
        if (n instanceof Ast.Path p) {
            if (Paths.metaOrCommand(p)) {
                return metaRead(p, reads);
            }
            reads.addAll(paths.keys(p));
            return new ValueExpr.Read(paths.ref(p));
        }
        if (n instanceof Ast.Var v) {
            return variable(v, reads);
        }
        if (n instanceof Ast.Fn f) {
            return functions.value(f, reads);
        }
        throw new ScriptException(file, n.line(), n.col(), "list", "a list is not a single value here");
    }

    /** Reads of (0002,0003) and (0002,0002) are the data set's SOP Instance and Class UIDs. */
    private ValueExpr metaRead(Ast.Path p, Set<ElementKey> reads) throws ScriptException {
        Ast.TagStep t = (Ast.TagStep) p.steps().get(0);
        String tag = (t.group() + t.element()).toUpperCase(java.util.Locale.ROOT);
        if (tag.startsWith("0000")) {
            deviation("command elements (0000,eeee) are never in a stored data set: reading one gives no value");
            return new ValueExpr.Call("command element", List.of(), (v, ctx) -> null);
        }
        int in = switch (tag) {
            case "00020003" -> Tag.SOPInstanceUID;
            case "00020002" -> Tag.SOPClassUID;
            default -> throw new ScriptException(file, p.line(), p.col(), "tag path " + p.text(),
                    "the file meta is not part of the data set; only (0002,0002) and (0002,0003) can be read");
        };
        deviation("(0002,0003) and (0002,0002) are read from SOP Instance UID and SOP Class UID, which they copy");
        ElementKey key = ElementKey.of(in);
        reads.add(key);
        return new ValueExpr.Read(new org.cloak.deid.rule.path.AttributeRef(false, List.of(), key));
    }

    private ValueExpr variable(Ast.Var v, Set<ElementKey> reads) throws ScriptException {
        String given = inputs.variables().get(v.name());
        if (given != null) {
            return new ValueExpr.Literal(given);
        }
        Binding b = vars.get(v.name());
        if (b == null) {
            String hint = List.of("project", "subject", "session").contains(v.name())
                    ? " (XNAT gives it; here use --var " + v.name() + "=VALUE)" : "";
            throw new ScriptException(file, v.line(), v.col(), "variable " + v.name(), "not defined" + hint);
        }
        if (b.value() == null) {
            throw new ScriptException(file, v.line(), v.col(), "variable " + v.name(), "holds a list, not a value");
        }
        uses.add(new Use(v, b));
        return b.value();
    }

    /** The tag paths an argument names: a path, a string holding one, a list or a variable holding those. */
    List<Ast.Path> pathsOf(Ast.Node n) throws ScriptException {
        List<Ast.Path> out = new ArrayList<>();
        if (n instanceof Ast.Path p) {
            out.add(p);
        } else if (n instanceof Ast.Str s) {
            out.add(Parser.pathIn(file, s));
        } else if (n instanceof Ast.ListV l) {
            for (Ast.Node item : l.items()) {
                out.addAll(pathsOf(item));
            }
        } else if (n instanceof Ast.Var v) {
            Binding b = vars.get(v.name());
            if (b != null && b.list() != null) {
                out.addAll(pathsOf(b.list()));
            } else if (b != null && b.value() instanceof ValueExpr.Literal lit) {
                out.add(Parser.pathIn(file, new Ast.Str(lit.text(), v.line(), v.col())));
            } else {
                throw new ScriptException(file, v.line(), v.col(), "variable " + v.name(),
                        b == null ? "not defined" : "does not hold tag paths");
            }
        } else if (n instanceof Ast.Fn f && f.name().equals("collectValues")) {
            for (Ast.Node a : f.args()) {
                out.addAll(pathsOf(a));
            }
        } else {
            throw new ScriptException(file, n.line(), n.col(), "argument", "expected tag paths");
        }
        return out;
    }

    /** Keeps, for retainPrivateTags: listed private attributes after a rule removing all others. */
    void retain(List<Ast.Path> keep, Cond cond) throws ScriptException {
        split();
        rule(new Selector.AllPrivate(), new Remove(), cond, Set.of(), false);
        for (Ast.Path p : keep) {
            stages.add(new Rule(paths.selector(p, true), cond.condition(), new Keep(), origin()));
        }
    }

    /** Empties each listed attribute, for blankValues. */
    void blank(List<Ast.Path> targets, Cond cond) throws ScriptException {
        for (Ast.Path p : targets) {
            rule(paths.selector(p, true), new Empty(), cond, Set.of(), false);
        }
    }
}
