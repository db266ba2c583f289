package org.cloak.deid.script.ctp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cloak.deid.action.KeepWhole;
import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.script.ScriptException;

/**
 * The De-identification Method Code Sequence line ({@code 113100/113105/...}, or
 * {@code reset/...}), which CTP turns into code items (updateDeIdentificationMethodCodeSeq).
 * The tokens are checked against CTP's table of codes (113100 to 113112, CID 7050); the items
 * themselves are Cloak's markers' business, so only {@code @remove()} and {@code reset} (which
 * drop the object's codes) and {@code @keep()} become rules.
 */
final class MethodCodes {
    private static final Set<String> KNOWN = Set.of("113100", "113101", "113102", "113103", "113104", "113105",
            "113106", "113107", "113108", "113109", "113110", "113111", "113112");

    private MethodCodes() {}

    static List<Rule> rules(String file, ElementScript s, Condition where) throws ScriptException {
        Expr.Seq seq = s.script();
        if (seq.parts().size() == 1 && seq.parts().get(0) instanceof Expr.Call c && c.args().isEmpty()
                && (c.name().equals("remove") || c.name().equals("keep"))) {
            return List.of(new Rule(s.selector(), where, c.name().equals("remove") ? new Remove() : new KeepWhole(),
                    s.origin()));
        }
        StringBuilder text = new StringBuilder();
        for (Expr e : seq.parts()) {
            if (!(e instanceof Expr.Lit l)) {
                Expr.Call c = (Expr.Call) e;
                throw new ScriptException(file, c.line(), c.column(), "function @" + c.name(),
                        "the De-identification Method Code Sequence takes fixed codes separated by '/'");
            }
            text.append(l.text());
        }
        boolean reset = false;
        for (String token : text.toString().split("/")) {
            String t = token.trim();
            if (t.toLowerCase(Locale.ROOT).equals("reset")) {
                reset = true;
            } else if (!t.isEmpty() && !KNOWN.contains(t)) {
                int at = text.indexOf(t);
                throw new ScriptException(file, s.source().lineAt(at), s.source().columnAt(at), "code " + t,
                        "not a CID 7050 code of CTP's table (113100 to 113112) or reset");
            }
        }
        return reset ? List.of(new Rule(s.selector(), where, new Remove(), s.origin())) : List.of();
    }
}
