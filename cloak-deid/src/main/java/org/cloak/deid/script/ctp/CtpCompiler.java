package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Create;
import org.cloak.deid.action.Derive;
import org.cloak.deid.action.KeepWhole;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.ValueExpr;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.dicom.dict.Tag;

/**
 * Compiles the lines of a DicomAnonymizer script into one pass of rules with CTP's processing
 * model: every function reads the original object; an element's script decides it (remove,
 * keep, write); the global switches (remove private groups, unspecified elements, overlays;
 * keep groups, safe private elements) decide the elements without a script, keeps winning over
 * removals and scripts over both, and removing overlays over everything; a sequence's items are
 * processed only when its script is {@code @process()}, and a missing element is added only at
 * the top level by a script starting with {@code @always()}. A script that stops CTP
 * ({@code @quarantine()}, {@code @skip()}, a lookup miss) becomes a gate.
 */
final class CtpCompiler {
    private final String file;
    private final ScriptInputs inputs;
    private final boolean xml;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> deviations = new LinkedHashSet<>();
    private final Switches sw = new Switches();
    private boolean privateLines;

    /** The global switches, as DICOMAnonymizerContext reads them. */
    static final class Switches {
        boolean removePrivate;
        boolean removeUnspecified;
        boolean removeOverlays;
        boolean removeCurves;
        boolean keepSafePrivate;
        final List<Integer> keepGroups = new ArrayList<>();
    }

    CtpCompiler(String file, ScriptInputs inputs, boolean xml) {
        this.file = file;
        this.inputs = inputs;
        this.xml = xml;
    }

    CompiledScript compile(List<Entry> entries) throws ScriptException {
        Map<String, String> params = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.PARAM) {
                params.put(e.target().text().trim(), e.value().text());
            }
        }
        params.putAll(inputs.parameters()); // a value given on the command line wins over the script's
        Program program = Program.empty(file, params, inputs.lookup(), inputs.keyed());
        for (Entry e : entries) {
            if (e.enabled() && (e.kind() == Entry.Kind.KEEP || e.kind() == Entry.Kind.REMOVE)) {
                switchLine(e);
            }
        }
        List<ElementScript> scripts = elements(entries, program);
        Interpreter in = new Interpreter(program);
        Set<Selector> processed = new LinkedHashSet<>();
        for (ElementScript s : scripts) {
            if (Shapes.process(s.script())) {
                processed.add(s.selector());
            }
        }
        Places places = new Places(processed);
        List<Rule> rules = new ArrayList<>(new SwitchRules(sw, places).before());
        for (ElementScript s : scripts) {
            rules.addAll(scriptRules(s, in, places));
        }
        rules.addAll(new SwitchRules(sw, places).after());
        List<DeidConfig.Gate> gates = new StopGates(scripts, in, places).gates();
        notes(program);
        DeidConfig.Stage stage = new DeidConfig.Stage(gates, new RuleSet(rules));
        return new CompiledScript(file, ScriptFormat.CTP, List.of(stage), List.copyOf(warnings),
                List.copyOf(deviations));
    }

    private void switchLine(Entry e) throws ScriptException {
        String t = e.target().text().trim();
        if (e.kind() == Entry.Kind.REMOVE) {
            switch (t) {
                case "privategroups" -> sw.removePrivate = true;
                case "unspecifiedelements" -> sw.removeUnspecified = true;
                case "overlays" -> sw.removeOverlays = true;
                case "curves" -> sw.removeCurves = true;
                default -> throw new ScriptException(file, e.line(), e.column(), "remove " + t,
                        "CTP removes privategroups, unspecifiedelements, curves and overlays");
            }
            return;
        }
        if (t.startsWith("safe")) {
            sw.keepSafePrivate = true;
            deviations.add("keep.safeprivateelements keeps the safe private attributes of PS3.15 Table E.3.10-1;"
                    + " CTP keeps those its own PrivateTagIndex marks K, a list of the same origin");
            return;
        }
        if (!t.matches("[0-9a-fA-F]{1,4}")) {
            throw new ScriptException(file, e.line(), e.column(), "keep group " + t,
                    "a kept group is four hex digits (keep.group0018, <k t=\"0018\">)");
        }
        sw.keepGroups.add(Integer.parseInt(t, 16));
    }

    private List<ElementScript> elements(List<Entry> entries, Program program) throws ScriptException {
        Targets targets = new Targets(file, xml);
        ElementNames names = new ElementNames(file);
        List<Entry> lines = new ArrayList<>();
        List<Expr.Seq> parsed = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.ELEMENT && e.enabled()) {
                Expr.Seq seq = ValueParser.parse(file, e.value());
                if (!targets.creator(e.target(), seq)) {
                    lines.add(e);
                    parsed.add(seq);
                }
            }
        }
        Map<Selector, ElementScript> byTarget = new LinkedHashMap<>();
        List<Targets.Target> resolved = new ArrayList<>();
        ScriptException badTarget = null;
        int badAt = -1;
        for (Entry e : lines) {
            Targets.Target t = null;
            try {
                t = targets.target(e.target(), names);
            } catch (ScriptException bad) {
                if (badTarget == null) {
                    badTarget = bad;
                    badAt = resolved.size();
                }
            }
            resolved.add(t);
            if (t != null && t.key().creator() != null) {
                names.name(e.name(), t.key()); // names hold for the whole script, so they are all known first
            }
        }
        Checker checker = new Checker(file, program, names);
        for (int i = 0; i < lines.size(); i++) {
            if (i == badAt) {
                throw badTarget; // errors are reported in the order of the file
            }
            Targets.Target t = resolved.get(i);
            if (t == null) {
                continue; // group 0000 and 0002: CTP writes the file meta anew from the data set, as Cloak does
            }
            Entry e = lines.get(i);
            Expr.Seq seq = parsed.get(i);
            checker.check(seq, Shapes.processCall(seq));
            boolean always = !seq.parts().isEmpty() && seq.parts().get(0) instanceof Expr.Call c
                    && c.name().equals("always");
            byTarget.remove(t.selector()); // a later line for the same element replaces the earlier one
            byTarget.put(t.selector(), new ElementScript(t.selector(), t.key(), seq, always,
                    file + " line " + e.line(), e.value()));
            program.scripts().put(t.key(), seq);
            markerNotes(t, seq);
            privateLines |= t.key().creator() != null;
            if (always && !byTarget.get(t.selector()).creatable()) {
                deviations.add("@always() does not add a missing sequence (CTP adds an empty one for"
                        + " @always()@require())");
            }
        }
        return new ArrayList<>(byTarget.values());
    }

    private void markerNotes(Targets.Target t, Expr.Seq seq) {
        int tag = t.key().creator() == null ? t.key().tag() : 0;
        if (tag == Tag.PatientIdentityRemoved || tag == Tag.DeidentificationMethod
                || tag == Tag.LongitudinalTemporalInformationModified) {
            deviations.add("Patient Identity Removed, De-identification Method and Longitudinal Temporal Information"
                    + " Modified are written by Cloak after the script (YES, the script's name, and whether a date"
                    + " changed), whatever the script's lines for them say");
        }
        if (tag == Tag.DeidentificationMethodCodeSequence) {
            deviations.add("the De-identification Method Code Sequence tokens (113100/113105...) are checked but not"
                    + " written: with a base profile Cloak writes the profile's codes, a script alone writes none;"
                    + " 'reset' removes the codes the object had");
        }
    }

    private List<Rule> scriptRules(ElementScript s, Interpreter in, Places places) throws ScriptException {
        boolean removes = !s.script().parts().isEmpty() && s.script().parts().get(0) instanceof Expr.Call c
                && c.name().equals("remove"); // CTP applies a line starting with @remove() after the pixels too
        Condition where = removes ? places.reached() : places.reached(s.key());
        List<Rule> out = new ArrayList<>();
        int tag = s.key().creator() == null ? s.key().tag() : 0;
        if (tag == Tag.DeidentificationMethodCodeSequence) {
            return MethodCodes.rules(file, s, where);
        }
        Action fixed = Shapes.fixed(s);
        if (fixed instanceof org.cloak.deid.action.Empty && !s.creatable()) {
            deviations.add("@empty() on a sequence empties it; CTP (since 2016) leaves a sequence that is there as it"
                    + " is, items and all, where older versions emptied it");
        }
        if (fixed != null) {
            out.add(new Rule(s.selector(), where, fixed, s.origin()));
            return out;
        }
        ValueExpr value = new ValueExpr.Call("ctp " + s.origin(), List.of(), (v, ctx) -> {
            Decision d = s.decide(in, ctx.scope(), ctx);
            return d.kind() == Decision.Kind.WRITE ? d.value() : null;
        });
        Action write = s.always() && s.creatable() ? new Create(value) : new Derive(value);
        out.add(new Rule(s.selector(), Condition.all(where, decides(s, in, Decision.Kind.WRITE)), write,
                s.origin()));
        out.add(new Rule(s.selector(), Condition.all(where, decides(s, in, Decision.Kind.REMOVE)), new Remove(),
                s.origin()));
        out.add(new Rule(s.selector(), Condition.all(where, decides(s, in, Decision.Kind.KEEP)), new KeepWhole(),
                s.origin()));
        return out;
    }

    private static Condition decides(ElementScript s, Interpreter in, Decision.Kind kind) {
        return Places.test("ctp " + s.origin() + " decides " + kind,
                scope -> s.decide(in, scope, null).kind() == kind);
    }

    private void notes(Program program) {
        Set<String> used = new LinkedHashSet<>();
        for (Expr.Seq s : program.scripts().values()) {
            Shapes.names(s, used);
        }
        if (!inputs.keyed() && (used.contains("hash") || used.contains("hashuid") || used.contains("hashptid")
                || used.contains("hashname") || used.contains("hashdate"))) {
            warnings.add("CTP's @hash, @hashuid, @hashptid, @hashname and @hashdate are unkeyed MD5 hashes: anyone"
                    + " holding an original value can compute its new one; --keyed makes them Cloak's keyed hashes"
                    + " instead (different from CTP's)");
        }
        if (used.contains("date")) {
            deviations.add("@date() is the run's processing date (CTP: the clock's date when the file is processed)");
        }
        if (used.contains("time")) {
            deviations.add("@time() is a time of day derived from the project secret, the same in every file (CTP:"
                    + " the clock's time when the file is processed)");
        }
        if (used.contains("integer")) {
            deviations.add("@integer gives digits derived from the project secret and the value (CTP numbers values"
                    + " 1, 2, 3... in the order its integer table first sees them)");
        }
        if (used.contains("skip")) {
            deviations.add("@skip() holds the file back as refused (CTP passes it on unchanged, which would let its"
                    + " identifiers through)");
        }
        if (used.contains("incrementdate") || used.contains("hashdate") || used.contains("dateinterval")) {
            deviations.add("a multi-valued date (DA with VM 1-n) is moved value by value as CTP does, but Cloak writes"
                    + " a DA, TM, DT, DS, IS or UI value only where it is one valid value: such an element comes out"
                    + " empty");
            deviations.add("dates move by calendar days; CTP adds days of 24 hours in its JVM's time zone, which in a"
                    + " zone with daylight saving time can give the day before when the move crosses a change");
        }
        if (sw.removePrivate) {
            deviations.add("with remove.privategroups, the private creator of a block an element of which survives"
                    + " (by a script or a keep) is kept; CTP removes the creator and leaves the element without one");
        }
        if (privateLines) {
            deviations.add("changed private elements keep their VR (CTP writes them as LO or LT, or with the VR of its"
                    + " private tag index); a block is found by its creator's exact text (CTP's wiki calls BlockIDs"
                    + " case-insensitive, its code compares them exactly for script lines)");
        }
    }
}
