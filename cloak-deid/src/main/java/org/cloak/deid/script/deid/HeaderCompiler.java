package org.cloak.deid.script.deid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Create;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.Empty;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.KeepWhole;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.AttributeCondition;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.ExprCondition;
import org.cloak.deid.rule.Keywords;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.StageBuilder;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * {@code %header} actions in the rule model, with deid's semantics (deid/dicom/parser.py): the
 * actions run one after another in recipe order, each on what the ones before left; KEEP takes
 * its fields (and deid's protected ones: pixel data, palettes, VOI LUT) out of every other action
 * except ADD, which writes the field whatever it holds; REMOVE leaves alone a top-level field that
 * a REPLACE or JITTER names by keyword (deid's excluded_from_deletion); an action on a field that
 * an earlier REMOVE deleted finds nothing, unless it is an ADD.
 *
 * <p>Rules read the pass's input and the last matching one decides, so a pass is closed where
 * that would differ from running the actions in order: before an action that reads its
 * attribute's value (JITTER, a function, a REMOVE value filter) or changes an attribute an earlier
 * REMOVE of the pass deleted, and before a REMOVE or except: whose left-out fields an earlier
 * action of the pass changed. Every pass ends with the KEEP rules, then the pass's ADDs of kept
 * fields.
 */
final class HeaderCompiler {
    /** deid's config.json "skip" list: fields no action but ADD changes (the file meta ones aside). */
    private static final List<Integer> PROTECTED = List.of(Tag.PixelData, Tag.RedPaletteColorLookupTableData,
            Tag.GreenPaletteColorLookupTableData, Tag.BluePaletteColorLookupTableData, Tag.VOILUTSequence);

    private enum Kind { WRITE, REMOVE }

    private record Pending(Selector selector, Kind kind) {}

    private final String file;
    private final List<String> deviations;
    private final Names names;
    private final Values values;
    private final StageBuilder stages;
    private final List<Pending> pass = new ArrayList<>();
    private final List<Rule> addsOfKept = new ArrayList<>();
    private final List<Selector> kept = new ArrayList<>();
    private final Set<Integer> replacedByKeyword = new LinkedHashSet<>();
    private String origin;

    HeaderCompiler(String file, Names names, Values values, StageBuilder stages, List<String> deviations) {
        this.deviations = deviations;
        this.file = file;
        this.names = names;
        this.values = values;
        this.stages = stages;
    }

    void compile(List<Ast.Action> header) throws ScriptException {
        for (int tag : PROTECTED) {
            kept.add(new Selector.TagIs(tag));
        }
        for (Ast.Action a : header) {
            if (a.verb().equals("KEEP")) {
                Selection s = names.select(a.field());
                if (!s.unless().isEmpty() || s.values() != null) {
                    throw new ScriptException(file, a.line(), a.field().col(), "KEEP " + a.field().text(),
                            "KEEP takes keywords, tags and name expanders; except: and values: are not supported here");
                }
                kept.addAll(s.selectors());
            } else if ((a.verb().equals("REPLACE") || a.verb().equals("JITTER"))
                    && Keywords.tags().containsKey(a.field().text())) {
                replacedByKeyword.add(Keywords.tags().get(a.field().text()));
            }
        }
        for (Ast.Action a : header) {
            origin = file + " line " + a.line();
            Integer single = Names.tag(a.field().text()) != null ? Names.tag(a.field().text())
                    : Keywords.tags().get(a.field().text());
            if (single != null && Tags.group(single) == 2) {
                deviations.add("actions on the file meta (group 0002) have no effect: Cloak writes the file meta anew"
                        + " from the data set (its Media Storage SOP Instance UID follows the SOP Instance UID)");
            }
            action(a);
        }
        close();
    }

    private void action(Ast.Action a) throws ScriptException {
        switch (a.verb()) {
            case "KEEP" -> { }
            case "ADD" -> add(a);
            case "BLANK" -> write(names.select(a.field()), new Empty(), false);
            case "REPLACE" -> {
                Values.Written w = values.written(a, false);
                write(names.select(a.field()), new Derive(w.value()), w.readsSelf());
            }
            case "JITTER" -> {
                int days = values.jitterDays(a);
                ValueExpr moved = new ValueExpr.Call("jitter", List.of(new ValueExpr.Self()), (v, ctx) ->
                        DeidFunctions.jitter(v.get(0), ctx.current() == null ? null : ctx.current().vr(), days));
                write(names.select(a.field()), new Derive(moved), true);
            }
            default -> remove(a);
        }
    }

    /** ADD: the top-level attribute is set, and added where absent (deid's add_field). */
    private void add(Ast.Action a) throws ScriptException {
        Selection s = names.select(a.field());
        if (s.single() == null || !s.unless().isEmpty()) {
            throw new ScriptException(file, a.line(), a.field().col(), "ADD " + a.field().text(),
                    "ADD names one standard attribute by keyword or tag (deid adds nothing for an expander)");
        }
        if (Tags.isPrivate(s.single())) {
            throw new ScriptException(file, a.line(), a.field().col(), "ADD " + a.field().text(),
                    "adding a private element is not supported: its creator and VR are not in the recipe");
        }
        Values.Written w = values.written(a, true);
        Rule r = new Rule(new TagPath(List.of(), new Selector.TagIs(s.single())), new Create(w.value()), origin);
        stages.add(r);
        pass.add(new Pending(r.selector(), Kind.WRITE));
        for (Selector k : kept) {
            if (!(k instanceof TagPath p && !p.levels().isEmpty()) && k.matches(s.single(), null)) {
                addsOfKept.add(r);
                break;
            }
        }
    }

    /** BLANK, REPLACE, JITTER: on fields that are there (and not deleted earlier in the pass). */
    private void write(Selection s, Action action, boolean readsSelf) {
        if (s.values() != null) {
            byValues(s.values(), action);
            return;
        }
        boolean split = false;
        for (Selector sel : s.selectors()) {
            split |= overlaps(sel, readsSelf ? null : Kind.REMOVE);
        }
        for (Selector sel : s.unless()) {
            split |= overlaps(sel, null);
        }
        if (split) {
            close();
        }
        for (Selector sel : s.selectors()) {
            stages.add(new Rule(sel, action, origin));
            pass.add(new Pending(sel, Kind.WRITE));
        }
        restore(s.unless());
    }

    private void remove(Ast.Action a) throws ScriptException {
        Selection s = names.select(a.field());
        if (s.values() != null) {
            if (a.value() != null) {
                throw new ScriptException(file, a.line(), a.valueCol(), "REMOVE " + a.field().text() + " "
                        + a.value(), "a values: FIELD already selects by value; it takes no value filter");
            }
            byValues(s.values(), new Remove());
            return;
        }
        Condition when = a.value() == null ? Condition.ALWAYS : null;
        List<Selector> targets = s.selectors();
        if (when == null) {
            if (s.tags() == null || !s.unless().isEmpty()) {
                throw new ScriptException(file, a.line(), a.valueCol(), "REMOVE " + a.field().text() + " " + a.value(),
                        "a value filter is tested on the attribute's own value, which Cloak's rules can read for"
                                + " attributes named by keyword, tag or endswith: only");
            }
            targets = new ArrayList<>();
            for (int tag : s.tags()) {
                targets.add(new Selector.TagIs(tag));
            }
        }
        List<Selector> spared = new ArrayList<>(s.unless());
        for (int tag : replacedByKeyword) {
            for (Selector sel : targets) {
                if (sel.matches(tag, null)) {
                    spared.add(new TagPath(List.of(), new Selector.TagIs(tag)));
                    break;
                }
            }
        }
        boolean split = false;
        for (Selector sel : targets) {
            split |= when == null && overlaps(sel, null);
        }
        for (Selector sel : spared) {
            split |= overlaps(sel, null);
        }
        if (split) {
            close();
        }
        for (Selector sel : targets) {
            Condition c = when != null ? when : filter(a, ((Selector.TagIs) sel).tag());
            stages.add(new Rule(sel, c, new Remove(), origin));
            pass.add(new Pending(sel, Kind.REMOVE));
        }
        restore(spared);
    }

    /** deid's documented value filters: contains, notcontains (regular expression, case ignored), equals, notequals. */
    private Condition filter(Ast.Action a, int tag) throws ScriptException {
        String v = a.value();
        int colon = v.indexOf(':');
        String kind = colon < 0 ? "" : v.substring(0, colon).toLowerCase(Locale.ROOT);
        String operand = colon < 0 ? "" : v.substring(colon + 1);
        if (kind.equals("func")) {
            throw new ScriptException(file, a.line(), a.valueCol(), "func:" + operand, "calls a Python function of"
                    + " the program running deid; Cloak cannot run it");
        }
        AttributeRef self = new AttributeRef(true, List.of(), ElementKey.of(tag));
        try {
            return switch (kind) {
                case "contains" -> search(self, operand);
                case "notcontains" -> Condition.not(search(self, operand));
                case "equals" -> AttributeCondition.of(self, Condition.Op.EQUALS, operand,
                        Condition.LetterCase.SENSITIVE);
                case "notequals" -> Condition.not(AttributeCondition.of(self, Condition.Op.EQUALS, operand,
                        Condition.LetterCase.SENSITIVE));
                default -> throw new ScriptException(file, a.line(), a.valueCol(), "REMOVE value " + v,
                        "a REMOVE value filter is contains:, notcontains:, equals: or notequals:");
            };
        } catch (PatternSyntaxException e) {
            throw new ScriptException(file, a.line(), a.valueCol(), "REMOVE value " + v, "not a regular expression: "
                    + e.getDescription());
        }
    }

    private static Condition search(AttributeRef self, String regex) {
        return AttributeCondition.of(self, Condition.Op.MATCHES, "(?s).*(?:" + regex + ").*",
                Condition.LetterCase.IGNORED);
    }

    /**
     * A values: FIELD: a rule per standard text attribute, which holds where the attribute's own
     * value holds one of the list's values. The rules read the values, so the pass is closed
     * first when it has rules.
     */
    private void byValues(ValuesList list, Action action) {
        close();
        Kind kind = action instanceof Remove ? Kind.REMOVE : Kind.WRITE;
        for (int tag : TextTags.ALL) {
            AttributeRef self = new AttributeRef(true, List.of(), ElementKey.of(tag));
            ValueExpr found = new ValueExpr.Call("values:" + list.name(), List.of(new ValueExpr.Read(self)),
                    (v, ctx) -> Boolean.toString(list.found(v.get(0), ctx.scope().original())));
            Selector sel = new Selector.TagIs(tag);
            stages.add(new Rule(sel, ExprCondition.of(found, ExprCondition.Kind.TRUE, null), action, origin));
            pass.add(new Pending(sel, kind));
        }
    }

    /** The standard attributes of a text VR (not the repeating groups), which a values list searches. */
    private static final class TextTags {
        static final int[] ALL = load();

        private static int[] load() {
            ElementDictionary dict = ElementDictionary.standard();
            return Keywords.tags().values().stream().mapToInt(Integer::intValue).filter(t -> {
                ElementEntry e = dict.lookup(t);
                return e != null && e.tagPattern().indexOf('x') < 0 && dict.vrOf(t) != null && dict.vrOf(t).isText()
                        && Tags.group(t) != 2;
            }).distinct().toArray();
        }
    }

    /** Fields an action leaves as they were: kept from the pass's input, after the action's rules. */
    private void restore(List<Selector> spared) {
        for (Selector sel : spared) {
            stages.add(new Rule(sel, new Keep(), origin));
            pass.add(new Pending(sel, Kind.WRITE));
        }
    }

    /** Whether a rule of the pass (of that kind, or any when null) may decide an attribute the selector picks. */
    private boolean overlaps(Selector s, Kind kind) {
        for (Pending p : pass) {
            if ((kind == null || p.kind() == kind) && overlap(s, p.selector())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlap(Selector a, Selector b) {
        Integer ta = single(a);
        Integer tb = single(b);
        if (ta != null && tb != null) {
            return ta.equals(tb);
        }
        if (ta != null) {
            return b.matches(ta, null);
        }
        if (tb != null) {
            return a.matches(tb, null);
        }
        return true;
    }

    private static Integer single(Selector s) {
        if (s instanceof Selector.TagIs t) {
            return t.tag();
        }
        if (s instanceof TagPath p && p.element() instanceof Selector.TagIs t) {
            return t.tag();
        }
        return null;
    }

    /** Ends the pass: the kept fields restored, then the pass's ADDs of kept fields. */
    void close() {
        if (pass.isEmpty()) {
            return;
        }
        for (Selector k : kept) {
            stages.add(new Rule(k, new KeepWhole(), file + " KEEP"));
        }
        addsOfKept.forEach(stages::add);
        addsOfKept.clear();
        pass.clear();
        stages.split();
    }
}
