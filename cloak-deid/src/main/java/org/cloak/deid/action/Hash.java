package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** hash(length): the value replaced by a keyed hash of itself, so equal inputs stay equal. */
public record Hash(int length) implements Action {
    @Override
    public String code() { return "hash"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        String text = ctx.text(e);
        if (text == null || text.isEmpty() || !e.vr().isText()) {
            return e;
        }
        return ctx.withText(e, ctx.hash(text.trim(), length));
    }
}
