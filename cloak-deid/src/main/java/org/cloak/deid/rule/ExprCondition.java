package org.cloak.deid.rule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cloak.deid.action.ActionContext;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Element;

/**
 * A test on computed values, for script languages whose conditions compare the results of
 * functions or variables ({@code lowercase[(0008,0060)] = "mr"}, {@code ismatch[...]}). Text is
 * compared exactly, a regular expression must match the whole value, and a value that is absent
 * equals nothing and matches nothing. Only functions of the original values can be used:
 * pseudonyms (keyed hashes, UID maps, patient plans) are not available to a condition.
 */
public final class ExprCondition implements Condition {
    /** How the two values are compared. */
    public enum Kind {
        /** Both have a value and the values are equal. */
        EQUALS("="),
        /** Not {@link #EQUALS}. */
        NOT_EQUALS("!="),
        /** The left value matches the right one as a whole regular expression. */
        MATCHES("~"),
        /** Not {@link #MATCHES}. */
        NOT_MATCHES("!~"),
        /** The left value is the text {@code true} (a boolean function); the right one is not read. */
        TRUE("is true");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() { return symbol; }
    }

    private final ValueExpr left;
    private final Kind kind;
    private final ValueExpr right;
    private final Pattern fixedPattern;

    private ExprCondition(ValueExpr left, Kind kind, ValueExpr right) {
        this.left = Objects.requireNonNull(left);
        this.kind = kind;
        this.right = right;
        boolean regex = kind == Kind.MATCHES || kind == Kind.NOT_MATCHES;
        this.fixedPattern = regex && right instanceof ValueExpr.Literal l ? Pattern.compile(l.text()) : null;
    }

    /**
     * @param right the value compared with (null for {@link Kind#TRUE})
     * @throws java.util.regex.PatternSyntaxException when a literal regular expression is not one
     */
    public static ExprCondition of(ValueExpr left, Kind kind, ValueExpr right) {
        if ((kind == Kind.TRUE) != (right == null)) {
            throw new IllegalArgumentException(kind + (right == null ? " needs a value" : " takes no value"));
        }
        return new ExprCondition(left, kind, right);
    }

    @Override
    public boolean test(Scope scope) {
        ActionContext ctx = new ScopeOnly(scope);
        String l = left.evaluate(ctx);
        return switch (kind) {
            case TRUE -> "true".equals(l);
            case EQUALS -> l != null && l.equals(right.evaluate(ctx));
            case NOT_EQUALS -> l == null || !l.equals(right.evaluate(ctx));
            case MATCHES -> matches(l, ctx);
            case NOT_MATCHES -> !matches(l, ctx);
        };
    }

    private boolean matches(String l, ActionContext ctx) {
        if (l == null) {
            return false;
        }
        Pattern p = fixedPattern;
        if (p == null) {
            String r = right.evaluate(ctx);
            if (r == null) {
                return false;
            }
            p = Pattern.compile(r);
        }
        return p.matcher(l).matches();
    }

    @Override
    public String describe() {
        return left.describe() + " " + kind.symbol() + (right == null ? "" : " " + right.describe());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExprCondition c && c.left.equals(left) && c.kind == kind && Objects.equals(c.right, right);
    }

    @Override
    public int hashCode() { return Objects.hash(left, kind, right); }

    @Override
    public String toString() { return describe(); }

    /** What a condition's expressions may read: the scope, nothing that needs the secret or the plan. */
    private record ScopeOnly(Scope scope) implements ActionContext {
        @Override
        public String text(Element e) {
            return new org.cloak.deid.rule.path.AttributeRef(true, java.util.List.of(),
                    org.cloak.deid.rule.path.ElementKey.of(e.tag())).text(scope);
        }

        @Override
        public Element withText(Element e, String value) { throw unavailable(); }

        @Override
        public String mapUid(String uid) { throw unavailable(); }

        @Override
        public String newPatientId() { throw unavailable(); }

        @Override
        public String newPatientName() { throw unavailable(); }

        @Override
        public int dateOffsetDays() { throw unavailable(); }

        @Override
        public String timepoint() { throw unavailable(); }

        @Override
        public LocalDate timepointDate(LocalDate original) { throw unavailable(); }

        @Override
        public LocalDate processingDate() { throw unavailable(); }

        @Override
        public String clean(String text) { throw unavailable(); }

        @Override
        public String hash(String value, int length) { throw unavailable(); }

        private static IllegalStateException unavailable() {
            return new IllegalStateException("a condition reads original values only");
        }
    }
}
