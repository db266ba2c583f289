package org.cloak.deid.script.ctp;

import org.cloak.deid.action.ActionContext;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;

/**
 * One evaluation of an element script: where the element is, which element {@code this} is, and
 * the engine's context for the functions that need the project secret or the run's date; without
 * it ({@link #deciding()}) the script is evaluated only to decide what happens to the element,
 * and those functions give a stand-in of the same shape (digits).
 */
final class Env {
    /** How CTP stops processing an object. */
    enum Stop { QUARANTINE, SKIP }

    final Scope scope;
    final ElementKey self;
    final ActionContext ctx;
    Stop stop;

    Env(Scope scope, ElementKey self, ActionContext ctx) {
        this.scope = scope;
        this.self = self;
        this.ctx = ctx;
    }

    boolean deciding() { return ctx == null; }

    /** The same place with {@code this} another element (CTP evaluates another element's script for @hashuid). */
    Env with(ElementKey other) {
        return new Env(scope, other, ctx);
    }
}
