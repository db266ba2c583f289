package org.cloak.deid.pseudo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * Decides each input file's {@link PatientPlan}: new PatientID and PatientName, date offset and
 * time point. Use: {@code builder(ids, dates, secret)}; when {@link Builder#needsDiscovery()},
 * call {@link Builder#observe} for every input (from any threads) before writing anything; then
 * {@link Builder#build()} and {@link #planFor} per file. Plans depend only on the set of
 * observed inputs, the configuration and the secret, never on thread scheduling. An input not
 * observed (e.g. received over the network) still gets a plan; for SEQUENTIAL numbers, FOLDER
 * fallback numbers and time points that plan depends on arrival order, and a warning is logged.
 */
public final class PseudonymPlanner implements PlanSource {
    private final PatientIdStrategy ids;
    private final PatientIdConfig.PatientName patientName;
    private final DateShifter shifter;
    private final Timepoints timepoints;
    private final Map<String, Set<String>> idMap = new ConcurrentHashMap<>();
    private final Set<String> patients = ConcurrentHashMap.newKeySet();

    private PseudonymPlanner(Builder b) {
        this.ids = b.ids;
        this.patientName = b.patientName;
        this.shifter = b.shifter;
        this.timepoints = b.timepoints;
    }

    /** A planner for these settings; fails at once on a bad setting or an unreadable mapping file. */
    public static Builder builder(PatientIdConfig ids, DateConfig dates, Secret secret) {
        return new Builder(ids, dates, secret);
    }

    /** The plan for one input file. Thread-safe. */
    @Override
    public PatientPlan planFor(DataSet original, Origin origin) {
        FileFacts f = FileFacts.of(original, origin);
        String newId = ids.newId(f);
        record(f, newId);
        String name = switch (patientName.kind()) {
            case ID -> newId;
            case KEEP -> orEmpty(original.getText(Tag.PatientName));
            case EMPTY -> "";
            case TEXT -> patientName.text();
        };
        int offset = shifter == null ? 0 : shifter.offsetDays(f.patientKey());
        if (timepoints == null) {
            return new PatientPlan(newId, name, offset, null, UnaryOperator.identity());
        }
        Timepoints.Point p = timepoints.pointFor(f);
        LocalDate anchor = p.anchor();
        return new PatientPlan(newId, name, offset, p.label(), d -> anchor);
    }

    /**
     * Original PatientID -> new PatientID for every patient observed or planned so far, sorted.
     * When one original ID was given several new ones (e.g. SEQUENTIAL per top folder with one
     * patient in two folders) the value lists them sorted, separated by a backslash.
     */
    public Map<String, String> idMap() {
        Map<String, String> out = new TreeMap<>();
        idMap.forEach((k, v) -> out.put(k, String.join("\\", new TreeSet<>(v))));
        return out;
    }

    /** Original PatientID -> days its dates move, when dates or birth dates are shifted; else empty. */
    public Map<String, Integer> dateOffsets() {
        Map<String, Integer> out = new TreeMap<>();
        if (shifter != null) {
            patients.forEach(p -> out.put(p, shifter.offsetDays(p)));
        }
        return out;
    }

    /** Original PatientID -> the date taken as M00, in time point mode; else empty. */
    public Map<String, LocalDate> timepointBaselines() {
        return timepoints == null ? Map.of() : timepoints.firstDates();
    }

    private void record(FileFacts f, String newId) {
        patients.add(f.patientKey());
        idMap.computeIfAbsent(f.patientKey(), k -> ConcurrentHashMap.newKeySet()).add(newId);
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    /** Collects the inputs (when needed) and builds the planner. */
    public static final class Builder {
        private final PatientIdStrategy ids;
        private final PatientIdConfig.PatientName patientName;
        private final DateShifter shifter;
        private final Timepoints timepoints;
        private final Discovery discovery = new Discovery();
        private volatile boolean built;
        private PseudonymPlanner planner;

        private Builder(PatientIdConfig ids, DateConfig dates, Secret secret) {
            this.ids = PatientIdStrategy.of(ids, secret);
            this.patientName = ids.patientName() == null ? PatientIdConfig.PatientName.ID : ids.patientName();
            this.shifter = dates.mode() == DateConfig.Mode.SHIFT || dates.birthDate() == DateConfig.BirthDate.SHIFT
                    ? new DateShifter(secret, dates.shiftMinDays(), dates.shiftMaxDays()) : null;
            this.timepoints = dates.mode() == DateConfig.Mode.TIMEPOINT ? new Timepoints(new TimepointSchedule(
                    dates.schedule())) : null;
        }

        /** Whether every input must be observed before the first plan (SEQUENTIAL, numbered fallbacks, time points). */
        public boolean needsDiscovery() {
            return ids.needsDiscovery() || timepoints != null;
        }

        /** Records one input file's header. Thread-safe; only before {@link #build()}. */
        public Builder observe(DataSet header, Origin origin) {
            return merge(new Discovery().observe(header, origin));
        }

        /** Adds observations made elsewhere (other threads, workers or machines). Only before {@link #build()}. */
        public Builder merge(Discovery observed) {
            if (built) {
                throw new IllegalStateException("observe() after build()");
            }
            discovery.merge(observed);
            return this;
        }

        /**
         * Ends discovery: numbers are assigned now, in sorted order. Later calls return the same
         * planner; {@link #observe} is refused from then on.
         */
        public synchronized PseudonymPlanner build() {
            if (planner != null) {
                return planner;
            }
            built = true;
            Set<FileFacts> seen = new HashSet<>();
            for (FileFacts f : discovery.facts()) {
                ids.observe(f);
                if (timepoints != null) {
                    timepoints.observe(f);
                }
                seen.add(f.identity());
            }
            ids.freeze();
            planner = new PseudonymPlanner(this);
            for (FileFacts f : seen) {
                try {
                    planner.record(f, ids.newId(f));
                } catch (PseudonymException unmapped) {
                    // an ID missing from the mapping fails its own files in planFor, not the whole run
                }
            }
            return planner;
        }

        /** {@link #merge} then {@link #build()}: the planner for everything {@code observed}. */
        public PseudonymPlanner build(Discovery observed) {
            merge(observed);
            return build();
        }

    }
}
