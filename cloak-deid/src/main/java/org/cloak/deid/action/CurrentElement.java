package org.cloak.deid.action;

import java.time.LocalDate;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Element;

/** An {@link ActionContext} that also names the element being decided, for {@link ValueExpr.Self}. */
final class CurrentElement implements ActionContext {
    private final ActionContext ctx;
    private final Element current;

    private CurrentElement(ActionContext ctx, Element current) {
        this.ctx = ctx;
        this.current = current;
    }

    static ActionContext of(ActionContext ctx, Element current) {
        return ctx.current() == current ? ctx : new CurrentElement(ctx, current);
    }

    @Override
    public Element current() { return current; }

    @Override
    public Scope scope() { return ctx.scope(); }

    @Override
    public String text(Element e) { return ctx.text(e); }

    @Override
    public Element withText(Element e, String value) { return ctx.withText(e, value); }

    @Override
    public String mapUid(String uid) { return ctx.mapUid(uid); }

    @Override
    public String newPatientId() { return ctx.newPatientId(); }

    @Override
    public String newPatientName() { return ctx.newPatientName(); }

    @Override
    public int dateOffsetDays() { return ctx.dateOffsetDays(); }

    @Override
    public String timepoint() { return ctx.timepoint(); }

    @Override
    public LocalDate timepointDate(LocalDate original) { return ctx.timepointDate(original); }

    @Override
    public LocalDate processingDate() { return ctx.processingDate(); }

    @Override
    public String clean(String text) { return ctx.clean(text); }

    @Override
    public String hash(String value, int length) { return ctx.hash(value, length); }
}
