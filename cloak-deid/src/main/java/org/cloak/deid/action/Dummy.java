package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** D: a non-empty dummy value valid for the VR and the attribute's VM. */
public record Dummy() implements Action {
    @Override
    public String code() { return "D"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        if (e.vr() == org.cloak.dicom.dict.Vr.UI) {
            return new ReplaceUid().apply(e, ctx);
        }
        return DummyValues.replace(e, ctx);
    }
}
