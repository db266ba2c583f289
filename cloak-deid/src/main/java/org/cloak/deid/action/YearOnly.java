package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** year-only: a date keeps its year and becomes the 1st of January; times zeroed. */
public record YearOnly() implements Action {
    @Override
    public String code() { return "year-only"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return DateValues.rewrite(e, ctx, d -> d.withDayOfYear(1), true);
    }
}
