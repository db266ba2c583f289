package org.cloak.dicom.text;

import java.util.Set;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tags;

/**
 * Chooses the attributes a listing shows. A sequence that does not match itself is still shown
 * when something inside it matches, with only the items that hold a match.
 */
@FunctionalInterface
public interface ElementFilter {

    /** @param owner the data set or item holding {@code e} (for its private creators) */
    boolean test(DataSet owner, Element e);

    /** Attributes with one of these tags. */
    static ElementFilter tags(Set<Integer> tags) {
        return (owner, e) -> tags.contains(e.tag());
    }

    /** Private attributes and their creators. */
    static ElementFilter privateOnly() {
        return (owner, e) -> Tags.isPrivate(e.tag());
    }

    default ElementFilter or(ElementFilter other) {
        return (owner, e) -> test(owner, e) || other.test(owner, e);
    }

    /** Whether {@code e} matches or holds a match in one of its items. */
    default boolean reaches(DataSet owner, Element e) {
        if (test(owner, e)) {
            return true;
        }
        if (e.value() instanceof Sequence s) {
            for (DataSet item : s) {
                if (reachesAny(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any attribute of {@code ds}, at any depth, matches. */
    default boolean reachesAny(DataSet ds) {
        for (Element e : ds) {
            if (reaches(ds, e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy holding the matching attributes (whole, sequences with all their items), the
     * sequences on the way to a match (items without a match left empty, so positions stay), and
     * the private creators of the private attributes kept.
     */
    default DataSet prune(DataSet ds) {
        DataSet out = new DataSet(ds.isBigEndian());
        for (Element e : ds) {
            if (test(ds, e)) {
                out.put(e);
            } else if (e.value() instanceof Sequence s && reaches(ds, e)) {
                Sequence copy = new Sequence(s.isUndefinedLength());
                for (DataSet item : s) {
                    DataSet p = prune(item);
                    p.setParent(out);
                    copy.add(p);
                }
                out.put(e.tag(), e.vr(), copy);
            } else {
                continue;
            }
            int creator = Tags.creatorTagOf(e.tag());
            if (creator >= 0 && ds.get(creator) != null) {
                out.put(ds.get(creator));
            }
        }
        return out;
    }
}
