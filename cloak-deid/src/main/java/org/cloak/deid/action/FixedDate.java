package org.cloak.deid.action;

import java.time.LocalDate;
import org.cloak.dicom.data.Element;

/** fixed date: every date becomes the same given date; times zeroed. */
public record FixedDate(LocalDate date) implements Action {
    @Override
    public String code() { return "fixed-date"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return DateValues.rewrite(e, ctx, d -> date, true);
    }
}
