package org.cloak.pipeline.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.PlanSource;

/**
 * Gives every instance of a study the plan of the study's first instance, so a study received
 * over the network stays one leaf (one patient ID, one date offset, one time point) even when
 * a strategy would look at per-instance values. Remembers the most recent studies only; the
 * strategies are deterministic for what they are given, so a study seen again after being
 * forgotten gets the same plan unless its plan depended on arrival order (see docs/listen.md).
 */
final class StudyPlans implements PlanSource {
    private static final int REMEMBERED = 4096;

    private final PlanSource planner;
    private final Map<String, PatientPlan> recent = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PatientPlan> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final AtomicLong planned = new AtomicLong();

    StudyPlans(PlanSource planner) {
        this.planner = planner;
    }

    /**
     * How many times the planner was asked so far: when it has not moved since the vault was
     * last merged, the planner decided nothing new and the merge can be skipped.
     */
    long planned() {
        return planned.get();
    }

    @Override
    public PatientPlan planFor(DataSet original, Origin origin) {
        String study = original.getString(Tag.StudyInstanceUID);
        if (study == null || study.isEmpty()) {
            return ask(original, origin);
        }
        synchronized (recent) {
            PatientPlan known = recent.get(study);
            if (known != null) {
                return known;
            }
        }
        PatientPlan plan = ask(original, origin);
        synchronized (recent) {
            // two first instances racing: the one recorded first wins for both
            return recent.computeIfAbsent(study, k -> plan);
        }
    }

    private PatientPlan ask(DataSet original, Origin origin) {
        PatientPlan plan = planner.planFor(original, origin);
        planned.incrementAndGet(); // after the planner recorded its decision
        return plan;
    }
}
