package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/**
 * create: as {@link Derive} where the attribute is there, and the attribute is added where it is
 * absent and this rule is the one that would decide it (DicomEdit's {@code :=} on a missing
 * attribute, CTP's {@code @always()}). Only a selector that names one attribute can create:
 * a tag, a private element by creator, or a path to one whose levels name their sequences.
 * An expression without a value creates nothing.
 */
public record Create(ValueExpr value) implements Action {
    @Override
    public String code() { return "create"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return new Derive(value).apply(e, ctx);
    }
}
