package org.cloak.deid.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cloak.deid.rule.Condition.LetterCase;
import org.cloak.deid.rule.Condition.Op;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.Scope;

/**
 * A test on one attribute's original value. Where the reference reaches several elements (any
 * item of a sequence), the test holds when one of them passes it; {@code absent} and
 * {@code not-equals} hold when none is there or none is equal. Text is compared trimmed (except
 * by {@code contains}), numbers as decimals, each value of a multi-valued attribute on its own.
 */
public final class AttributeCondition implements Condition {
    private final AttributeRef attribute;
    private final Op op;
    private final String operand;
    private final LetterCase letterCase;
    private final Pattern pattern;
    private final BigDecimal number;

    private AttributeCondition(AttributeRef attribute, Op op, String operand, LetterCase letterCase) {
        if (op.unary() != (operand == null)) {
            throw new IllegalArgumentException(op.word() + (op.unary() ? " takes no operand" : " needs an operand"));
        }
        this.attribute = attribute;
        this.op = op;
        this.operand = operand;
        this.letterCase = letterCase;
        int flags = letterCase == LetterCase.IGNORED ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        this.pattern = op != Op.MATCHES ? null : Pattern.compile(operand, flags);
        this.number = op.numeric() ? number(op, operand) : null;
    }

    private static BigDecimal number(Op op, String operand) {
        BigDecimal n = decimal(operand.trim());
        if (n == null) {
            throw new IllegalArgumentException(op.word() + " needs a decimal number");
        }
        return n;
    }

    /**
     * @param operand the text, expression or number compared with; null for present, absent and empty
     * @throws IllegalArgumentException when the operand is missing, superfluous, not a number for a
     *     numeric operator, or not a regular expression for matches
     */
    public static AttributeCondition of(AttributeRef attribute, Op op, String operand, LetterCase letterCase) {
        return new AttributeCondition(attribute, op, operand, letterCase);
    }

    public AttributeRef attribute() { return attribute; }

    public Op op() { return op; }

    /** The operand, or null for a unary operator. */
    public String operand() { return operand; }

    public LetterCase letterCase() { return letterCase; }

    @Override
    public boolean test(Scope scope) {
        List<String> values = attribute.texts(scope);
        return switch (op) {
            case PRESENT -> !values.isEmpty();
            case ABSENT -> values.isEmpty();
            case NOT_EQUALS -> !anyPasses(values, Op.EQUALS);
            default -> anyPasses(values, op);
        };
    }

    private boolean anyPasses(List<String> values, Op test) {
        for (String v : values) {
            if (v != null && passes(v, test)) {
                return true;
            }
        }
        return false;
    }

    private boolean passes(String v, Op test) {
        boolean ignore = letterCase == LetterCase.IGNORED;
        return switch (test) {
            case EMPTY -> v.isEmpty();
            case EQUALS -> ignore ? v.trim().equalsIgnoreCase(operand.trim()) : v.trim().equals(operand.trim());
            case CONTAINS -> ignore ? lower(v).contains(lower(operand)) : v.contains(operand);
            case STARTS_WITH -> v.trim().regionMatches(ignore, 0, operand, 0, operand.length());
            case ENDS_WITH -> endsWith(v.trim(), ignore);
            case MATCHES -> pattern.matcher(v.trim()).matches();
            default -> anyNumber(v, test);
        };
    }

    private boolean endsWith(String v, boolean ignore) {
        int from = v.length() - operand.length();
        return from >= 0 && v.regionMatches(ignore, from, operand, 0, operand.length());
    }

    private boolean anyNumber(String v, Op test) {
        for (String part : v.split("\\\\")) {
            BigDecimal n = decimal(part.trim());
            if (n == null) {
                continue;
            }
            int c = n.compareTo(number);
            boolean holds = switch (test) {
                case LESS_THAN -> c < 0;
                case AT_MOST -> c <= 0;
                case GREATER_THAN -> c > 0;
                case AT_LEAST -> c >= 0;
                default -> c == 0;
            };
            if (holds) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal decimal(String s) {
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }

    /** E.g. {@code Modality equals "MR"}; the letter case is named only where it is not the recipe's default. */
    @Override
    public String describe() {
        String text = attribute.describe() + " " + op.word() + (operand == null ? "" : " \"" + operand + "\"");
        if (op.textual() && letterCase != LetterCase.defaultFor(op)) {
            text += letterCase == LetterCase.SENSITIVE ? " (case-sensitive)" : " (case ignored)";
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeCondition a && a.attribute.equals(attribute) && a.op == op
                && Objects.equals(a.operand, operand) && a.letterCase == letterCase;
    }

    @Override
    public int hashCode() { return Objects.hash(attribute, op, operand, letterCase); }

    @Override
    public String toString() { return describe(); }
}
