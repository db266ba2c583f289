package org.cloak.dicom.data;

import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/** One attribute: tag, VR and value. Immutable; a data set replaces elements to change them. */
public record Element(int tag, Vr vr, Value value) {

    public Element {
        if (vr == null || value == null) {
            throw new IllegalArgumentException("element " + Tags.toString(tag) + " needs a VR and a value");
        }
    }

    public boolean isEmpty() {
        return value instanceof Sequence s ? s.isEmpty() : value.length() == 0;
    }

    @Override
    public String toString() { return Tags.toString(tag) + " " + vr + " " + value; }
}
