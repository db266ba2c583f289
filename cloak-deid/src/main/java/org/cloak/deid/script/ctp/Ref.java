package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.DataSet;

/**
 * An element a CTP function reads: {@code this}, or a name through sequences ({@code A::B},
 * the first item of each, as DicomObject.getElementValue walks them), from the dataset being
 * processed or, with {@code root:}, from the top level.
 *
 * @param path the sequences and the element, outermost first; empty for {@code this}
 */
record Ref(boolean root, List<ElementKey> path) {
    static final Ref THIS = new Ref(false, List.of());

    public Ref {
        path = List.copyOf(path);
    }

    boolean isThis() { return path.isEmpty(); }

    private AttributeRef attribute(ElementKey self) {
        if (isThis()) {
            return new AttributeRef(true, List.of(), self);
        }
        List<AttributeRef.Step> steps = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            steps.add(new AttributeRef.Step(path.get(i), 0));
        }
        return new AttributeRef(!root, steps, path.get(path.size() - 1));
    }

    /** The value (values joined by backslashes), "" for an element without text (a sequence), null when absent. */
    String contentsNull(Scope scope, ElementKey self) {
        AttributeRef a = attribute(self);
        String t = a.text(scope);
        if (t != null) {
            return t;
        }
        return a.present(scope) ? "" : null;
    }

    /** As CTP's contents: "" where the element is absent. */
    String contents(Scope scope, ElementKey self) {
        String v = contentsNull(scope, self);
        return v == null ? "" : v;
    }

    /** Whether the element is in the dataset being processed (CTP's contains: one tag, no path). */
    boolean exists(Scope scope, ElementKey self) {
        ElementKey k = isThis() ? self : path.get(path.size() - 1);
        DataSet ds = root ? scope.original() : scope.item();
        return path.size() <= 1 && k.find(ds) != null;
    }

    String describe() {
        if (isThis()) {
            return "this";
        }
        StringBuilder sb = new StringBuilder(root ? "root:" : "");
        for (int i = 0; i < path.size(); i++) {
            sb.append(i > 0 ? "::" : "").append(path.get(i).describe());
        }
        return sb.toString();
    }
}
