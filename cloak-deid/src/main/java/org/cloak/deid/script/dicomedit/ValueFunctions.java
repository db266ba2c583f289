package org.cloak.deid.script.dicomedit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.Outcome;
import org.cloak.deid.action.Create;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.dict.Tag;

/**
 * DicomEdit 6.7's built-in functions: those that give a value become expressions, those that
 * act (removeTags, hashUIDList, retainPrivateTags, alterPixels, reject...) become rules or gates.
 */
final class ValueFunctions {
    /** Name → {fewest, most} arguments (-1: any number). */
    private static final Map<String, int[]> VALUE_ARITY = Map.ofEntries(
            Map.entry("concatenate", new int[] {1, -1}), Map.entry("format", new int[] {1, -1}),
            Map.entry("lowercase", new int[] {1, 1}), Map.entry("uppercase", new int[] {1, 1}),
            Map.entry("substring", new int[] {2, 3}), Map.entry("replace", new int[] {3, 3}),
            Map.entry("match", new int[] {3, 3}), Map.entry("ismatch", new int[] {2, 2}),
            Map.entry("isPresent", new int[] {1, -1}), Map.entry("hashUID", new int[] {1, 2}),
            Map.entry("newUID", new int[] {0, 0}), Map.entry("mapUID", new int[] {1, 2}),
            Map.entry("lookup", new int[] {1, 2}), Map.entry("shiftDateByIncrement", new int[] {2, 2}),
            Map.entry("shiftDateTimeByIncrement", new int[] {2, 2}),
            Map.entry("normalizeString", new int[] {1, 2}), Map.entry("urlEncode", new int[] {1, 1}),
            Map.entry("true", new int[] {0, 0}), Map.entry("false", new int[] {0, 0}));
    private static final Map<String, int[]> ACTION_ARITY = Map.ofEntries(
            Map.entry("removeTags", new int[] {1, -1}), Map.entry("delete", new int[] {1, -1}),
            Map.entry("set", new int[] {2, 2}), Map.entry("shiftDateTimeListByIncrement", new int[] {2, 3}), Map.entry(
                    "hashUIDList", new int[] {1, -1}),
            Map.entry("shiftDateTimeSequenceByIncrement", new int[] {2, -1}),
            Map.entry("mapReferencedUIDs", new int[] {2, -1}), Map.entry("retainPrivateTags", new int[] {1, -1}),
            Map.entry("removeAllPrivateTags", new int[] {0, 0}), Map.entry("blankValues", new int[] {0, -1}),
            Map.entry("scalePatientAgeAndDobFromStudyDate", new int[] {0, 0}),
            Map.entry("alterPixels", new int[] {0, -1}), Map.entry("reject", new int[] {0, 0}));
    private static final Set<String> REFUSED = Set.of("getURL", "makeSessionLabel");

    private final Compiler c;
    private final ScriptInputs inputs;
    private boolean inCondition;

    ValueFunctions(Compiler c, ScriptInputs inputs) {
        this.c = c;
        this.inputs = inputs;
    }

    void inCondition(boolean yes) { this.inCondition = yes; }

    private ScriptException error(Ast.Fn f, String detail) {
        return new ScriptException(c.file(), f.line(), f.col(), "function " + f.name(), detail);
    }

    private void arity(Ast.Fn f, int[] range) throws ScriptException {
        int n = f.args().size();
        if (n < range[0] || range[1] >= 0 && n > range[1]) {
            String want = range[1] < 0 ? "at least " + range[0] : range[0] == range[1] ? String.valueOf(range[0])
                    : range[0] + " to " + range[1];
            throw error(f, "takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", given " + n);
        }
    }

    private void known(Ast.Fn f) throws ScriptException {
        if (REFUSED.contains(f.name())) {
            throw error(f, f.name().equals("getURL")
                    ? "fetching a URL while de-identifying is refused: it would make the result depend on a server"
                    + " Cloak does not control (give the value with --var instead)"
                    : "needs XNAT's session records, which Cloak does not have (give the label with --var)");
        }
        if (!VALUE_ARITY.containsKey(f.name()) && !ACTION_ARITY.containsKey(f.name())
                && !f.name().equals("collectValues")) {
            throw error(f, "unknown function; DicomEdit 6.7 has " + String.join(", ",
                    new java.util.TreeSet<>(allNames())));
        }
    }

    private static Set<String> allNames() {
        Set<String> s = new LinkedHashSet<>(VALUE_ARITY.keySet());
        s.addAll(ACTION_ARITY.keySet());
        s.add("collectValues");
        return s;
    }

    /** A function used for its value. */
    ValueExpr value(Ast.Fn f, Set<ElementKey> reads) throws ScriptException {
        known(f);
        int[] range = VALUE_ARITY.get(f.name());
        if (range == null) {
            throw error(f, "acts on the data set and gives no value; write it as a statement of its own");
        }
        arity(f, range);
        List<ValueExpr> a = new ArrayList<>();
        if (!f.name().equals("isPresent")) {
            for (Ast.Node n : f.args()) {
                a.add(c.expr(n, reads));
            }
        }
        return switch (f.name()) {
            case "concatenate" -> call(f, a, (v, ctx) -> String.join("", v.stream().map(x -> x == null ? "" : x)
                    .toList()));
            case "format" -> call(f, a, (v, ctx) -> Functions.format(v.get(0),
                    v.subList(1, v.size()).stream().map(x -> x == null ? "" : x).toArray()));
            case "lowercase" -> new ValueExpr.ChangeCase(a.get(0), false);
            case "uppercase" -> new ValueExpr.ChangeCase(a.get(0), true);
            case "substring" -> call(f, a, (v, ctx) -> Functions.substring(v.get(0), v.get(1),
                    v.size() > 2 ? v.get(2) : null));
            case "replace" -> call(f, a, (v, ctx) -> Functions.replace(v.get(0), v.get(1), v.get(2)));
            case "match" -> call(f, a, (v, ctx) -> Functions.match(v.get(0), v.get(1), v.get(2)));
            case "ismatch" -> call(f, a, (v, ctx) -> Functions.isMatch(v.get(0), v.get(1)));
            case "isPresent" -> isPresent(f, reads);
            case "hashUID" -> hashUid(f, a);
            case "newUID" -> newUid(f);
            case "mapUID" -> secretUid(f, a, "mapUID");
            case "lookup" -> lookup(f, a);
            case "shiftDateByIncrement" -> call(f, a, (v, ctx) -> Functions.shiftDate(v.get(0), v.get(1)));
            case "shiftDateTimeByIncrement" -> call(f, a, (v, ctx) -> Functions.shiftDateTime(v.get(0), v.get(1)));
            case "normalizeString" -> call(f, a, (v, ctx) -> Functions.normalize(v.get(0),
                    v.size() > 1 ? v.get(1) : null));
            case "urlEncode" -> call(f, a, (v, ctx) -> Functions.urlEncode(v.get(0)));
            case "true" -> new ValueExpr.Literal("true");
            default -> new ValueExpr.Literal("false");
        };
    }

    private static ValueExpr call(Ast.Fn f, List<ValueExpr> args, ValueExpr.Call.Function fn) {
        return new ValueExpr.Call(f.name(), args, fn);
    }

    private ValueExpr isPresent(Ast.Fn f, Set<ElementKey> reads) throws ScriptException {
        List<AttributeRef> refs = new ArrayList<>();
        for (Ast.Node n : f.args()) {
            for (Ast.Path p : c.pathsOf(n)) {
                refs.add(c.paths().ref(p));
                reads.addAll(c.paths().keys(p));
            }
        }
        return new ValueExpr.Call("isPresent", List.of(), (v, ctx) -> {
            for (AttributeRef r : refs) {
                if (!r.present(ctx.scope())) {
                    return "false";
                }
            }
            return "true";
        });
    }

    private ValueExpr hashUid(Ast.Fn f, List<ValueExpr> a) throws ScriptException {
        if (inputs.keyed()) {
            return secretUid(f, a.subList(0, 1), "hashUID");
        }
        c.warn("hashUID is an unkeyed hash (UUIDv5 of the UID): anyone holding an original UID can compute its"
                + " new one; --keyed makes it Cloak's keyed UID instead (different from DicomEdit's)");
        return call(f, a.subList(0, 1), (v, ctx) -> Functions.hashUid(v.get(0)));
    }

    /** newUID: random in DicomEdit; here derived from the project secret, the file's UID and the statement. */
    private ValueExpr newUid(Ast.Fn f) throws ScriptException {
        if (inCondition) {
            throw error(f, "a new UID cannot be tested in a condition");
        }
        c.deviation("newUID gives a new random UID in DicomEdit; Cloak derives it from the project secret, the"
                + " file's SOP Instance UID and the statement, so a rerun gives the same UID");
        String where = c.origin();
        return new ValueExpr.Call("newUID", List.of(), (v, ctx) -> ctx.mapUid("dicomedit newUID " + where + " "
                + ctx.scope().original().getString(Tag.SOPInstanceUID)));
    }

    private ValueExpr secretUid(Ast.Fn f, List<ValueExpr> a, String name) throws ScriptException {
        if (inCondition) {
            throw error(f, "a pseudonymous UID cannot be tested in a condition");
        }
        if (name.equals("mapUID")) {
            c.deviation("mapUID maps to a new random UID in DicomEdit; Cloak gives the UID's keyed pseudonym, the"
                    + " same in every file and run with the same secret");
        }
        return call(f, a, (v, ctx) -> {
            String uid = v.get(0);
            if (uid == null || uid.isBlank()) {
                return null;
            }
            return rooted(ctx.mapUid(uid.trim()), v.size() > 1 ? v.get(1) : null);
        });
    }

    /** A 2.25 UID moved under a root, cut to 64 characters. */
    private static String rooted(String uid, String root) {
        if (root == null || root.isBlank() || !uid.startsWith("2.25.")) {
            return uid;
        }
        String r = root.trim().endsWith(".") ? root.trim() : root.trim() + ".";
        String s = r + uid.substring(5);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** lookup[key] or lookup[type, key]: the lookup table's value for "type/key" (or "key"). */
    private ValueExpr lookup(Ast.Fn f, List<ValueExpr> a) throws ScriptException {
        if (inputs.lookup().isEmpty()) {
            throw error(f, "needs a lookup table: give it with --lookup FILE");
        }
        Map<String, String> table = inputs.lookup();
        return call(f, a, (v, ctx) -> {
            String key = v.size() == 1 ? v.get(0) : v.get(1) == null ? null : v.get(0) + "/" + v.get(1).trim();
            return key == null ? null : table.get(key.trim());
        });
    }

    /** A function used as a statement. */
    void statement(Ast.Fn f, Compiler.Cond cond) throws ScriptException {
        known(f);
        int[] range = ACTION_ARITY.get(f.name());
        if (range == null && f.name().startsWith("shiftDate") && f.args().size() == 2
                && f.args().get(0) instanceof Ast.Path target) {
            shiftInPlace(f, target, cond);
            return;
        }
        if (range == null) {
            throw error(f, "gives a value but does nothing on its own; assign it to an attribute");
        }
        arity(f, range);
        List<Ast.Node> args = f.args();
        switch (f.name()) {
            case "removeTags", "delete" -> {
                for (Ast.Path p : pathsOfAll(args)) {
                    c.rule(c.paths().selector(p, true), new Remove(), cond, Set.of(), false);
                }
            }
            case "set" -> {
                Set<ElementKey> reads = new LinkedHashSet<>();
                ValueExpr v = c.expr(args.get(1), reads);
                for (Ast.Path p : c.pathsOf(args.get(0))) {
                    boolean create = Paths.concrete(p);
                    c.rule(c.paths().selector(p, true), create ? new Create(v) : new Derive(v), cond, reads, false);
                }
            }
            case "hashUIDList" -> {
                ValueExpr h = hashUid(f, List.of(new ValueExpr.Self()));
                for (Ast.Path p : pathsOfAll(args)) {
                    c.rule(c.paths().selector(p, true), new Derive(h), cond, Set.of(), true);
                }
            }
            case "shiftDateTimeSequenceByIncrement" -> {
                ValueExpr secs = c.expr(args.get(0), new LinkedHashSet<>());
                ValueExpr shifted = new ValueExpr.Call(f.name(), List.of(new ValueExpr.Self(), secs),
                        (v, ctx) -> Functions.shiftDateTime(v.get(0), v.get(1)));
                for (Ast.Path p : pathsOfAll(args.subList(1, args.size()))) {
                    c.rule(c.paths().selector(p, true), new Derive(shifted), cond, Set.of(), true);
                }
            }
            case "mapReferencedUIDs" -> {
                ValueExpr root = c.expr(args.get(0), new LinkedHashSet<>());
                c.deviation("mapReferencedUIDs maps to new random UIDs in DicomEdit; Cloak gives each UID's keyed"
                        + " pseudonym under the root, the same in every file and run with the same secret");
                ValueExpr mapped = new ValueExpr.Call(f.name(), List.of(new ValueExpr.Self(), root), (v, ctx) ->
                        v.get(0) == null || v.get(0).isBlank() ? null : rooted(ctx.mapUid(v.get(0).trim()), v.get(1)));
                for (Ast.Path p : pathsOfAll(args.subList(1, args.size()))) {
                    c.rule(c.paths().selector(p, true), new Derive(mapped), cond, Set.of(), true);
                }
            }
            case "shiftDateTimeListByIncrement" -> {
                ValueExpr by = c.expr(args.get(1), new LinkedHashSet<>());
                ValueExpr unit = args.size() > 2 ? c.expr(args.get(2), new LinkedHashSet<>())
                        : new ValueExpr.Literal("seconds");
                ValueExpr shifted = new ValueExpr.Call(f.name(), List.of(new ValueExpr.Self(), by, unit),
                        (v, ctx) -> Functions.shiftByUnit(v.get(0), v.get(1), v.get(2)));
                for (Ast.Path p : c.pathsOf(args.get(0))) {
                    c.rule(c.paths().selector(p, true), new Derive(shifted), cond, Set.of(), true);
                }
            }
            case "retainPrivateTags" -> c.retain(pathsOfAll(args), cond);
            case "removeAllPrivateTags" -> c.rule(new Selector.AllPrivate(), new Remove(), cond, Set.of(), false);
            case "blankValues" -> c.blank(pathsOfAll(args), cond);
            case "scalePatientAgeAndDobFromStudyDate" -> scale(cond);
            case "alterPixels" -> c.gate(cond, Outcome.Reason.PIXELS, "pixel rule alterPixels (" + c.origin()
                    + ") is not carried out yet: the file is held so its pixels never leave uncleaned");
            default -> c.gate(cond, Outcome.Reason.REFUSED, "rejected by " + c.origin());
        }
    }

    /** shiftDate...ByIncrement[path, n] as a statement: the attribute shifted where it is. */
    private void shiftInPlace(Ast.Fn f, Ast.Path target, Compiler.Cond cond) throws ScriptException {
        arity(f, VALUE_ARITY.get(f.name()));
        ValueExpr by = c.expr(f.args().get(1), new LinkedHashSet<>());
        ValueExpr.Call.Function fn = switch (f.name()) {
            case "shiftDateByIncrement" -> (v, ctx) -> Functions.shiftDate(v.get(0), v.get(1));
            default -> (v, ctx) -> Functions.shiftDateTime(v.get(0), v.get(1));
        };
        c.rule(c.paths().selector(target, true), new Derive(new ValueExpr.Call(f.name(),
                List.of(new ValueExpr.Self(), by), fn)), cond, Set.of(), true);
    }

    private List<Ast.Path> pathsOfAll(List<Ast.Node> args) throws ScriptException {
        List<Ast.Path> out = new ArrayList<>();
        for (Ast.Node n : args) {
            out.addAll(c.pathsOf(n));
        }
        return out;
    }

    /** Birth date and age at every depth, from the top level's study date (XNAT's scale tests). */
    private void scale(Compiler.Cond cond) throws ScriptException {
        AttributeRef study = AttributeRef.of(Tag.StudyDate);
        AttributeRef birth = new AttributeRef(true, List.of(), ElementKey.of(Tag.PatientBirthDate));
        ValueExpr dob = new ValueExpr.Call("scaleBirthDate", List.of(new ValueExpr.Self(), new ValueExpr.Read(study)),
                (v, ctx) -> Functions.scaledBirthDate(v.get(0), v.get(1)));
        ValueExpr age = new ValueExpr.Call("scaleAge", List.of(new ValueExpr.Self(), new ValueExpr.Read(birth),
                new ValueExpr.Read(study)), (v, ctx) -> Functions.scaledAge(v.get(0), v.get(1), v.get(2)));
        Set<ElementKey> reads = Set.of(ElementKey.of(Tag.StudyDate), ElementKey.of(Tag.PatientBirthDate),
                ElementKey.of(Tag.PatientAge));
        c.rule(anyDepth(Tag.PatientBirthDate), new Derive(dob), cond, reads, true);
        c.rule(anyDepth(Tag.PatientAge), new Derive(age), cond, reads, true);
    }

    private static Selector anyDepth(int tag) {
        return new TagPath(List.of(TagPath.AnyLevels.ANY), new Selector.TagIs(tag));
    }

}
