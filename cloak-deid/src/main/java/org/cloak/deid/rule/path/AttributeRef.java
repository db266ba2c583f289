package org.cloak.deid.rule.path;

import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.ValueFormat;

/**
 * An attribute that a condition tests or a computed value reads, in the original data: from the
 * top level or from the item holding the attribute being decided, through sequence items to an
 * element, each step a tag or a private element by creator. Written
 * {@code (0040,0275)[0]/(0040,0009)}; {@code [%]} (any item) makes it read every item.
 *
 * @param fromItem read from the current item instead of the top level
 * @param steps the sequences to go through, outermost first
 * @param element the attribute read
 */
public record AttributeRef(boolean fromItem, List<Step> steps, ElementKey element) {
    /** Any item of a step's sequence. */
    public static final int ANY_ITEM = -1;

    /** A sequence and which of its items to enter ({@link #ANY_ITEM} for each of them). */
    public record Step(ElementKey sequence, int item) {}

    public AttributeRef {
        steps = List.copyOf(steps);
    }

    /** A top-level attribute. */
    public static AttributeRef of(int tag) {
        return new AttributeRef(false, List.of(), ElementKey.of(tag));
    }

    /** Whether the attribute is there (with any value, even empty). */
    public boolean present(Scope scope) {
        List<Found> found = new ArrayList<>(1);
        collect(start(scope), 0, found);
        return !found.isEmpty();
    }

    /**
     * The value of each matching element as text: text VRs decoded with their character set
     * (trailing padding removed, every value kept with its backslashes), binary numbers in
     * decimal, "" for an empty value, null for values with no text form (sequences, bulk data).
     */
    public List<String> texts(Scope scope) {
        List<Found> found = new ArrayList<>(1);
        collect(start(scope), 0, found);
        List<String> out = new ArrayList<>(found.size());
        for (Found f : found) {
            out.add(text(f.element(), f.owner()));
        }
        return out;
    }

    /** The first matching value as {@link #texts} gives it, or null when absent or without a text form. */
    public String text(Scope scope) {
        List<String> all = texts(scope);
        return all.isEmpty() ? null : all.get(0);
    }

    /** As written in a recipe, e.g. {@code item:(0040,A730)[%]/CodeMeaning}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(fromItem ? "item:" : "");
        for (Step s : steps) {
            sb.append(s.sequence().describe()).append(s.item() == ANY_ITEM ? "[%]" : "[" + s.item() + "]").append('/');
        }
        return sb.append(element.describe()).toString();
    }

    private DataSet start(Scope scope) {
        return fromItem ? scope.item() : scope.original();
    }

    private record Found(Element element, DataSet owner) {}

    private void collect(DataSet ds, int level, List<Found> out) {
        if (level == steps.size()) {
            Element e = element.find(ds);
            if (e != null) {
                out.add(new Found(e, ds));
            }
            return;
        }
        Step step = steps.get(level);
        Element e = step.sequence().find(ds);
        if (e == null || !(e.value() instanceof Sequence seq)) {
            return;
        }
        if (step.item() == ANY_ITEM) {
            for (DataSet item : seq) {
                collect(item, level + 1, out);
            }
        } else if (step.item() < seq.size()) {
            collect(seq.get(step.item()), level + 1, out);
        }
    }

    private static String text(Element e, DataSet owner) {
        if (!(e.value() instanceof Bytes b)) {
            return e.isEmpty() ? "" : null;
        }
        if (b.data().length == 0) {
            return "";
        }
        if (e.vr().isText()) {
            return owner.getText(e.tag());
        }
        String[] numbers = ValueFormat.numbers(e.vr(), b.data(), owner.isBigEndian());
        return numbers.length == 0 ? null : String.join("\\", numbers);
    }
}
