package org.cloak.deid.rule;

import org.cloak.deid.action.Action;

/**
 * One rule of the model every profile, option, category and override compiles into.
 *
 * @param origin where the rule came from, e.g. "PS3.15 E.1-1 basic" or "recipe line 12"
 */
public record Rule(Selector selector, Condition condition, Action action, String origin) {
    public Rule(Selector selector, Action action, String origin) {
        this(selector, Condition.ALWAYS, action, origin);
    }
}
