package org.cloak.deid.recipe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;
import org.cloak.deid.rule.AttributeCondition;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Condition.LetterCase;
import org.cloak.deid.rule.Condition.Op;

/**
 * Reads an entry's {@code when}: one test {@code {attribute: REF, OPERATOR: VALUE}} (with an
 * optional {@code case-sensitive}), or {@code {all: [...]}}, {@code {any: [...]}} or
 * {@code {not: ...}} over nested ones. Messages never repeat an operand: it may be PHI.
 */
final class WhenSection {
    static final List<String> OPERATORS = Arrays.stream(Op.values()).map(Op::word).toList();
    private static final List<String> COMBINATORS = List.of("all", "any", "not");
    private static final Set<String> KEYS = keys();

    private WhenSection() {}

    private static Set<String> keys() {
        Set<String> k = new HashSet<>(OPERATORS);
        k.addAll(COMBINATORS);
        k.add("attribute");
        k.add("case-sensitive");
        return Set.copyOf(k);
    }

    static Condition read(YamlNode node, String where) throws RecipeException {
        Fields w = Fields.of(node, where, KEYS);
        List<String> combinators = COMBINATORS.stream().filter(w::has).toList();
        if (!combinators.isEmpty()) {
            return combination(w, combinators);
        }
        if (!w.has("attribute")) {
            throw new RecipeException(w.line(), w.where() + " needs 'attribute'");
        }
        List<String> ops = OPERATORS.stream().filter(w::has).toList();
        if (ops.size() != 1) {
            throw new RecipeException(w.line(), w.where() + " needs exactly one of " + OPERATORS);
        }
        String opWord = ops.get(0);
        Op op = Op.valueOf(opWord.toUpperCase(Locale.ROOT).replace('-', '_'));
        var attribute = PathSyntax.attribute(w.text("attribute", null), w.valueLine("attribute"));
        if (w.has("case-sensitive") && !op.textual()) {
            throw new RecipeException(w.keyLine("case-sensitive"),
                    "'case-sensitive' goes with a text test, not " + opWord);
        }
        LetterCase letterCase = !w.has("case-sensitive") ? LetterCase.defaultFor(op)
                : w.bool("case-sensitive", false) ? LetterCase.SENSITIVE : LetterCase.IGNORED;
        if (op.unary()) {
            return unary(w, op, attribute, letterCase);
        }
        return AttributeCondition.of(attribute, op, operand(w, op, opWord), letterCase);
    }

    /** present/absent: true or false (present: false is absent); empty: true only. */
    private static Condition unary(Fields w, Op op, org.cloak.deid.rule.path.AttributeRef attribute, LetterCase c)
            throws RecipeException {
        String word = op.word();
        boolean yes = w.bool(word, true);
        if (op == Op.EMPTY) {
            if (!yes) {
                throw new RecipeException(w.valueLine(word),
                        w.path(word) + " takes true only (for a value use not-equals)");
            }
            return AttributeCondition.of(attribute, op, null, c);
        }
        return AttributeCondition.of(attribute, yes == (op == Op.PRESENT) ? Op.PRESENT : Op.ABSENT, null, c);
    }

    private static String operand(Fields w, Op op, String word) throws RecipeException {
        if (!(w.node(word) instanceof Scalar s) || s.type() == ScalarType.NULL || s.text().isBlank()) {
            throw new RecipeException(w.valueLine(word), w.path(word) + " needs a value (for an empty one use absent)");
        }
        String operand = w.text(word, null).trim();
        if (op == Op.MATCHES) {
            try {
                Pattern.compile(operand);
            } catch (PatternSyntaxException e) {
                throw new RecipeException(w.valueLine(word),
                        "not a valid regular expression: " + e.getDescription(), e);
            }
        }
        if (op.numeric() && !operand.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new RecipeException(w.valueLine(word), w.path(word) + " needs a decimal number");
        }
        return operand;
    }

    private static Condition combination(Fields w, List<String> combinators) throws RecipeException {
        boolean mixed = w.has("attribute") || OPERATORS.stream().anyMatch(w::has) || w.has("case-sensitive");
        if (combinators.size() > 1 || mixed) {
            throw new RecipeException(w.line(),
                    w.where() + " holds either one test on an 'attribute' or one of " + COMBINATORS);
        }
        String key = combinators.get(0);
        if (key.equals("not")) {
            return Condition.not(read(w.node(key), w.path(key)));
        }
        List<YamlNode> items = w.list(key);
        if (items.isEmpty()) {
            throw new RecipeException(w.valueLine(key), w.path(key) + " needs at least one condition");
        }
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parts.add(read(items.get(i), w.path(key) + "[" + i + "]"));
        }
        return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
    }
}
