package org.cloak.deid.script.ctp;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tests of {@code @if(ElementName, test[, value])}, as CTP's testCondition makes them: the
 * element's value ("" when absent) against the value (a parameter where it starts with @ and the
 * parameter is defined), letter case ignored except by {@code matches}.
 */
final class Conditions {
    /** The tests CTP knows, with whether each takes a value. */
    static final Set<String> UNARY = Set.of("isblank", "exists");
    static final Set<String> BINARY = Set.of("contains", "equals", "matches", "greaterthan");

    private Conditions() {}

    /** CTP's getArg(fn, k): a defined parameter's value where the argument starts with @, else the argument. */
    static String operand(Expr.Call c, Program p) {
        String a = c.args().size() > 2 ? c.arg(2).text() : "";
        if (a.startsWith("@")) {
            String v = p.param(a);
            if (v != null) {
                return v;
            }
        }
        return a;
    }

    static boolean test(Expr.Call c, Env env, Program p) {
        Ref r = p.ref(c.arg(0));
        String test = c.arg(1).raw();
        String element = r.contents(env.scope, env.self);
        return switch (test) {
            case "isblank" -> element.trim().isEmpty();
            case "exists" -> r.exists(env.scope, env.self);
            case "contains" -> element.toLowerCase(Locale.ROOT).contains(operand(c, p).toLowerCase(Locale.ROOT));
            case "equals" -> element.toLowerCase(Locale.ROOT).equals(operand(c, p).toLowerCase(Locale.ROOT));
            case "matches" -> {
                Pattern re = p.patterns().get(c.arg(2));
                yield re.matcher(element).matches();
            }
            default -> Algorithms.digitsAsInt(element) > Algorithms.digitsAsInt(operand(c, p));
        };
    }
}
