package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** C: text kept with the patient's known identifying values removed. */
public record Clean() implements Action {
    @Override
    public String code() { return "C"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        if (!e.vr().isText()) {
            return e;
        }
        String text = ctx.text(e);
        String cleaned = ctx.clean(text);
        return cleaned.equals(text) ? e : ctx.withText(e, cleaned);
    }
}
