package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.script.ScriptException;

/**
 * Checks every call of an element script when it is loaded, as CTP would only find out (or
 * silently get wrong) while running: known function, argument count, element names, defined
 * parameters, numbers where CTP needs them, regular expressions; and records in the
 * {@link Program} the element references and patterns the interpreter then uses.
 */
final class Checker {
    /** Name → {fewest, most} arguments. */
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("always", new int[] {0, 0}), Map.entry("keep", new int[] {0, 0}),
            Map.entry("remove", new int[] {0, 0}), Map.entry("empty", new int[] {0, 0}),
            Map.entry("blank", new int[] {0, 1}), Map.entry("process", new int[] {0, 0}),
            Map.entry("quarantine", new int[] {0, 0}), Map.entry("skip", new int[] {0, 0}),
            Map.entry("require", new int[] {0, 2}), Map.entry("contents", new int[] {1, 3}),
            Map.entry("value", new int[] {1, 2}), Map.entry("truncate", new int[] {1, 2}),
            Map.entry("param", new int[] {1, 1}), Map.entry("date", new int[] {0, 1}),
            Map.entry("time", new int[] {0, 1}), Map.entry("hash", new int[] {1, 2}),
            Map.entry("hashname", new int[] {2, 3}), Map.entry("hashptid", new int[] {2, 3}),
            Map.entry("hashuid", new int[] {2, 3}), Map.entry("hashdate", new int[] {2, 2}),
            Map.entry("incrementdate", new int[] {2, 2}), Map.entry("modifydate", new int[] {4, 4}),
            Map.entry("dateinterval", new int[] {3, 4}), Map.entry("round", new int[] {2, 2}),
            Map.entry("initials", new int[] {1, 2}), Map.entry("lowercase", new int[] {1, 1}),
            Map.entry("uppercase", new int[] {1, 1}), Map.entry("pathelement", new int[] {2, 2}),
            Map.entry("lookup", new int[] {2, 4}), Map.entry("integer", new int[] {2, 3}),
            Map.entry("encrypt", new int[] {2, 2}), Map.entry("decrypt", new int[] {2, 2}),
            Map.entry("if", new int[] {2, 3}), Map.entry("select", new int[] {0, 0}),
            Map.entry("append", new int[] {0, 0}));
    private static final Set<String> MISS_ACTIONS = Set.of("keep", "remove", "empty", "default", "ignore");

    private final String file;
    private final Program p;
    private final ElementNames names;

    Checker(String file, Program p, ElementNames names) {
        this.file = file;
        this.p = p;
        this.names = names;
    }

    private ScriptException error(Expr.Call c, String detail) {
        return new ScriptException(file, c.line(), c.column(), "function @" + c.name(), detail);
    }

    private ScriptException error(Expr.Arg a, String construct, String detail) {
        return new ScriptException(file, a.line(), a.column(), construct, detail);
    }

    /** Checks a script; {@code process} is where {@code @process()} may stand (the whole script). */
    void check(Expr.Seq seq, Expr.Call process) throws ScriptException {
        for (Expr e : seq.parts()) {
            if (e instanceof Expr.Call c) {
                call(c, process);
            }
        }
    }

    private void call(Expr.Call c, Expr.Call process) throws ScriptException {
        if (c.name().equals("call")) {
            throw error(c, "calls a CTP plugin (AnonymizerExtension), Java code Cloak does not have: the value"
                    + " it would give cannot be computed, so the script is refused");
        }
        int[] range = ARITY.get(c.name());
        if (range == null) {
            throw error(c, "unknown function; CTP's DicomAnonymizer has " + String.join(", ",
                    new TreeSet<>(ARITY.keySet())) + " (and call)");
        }
        int n = c.args().size();
        if (n < range[0] || n > range[1]) {
            String want = range[0] == range[1] ? String.valueOf(range[0]) : range[0] + " to " + range[1];
            throw error(c, "takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", given " + n);
        }
        if (c.name().equals("process") && c != process) {
            throw error(c, "@process() is the whole script of a sequence (after @always() at most):"
                    + " Cloak cannot process a sequence's items under a condition");
        }
        signature(c);
        if (c.whenTrue() != null) {
            check(c.whenTrue(), null);
        }
        if (c.whenFalse() != null) {
            check(c.whenFalse(), null);
        }
    }

    private void element(Expr.Call c, int i) throws ScriptException {
        p.refs().put(c.arg(i), names.ref(c.arg(i)));
    }

    /** An argument CTP reads with getParam: a defined parameter where it is written @NAME or $NAME. */
    private String param(Expr.Call c, int i) throws ScriptException {
        if (i >= c.args().size()) {
            return null;
        }
        String raw = c.arg(i).raw();
        String v = p.param(raw);
        if (v == null) {
            String name = raw.trim().substring(1);
            throw error(c.arg(i), "parameter " + raw.trim(), "not defined: give it in the script"
                    + " (<p t=\"" + name + "\">) or with --param " + name + "=VALUE");
        }
        return v;
    }

    private void integer(Expr.Call c, int i, String what, boolean star) throws ScriptException {
        String v = param(c, i);
        if (v == null || star && v.trim().equals("*")) {
            return;
        }
        try {
            Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error(c.arg(i), "argument " + c.arg(i).raw(), what + " must be a whole number"
                    + (c.arg(i).raw().startsWith("@") ? " (the parameter's value is not one; give it with --param)"
                    : ""));
        }
    }

    private void regex(Expr.Arg at, String text) throws ScriptException {
        try {
            p.patterns().put(at, Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw error(at, "regular expression", "not a regular expression: " + e.getDescription());
        }
    }

    private void signature(Expr.Call c) throws ScriptException {
        int n = c.args().size();
        switch (c.name()) {
            case "require" -> {
                if (n > 0) {
                    element(c, 0);
                }
            }
            case "contents" -> {
                element(c, 0);
                if (n > 1) {
                    regex(c.arg(1), c.arg(1).text());
                }
            }
            case "value", "truncate", "lowercase", "uppercase", "pathelement", "integer" -> element(c, 0);
            case "param" -> {
                if (!c.arg(0).raw().startsWith("@") && !c.arg(0).raw().startsWith("$")) {
                    throw error(c.arg(0), "argument " + c.arg(0).raw(), "@param takes a parameter written @NAME");
                }
                param(c, 0);
            }
            case "hash" -> {
                element(c, 0);
                param(c, 1);
            }
            case "hashname" -> {
                element(c, 0);
                param(c, 1);
                param(c, 2);
            }
            case "hashptid" -> {
                param(c, 0);
                element(c, 1);
                param(c, 2);
            }
            case "hashuid" -> hashUid(c);
            case "hashdate" -> {
                element(c, 0);
                element(c, 1);
            }
            case "incrementdate" -> {
                element(c, 0);
                integer(c, 1, "the number of days", false);
            }
            case "modifydate" -> {
                element(c, 0);
                for (int i = 1; i <= 3; i++) {
                    integer(c, i, "a year, month or day (or *)", true);
                }
            }
            case "dateinterval" -> dateInterval(c);
            case "round" -> {
                element(c, 0);
                integer(c, 1, "the size of the age groups", false);
            }
            case "initials" -> {
                element(c, 0);
                if (n > 1) {
                    throw error(c, "the second argument (a Caesar offset) uses an algorithm not published in the"
                            + " CTP sources Cloak follows: write @initials(ElementName)");
                }
            }
            case "lookup" -> lookup(c);
            case "encrypt", "decrypt" -> {
                element(c, 0);
                param(c, 1);
            }
            case "if" -> ifCall(c);
            case "blank" -> {
                if (n == 1 && !c.arg(0).raw().matches("\\s*\\d*\\s*")) {
                    throw error(c.arg(0), "argument " + c.arg(0).raw(), "@blank takes a number of blanks");
                }
            }
            default -> { }
        }
    }

    private void hashUid(Expr.Call c) throws ScriptException {
        if (c.arg(0).raw().startsWith("@") || c.arg(0).raw().startsWith("$")) {
            param(c, 0);
        } else {
            element(c, 0);
        }
        element(c, 1);
        if (c.args().size() > 2) {
            element(c, 2);
            if (p.ref(c.arg(2)).path().size() > 1 || p.ref(c.arg(2)).root()) {
                throw error(c.arg(2), "argument " + c.arg(2).raw(), "names the element whose script is added to"
                        + " the UID: one element of the same dataset");
            }
        }
    }

    private void dateInterval(Expr.Call c) throws ScriptException {
        element(c, 0);
        element(c, 2);
        if (p.lookup().isEmpty()) {
            throw error(c, "needs a lookup table of base dates: give it with --lookup FILE");
        }
        if (c.args().size() > 3) {
            String origin = param(c, 3);
            if (Algorithms.date(origin) == null) {
                throw error(c.arg(3), "argument " + c.arg(3).raw(), "the origin date must be a date YYYYMMDD");
            }
        }
    }

    private void lookup(Expr.Call c) throws ScriptException {
        List<Ref> keys = new ArrayList<>();
        Expr.Arg a = c.arg(0);
        for (String part : a.raw().split("\\|", -1)) {
            keys.add(names.ref(new Expr.Arg(part.trim(), a.line(), a.column())));
        }
        p.keyLists().put(a, keys);
        if (c.args().size() < 3) {
            if (p.lookup().isEmpty()) {
                throw error(c, "needs a lookup table: give it with --lookup FILE");
            }
            return;
        }
        String action = c.arg(2).text().trim();
        if (!MISS_ACTIONS.contains(action)) {
            throw error(c.arg(2), "argument " + c.arg(2).raw(), "what to do when the key is not in the table is"
                    + " one of " + String.join(", ", new TreeSet<>(MISS_ACTIONS)));
        }
        boolean needsArg = action.equals("default") || action.equals("ignore");
        if (needsArg != (c.args().size() == 4)) {
            throw error(c, needsArg ? "the miss action " + action + " needs a fourth argument"
                    : "the miss action " + action + " takes no fourth argument");
        }
        if (action.equals("ignore")) {
            regex(c.arg(3), c.arg(3).text());
        }
    }

    private void ifCall(Expr.Call c) throws ScriptException {
        element(c, 0);
        String test = c.arg(1).raw();
        if (Conditions.UNARY.contains(test)) {
            if (test.equals("exists") && p.ref(c.arg(0)).path().size() > 1) {
                throw error(c.arg(0), "argument " + c.arg(0).raw(), "exists tests one element of the dataset");
            }
            return;
        }
        if (!Conditions.BINARY.contains(test)) {
            throw error(c.arg(1), "condition " + test, "unknown condition; @if tests isblank, exists, contains,"
                    + " equals, matches and greaterthan");
        }
        if (c.args().size() < 3) {
            throw error(c, "the condition " + test + " needs a value to compare with");
        }
        if (test.equals("matches")) {
            regex(c.arg(2), Conditions.operand(c, p).trim());
        }
    }
}
