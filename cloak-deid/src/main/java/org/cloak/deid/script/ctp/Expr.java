package org.cloak.deid.script.ctp;

import java.util.List;

/**
 * A parsed element script: text and {@code @name(args)} calls one after another, as CTP's
 * makeReplacement reads it. Arguments stay text (CTP never evaluates a call inside an
 * argument); only the clauses of {@code @if}, {@code @select} and {@code @append} are scripts.
 */
sealed interface Expr {

    /** The parts one after another. */
    record Seq(List<Expr> parts) implements Expr {
        public Seq {
            parts = List.copyOf(parts);
        }
    }

    /** Text copied as it is (escapes already taken out). */
    record Lit(String text) implements Expr {}

    /**
     * A function call.
     *
     * @param whenTrue the first clause ({@code @if}, {@code @select}, {@code @append}), else null
     * @param whenFalse the second clause of {@code @if} and {@code @select}, else null
     */
    record Call(String name, List<Arg> args, Seq whenTrue, Seq whenFalse, int line, int column) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        Arg arg(int i) { return args.get(i); }
    }

    /** One argument as written (trimmed), with its position. */
    record Arg(String raw, int line, int column) {
        /** The argument without surrounding double quotes (CTP's getArg). */
        String text() {
            return raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1)
                    : raw;
        }
    }
}
