package org.cloak.deid.recipe;

import java.util.List;

/**
 * How dates are treated (DESIGN C2).
 *
 * @param mode profile (what the profile's table says), keep, remove, shift, timepoint, year-only, fixed, processing-date
 * @param shiftMinDays shift: smallest offset in days (may be negative)
 * @param shiftMaxDays shift: largest offset in days
 * @param zeroTimes shift: whether TM values and the time of DT become 000000
 * @param schedule timepoint: months of the schedule, e.g. 0, 6, 12, 24
 * @param fixedDate fixed: the date, YYYYMMDD
 * @param birthDate rule for PatientBirthDate and PatientBirthTime: profile, keep, remove, empty, year-only, shift
 */
public record DateConfig(String mode, int shiftMinDays, int shiftMaxDays, boolean zeroTimes, List<Integer> schedule,
                         String fixedDate, String birthDate) {

    public static DateConfig defaults() {
        return new DateConfig("profile", -365, -1, false, List.of(0, 6, 12, 18, 24, 36, 48, 60), null, "profile");
    }
}
