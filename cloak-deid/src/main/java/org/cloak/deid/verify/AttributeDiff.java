package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.verify.AttributePath.Located;
import org.cloak.deid.verify.Difference.Change;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tags;

/**
 * Attribute-level difference of two data sets: attributes added, removed or changed, at every
 * depth, items of a sequence matched by position. Group lengths are left out (writers recompute
 * them). Bulk values are compared by streaming, so pixel data costs no heap. The reader bounds
 * the nesting depth, which bounds the recursion here.
 */
public final class AttributeDiff {
    private AttributeDiff() {}

    /** Where the elements of a data set being compared sit: the top level, or an item of a sequence. */
    private record Where(AttributePath sequence, int item) {
        static final Where TOP = new Where(null, -1);

        AttributePath pathOf(int tag) {
            return sequence == null ? AttributePath.of(tag) : sequence.child(item, tag);
        }
    }

    /** The differences from {@code a} to {@code b}, in tag order, depth first. */
    public static List<Difference> diff(DataSet a, DataSet b) {
        List<Difference> out = new ArrayList<>();
        compare(a, b, Where.TOP, out);
        return out;
    }

    private static void compare(DataSet a, DataSet b, Where where, List<Difference> out) {
        List<Element> ea = a.elements();
        List<Element> eb = b.elements();
        int i = 0;
        int j = 0;
        while (i < ea.size() || j < eb.size()) {
            int c = i >= ea.size() ? 1 : j >= eb.size() ? -1 : Integer.compareUnsigned(ea.get(i).tag(),
                    eb.get(j).tag());
            if (c < 0) {
                one(a, ea.get(i++), where, Change.REMOVED, out);
            } else if (c > 0) {
                one(b, eb.get(j++), where, Change.ADDED, out);
            } else {
                both(a, ea.get(i++), b, eb.get(j++), where, out);
            }
        }
    }

    private static void both(DataSet a, Element x, DataSet b, Element y, Where where, List<Difference> out) {
        if (Tags.isGroupLength(x.tag())) {
            return;
        }
        AttributePath p = where.pathOf(x.tag());
        Located la = new Located(a, x);
        Located lb = new Located(b, y);
        if (x.value() instanceof Sequence sa && y.value() instanceof Sequence sb) {
            int n = Math.min(sa.size(), sb.size());
            for (int k = 0; k < n; k++) {
                compare(sa.get(k), sb.get(k), new Where(p, k), out);
            }
            for (int k = n; k < sa.size(); k++) {
                item(sa.get(k), p, k, Change.REMOVED, la, out);
            }
            for (int k = n; k < sb.size(); k++) {
                item(sb.get(k), p, k, Change.ADDED, lb, out);
            }
        } else if (!ValueEquality.same(la, lb)) {
            out.add(new Difference(p, Change.CHANGED, la, lb));
        }
    }

    /** An attribute present on one side only; a sequence contributes its leaves, so every value is listed. */
    private static void one(DataSet owner, Element e, Where where, Change change, List<Difference> out) {
        if (Tags.isGroupLength(e.tag())) {
            return;
        }
        AttributePath p = where.pathOf(e.tag());
        Located l = new Located(owner, e);
        if (e.value() instanceof Sequence s && !s.isEmpty()) {
            for (int k = 0; k < s.size(); k++) {
                item(s.get(k), p, k, change, l, out);
            }
            return;
        }
        out.add(side(p, change, l));
    }

    /** An item present on one side only: its attributes, or the item itself when it is empty. */
    private static void item(DataSet item, AttributePath seq, int k, Change change, Located seqElement,
                             List<Difference> out) {
        if (item.isEmpty()) {
            out.add(side(seq.item(k), change, seqElement));
            return;
        }
        for (Element e : item) {
            one(item, e, new Where(seq, k), change, out);
        }
    }

    private static Difference side(AttributePath p, Change change, Located l) {
        return new Difference(p, change, change == Change.REMOVED ? l : null, change == Change.ADDED ? l : null);
    }
}
