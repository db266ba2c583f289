package org.cloak.deid.pseudo;

import java.util.List;

/**
 * How dates are treated, parsed once where the recipe is read.
 *
 * @param mode what happens to the dates and times the profile lists
 * @param shiftMinDays shift: smallest offset in days (may be negative)
 * @param shiftMaxDays shift: largest offset in days
 * @param zeroTimes shift: whether TM values and the time of DT become 000000
 * @param schedule timepoint: months of the schedule, e.g. 0, 6, 12, 24
 * @param fixedDate fixed: the date, YYYYMMDD
 * @param birthDate rule for PatientBirthDate and PatientBirthTime
 */
public record DateConfig(Mode mode, int shiftMinDays, int shiftMaxDays, boolean zeroTimes, List<Integer> schedule,
                         String fixedDate, BirthDate birthDate) {

    /** The date mode. */
    public enum Mode {
        /** What the profile's table says. */
        PROFILE, KEEP, REMOVE, SHIFT, TIMEPOINT, YEAR_ONLY, FIXED, PROCESSING_DATE;

        /** The recipe's word for it, e.g. {@code year-only}. */
        public String label() { return Labels.of(this); }

        /** The mode written {@code word} in a recipe (any case), or null. */
        public static Mode parse(String word) { return Labels.parse(Mode.class, word); }

        public static List<String> labels() { return Labels.all(Mode.class); }
    }

    /** The birth date's own rule. */
    public enum BirthDate {
        PROFILE, KEEP, REMOVE, EMPTY, YEAR_ONLY, SHIFT;

        public String label() { return Labels.of(this); }

        public static BirthDate parse(String word) { return Labels.parse(BirthDate.class, word); }

        public static List<String> labels() { return Labels.all(BirthDate.class); }
    }

    public static DateConfig defaults() {
        return new DateConfig(Mode.PROFILE, -365, -1, false, List.of(0, 6, 12, 18, 24, 36, 48, 60), null,
                BirthDate.PROFILE);
    }
}
