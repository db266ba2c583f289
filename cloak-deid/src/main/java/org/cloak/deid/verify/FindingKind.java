package org.cloak.deid.verify;

/** What a finding says, with its severity and a sentence for the report. */
public enum FindingKind {
    // changed as meant (with originals: the engine replayed on the original is the reference)
    NOT_APPLIED(Severity.FAIL, "the rule meant a change, the value is the original one"),
    DATE_NOT_SHIFTED(Severity.FAIL, "the date was to be shifted but equals the original date"),
    UID_NOT_REPLACED(Severity.FAIL, "the UID was to be replaced but is the original UID"),
    NOT_AS_MEANT(Severity.FAIL, "changed, but not to what the rule gives"),
    UNEXPECTED_CHANGE(Severity.FAIL, "changed although no rule changes it"),
    UNEXPECTED_ATTRIBUTE(Severity.FAIL, "present although the recipe does not produce it"),
    MISSING_ATTRIBUTE(Severity.FAIL, "missing although the recipe keeps or sets it"),
    PRIVATE_NOT_REMOVED(Severity.FAIL, "private attribute that the recipe removes"),
    PIXEL_DATA_CHANGED(Severity.FAIL, "pixel data differs from the original"),
    PIXELS_CHANGED_OUTSIDE(Severity.FAIL, "cleaned pixel data changed outside the blanked areas"),
    PIXEL_TEXT_IDENTIFIER(Severity.FAIL, "OCR reads an identifying value of the patient in the cleaned pixels"),
    // residual PHI and flags
    IDENTIFIER(Severity.FAIL, "an identifying value of the patient survives"),
    IDENTIFIER_IN_PATH(Severity.FAIL, "a folder or file name of the output holds an identifying value of the patient"),
    IDENTITY_REMOVED_MISSING(Severity.FAIL, "Patient Identity Removed (0012,0062) is not YES"),
    BURNED_IN_ANNOTATION(Severity.FAIL, "Burned In Annotation is YES: the pixels may show identifying text"),
    // integrity
    UNREADABLE(Severity.FAIL, "the output does not parse"),
    META_MISMATCH(Severity.FAIL, "the file meta information disagrees with the data set"),
    UNRESOLVED_REFERENCE(Severity.FAIL, "references an instance of the input set that is not in the output"),
    REFERENCE_OUTSIDE_SET(Severity.WARN, "references an instance that is in neither the input nor the output set"),
    MISSING_OUTPUT(Severity.FAIL, "an input has no output and was not quarantined"),
    UNPAIRED_OUTPUT(Severity.WARN, "an output with no matching input: scanned, but not compared"),
    NOT_CHECKED(Severity.WARN, "could not be compared with its original");

    private final Severity severity;
    private final String meaning;

    FindingKind(Severity severity, String meaning) {
        this.severity = severity;
        this.meaning = meaning;
    }

    public Severity severity() { return severity; }

    public String meaning() { return meaning; }
}
