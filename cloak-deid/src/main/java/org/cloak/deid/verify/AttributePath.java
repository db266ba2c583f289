package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tags;

/**
 * Where an attribute sits in a data set: the sequences and item positions leading to it, written
 * as the audit writes it, e.g. {@code (0008,1140)[0](0008,1155)}.
 */
public record AttributePath(List<Step> steps) {

    /** One level: a tag, and for a sequence being entered the item's position (else -1). */
    public record Step(int tag, int item) {}

    public AttributePath {
        steps = List.copyOf(steps);
    }

    public static AttributePath of(int tag) {
        return new AttributePath(List.of(new Step(tag, -1)));
    }

    /** This path (ending at a sequence) entered at item {@code index}, then {@code tag}. */
    public AttributePath child(int index, int tag) {
        List<Step> s = new ArrayList<>(steps);
        Step last = s.remove(s.size() - 1);
        s.add(new Step(last.tag(), index));
        s.add(new Step(tag, -1));
        return new AttributePath(s);
    }

    /** This path (ending at a sequence) pointing at item {@code index} itself. */
    public AttributePath item(int index) {
        List<Step> s = new ArrayList<>(steps);
        Step last = s.remove(s.size() - 1);
        s.add(new Step(last.tag(), index));
        return new AttributePath(s);
    }

    /** The tag of the attribute the path ends at (the sequence's, for a path to an item). */
    public int tag() { return steps.get(steps.size() - 1).tag(); }

    public int depth() { return steps.size() - 1; }

    /** The attribute at this path with the data set (item) holding it, or null when absent. */
    public Located locate(DataSet root) {
        DataSet ds = root;
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            Element e = ds.get(st.tag());
            if (e == null) {
                return null;
            }
            if (st.item() < 0) {
                return i == steps.size() - 1 ? new Located(ds, e) : null;
            }
            if (!(e.value() instanceof Sequence seq) || st.item() >= seq.size()) {
                return null;
            }
            ds = seq.get(st.item());
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(Tags.toString(s.tag()));
            if (s.item() >= 0) {
                sb.append('[').append(s.item()).append(']');
            }
        }
        return sb.toString();
    }

    /** An attribute found in a data set, with the item that holds it (for its character set and creators). */
    public record Located(DataSet owner, Element element) {}
}
