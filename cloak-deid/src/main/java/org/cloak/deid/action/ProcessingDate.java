package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** processing-date: dates become the date of this run; times zeroed. */
public record ProcessingDate() implements Action {
    @Override
    public String code() { return "processing-date"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return DateValues.rewrite(e, ctx, d -> ctx.processingDate(), true);
    }
}
