package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** K: unchanged (a sequence's items are still walked). */
public record Keep() implements Action {
    @Override
    public String code() { return "K"; }

    @Override
    public Element apply(Element e, ActionContext ctx) { return e; }
}
