package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.Scope;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.dict.Tags;

/**
 * A {@code %values} group, as deid/dicom/groups.py extract_values_list collects it from the file
 * before the header actions run: FIELD takes the values of the fields it names, SPLIT splits
 * their text ({@code by=}, default a space) into parts of at least {@code minlength} characters.
 * A {@code values:} FIELD then takes every field whose value the values, joined into one regular
 * expression {@code (v1|v2|...)} as deid joins them, are found in, ignoring case
 * (parser.find_by_values, fields.value_contains). The values are collected once per file.
 */
final class ValuesList {
    /** One FIELD or SPLIT line. */
    record Step(boolean split, List<Selector> selectors, String by, int minLength) {}

    private final String name;
    private final List<Step> steps;
    private final boolean removePrivate;
    private final boolean stripSequences;
    /** The file whose values were collected last on this thread, and their expression. */
    private final ThreadLocal<Object[]> last = new ThreadLocal<>();

    ValuesList(String name, List<Step> steps, boolean removePrivate, boolean stripSequences) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.removePrivate = removePrivate;
        this.stripSequences = stripSequences;
    }

    /** The list a %values group defines, its FIELD and SPLIT lines read with {@code names}. */
    static ValuesList of(String file, Ast.Group g, Names names, boolean removePrivate, boolean stripSequences)
            throws ScriptException {
        List<ValuesList.Step> steps = new ArrayList<>();
        for (Ast.GroupAction a : g.actions()) {
            if (a.field().text().startsWith("fields:") || a.field().text().startsWith("values:")) {
                throw new ScriptException(file, a.line(), a.col(), "field " + a.field().text(),
                        "a %values group lists fields and expanders, not other groups");
            }
            Selection s = names.select(a.field());
            if (!s.unless().isEmpty()) {
                throw new ScriptException(file, a.line(), a.col(), "field " + a.field().text(),
                        "except: inside a %values group is not supported");
            }
            String by = " ";
            int minLength = 1;
            if (a.verb().equals("SPLIT") && a.value() != null) {
                for (String param : a.value().split(";")) {
                    String[] kv = param.split("=", 2);
                    String key = kv[0].strip();
                    if (kv.length == 2 && key.equals("by")) {
                        by = kv[1].strip().replaceAll("^[\"']|[\"']$", "");
                    } else if (kv.length == 2 && key.equals("minlength") && kv[1].strip().matches("\\d+")) {
                        minLength = Integer.parseInt(kv[1].strip());
                    } else {
                        throw new ScriptException(file, a.line(), a.col(), "SPLIT " + param.strip(),
                                "SPLIT takes by=TEXT and minlength=NUMBER, separated by ;");
                    }
                }
            }
            steps.add(new ValuesList.Step(a.verb().equals("SPLIT"), s.selectors(), by, minLength));
        }
        return new ValuesList(g.name(), steps, removePrivate, stripSequences);
    }

    String name() { return name; }

    /** Whether one of a field's values holds one of the list's values. */
    boolean found(String text, DataSet original) {
        if (text == null) {
            return false;
        }
        Pattern p = pattern(original);
        if (p == null) {
            return false;
        }
        for (String v : text.split("\\\\", -1)) {
            if (p.matcher(v.strip()).find()) {
                return true;
            }
        }
        return false;
    }

    private Pattern pattern(DataSet original) {
        Object[] cached = last.get();
        if (cached != null && cached[0] == original) {
            return (Pattern) cached[1];
        }
        Set<String> values = new LinkedHashSet<>();
        collect(original, Scope.top(original), values);
        Pattern p = null;
        if (!values.isEmpty()) {
            String joined = "(" + String.join("|", values) + ")";
            try {
                p = Pattern.compile(joined, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                List<String> quoted = new ArrayList<>();
                values.forEach(v -> quoted.add(Pattern.quote(v)));
                p = Pattern.compile("(" + String.join("|", quoted) + ")", Pattern.CASE_INSENSITIVE
                        | Pattern.UNICODE_CASE);
            }
        }
        last.set(new Object[] {original, p});
        return p;
    }

    private void collect(DataSet ds, Scope scope, Set<String> values) {
        for (Element e : ds.elements()) {
            int tag = e.tag();
            String creator = Tags.isPrivate(tag) ? ds.privateCreatorOf(tag) : null;
            if (Tags.isPrivate(tag) && removePrivate) {
                continue;
            }
            if (e.value() instanceof Sequence seq) {
                if (stripSequences) {
                    continue;
                }
                for (int i = 0; i < seq.size(); i++) {
                    collect(seq.get(i), scope.enter(tag, creator, i, seq.get(i)), values);
                }
                continue;
            }
            for (Step s : steps) {
                if (named(s, tag, creator, e.vr(), scope)) {
                    add(s, ds, e, values);
                }
            }
        }
    }

    private static boolean named(Step s, int tag, String creator, Vr vr, Scope scope) {
        for (Selector sel : s.selectors()) {
            if (sel.matches(tag, creator) && sel.matches(tag, creator, vr, scope)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Step s, DataSet ds, Element e, Set<String> values) {
        String[] each = ds.getStrings(e.tag());
        if (!s.split()) {
            for (String v : each) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
            return;
        }
        String text = DeidFunctions.pythonText(String.join("\\", each));
        for (String part : text.split(Pattern.quote(s.by()), -1)) {
            if (part.length() >= s.minLength()) {
                values.add(part);
            }
        }
    }
}
