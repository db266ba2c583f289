package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.rule.AttributeCondition;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.script.ScriptException;

/**
 * The tests of {@code %filter} LABELs, read as deid reads them (deid/config/utils.py
 * parse_member: a line's first {@code ||} or {@code +} splits it when the rest holds another
 * test) and evaluated as deid evaluates them (left to right, "and"/"or" with no precedence; two
 * lines with no operator between them are or-ed). The recipe-filters documentation gives the
 * meaning of each test: contains is a regular expression search, equals an exact match (where
 * {@code a|b} is either), both ignoring case; empty is present with an empty value; missing is
 * absent.
 */
final class Filters {
    private Filters() {}

    /** One criteria line without its leading operator. */
    static Ast.Criteria parseLine(String file, String raw, String line, String operator, int number)
            throws ScriptException {
        List<Ast.Criterion> tests = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(line));
        while (!pending.isEmpty()) {
            String member = pending.remove(0).strip();
            int or = member.indexOf("||");
            int and = member.indexOf('+');
            String op = or >= 0 && (and < 0 || or < and) ? "||" : and >= 0 ? "+" : null;
            if (op != null) {
                int at = member.indexOf(op);
                String rest = member.substring(at + op.length());
                if (Parser.TESTS.stream().anyMatch(rest::contains)) {
                    pending.add(rest.strip());
                    inner.add(op.equals("+") ? "and" : "or");
                    member = member.substring(0, at).strip();
                }
            }
            tests.add(test(file, raw, member, number));
        }
        return new Ast.Criteria(tests, inner, operator, number);
    }

    private static Ast.Criterion test(String file, String raw, String member, int number) throws ScriptException {
        int col = Math.max(raw.indexOf(member), 0) + 1;
        String[] parts = member.split("\\s+", 2);
        String op = parts[0].toLowerCase(Locale.ROOT);
        if (!Parser.TESTS.contains(op)) {
            throw new ScriptException(file, number, col, "filter test " + parts[0],
                    "unknown test; deid has contains, notcontains, equals, notequals, missing, present and empty");
        }
        String rest = parts.length > 1 ? parts[1].strip() : "";
        boolean unary = op.equals("missing") || op.equals("present") || op.equals("empty");
        String[] fv = rest.split("\\s+", 2);
        if (rest.isEmpty() || !unary && fv.length < 2) {
            throw new ScriptException(file, number, col, "filter test " + op,
                    unary ? "needs a field" : "needs a field and a value");
        }
        if (unary && fv.length > 1) {
            throw new ScriptException(file, number, col, "filter test " + op, "takes a field only");
        }
        String value = unary ? null : fv[1].strip();
        if (value != null && (op.equals("contains") || op.equals("notcontains"))) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new ScriptException(file, number, col, "filter test " + op, "not a regular expression: "
                        + e.getDescription());
            }
        }
        return new Ast.Criterion(op, fv[0], value, number, col);
    }

    /** The condition under which a LABEL flags a file. */
    static Condition condition(String file, Ast.Label label, List<String> warnings) throws ScriptException {
        Condition flagged = null;
        for (Ast.Criteria c : label.criteria()) {
            Condition line = test(file, c.tests().get(0), warnings);
            for (int i = 1; i < c.tests().size(); i++) {
                line = join(line, c.inner().get(i - 1), test(file, c.tests().get(i), warnings));
            }
            flagged = flagged == null ? line : join(flagged, c.operator() == null ? "or" : c.operator(), line);
        }
        return flagged == null ? Condition.ALWAYS : flagged;
    }

    private static Condition join(Condition left, String op, Condition right) {
        return op.equals("and") ? Condition.all(left, right) : Condition.any(left, right);
    }

    private static Condition test(String file, Ast.Criterion t, List<String> warnings) throws ScriptException {
        Integer tag = Names.filterTag(file, t);
        if (tag == null) {
            // deid reads dicom.get(field): a name that is no keyword is a field that is never there
            warnings.add(t.line() + ":" + t.col() + ": " + t.field() + " is not a DICOM keyword: deid finds no such"
                    + " attribute, so this " + t.op() + " test always " + (absentHolds(t.op()) ? "holds" : "fails")
                    + ", in Cloak too");
            return absentHolds(t.op()) ? Condition.ALWAYS : new Condition.Any(List.of());
        }
        AttributeRef ref = AttributeRef.of(tag);
        return switch (t.op()) {
            case "missing" -> AttributeCondition.of(ref, Condition.Op.ABSENT, null, Condition.LetterCase.IGNORED);
            case "present" -> AttributeCondition.of(ref, Condition.Op.PRESENT, null, Condition.LetterCase.IGNORED);
            case "empty" -> AttributeCondition.of(ref, Condition.Op.EMPTY, null, Condition.LetterCase.IGNORED);
            case "contains" -> search(ref, t.value());
            case "notcontains" -> Condition.not(search(ref, t.value()));
            case "equals" -> whole(ref, t.value());
            default -> Condition.not(whole(ref, t.value()));
        };
    }

    private static boolean absentHolds(String op) {
        return op.equals("missing") || op.equals("notcontains") || op.equals("notequals");
    }

    private static Condition search(AttributeRef ref, String regex) {
        return AttributeCondition.of(ref, Condition.Op.MATCHES, "(?s).*(?:" + regex + ").*",
                Condition.LetterCase.IGNORED);
    }

    private static Condition whole(AttributeRef ref, String value) {
        StringBuilder alternatives = new StringBuilder();
        for (String v : value.split("\\|", -1)) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(v.strip()));
        }
        return AttributeCondition.of(ref, Condition.Op.MATCHES, "(?:" + alternatives + ")",
                Condition.LetterCase.IGNORED);
    }
}
