package org.cloak.deid.pseudo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * A trial's visit schedule in months (e.g. 0, 6, 12, 24). A study is placed at the schedule
 * point nearest to its distance from the patient's first study, measured in calendar months
 * (whole months plus the elapsed fraction of the next one, so the same day five months later is
 * exactly 5). A tie goes to the earlier point; a study beyond the last point still goes to the
 * nearest point, so labels always come from the schedule. Labels are "M" + at least two digits.
 */
final class TimepointSchedule {
    /** Dates of a time point are written as this epoch plus the point's months. */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    private final int[] points;

    TimepointSchedule(List<Integer> months) {
        if (months == null || months.isEmpty()) {
            throw new PseudonymException("The time point schedule is empty");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer m : months) {
            if (m == null || m < 0) {
                throw new PseudonymException("Time point months must be 0 or more, not " + m);
            }
            sorted.add(m);
        }
        this.points = sorted.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The schedule point (months) for a study on {@code date} of a patient first seen on {@code first}. */
    int pointFor(LocalDate first, LocalDate date) {
        long whole = ChronoUnit.MONTHS.between(first, date);
        LocalDate a = first.plusMonths(whole);
        long sign = date.isBefore(a) ? -1 : 1;
        LocalDate b = first.plusMonths(whole + sign);
        // the distance is whole + part/unit months; compare in units of 1/unit month, exactly
        long unit = Math.abs(ChronoUnit.DAYS.between(a, b));
        long part = Math.abs(ChronoUnit.DAYS.between(a, date));
        long scaled = whole * unit + sign * part;
        int best = points[0];
        long bestDistance = Math.abs(scaled - (long) best * unit);
        for (int p : points) {
            long d = Math.abs(scaled - (long) p * unit);
            if (d < bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return best;
    }

    static String label(int months) {
        return months < 10 ? "M0" + months : "M" + months;
    }

    static LocalDate anchor(int months) {
        return EPOCH.plusMonths(months);
    }
}
