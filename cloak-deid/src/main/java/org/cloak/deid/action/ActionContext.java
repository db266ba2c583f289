package org.cloak.deid.action;

import java.time.LocalDate;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Element;

/** What actions need from the engine while one data set is de-identified. */
public interface ActionContext {

    /**
     * Where the attribute being changed sits: the original top-level data set and the original
     * item holding the attribute, for actions that read other attributes.
     */
    Scope scope();

    /** The element's whole text value decoded with the character set in force (padding trimmed). */
    String text(Element e);

    /** A copy of the element holding a new text value, encoded and padded for its VR. */
    Element withText(Element e, String value);

    /** The pseudonymous UID for an original UID (well-known UIDs come back unchanged). */
    String mapUid(String uid);

    /** The patient's new ID, from the ID strategy. */
    String newPatientId();

    /** The patient's new name (the new ID unless configured otherwise). */
    String newPatientName();

    /** Days every date of this patient moves by. */
    int dateOffsetDays();

    /** The study's time point label (M00, M06, ...), or null when time points are not in use. */
    String timepoint();

    /** The date a study's dates are mapped to under the time point mode. */
    LocalDate timepointDate(LocalDate original);

    /** The date of this run. */
    LocalDate processingDate();

    /** Free text with the patient's known identifying values removed. */
    String clean(String text);

    /** A keyed hash of a value, as {@code length} characters. */
    String hash(String value, int length);

    /**
     * The original element an action is deciding, for values computed from it
     * ({@link ValueExpr.Self}); null where no element is being decided (a condition's test).
     */
    default Element current() { return null; }
}
