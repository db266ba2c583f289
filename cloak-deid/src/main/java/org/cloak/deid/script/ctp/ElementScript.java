package org.cloak.deid.script.ctp;

import org.cloak.deid.action.ActionContext;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Vr;

/**
 * One enabled element line of a script: the element, its parsed script, and how CTP decides it
 * in a dataset. An element that is missing is only added at the top level, by a script starting
 * with {@code @always()}, and never a sequence (CTP's insertElements).
 *
 * @param origin the rule origin, e.g. "site.script line 12"
 * @param source the script's text where it stands in the file
 */
record ElementScript(Selector selector, ElementKey key, Expr.Seq script, boolean always, String origin,
                     Located source) {

    /** Whether CTP could add the element: not a sequence (private elements are added as LO). */
    boolean creatable() {
        return key.creator() != null || ElementDictionary.standard().vrOf(key.tag()) != Vr.SQ;
    }

    /** The decision in a dataset, the script evaluated for it ({@code ctx} null: the decision only). */
    Decision decide(Interpreter in, Scope scope, ActionContext ctx) {
        boolean present = key.find(scope.item()) != null;
        if (!present && !(always && scope.depth() == 0 && creatable())) {
            return Decision.NONE;
        }
        Env env = new Env(scope, key, ctx);
        String text = in.eval(script, env);
        if (env.stop != null) {
            return Decision.STOPPED;
        }
        return present ? Decision.present(text) : Decision.absent(text);
    }

    /** Why evaluating it stops processing the object, or null. */
    Env.Stop stop(Interpreter in, Scope scope) {
        boolean present = key.find(scope.item()) != null;
        if (!present && !(always && scope.depth() == 0 && creatable())) {
            return null;
        }
        Env env = new Env(scope, key, null);
        in.eval(script, env);
        return env.stop;
    }
}
