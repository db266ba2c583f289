package org.cloak.deid.action;

import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;

/**
 * set(value): a fixed value; for VRs that cannot hold the text (binary, dates that do not parse)
 * the value is emptied.
 */
public record SetValue(String value) implements Action {
    @Override
    public String code() { return "set"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        if (!DummyValues.fits(e.vr(), value)) {
            return new Element(e.tag(), e.vr(), Bytes.EMPTY);
        }
        return ctx.withText(e, value);
    }
}
