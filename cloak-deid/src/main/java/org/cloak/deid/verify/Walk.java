package org.cloak.deid.verify;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;

/** Visits every attribute of a data set at every depth, with its path (the reader bounds the depth). */
final class Walk {
    private Walk() {}

    interface Visitor {
        void visit(AttributePath path, DataSet owner, Element e);
    }

    static void each(DataSet ds, Visitor v) {
        each(ds, null, -1, v);
    }

    private static void each(DataSet ds, AttributePath seq, int item, Visitor v) {
        for (Element e : ds) {
            AttributePath p = seq == null ? AttributePath.of(e.tag()) : seq.child(item, e.tag());
            v.visit(p, ds, e);
            if (e.value() instanceof Sequence s) {
                for (int i = 0; i < s.size(); i++) {
                    each(s.get(i), p, i, v);
                }
            }
        }
    }
}
