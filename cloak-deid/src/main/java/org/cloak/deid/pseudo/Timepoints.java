package org.cloak.deid.pseudo;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time points per patient. Discovery records the earliest date of each study and of each
 * patient (original PatientID); the patient's earliest date is M00 and each study goes to the
 * schedule point nearest its own earliest date. A patient first met after discovery takes the
 * date of the first of its files to be planned as M00, in arrival order, with a warning. A
 * study with no date at all is labelled {@value #UNKNOWN}.
 */
final class Timepoints {
    static final String UNKNOWN = "UNKNOWN";
    private static final Logger LOG = LoggerFactory.getLogger(Timepoints.class);

    /** The time point of one study. */
    record Point(String label, LocalDate anchor) {}

    private final TimepointSchedule schedule;
    private final Map<String, LocalDate> studyDates = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> firstDates = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> lateFirstDates = new ConcurrentHashMap<>();

    Timepoints(TimepointSchedule schedule) {
        this.schedule = schedule;
    }

    /** Thread-safe. */
    void observe(FileFacts f) {
        if (f.date() != null) {
            studyDates.merge(f.studyUid(), f.date(), Timepoints::earlier);
            firstDates.merge(f.patientKey(), f.date(), Timepoints::earlier);
        }
    }

    /** Thread-safe; called after discovery. */
    Point pointFor(FileFacts f) {
        LocalDate date = f.studyUid().isEmpty() ? f.date() : studyDates.getOrDefault(f.studyUid(), f.date());
        if (date == null) {
            return new Point(UNKNOWN, TimepointSchedule.EPOCH);
        }
        LocalDate first = firstDates.get(f.patientKey());
        if (first == null) {
            first = lateFirstDates.computeIfAbsent(f.patientKey(), k -> {
                LOG.warn("A patient not seen during discovery takes its first planned study as M00");
                return date;
            });
        }
        int months = schedule.pointFor(first, date);
        return new Point(TimepointSchedule.label(months), TimepointSchedule.anchor(months));
    }

    /** Original PatientID -> the date taken as M00 (for the re-identification vault). */
    Map<String, LocalDate> firstDates() {
        Map<String, LocalDate> all = new TreeMap<>(lateFirstDates);
        all.putAll(firstDates);
        return all;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
