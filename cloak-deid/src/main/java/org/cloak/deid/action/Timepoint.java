package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** timepoint: dates replaced by the date of the study's time point; times zeroed. */
public record Timepoint() implements Action {
    @Override
    public String code() { return "timepoint"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return DateValues.rewrite(e, ctx, ctx::timepointDate, true);
    }
}
