package org.cloak.deid.pseudo;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * What the pseudonymization decided for one patient and study, before the engine runs.
 *
 * @param newPatientId the pseudonymous PatientID
 * @param newPatientName the new PatientName (the new ID unless configured otherwise)
 * @param dateOffsetDays days every date of this patient moves by (shift mode)
 * @param timepoint the study's time point label (M00, M06...), or null
 * @param timepointDates maps an original date to the date of its time point
 */
public record PatientPlan(String newPatientId, String newPatientName, int dateOffsetDays, String timepoint,
                          UnaryOperator<LocalDate> timepointDates) {

    /** For profiles that keep IDs: values unchanged. */
    public static PatientPlan unchanged(String patientId, String patientName) {
        return new PatientPlan(patientId, patientName, 0, null, d -> d);
    }
}
