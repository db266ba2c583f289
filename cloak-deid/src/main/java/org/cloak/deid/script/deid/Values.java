package org.cloak.deid.script.deid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.action.ActionContext;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.path.Scope;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tag;

/**
 * The VALUE of ADD, REPLACE and JITTER, as deid's parse_value reads it (deid/utils/actions.py):
 * {@code var:NAME} from the given variables, {@code deid_func:NAME key=value...} one of deid's own
 * functions, {@code func:NAME} a Python function of the calling program (refused: Cloak cannot
 * run it), anything else without a colon the text itself.
 */
final class Values {
    private static final Map<String, Set<String>> FUNCTIONS = Map.of("jitter", Set.of("days", "years"),
            "pydicom_uuid", Set.of("prefix", "stable_remapping"), "dicom_uuid", Set.of("org_root"),
            "suffix_uuid", Set.of(), "basic_uuid", Set.of());

    private final String file;
    private final ScriptInputs inputs;
    private final List<String> warnings;
    private final List<String> deviations;

    Values(String file, ScriptInputs inputs, List<String> warnings, List<String> deviations) {
        this.file = file;
        this.inputs = inputs;
        this.warnings = warnings;
        this.deviations = deviations;
    }

    private ScriptException error(Ast.Action a, String construct, String detail) {
        return new ScriptException(file, a.line(), a.valueCol() > 0 ? a.valueCol() : a.col(), construct, detail);
    }

    /** A parsed VALUE: the text, or a deid function with its options. */
    record Parsed(String text, String function, Map<String, String> options) {}

    Parsed parse(Ast.Action a) throws ScriptException {
        String v = a.value();
        int colon = v.indexOf(':');
        if (colon < 0) {
            return new Parsed(v, null, Map.of());
        }
        String type = v.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String option = v.substring(colon + 1);
        switch (type) {
            case "var" -> {
                String given = inputs.variables().get(option.strip());
                if (given == null) {
                    throw error(a, "var:" + option.strip(), "not given: pass it with --var " + option.strip()
                            + "=VALUE (deid would skip the action, leaving the attribute as it was)");
                }
                return new Parsed(given, null, Map.of());
            }
            case "func" -> throw error(a, "func:" + option.strip(), "calls a Python function of the program running"
                    + " deid; Cloak cannot run it. Use one of deid's own deid_func: functions or a var: value");
            case "deid_func" -> {
                String[] parts = option.strip().split("\\s+", 2);
                Set<String> keys = FUNCTIONS.get(parts[0]);
                if (keys == null) {
                    throw error(a, "deid_func:" + parts[0], "not a deid function; deid has "
                            + String.join(", ", new java.util.TreeSet<>(FUNCTIONS.keySet())));
                }
                return new Parsed(null, parts[0], options(a, parts[0], keys, parts.length > 1 ? parts[1] : ""));
            }
            default -> throw error(a, "value " + v, "\"" + type + ":\" is not var:, deid_func: or func:; deid"
                    + " skips an action whose value has another prefix");
        }
    }

    /** deid's parse_keyvalue_pairs: key=value words; true, false, none and null read as Python's. */
    private Map<String, String> options(Ast.Action a, String fn, Set<String> keys, String extras)
            throws ScriptException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : extras.strip().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !keys.contains(key)) {
                throw error(a, "deid_func:" + fn, "\"" + pair + "\" is not an option of " + fn
                        + (keys.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", keys) + ")"));
            }
            out.put(key, pair.substring(eq + 1).strip());
        }
        return out;
    }

    /** The days of a JITTER: a whole number, given or from a variable. */
    int jitterDays(Ast.Action a) throws ScriptException {
        Parsed p = parse(a);
        if (p.function() != null) {
            throw error(a, "JITTER " + a.value(), "JITTER takes a number of days (or var:), not a function");
        }
        Integer days = DeidFunctions.days(p.text());
        if (days == null) {
            throw error(a, "JITTER " + a.value(), "needs a whole number of days");
        }
        return days;
    }

    /** The value an ADD or REPLACE writes, and whether it is computed from the attribute's own value. */
    record Written(ValueExpr value, boolean readsSelf) {}

    Written written(Ast.Action a, boolean add) throws ScriptException {
        Parsed p = parse(a);
        if (p.function() == null) {
            return new Written(new ValueExpr.Literal(p.text()), false);
        }
        String fn = p.function();
        Map<String, String> o = p.options();
        return switch (fn) {
            case "jitter" -> jitter(a, add, o);
            case "pydicom_uuid" -> pydicomUuid(a, add, o);
            default -> randomUuid(a, add, fn, o);
        };
    }

    private Written jitter(Ast.Action a, boolean add, Map<String, String> o) throws ScriptException {
        if (add) {
            throw error(a, "deid_func:jitter", "moves the attribute's own date; deid's ADD gives the function no"
                    + " attribute (use REPLACE or JITTER)");
        }
        Integer days = DeidFunctions.days(o.getOrDefault("days", "1"));
        Integer years = DeidFunctions.days(o.getOrDefault("years", "0"));
        if (days == null || years == null) {
            throw error(a, "deid_func:jitter", "days= and years= take whole numbers");
        }
        int total = years * 365 + days;
        return new Written(new ValueExpr.Call("jitter", List.of(new ValueExpr.Self()), (v, ctx) ->
                DeidFunctions.jitter(v.get(0), ctx.current() == null ? null : ctx.current().vr(), total)), true);
    }

    private Written pydicomUuid(Ast.Action a, boolean add, Map<String, String> o) throws ScriptException {
        if (add) {
            throw error(a, "deid_func:pydicom_uuid", "hashes the attribute's own value; deid's ADD gives the"
                    + " function no attribute (use REPLACE)");
        }
        String prefix = o.getOrDefault("prefix", "2.25.");
        boolean stable = "true".equals(o.getOrDefault("stable_remapping", "true"));
        boolean random = prefix.equals("none") || prefix.equals("null");
        if (!random && (!DeidFunctions.UID_PREFIX.matcher(prefix).matches() || prefix.length() > 62)) {
            throw error(a, "deid_func:pydicom_uuid prefix=" + prefix, "pydicom refuses this prefix: it must be"
                    + " numbers separated by dots, end with a dot and have at most 62 characters");
        }
        if (inputs.keyed() || random) {
            if (random) {
                deviations.add("pydicom_uuid with prefix=none is a random 2.25 UID in deid; Cloak gives the UID's"
                        + " keyed pseudonym, the same in every file and run with the same secret");
            }
            String under = random || prefix.equals("2.25.") ? null : prefix;
            return new Written(new ValueExpr.Call("pydicom_uuid", List.of(new ValueExpr.Self()), (v, ctx) ->
                    v.get(0) == null ? null : rooted(ctx.mapUid(v.get(0).strip()), under)), true);
        }
        if (!stable) {
            warnings.add(a.line() + ": pydicom_uuid with stable_remapping other than true hashes no value at all"
                    + " (deid passes pydicom an empty entropy list): every attribute it replaces gets the same UID");
            String same = DeidFunctions.generateUid(prefix, "");
            return new Written(new ValueExpr.Literal(same), false);
        }
        warnings.add(a.line() + ": pydicom_uuid is an unkeyed hash (SHA-512 of the original value): anyone holding"
                + " an original UID can compute its new one; --keyed makes it Cloak's keyed UID instead (different"
                + " from deid's)");
        return new Written(new ValueExpr.Call("pydicom_uuid", List.of(new ValueExpr.Self()), (v, ctx) ->
                v.get(0) == null ? null : DeidFunctions.generateUid(prefix, DeidFunctions.pythonText(v.get(0)))),
                true);
    }

    /** Cloak's keyed UID under a prefix: the prefix and the UID's last number, cut to 64 characters. */
    private static String rooted(String uid, String prefix) {
        if (prefix == null) {
            return uid;
        }
        String s = prefix + DeidFunctions.lastNumber(uid);
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** dicom_uuid, suffix_uuid and basic_uuid: uuid4 in deid, a keyed number here. */
    private Written randomUuid(Ast.Action a, boolean add, String fn, Map<String, String> o) {
        deviations.add(fn + " is random (uuid4) in deid; Cloak derives the number from the project secret and "
                + (add ? "the file's SOP Instance UID" : "the original value") + ", so a rerun gives the same value");
        String root = o.getOrDefault("org_root", "anonymous-organization");
        if (fn.equals("dicom_uuid") && !o.containsKey("org_root")) {
            warnings.add(a.line() + ": dicom_uuid without org_root writes anonymous-organization.<number>, which is"
                    + " no UID: a UI attribute cannot hold it and is emptied (give org_root=YOUR.ROOT)");
        }
        String fieldText = a.field().text().toLowerCase(java.util.Locale.ROOT);
        ValueExpr source = add ? new ValueExpr.Call("file", List.of(), (v, ctx) ->
                fieldText + " " + ctx.scope().original().getString(Tag.SOPInstanceUID)) : new ValueExpr.Self();
        return new Written(new ValueExpr.Call(fn, List.of(source), (v, ctx) -> {
            if (v.get(0) == null) {
                return null;
            }
            java.math.BigInteger n = DeidFunctions.lastNumber(ctx.mapUid("deid " + fn + " " + v.get(0).strip()));
            return switch (fn) {
                case "dicom_uuid" -> DeidFunctions.dicomUuid(root, n);
                case "suffix_uuid" -> (add ? fieldText : nestedName(ctx)) + "-" + DeidFunctions.uuidText(n);
                default -> DeidFunctions.uuidText(n);
            };
        }), !add);
    }

    /** deid's field name: the keywords of the enclosing sequences and the attribute, joined by __, lower-cased. */
    private static String nestedName(ActionContext ctx) {
        Scope s = ctx.scope();
        StringBuilder sb = new StringBuilder();
        ElementDictionary dict = ElementDictionary.standard();
        for (int i = 0; i < s.depth(); i++) {
            sb.append(dict.keywordOf(s.sequenceTag(i))).append("__");
        }
        sb.append(ctx.current() == null ? "" : dict.keywordOf(ctx.current().tag()));
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
