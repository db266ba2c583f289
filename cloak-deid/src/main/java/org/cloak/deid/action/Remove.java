package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** X: the attribute goes; for a sequence, with all its items. */
public record Remove() implements Action {
    @Override
    public String code() { return "X"; }

    @Override
    public Element apply(Element original, ActionContext ctx) { return null; }

    @Override
    public boolean dropsItems() { return true; }
}
