package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/**
 * keep whole: unchanged, and for a sequence, its items are kept as they are instead of being
 * walked (CTP keeps a sequence whose script is not {@code @process()} without looking inside).
 */
public record KeepWhole() implements Action {
    @Override
    public String code() { return "keep-whole"; }

    @Override
    public Element apply(Element e, ActionContext ctx) { return e; }

    @Override
    public boolean dropsItems() { return true; }
}
