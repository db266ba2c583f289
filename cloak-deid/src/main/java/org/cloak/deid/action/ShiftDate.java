package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** shift-date: moves DA/DT by the patient's offset so intervals survive; times kept or zeroed. */
public record ShiftDate(boolean zeroTime) implements Action {
    @Override
    public String code() { return "shift-date"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        int days = ctx.dateOffsetDays();
        return DateValues.rewrite(e, ctx, d -> d.plusDays(days), zeroTime);
    }
}
