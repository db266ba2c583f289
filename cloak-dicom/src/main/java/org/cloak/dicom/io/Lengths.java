package org.cloak.dicom.io;

import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;

/** Encoded sizes of elements, items and sequences, as {@link DicomWriter} writes them. */
final class Lengths {
    private Lengths() {}

    /** Header plus value of one element. */
    static long element(Element e, boolean explicit) {
        Value v = e.value();
        if (v instanceof Sequence seq) {
            boolean implicitUn = seq.isImplicitLittleEndian();
            long content = sequenceContent(seq, !implicitUn && explicit);
            boolean undefined = seq.isUndefinedLength() || implicitUn;
            return (explicit ? 12 : 8) + content + (undefined ? 8 : 0);
        }
        if (v instanceof Fragments f) {
            return (explicit ? 12 : 8) + 8L * f.items().size() + f.payloadLength() + 8;
        }
        long len = v.length() + (v.length() & 1);
        int header = !explicit ? 8 : e.vr().hasLongLength() ? 12 : 8;
        return header + len;
    }

    /** The items of a sequence with their headers and delimiters, without the sequence delimiter. */
    static long sequenceContent(Sequence seq, boolean explicit) {
        long n = 0;
        for (DataSet item : seq) {
            n += 8 + dataSet(item, explicit) + (item.isUndefinedLength() ? 8 : 0);
        }
        return n;
    }

    /** The elements of a data set or item. */
    static long dataSet(DataSet ds, boolean explicit) {
        long n = 0;
        for (Element e : ds) {
            n += element(e, explicit);
        }
        return n;
    }
}
