package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/** The patient's pseudonym from the ID strategy: the new PatientID, or the new PatientName. */
public record Pseudonym(Kind kind) implements Action {
    public enum Kind { PATIENT_ID, PATIENT_NAME }

    @Override
    public String code() { return kind == Kind.PATIENT_ID ? "new-id" : "new-name"; }

    @Override
    public Element apply(Element e, ActionContext ctx) {
        return ctx.withText(e, kind == Kind.PATIENT_ID ? ctx.newPatientId() : ctx.newPatientName());
    }
}
