package org.cloak.deid.action;

import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Vr;

/** Z: the attribute stays with a zero-length value (an empty sequence for SQ). */
public record Empty() implements Action {
    @Override
    public String code() { return "Z"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return new Element(e.tag(), e.vr(), e.vr() == Vr.SQ ? new Sequence() : Bytes.EMPTY);
    }

    @Override
    public boolean dropsItems() { return true; }
}
