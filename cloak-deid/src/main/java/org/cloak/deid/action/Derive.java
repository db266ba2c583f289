package org.cloak.deid.action;

import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;

/**
 * derive: the value built from other attributes' original values ({@link ValueExpr}). Written
 * as {@link SetValue} writes a fixed value: where the VR cannot hold the result, or the
 * expression has no value, the attribute is emptied.
 */
public record Derive(ValueExpr value) implements Action {
    @Override
    public String code() { return "derive"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        String v = value.evaluate(CurrentElement.of(ctx, e));
        if (v == null) {
            return new Element(e.tag(), e.vr(), Bytes.EMPTY);
        }
        return new SetValue(v).apply(e, ctx);
    }
}
