package org.cloak.deid.rule;

import java.util.List;
import java.util.stream.Collectors;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.Scope;

/**
 * A test on the original values: of the top-level data set, or of the item holding the attribute
 * being decided. Tests on attributes combine into trees with {@link All}, {@link Any} and
 * {@link Not}.
 */
public sealed interface Condition
        permits Condition.Always, AttributeCondition, ExprCondition, Condition.All, Condition.Any, Condition.Not {
    Condition ALWAYS = new Always();

    boolean test(Scope scope);

    String describe();

    /** Holds when every one of {@code conditions} holds. */
    static Condition all(Condition... conditions) { return new All(List.of(conditions)); }

    /** Holds when at least one of {@code conditions} holds. */
    static Condition any(Condition... conditions) { return new Any(List.of(conditions)); }

    /** Holds when {@code condition} does not. */
    static Condition not(Condition condition) { return new Not(condition); }

    /** A test on a top-level attribute, its case as a recipe's default for the operator. */
    static AttributeCondition on(int tag, Op op, String operand) {
        return AttributeCondition.of(AttributeRef.of(tag), op, operand, LetterCase.defaultFor(op));
    }

    /** How an attribute's value is compared; {@link #word()} is the recipe's name for it. */
    enum Op {
        PRESENT, ABSENT, EMPTY, EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES,
        LESS_THAN, AT_MOST, GREATER_THAN, AT_LEAST, NUMBER_EQUALS;

        /** The recipe's name: "equals", "starts-with", "less-than"... */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        /** Whether the operator takes no operand. */
        public boolean unary() { return this == PRESENT || this == ABSENT || this == EMPTY; }

        /** Whether the operand and the values are compared as decimal numbers. */
        public boolean numeric() { return ordinal() >= LESS_THAN.ordinal(); }

        /** Whether letter case can matter: text comparisons and regular expressions. */
        public boolean textual() { return !unary() && !numeric(); }
    }

    /** Whether a text comparison tells upper from lower case. */
    enum LetterCase {
        SENSITIVE, IGNORED;

        /**
         * What a recipe means when it does not say: regular expressions are case-sensitive (write
         * {@code (?i)} to ignore case), every other text comparison ignores case.
         */
        public static LetterCase defaultFor(Op op) { return op == Op.MATCHES ? SENSITIVE : IGNORED; }
    }

    record Always() implements Condition {
        @Override
        public boolean test(Scope scope) { return true; }

        @Override
        public String describe() { return "always"; }
    }

    /** Every condition holds (none given: always). */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Scope scope) {
            for (Condition c : conditions) {
                if (!c.test(scope)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String describe() { return join(conditions, " and "); }
    }

    /** At least one condition holds (none given: never). */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Scope scope) {
            for (Condition c : conditions) {
                if (c.test(scope)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() { return join(conditions, " or "); }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Scope scope) { return !condition.test(scope); }

        @Override
        public String describe() { return "not (" + condition.describe() + ")"; }
    }

    private static String join(List<Condition> conditions, String word) {
        return conditions.stream().map(c -> "(" + c.describe() + ")").collect(Collectors.joining(word));
    }
}
