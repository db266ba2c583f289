package org.cloak.deid.script.ctp;

import java.util.List;
import java.util.Set;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.KeepWhole;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;

/**
 * What a script is, where that is known without the data: {@code @remove()}, {@code @keep()},
 * {@code @process()}, {@code @empty()} or fixed text become one rule without a condition.
 */
final class Shapes {
    private Shapes() {}

    private static List<Expr> withoutAlways(Expr.Seq s) {
        List<Expr> p = s.parts();
        if (!p.isEmpty() && p.get(0) instanceof Expr.Call c && c.name().equals("always")) {
            return p.subList(1, p.size());
        }
        return p;
    }

    private static String only(Expr.Seq s) {
        List<Expr> p = withoutAlways(s);
        return p.size() == 1 && p.get(0) instanceof Expr.Call c && c.args().isEmpty() ? c.name() : null;
    }

    /** {@code @process()}, after {@code @always()} at most. */
    static boolean process(Expr.Seq s) { return "process".equals(only(s)); }

    /** The {@code @process()} call of such a script, else null. */
    static Expr.Call processCall(Expr.Seq s) {
        return process(s) ? (Expr.Call) withoutAlways(s).get(0) : null;
    }

    /** The one action of a script that does not depend on the data, else null. */
    static Action fixed(ElementScript es) {
        String o = only(es.script());
        if ("remove".equals(o)) {
            return new Remove();
        }
        if ("keep".equals(o)) {
            return new KeepWhole();
        }
        if ("process".equals(o)) {
            return new Keep(); // the items are walked; CTP then keeps the sequence
        }
        if (es.always()) {
            return null; // may add the element where it is missing: decided in the data
        }
        if ("empty".equals(o)) {
            return new Empty();
        }
        StringBuilder text = new StringBuilder();
        for (Expr e : es.script().parts()) {
            if (!(e instanceof Expr.Lit l)) {
                return null;
            }
            text.append(l.text());
        }
        Decision d = Decision.present(text.toString());
        return switch (d.kind()) {
            case REMOVE -> new Remove();
            case KEEP -> new KeepWhole();
            default -> d.value().isEmpty() ? new Empty() : new Derive(new ValueExpr.Literal(d.value()));
        };
    }

    /** Every function name a script uses, clauses included. */
    static void names(Expr.Seq s, Set<String> into) {
        for (Expr e : s.parts()) {
            if (e instanceof Expr.Call c) {
                into.add(c.name());
                if (c.whenTrue() != null) {
                    names(c.whenTrue(), into);
                }
                if (c.whenFalse() != null) {
                    names(c.whenFalse(), into);
                }
            }
        }
    }

    /** Whether evaluating the script can stop CTP (quarantine, skip, a lookup or date interval without its key). */
    static boolean mayStop(Expr.Seq s) {
        for (Expr e : s.parts()) {
            if (e instanceof Expr.Call c) {
                if (Set.of("quarantine", "skip", "lookup", "dateinterval").contains(c.name())
                        || c.whenTrue() != null && mayStop(c.whenTrue())
                        || c.whenFalse() != null && mayStop(c.whenFalse())) {
                    return true;
                }
            }
        }
        return false;
    }
}
